// When scenario events are due: `at` a session time, a delay after an `on` key first shows
// on the timeline, `when` a signal has held for its duration without a break; each fires
// once, an `unless` skips it, and the signals are computed from the session's readings.
#include "event_scheduler.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "hal/units.h"

using namespace tractus;
using namespace tractus::scenarios;

namespace {

constexpr int64_t kS = 1000000;

ScenarioEvent at(const std::string& id, double s) {
  ScenarioEvent e;
  e.id = id;
  e.has_at = true;
  e.at_s = s;
  return e;
}

ScenarioEvent on(const std::string& id, const std::string& key, double after_s) {
  ScenarioEvent e;
  e.id = id;
  e.on = key;
  e.after_s = after_s;
  return e;
}

ScenarioEvent when(const std::string& id, double above, double for_s) {
  ScenarioEvent e;
  e.id = id;
  e.has_when = true;
  e.when.signal = "force_lbf";
  e.when.above = true;
  e.when.threshold = above;
  e.when.for_s = for_s;
  return e;
}

// runs one tick and returns the ids fired
struct Harness {
  std::vector<ScenarioEvent> events;
  EventScheduler scheduler{0};
  std::vector<TimelineEntry> timeline;
  double signal_value = 0.0;
  std::vector<std::string> averted_ids;

  explicit Harness(std::vector<ScenarioEvent> e) : events(std::move(e)), scheduler(events.size()) {}

  std::vector<std::string> tick(int64_t now_us) {
    std::vector<std::string> fired;
    scheduler.run(
        events, timeline, now_us, [&](const std::string&) { return signal_value; },
        [&](const ScenarioEvent& ev) {
          for (const std::string& id : averted_ids)
            if (id == ev.id) return true;
          return false;
        },
        [&](const ScenarioEvent& ev) { fired.push_back(ev.id); });
    return fired;
  }
};

using Ids = std::vector<std::string>;

}  // namespace

TEST(EventScheduler, AnAtEventFiresOnceAtItsTime) {
  Harness h({at("a", 2.0)});
  EXPECT_EQ(h.tick(2 * kS - 1), Ids{});
  EXPECT_EQ(h.tick(2 * kS), Ids{"a"});
  EXPECT_TRUE(h.scheduler.fired(0));
  EXPECT_EQ(h.tick(3 * kS), Ids{}) << "an event fires once";
}

TEST(EventScheduler, AnOnEventWaitsItsDelayAfterTheKeyFirstAppears) {
  Harness h({on("after-treating", "state:treating", 1.5)});
  h.timeline.push_back(TimelineEntry{1 * kS, "state", "state:ready", "Table: Ready"});
  EXPECT_EQ(h.tick(2 * kS), Ids{});
  h.timeline.push_back(TimelineEntry{3 * kS, "state", "state:treating", "Table: Treating"});
  h.timeline.push_back(TimelineEntry{4 * kS, "state", "state:treating", "Table: Treating"});
  EXPECT_EQ(h.tick(4 * kS), Ids{});
  EXPECT_EQ(h.scheduler.on_seen_us(0), 3 * kS) << "the first appearance counts";
  EXPECT_EQ(h.tick(4 * kS + kS / 2 - 1), Ids{});
  EXPECT_EQ(h.tick(4 * kS + kS / 2), Ids{"after-treating"});
}

TEST(EventScheduler, AWhenEventNeedsItsConditionToHoldWithoutABreak) {
  Harness h({when("pulled-hard", 40.0, 2.0)});
  h.signal_value = 45.0;
  EXPECT_EQ(h.tick(10 * kS), Ids{});
  EXPECT_EQ(h.tick(11 * kS), Ids{});
  h.signal_value = 40.0;  // not above: the hold breaks
  EXPECT_EQ(h.tick(11 * kS + 1), Ids{});
  h.signal_value = 41.0;
  EXPECT_EQ(h.tick(12 * kS), Ids{});
  EXPECT_EQ(h.tick(14 * kS - 1), Ids{});
  EXPECT_EQ(h.tick(14 * kS), Ids{"pulled-hard"});
}

TEST(EventScheduler, AnUnlessSkipsTheEventForGood) {
  Harness h({at("a", 1.0), at("b", 1.0)});
  h.averted_ids = {"a"};
  EXPECT_EQ(h.tick(1 * kS), Ids{"b"}) << "a is skipped, b still fires, in order";
  EXPECT_TRUE(h.scheduler.fired(0)) << "a skipped event is spent";
  h.averted_ids.clear();
  EXPECT_EQ(h.tick(2 * kS), Ids{});
}

TEST(EventScheduler, DueEventsFireInTheScenariosOrder) {
  Harness h({at("third", 1.0), at("first", 0.5), at("second", 1.0)});
  EXPECT_EQ(h.tick(1 * kS), (Ids{"third", "first", "second"}));
}

TEST(EventScheduler, SignalsComeFromTheSessionsReadings) {
  SignalSources s;
  s.cord_tension_n = 40.0 * units::kNewtonsPerLbf;
  s.body_mass_kg = 80.0;
  s.now_us = 90 * kS;
  s.treating_since_us = 30 * kS;
  s.treating = true;
  s.has_protocol = true;
  s.force_n = 300.0;
  s.ramp_s = 30.0;
  // in SI: the loader converted the file's lbf thresholds to newtons
  EXPECT_NEAR(event_signal("force_lbf", s), 40.0 * units::kNewtonsPerLbf, 1e-12);
  EXPECT_NEAR(event_signal("force_pct_bw", s),
              100.0 * 40.0 * units::kNewtonsPerLbf / (80.0 * units::kStandardGravity), 1e-12);
  EXPECT_NEAR(event_signal("force_pct_bw", s), 22.68, 0.01);  // 177.9 N of 784.5 N
  EXPECT_DOUBLE_EQ(event_signal("treatment_s", s), 60.0);
  EXPECT_DOUBLE_EQ(event_signal("ramp_lbf_per_s", s), 10.0) << "newtons a second";
  s.treating = false;
  s.treating_since_us = -1;
  EXPECT_DOUBLE_EQ(event_signal("ramp_lbf_per_s", s), 0.0) << "no ramp while not treating";
  EXPECT_DOUBLE_EQ(event_signal("treatment_s", s), 0.0);
  EXPECT_DOUBLE_EQ(event_signal("no_such_signal", s), 0.0);
}

TEST(EventScheduler, DoneBeforeMatchesOnlyAcceptedActionsWithTheirDetail) {
  std::vector<RecordedAction> actions;
  Action ask;
  ask.kind = ActionKind::Ask;
  ask.question = "red_flags";
  actions.push_back(RecordedAction{1, ask, true});
  Action refused_start;
  refused_start.kind = ActionKind::Start;
  actions.push_back(RecordedAction{2, refused_start, false});
  EXPECT_TRUE(done_before(ActionMatch{"ask", "", ""}, actions));
  EXPECT_TRUE(done_before(ActionMatch{"ask", "red_flags", ""}, actions));
  EXPECT_FALSE(done_before(ActionMatch{"ask", "pregnancy", ""}, actions));
  EXPECT_FALSE(done_before(ActionMatch{"start", "", ""}, actions)) << "a refused start was not done";
}
