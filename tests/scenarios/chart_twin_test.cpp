// The chart's imaged herniation reaches the twin: a session starts with the protrusion the
// scenario gives at its goal's level (and nowhere else), and a traction session retracts it,
// which is what the 3D and spine views draw.
#include <gtest/gtest.h>

#include "scenarios/json_file.h"
#include "scenarios/scenario.h"
#include "scenarios/script.h"
#include "library_fixture.h"

using namespace tractus;
using namespace tractus::scenarios;

namespace {
Scenario load(const char* id) { return test::library_scenario(id); }
}  // namespace

TEST(ChartTwin, TheImagedProtrusionStartsAtTheGoalLevelOnly) {
  const Scenario sc = load("routine-l5s1-sciatica");
  ASSERT_EQ(sc.goal.level, "L5-S1");
  ASSERT_GT(sc.patient.protrusion_mm, 0.0);
  Session s(sc, SessionOptions{});
  const twin::PatientState& p = s.rig().twin_state().patient;
  for (int i = 0; i < 4; ++i) EXPECT_EQ(p.lumbar[i].protrusion_mm, 0.0) << "level " << i;
  EXPECT_NEAR(p.lumbar[4].protrusion_mm, sc.patient.protrusion_mm, 1e-9);
}

TEST(ChartTwin, AnExpertSessionRetractsTheProtrusion) {
  const Scenario sc = load("routine-lumbar-l45");
  Session s(sc, SessionOptions{7, Mode::Practice});
  const double before_mm = s.rig().twin_state().patient.lumbar[3].protrusion_mm;
  ASSERT_NEAR(before_mm, sc.patient.protrusion_mm, 1e-9);
  test::play_trainee(s, "expert.json");
  const double after_mm = s.rig().twin_state().patient.lumbar[3].protrusion_mm;
  // suction in the nucleus draws the protrusion back; the twin bounds one session's
  // retraction at 30% of the start (docs/twin.md)
  EXPECT_LT(after_mm, before_mm - 0.05) << "no retraction";
  EXPECT_GE(after_mm, 0.3 * before_mm - 1e-9);
}

TEST(ChartTwin, AnOutOfRangeProtrusionIsRefusedWithItsPath) {
  nlohmann::json j;
  LoadError e;
  ASSERT_TRUE(read_json_file(test::repo_path("scenarios/library/routine-lumbar-l45.json"), j, e));
  j["patient"]["protrusion_mm"] = 12;
  Scenario s;
  EXPECT_FALSE(parse_scenario(j, "x.json", s, e));
  EXPECT_EQ(e.path, "$.patient.protrusion_mm");
}
