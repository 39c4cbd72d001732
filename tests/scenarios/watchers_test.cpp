// The watchers that raise critical errors, driven with made-up readings: the force band
// counts whole ticks above the safe limit, a stop window closes when traction stops or
// turns late, a slip is reported once per fit, a loaded patient is caught after the window,
// each critical error counts once, a 3xx alarm locks the unit, and sharp pain under traction
// opens one stop window whatever its cause.
#include "watchers.h"

#include <gtest/gtest.h>

#include "hal/units.h"
#include "scenarios/engine_rules.h"

using namespace tractus;
using namespace tractus::scenarios;

namespace {

constexpr int64_t kTickUs = 1000;
constexpr int64_t kS = 1000000;

double lbf_to_n(double lbf) { return lbf * units::kNewtonsPerLbf; }

Safety limits() {
  Safety s;
  s.max_safe_force_n = lbf_to_n(50.0);
  s.over_limit_critical_s = 1.0;
  s.stop_window_s = 5.0;
  s.unpowered_load_window_s = 120.0;
  return s;
}

int count_kind(const Recorder& r, const std::string& kind) {
  int n = 0;
  for (const TimelineEntry& e : r.timeline()) n += e.kind == kind ? 1 : 0;
  return n;
}

}  // namespace

TEST(Watchers, ForceAboveTheSafeLimitIsCriticalOnlyAfterTheAllowedTime) {
  Watchers w(limits());
  Recorder r;
  // 1000 ticks above the limit is exactly 1 s: not yet over it
  for (int64_t t = 1; t <= 1000; ++t) w.watch_force(lbf_to_n(55.0), kTickUs, r, t * kTickUs);
  EXPECT_EQ(w.outside_us(), 1 * kS);
  EXPECT_TRUE(w.critical_errors().empty());
  w.watch_force(lbf_to_n(55.0), kTickUs, r, 1001 * kTickUs);
  ASSERT_EQ(w.critical_errors().size(), 1u);
  EXPECT_EQ(w.critical_errors()[0].id, "force_over_safe_limit");
  EXPECT_EQ(w.critical_errors()[0].t_us, 1001 * kTickUs);
  EXPECT_EQ(w.critical_errors()[0].message,
            "cord tension above this patient's safe limit of 50.0 lbf for over 1.0 s");
  // it counts once however long the force stays up
  for (int64_t t = 1002; t < 3000; ++t) w.watch_force(lbf_to_n(60.0), kTickUs, r, t * kTickUs);
  EXPECT_EQ(w.critical_errors().size(), 1u);
  EXPECT_EQ(count_kind(r, "critical"), 1);
  EXPECT_NEAR(w.max_force_n(), lbf_to_n(60.0), 1e-9);
}

TEST(Watchers, ForceBelowTheLimitCountsNoTimeOutside) {
  Watchers w(limits());
  Recorder r;
  for (int64_t t = 1; t <= 5000; ++t) w.watch_force(lbf_to_n(t == 2500 ? 49.9 : 30.0), kTickUs, r, t * kTickUs);
  EXPECT_EQ(w.outside_us(), 0);
  EXPECT_NEAR(w.max_force_n(), lbf_to_n(49.9), 1e-9);
  EXPECT_TRUE(r.timeline().empty());
}

TEST(Watchers, AStopWindowClosesWhenTractionStops) {
  Watchers w(limits());
  Recorder r;
  w.open_stop_window("sharp_pain", 10 * kS);
  w.watch_stop_windows(true, r, 12 * kS);
  EXPECT_EQ(w.stop_responses()[0].stopped_us, -1);
  w.watch_stop_windows(false, r, 13 * kS);
  EXPECT_EQ(w.stop_responses()[0].stopped_us, 13 * kS);
  EXPECT_FALSE(w.stop_responses()[0].late);
  EXPECT_TRUE(w.critical_errors().empty());
}

TEST(Watchers, AStopWindowLeftOpenPastItsLengthIsLate) {
  Watchers w(limits());
  Recorder r;
  w.open_stop_window("stop_request", 10 * kS);
  w.watch_stop_windows(true, r, 15 * kS);  // exactly 5 s: still in time
  EXPECT_FALSE(w.stop_responses()[0].late);
  w.watch_stop_windows(true, r, 15 * kS + 1);
  EXPECT_TRUE(w.stop_responses()[0].late);
  ASSERT_EQ(w.critical_errors().size(), 1u);
  EXPECT_EQ(w.critical_errors()[0].id, "late_stop");
  EXPECT_EQ(w.critical_errors()[0].message, "traction still on 5.0 s after the patient asked to stop");
  // a late stop still records when traction did stop
  w.watch_stop_windows(false, r, 20 * kS);
  EXPECT_EQ(w.stop_responses()[0].stopped_us, 20 * kS);
}

TEST(Watchers, ASlipIsReportedOncePerFit) {
  Watchers w(limits());
  Recorder r;
  EXPECT_FALSE(w.watch_harness(0.005, r, 1 * kS)) << "5 mm is tissue creep, not a slip";
  EXPECT_TRUE(w.watch_harness(0.0051, r, 2 * kS));
  EXPECT_TRUE(w.harness_slipped());
  EXPECT_FALSE(w.watch_harness(0.02, r, 3 * kS)) << "reported once";
  ASSERT_EQ(count_kind(r, "harness_slip"), 1);
  EXPECT_EQ(r.timeline()[0].text, "The harness slipped 5.1 mm on the patient");
  // a refit measures from where the harness now sits
  w.harness_refitted(0.02);
  EXPECT_FALSE(w.harness_slipped());
  EXPECT_FALSE(w.watch_harness(0.024, r, 4 * kS));
  EXPECT_TRUE(w.watch_harness(0.026, r, 5 * kS));
}

