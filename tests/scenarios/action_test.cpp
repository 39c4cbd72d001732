// The action file format (scenarios/src/action.cpp): what each kind reads, the file edge where
// lbf becomes newtons, the writer that gives the file's lbf back, the description a user
// reads, and the message a bad action gets.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "hal/units.h"
#include "scenarios/action.h"

using namespace tractus;
using namespace tractus::scenarios;
using nlohmann::json;

namespace {

constexpr double kN = units::kNewtonsPerLbf;

Action parse_ok(const json& j) {
  Action a;
  LoadError e;
  EXPECT_TRUE(parse_action(j, "$.actions[0]", a, e)) << e.message();
  return a;
}

LoadError parse_error(const json& j) {
  Action a;
  LoadError e;
  EXPECT_FALSE(parse_action(j, "$.actions[0]", a, e)) << j.dump();
  return e;
}

json select_60() {
  return json::parse(R"({"action": "select_protocol", "mode": "static", "region": "lumbar",
                         "parameters": {"force_lbf": 60, "ramp_s": 30, "treatment_min": 12}})");
}

}  // namespace

TEST(Action, SelectProtocolConvertsTheFilesLbfToNewtonsOnLoad) {
  const Action a = parse_ok(select_60());
  EXPECT_EQ(a.kind, ActionKind::SelectProtocol);
  EXPECT_EQ(a.protocol.region, "lumbar");
  EXPECT_DOUBLE_EQ(a.protocol.force_n, 60.0 * kN);  // 266.9 N
  EXPECT_DOUBLE_EQ(a.protocol.ramp_s, 30.0);
  EXPECT_DOUBLE_EQ(a.protocol.treatment_min, 12.0);
  // no release speed in the file: the table's default changeover, 9 lbf/s (40 N/s)
  EXPECT_DOUBLE_EQ(a.protocol.release_n_per_s, 9.0 * kN);
  EXPECT_NEAR(a.protocol.release_n_per_s, 40.0, 0.05);
}

TEST(Action, AReleaseSpeedInTheFileIsConvertedToo) {
  json j = select_60();
  j["parameters"]["release_lbf_per_s"] = 4.5;
  EXPECT_DOUBLE_EQ(parse_ok(j).protocol.release_n_per_s, 4.5 * kN);
}

TEST(Action, SetConvertsForceAndReleaseButNotTimes) {
  const Action force = parse_ok({{"action", "set"}, {"parameter", "force_lbf"}, {"value", 50}});
  EXPECT_DOUBLE_EQ(force.value, 50.0 * kN);
  const Action release = parse_ok({{"action", "set"}, {"parameter", "release_lbf_per_s"}, {"value", 6}});
  EXPECT_DOUBLE_EQ(release.value, 6.0 * kN);
  const Action ramp = parse_ok({{"action", "set"}, {"parameter", "ramp_s"}, {"value", 45}});
  EXPECT_DOUBLE_EQ(ramp.value, 45.0);
  const Action time = parse_ok({{"action", "set"}, {"parameter", "treatment_min"}, {"value", 8}});
  EXPECT_DOUBLE_EQ(time.value, 8.0);
}

TEST(Action, TheWriterGivesBackTheLbfTheFileGave) {
  // through newtons and back: exactly the numbers written, not their last bit's round trip
  for (double lbf : {0.0, 12.5, 33.3, 45.0, 60.0, 99.9, 100.0, 137.7, 250.0}) {
    json j = select_60();
    j["parameters"]["force_lbf"] = lbf;
    j["parameters"]["release_lbf_per_s"] = 7.3;
    const json out = action_to_json(parse_ok(j));
    EXPECT_EQ(out["parameters"]["force_lbf"].get<double>(), lbf);
    EXPECT_EQ(out["parameters"]["release_lbf_per_s"].get<double>(), 7.3);
    const json set = action_to_json(parse_ok({{"action", "set"}, {"parameter", "force_lbf"}, {"value", lbf}}));
    EXPECT_EQ(set["value"].get<double>(), lbf);
  }
}

