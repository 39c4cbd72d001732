// The instructor's actions that a classroom relays (issue 16): the patient saying a line, a
// message to the trainee, and a fault held until a session time or a cord force. Each is an
// ordinary Action, so it is read and written in the action-file form, recorded, and replayed
// to the same score and physics.
#include <gtest/gtest.h>

#include <functional>
#include <string>

#include <nlohmann/json.hpp>

#include "hal/units.h"
#include "scenarios/action.h"
#include "scenarios/json_file.h"
#include "scenarios/record.h"
#include "scenarios/scenario.h"
#include "scenarios/scoring.h"
#include "scenarios/script.h"
#include "scenarios/session.h"
#include "test_paths.h"

using namespace tractus;
using namespace tractus::scenarios;
using nlohmann::json;

namespace {

constexpr int64_t kUsPerS = 1000000;

Scenario routine() {
  Scenario s;
  LoadError e;
  EXPECT_TRUE(load_scenario_file(test::repo_path("scenarios/library/routine-lumbar-l45.json"), s, e))
      << e.message();
  return s;
}

Action parsed(const std::string& text) {
  Action a;
  LoadError e;
  EXPECT_TRUE(parse_action(json::parse(text), "$", a, e)) << e.message();
  return a;
}

std::string refusal(const std::string& text) {
  Action a;
  LoadError e;
  EXPECT_FALSE(parse_action(json::parse(text), "$", a, e)) << text;
  return e.path + ": " + e.reason;
}

bool has_fault(const Session& s, const std::string& name) {
  for (const std::string& f : s.active_faults())
    if (f == name) return true;
  return false;
}

bool run_until(Session& s, const std::function<bool()>& pred, double limit_s) {
  const int64_t end = s.now_us() + static_cast<int64_t>(limit_s * kUsPerS);
  while (!pred() && s.now_us() < end && !s.ended()) s.advance_us(1000);
  return pred();
}

// the bedside and the console ready for a 45 lbf static pull: harness fitted, prescription
// set, stop switch in the patient's hand
void prepare_to_pull(Session& s) {
  Action harness;
  harness.kind = ActionKind::FitHarness;
  harness.quality = "good";
  s.apply(harness);
  s.apply(parsed(R"({"action": "select_protocol", "mode": "static", "region": "lumbar",
                     "parameters": {"force_lbf": 45, "ramp_s": 30, "treatment_min": 8}})"));
  s.apply(parsed(R"({"action": "give_stop_switch"})"));
}

// a session with the instructor's three new actions among a routine treatment
const char* kScript = R"([
  {"t_s": 0, "action": "review_chart"},
  {"t_s": 1, "action": "message", "text": "Watch the patient's face during the ramp."},
  {"t_s": 2, "action": "fit_harness", "quality": "good"},
  {"t_s": 3, "action": "select_protocol", "mode": "static", "region": "lumbar",
   "parameters": {"force_lbf": 45, "ramp_s": 30, "treatment_min": 8}},
  {"t_s": 4, "action": "give_stop_switch"},
  {"t_s": 5, "action": "start"},
  {"t_s": 6, "action": "inject_fault", "fault": "motor.runaway", "when": {"on": "force_above", "force_lbf": 30}},
  {"t_s": 7, "action": "say", "text": "It is pulling more than I expected."},
  {"on": "alarm:312", "after_s": 2, "action": "acknowledge"},
  {"on": "alarm:312", "after_s": 5, "action": "remove_harness"},
  {"on": "alarm:312", "after_s": 6, "action": "end_session"}
])";

Session scripted(const Scenario& sc) {
  json j;
  LoadError e;
  EXPECT_TRUE(parse_json_text(kScript, "script", j, e)) << e.message();
  ActionScript script;
  EXPECT_TRUE(parse_action_script(j, "script", script, e)) << e.message();
  Session s(sc, SessionOptions{20261202, Mode::Practice});
  run_script(s, script);
  return s;
}

}  // namespace