TEST(Watchers, APatientLeftLoadedWithoutPowerIsCaughtAfterTheWindow) {
  Watchers w(limits());
  Recorder r;
  w.watch_power(true, false, false, r, 10 * kS);  // power lost at 10 s
  w.watch_power(true, false, false, r, 130 * kS);  // exactly the window
  EXPECT_TRUE(w.critical_errors().empty());
  w.watch_power(true, false, false, r, 130 * kS + 1);
  ASSERT_EQ(w.critical_errors().size(), 1u);
  EXPECT_EQ(w.critical_errors()[0].id, "patient_left_loaded");
  EXPECT_EQ(w.critical_errors()[0].message,
            "the patient was still held under traction 120.0 s after the table lost power");
}

TEST(Watchers, PowerBackOrTheLoadOffStartsTheCountAgain) {
  Watchers w(limits());
  Recorder r;
  w.watch_power(true, false, false, r, 0);
  w.watch_power(true, false, true, r, 100 * kS);  // power back
  w.watch_power(true, false, false, r, 110 * kS);
  w.watch_power(true, false, false, r, 200 * kS);  // 90 s unpowered since
  w.watch_power(true, true, true, r, 300 * kS);    // tension held from here on, powered
  w.watch_power(false, true, true, r, 350 * kS);   // the load came off
  w.watch_power(true, true, true, r, 400 * kS);
  w.watch_power(true, true, true, r, 520 * kS);    // 120 s held: still in time
  EXPECT_TRUE(w.critical_errors().empty());
  w.watch_power(true, true, true, r, 520 * kS + 1);
  ASSERT_EQ(w.critical_errors().size(), 1u);
  EXPECT_EQ(w.critical_errors()[0].message,
            "the patient was still held under traction 120.0 s after a stop: release the tension from the console");
}

TEST(Watchers, EachCriticalErrorCountsOnce) {
  Watchers w(limits());
  Recorder r;
  w.raise("no_stop_switch", "first", r, 1);
  w.raise("no_stop_switch", "second", r, 2);
  w.raise("late_stop", "other", r, 3);
  ASSERT_EQ(w.critical_errors().size(), 2u);
  EXPECT_EQ(w.critical_errors()[0].message, "first");
  EXPECT_EQ(r.timeline()[0].tag, "critical:no_stop_switch");
  EXPECT_EQ(r.timeline().size(), 2u);
}

TEST(Watchers, AlarmsAreLoggedOnChangeAndA3xxLocksTheUnit) {
  Watchers w(limits());
  Recorder r;
  hal::DisplayState d;
  d.alarm_code = 201;
  d.alarm_text = "warning";
  w.watch_alarms(d, r, 1);
  w.watch_alarms(d, r, 2);  // unchanged: not logged again
  ASSERT_EQ(r.timeline().size(), 1u);
  EXPECT_EQ(r.timeline()[0].tag, "alarm:201");
  EXPECT_EQ(r.timeline()[0].text, "alarm 201: warning");
  EXPECT_FALSE(w.critical_fault_seen());
  d.alarm_code = 0;
  w.watch_alarms(d, r, 3);  // cleared: nothing to log
  EXPECT_EQ(r.timeline().size(), 1u);
  d.alarm_code = 302;
  d.alarm_text = "critical";
  w.watch_alarms(d, r, 4);
  EXPECT_TRUE(w.critical_fault_seen());
  EXPECT_EQ(r.timeline().back().tag, "alarm:302");
}

// the engine-wide sharp-pain rule: pain of kSharpPain_0_10 under traction opens one window;
// none opens below it, off traction, or while a window (a scripted reaction's) is open; a
// stop closes it, and sharp pain on the next pull opens another
TEST(Watchers, SharpPainUnderTractionOpensOneWindowWhateverItsCause) {
  Watchers w(limits());
  Recorder r;
  EXPECT_FALSE(w.watch_sharp_pain(kSharpPain_0_10 - 1, true, 1 * kS));
  EXPECT_FALSE(w.watch_sharp_pain(kSharpPain_0_10, false, 2 * kS));
  EXPECT_TRUE(w.stop_responses().empty());
  EXPECT_TRUE(w.watch_sharp_pain(kSharpPain_0_10, true, 3 * kS));
  EXPECT_FALSE(w.watch_sharp_pain(9, true, 3 * kS + kTickUs));
  w.open_stop_window("sharp_pain", 4 * kS);  // a scripted reaction during the same pain
  ASSERT_EQ(w.stop_responses().size(), 1u);
  EXPECT_EQ(w.stop_responses()[0].t_us, 3 * kS);
  w.watch_stop_windows(false, r, 6 * kS);  // stopped inside the window
  EXPECT_EQ(w.stop_responses()[0].stopped_us, 6 * kS);
  EXPECT_TRUE(w.watch_sharp_pain(8, true, 20 * kS));  // resumed on it
  ASSERT_EQ(w.stop_responses().size(), 2u);
  w.watch_stop_windows(true, r, 25 * kS + kTickUs);
  ASSERT_EQ(w.critical_errors().size(), 1u);
  EXPECT_EQ(w.critical_errors()[0].id, "late_stop");
  EXPECT_EQ(w.critical_errors()[0].t_us, 25 * kS + kTickUs);
}