TEST(Action, AForceEnteredInNewtonsIsWrittenInLbfAndReadBackWithinANanonewton) {
  // the console's entry: 30 kgf typed on the panel, 294.2 N
  Action a;
  a.kind = ActionKind::SelectProtocol;
  a.protocol.force_n = 30.0 * units::kNewtonsPerKgf;
  const json out = action_to_json(a);
  EXPECT_NEAR(out["parameters"]["force_lbf"].get<double>(), 66.1387, 1e-4);
  const Action back = parse_ok(out);
  EXPECT_NEAR(back.protocol.force_n, a.protocol.force_n, 1e-8);
}

TEST(Action, TheDescriptionReadsInLbfWithDisplayNames) {
  EXPECT_EQ(describe_action(parse_ok(select_60())),
            "Set the prescription: static lumbar, 60 lbf, ramp 30 s, 12 min");
  EXPECT_EQ(describe_action(parse_ok({{"action", "set"}, {"parameter", "force_lbf"}, {"value", 55}})),
            "Change the prescription: force 55");
}

TEST(Action, EveryKindWritesWhatItReads) {
  const json kinds[] = {
      {{"action", "review_chart"}},
      {{"action", "ask"}, {"question", "bone_health"}},
      {{"action", "decline_treatment"}, {"reason", "aortic_aneurysm"}},
      select_60(),
      {{"action", "set_angle"}, {"deg", 20}},
      {{"action", "fit_harness"}, {"quality", "loose"}},
      {{"action", "acknowledge"}, {"alarm", "203"}},
      {{"action", "note"}, {"text", "patient comfortable"}},
      {{"action", "inject_fault"}, {"fault", "load_cell.drift"}},
      {{"action", "set_speed"}, {"factor", 4}},
  };
  for (const json& j : kinds) {
    const Action a = parse_ok(j);
    const json out = action_to_json(a);
    for (auto it = j.begin(); it != j.end(); ++it) {
      if (it.key() == "parameters") continue;  // defaults are written too; checked above
      EXPECT_EQ(out[it.key()], it.value()) << j.dump() << " -> " << out.dump();
    }
    EXPECT_EQ(std::string(action_name(a.kind)), j["action"].get<std::string>());
  }
}

TEST(Action, ABadActionNamesTheFieldAndTheReason) {
  LoadError e = parse_error({{"action", "set"}, {"parameter", "force_kgf"}, {"value", 5}});
  EXPECT_EQ(e.path, "$.actions[0].parameter") << e.reason;
  e = parse_error(json::parse(R"({"action": "select_protocol", "mode": "static", "region": "lumbar",
                                  "parameters": {"force_lbf": 400}})"));
  EXPECT_EQ(e.path, "$.actions[0].parameters.force_lbf") << e.reason;
  EXPECT_NE(e.reason.find("250"), std::string::npos) << e.reason;
  e = parse_error({{"action", "levitate"}});
  EXPECT_EQ(e.path, "$.actions[0].action") << e.reason;
  EXPECT_NE(e.reason.find("levitate"), std::string::npos) << e.reason;
  e = parse_error({{"action", "ask"}, {"question", "bone_health"}, {"colour", "red"}});
  EXPECT_NE((e.path + e.reason).find("colour"), std::string::npos) << e.path << ": " << e.reason;
}

TEST(Action, OnlyTheInstructorsKindsAreInstructorActions) {
  EXPECT_TRUE(is_instructor_action(ActionKind::InjectFault));
  EXPECT_TRUE(is_instructor_action(ActionKind::TriggerReaction));
  EXPECT_TRUE(is_instructor_action(ActionKind::SetSpeed));
  EXPECT_FALSE(is_instructor_action(ActionKind::SelectProtocol));
  EXPECT_FALSE(is_instructor_action(ActionKind::Start));
}