TEST(InstructorActions, AreReadAndWrittenInTheActionFileForm) {
  const Action say = parsed(R"({"action": "say", "text": "Ow, my leg"})");
  EXPECT_EQ(say.kind, ActionKind::Say);
  EXPECT_EQ(say.text, "Ow, my leg");
  EXPECT_TRUE(is_instructor_action(say.kind));
  const Action msg = parsed(R"({"action": "message", "text": "Check the stop switch"})");
  EXPECT_EQ(msg.kind, ActionKind::Message);
  EXPECT_TRUE(is_instructor_action(msg.kind));

  const Action at = parsed(R"({"action": "inject_fault", "fault": "power.loss", "when": {"on": "time", "at_s": 120}})");
  EXPECT_EQ(at.when, FaultWhen::AtTime);
  EXPECT_DOUBLE_EQ(at.when_value, 120.0);
  const Action force = parsed(R"({"action": "inject_fault", "fault": "motor.runaway", "when": {"on": "force_above", "force_lbf": 40}})");
  EXPECT_EQ(force.when, FaultWhen::ForceAbove);
  EXPECT_NEAR(force.when_value, 40.0 * units::kNewtonsPerLbf, 1e-9);  // newtons inside
  EXPECT_EQ(parsed(R"({"action": "inject_fault", "fault": "power.loss"})").when, FaultWhen::Now);

  // written back as read: the lbf given returns as written
  for (const Action& a : {say, msg, at, force}) {
    const Action back = parsed(action_to_json(a).dump());
    EXPECT_EQ(back.kind, a.kind);
    EXPECT_EQ(back.text, a.text);
    EXPECT_EQ(back.when, a.when);
    EXPECT_NEAR(back.when_value, a.when_value, 1e-9);
  }
  EXPECT_EQ(action_to_json(force)["when"]["force_lbf"].get<double>(), 40.0);
  EXPECT_EQ(describe_action(force), "Instructor: inject a fault: Drive runaway, once the cord passes 40 lbf");
}

TEST(InstructorActions, BadLinesAndConditionsAreRefusedNamingTheFieldAndTheReason) {
  EXPECT_EQ(refusal(R"({"action": "say", "text": ""})"), "$.text: must not be empty");
  EXPECT_EQ(refusal(R"({"action": "say"})"), "$: missing required key 'text'");
  EXPECT_EQ(refusal("{\"action\": \"message\", \"text\": \"" + std::string(281, 'a') + "\"}"),
            "$.text: must be 1 to 280 characters");
  EXPECT_EQ(refusal(R"({"action": "message", "text": "bell\u0007"})"), "$.text: must not hold control characters");
  EXPECT_EQ(refusal(R"({"action": "inject_fault", "fault": "power.loss", "when": 5})"),
            "$.when: must be an object such as {\"on\": \"time\", \"at_s\": 120}");
  EXPECT_NE(refusal(R"({"action": "inject_fault", "fault": "power.loss", "when": {"on": "later"}})").find("$.when.on"),
            std::string::npos);
  EXPECT_NE(refusal(R"({"action": "inject_fault", "fault": "power.loss", "when": {"on": "time", "force_lbf": 3}})")
                .find("$.when.force_lbf: unknown key"),
            std::string::npos);
  EXPECT_NE(refusal(R"({"action": "inject_fault", "fault": "power.loss", "when": {"on": "force_above", "force_lbf": 900}})")
                .find("$.when.force_lbf"),
            std::string::npos);
}

TEST(InstructorActions, SayMakesThePatientSpeakTheLineAndAMessageReachesTheTimeline) {
  Session s(routine(), SessionOptions{});
  ASSERT_TRUE(s.apply(parsed(R"({"action": "say", "text": "I feel dizzy"})")).accepted);
  ASSERT_FALSE(s.speech().empty());
  EXPECT_EQ(s.speech().back().text, "I feel dizzy");
  const ApplyResult r = s.apply(parsed(R"({"action": "message", "text": "Ask about the dizziness"})"));
  EXPECT_TRUE(r.accepted);
  const TimelineEntry& last = s.timeline().back();
  EXPECT_EQ(last.tag, "action:message");
  EXPECT_EQ(last.text, "Instructor's message: Ask about the dizziness");
}

TEST(InstructorActions, AFaultSentForATimeWaitsForIt) {
  Session s(routine(), SessionOptions{});
  s.advance_us(1 * kUsPerS);
  const ApplyResult r = s.apply(parsed(R"({"action": "inject_fault", "fault": "power.loss", "when": {"on": "time", "at_s": 5}})"));
  ASSERT_TRUE(r.accepted) << r.message;
  s.advance_us(3990000);  // 4.99 s
  EXPECT_FALSE(has_fault(s, "power.loss"));
  s.advance_us(20000);
  EXPECT_TRUE(has_fault(s, "power.loss"));
}

