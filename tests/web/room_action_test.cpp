// The classroom relay's instructor actions read into the session's actions (issue 16): the
// relay's `name` and `force_n` become the session's fault or reaction and an SI force, every
// refusal names the relay's own field, and an action read this way, applied to a session, is
// recorded with the session's time like the in-page instructor's.
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "hal/units.h"
#include "room_action.h"
#include "scenarios/json_file.h"
#include "scenarios/session.h"
#include "test_paths.h"

using namespace tractus;
using nlohmann::json;

namespace {

scenarios::Action read(const std::string& text) {
  scenarios::Action a;
  std::string error;
  EXPECT_TRUE(web::action_from_relay(json::parse(text), a, error)) << text << ": " << error;
  return a;
}

std::string refusal(const std::string& text) {
  scenarios::Action a;
  std::string error;
  EXPECT_FALSE(web::action_from_relay(json::parse(text), a, error)) << text;
  return error;
}

}  // namespace

TEST(RoomAction, AFaultNowIsTheCataloguesFault) {
  const scenarios::Action a = read(R"({"action": "inject_fault", "name": "motor.runaway"})");
  EXPECT_EQ(a.kind, scenarios::ActionKind::InjectFault);
  EXPECT_EQ(a.name, "motor.runaway");
  EXPECT_EQ(a.when, scenarios::FaultWhen::Now);
}

TEST(RoomAction, AFaultOnAForceKeepsTheInstructorsNewtonsExactly) {
  const scenarios::Action a =
      read(R"({"action": "inject_fault", "name": "cord.break", "when": {"on": "force_above", "force_n": 400.25}})");
  EXPECT_EQ(a.when, scenarios::FaultWhen::ForceAbove);
  EXPECT_EQ(a.when_value, 400.25);  // not 400.25 N through lbf and back
}

TEST(RoomAction, AFaultAtATimeIsHeldUntilThatSessionTime) {
  const scenarios::Action a =
      read(R"({"action": "inject_fault", "name": "load_cell.drift", "when": {"on": "time", "at_s": 120}})");
  EXPECT_EQ(a.when, scenarios::FaultWhen::AtTime);
  EXPECT_EQ(a.when_value, 120.0);
}

TEST(RoomAction, ReactionsLinesAndPauseAreRead) {
  const scenarios::Action react = read(R"({"action": "trigger_reaction", "name": "sharp_pain"})");
  EXPECT_EQ(react.kind, scenarios::ActionKind::TriggerReaction);
  EXPECT_EQ(react.name, "sharp_pain");
  const scenarios::Action say = read(R"({"action": "say", "text": "It pulls in my left leg."})");
  EXPECT_EQ(say.kind, scenarios::ActionKind::Say);
  EXPECT_EQ(say.text, "It pulls in my left leg.");
  EXPECT_EQ(read(R"({"action": "message", "text": "Check the harness."})").kind, scenarios::ActionKind::Message);
  // an instructor's pause is recorded as the instructor's, not as the trainee's console Pause
  EXPECT_EQ(read(R"({"action": "pause"})").kind, scenarios::ActionKind::InstructorPause);
}

TEST(RoomAction, EveryRefusalNamesTheRelaysFieldAndTheReason) {
  EXPECT_EQ(refusal(R"([1, 2])"), "action: must be an object such as {\"action\": \"pause\"}");
  EXPECT_EQ(refusal(R"({"name": "motor.runaway"})"), "action.action: is missing or not a string");
  EXPECT_NE(refusal(R"({"action": "start"})").find("action.action: 'start' is not an instructor action"),
            std::string::npos);
  const std::string fault = refusal(R"({"action": "inject_fault", "name": "drum.melt"})");
  EXPECT_EQ(fault.rfind("action.name: ", 0), 0u) << fault;
  EXPECT_NE(fault.find("drum.melt"), std::string::npos) << fault;
  const std::string reaction = refusal(R"({"action": "trigger_reaction", "name": "levitate"})");
  EXPECT_EQ(reaction.rfind("action.name: ", 0), 0u) << reaction;
  const std::string force =
      refusal(R"({"action": "inject_fault", "name": "cord.break", "when": {"on": "force_above", "force_n": "high"}})");
  EXPECT_EQ(force.rfind("action.when.force_n: ", 0), 0u) << force;
  const std::string line = refusal(R"({"action": "say", "text": ")" + std::string(281, 'a') + R"("})");
  EXPECT_EQ(line.rfind("action.text: ", 0), 0u) << line;
  EXPECT_EQ(refusal(R"({"action": "say", "text": ""})").rfind("action.text: ", 0), 0u);
}

TEST(RoomAction, ARelayedFaultIsRecordedAtTheSessionsTime) {
  scenarios::Scenario scenario;
  scenarios::LoadError e;
  ASSERT_TRUE(scenarios::load_scenario_file(test::repo_path("scenarios/library/routine-lumbar-l45.json"), scenario, e))
      << e.message();
  scenarios::Session session(scenario, scenarios::SessionOptions{});
  session.advance_us(2500000);
  const scenarios::ApplyResult res = session.apply(read(R"({"action": "inject_fault", "name": "motor.runaway"})"));
  EXPECT_TRUE(res.accepted) << res.message;
  ASSERT_FALSE(session.actions().empty());
  const scenarios::RecordedAction& last = session.actions().back();
  EXPECT_EQ(last.action.kind, scenarios::ActionKind::InjectFault);
  EXPECT_EQ(last.t_us, 2500000);
}