TEST(InstructorActions, AFaultSentForAForceWaitsUntilTheCordPassesIt) {
  Session s(routine(), SessionOptions{});
  prepare_to_pull(s);
  s.apply(parsed(R"({"action": "inject_fault", "fault": "load_cell.drift", "when": {"on": "force_above", "force_lbf": 30}})"));
  s.apply(parsed(R"({"action": "start"})"));
  const double threshold_n = 30.0 * units::kNewtonsPerLbf;
  double tension_before_n = 0.0;
  ASSERT_TRUE(run_until(s, [&] {
    if (!has_fault(s, "load_cell.drift")) tension_before_n = s.rig().twin_state().cord_tension_n;
    return has_fault(s, "load_cell.drift");
  }, 40.0));
  EXPECT_LE(tension_before_n, threshold_n);  // not before the cord passed 30 lbf
  EXPECT_GT(s.rig().twin_state().cord_tension_n, threshold_n - 2.0);  // and on the tick it did
}

// an instructor's pause presses the console's Pause, but the record and the timeline keep it
// as the instructor's, so the trainee's debrief never shows a pause the trainee did not make
TEST(InstructorActions, AnInstructorsPausePausesTheTableAndIsKeptAsTheInstructors) {
  Session s(routine(), SessionOptions{});
  const Action pause = parsed(R"({"action": "instructor_pause"})");
  EXPECT_TRUE(is_instructor_action(pause.kind));
  EXPECT_EQ(action_to_json(pause), json({{"action", "instructor_pause"}}));
  const ApplyResult idle = s.apply(pause);
  EXPECT_FALSE(idle.accepted) << "nothing to pause before the pull";
  prepare_to_pull(s);
  s.apply(parsed(R"({"action": "start"})"));
  ASSERT_TRUE(run_until(s, [&] { return s.rig().display().state == hal::TableState::Treating; }, 40.0));
  const ApplyResult r = s.apply(pause);
  ASSERT_TRUE(r.accepted) << r.message;
  EXPECT_NE(r.message.find("instructor"), std::string::npos) << r.message;
  ASSERT_TRUE(run_until(s, [&] { return s.rig().display().state == hal::TableState::Paused; }, 5.0));
  int instructor_entries = 0, console_pauses = 0;
  for (const TimelineEntry& e : s.timeline()) {
    instructor_entries += e.tag == "action:instructor_pause";
    console_pauses += e.tag == "action:pause";
  }
  EXPECT_EQ(instructor_entries, 2);  // the refused one and the one that paused
  EXPECT_EQ(console_pauses, 0);
  EXPECT_EQ(s.actions().back().action.kind, ActionKind::InstructorPause);
}

TEST(InstructorActions, ASessionWithThemReplaysToTheSameScoreTimelineAndPhysics) {
  const Scenario sc = routine();
  const Session original = scripted(sc);
  ASSERT_TRUE(original.ended());
  ASSERT_TRUE(original.reached_state("fault")) << "the runaway sent for 30 lbf tripped the table";
  const Report a = build_report(original);
  const std::string text = record_to_json(make_record(original)).dump();
  json j;
  LoadError e;
  ASSERT_TRUE(parse_json_text(text, "record", j, e)) << e.message();
  SessionRecord record;
  ASSERT_TRUE(parse_record(j, "record", record, e)) << e.message();
  Session replayed(sc, record_options(record));
  std::string why;
  ASSERT_TRUE(replay(sc, record, replayed, why)) << why;
  const Report b = build_report(replayed);
  EXPECT_EQ(b.score, a.score);
  EXPECT_EQ(b.timeline_hash, a.timeline_hash);
  EXPECT_EQ(replayed.rig().state_hash(), original.rig().state_hash());
  EXPECT_TRUE(check_replay(record, replayed).matches);

  // and the record becomes a scenario whose events carry the instructor's say and fault
  json scenario_json;
  ASSERT_TRUE(read_json_file(test::repo_path("scenarios/library/routine-lumbar-l45.json"), scenario_json, e));
  json derived;
  ASSERT_TRUE(scenario_from_record(scenario_json, record, "improvised-runaway", derived, why)) << why;
  bool says = false, runaway_on_force = false;
  for (const json& ev : derived["events"]) {
    if (ev["effects"].value("say", "") == "It is pulling more than I expected.") says = true;
    if (ev["effects"].value("fault", "") == "motor.runaway" && ev.contains("when"))
      runaway_on_force = ev["when"]["signal"] == "force_lbf" && std::abs(ev["when"]["above"].get<double>() - 30.0) < 1e-9;
  }
  EXPECT_TRUE(says);
  EXPECT_TRUE(runaway_on_force);
  Scenario loaded;
  ASSERT_TRUE(parse_scenario(derived, "derived", loaded, e)) << e.message();
}
