// Scoring (scenarios/src/scoring.cpp, report_json.cpp): the prescription item against the
// goal's range, which the loader holds in newtons; the expected text a trainee reads in lbf;
// the pass rule; the live score's mode gate; the timeline hash; and the report's file edge.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "hal/units.h"
#include "scenarios/scoring.h"
#include "scenarios/session.h"
#include "library_fixture.h"

using namespace tractus;
using namespace tractus::scenarios;

namespace {

constexpr double kN = units::kNewtonsPerLbf;

Action act(ActionKind kind) {
  Action a;
  a.kind = kind;
  return a;
}

// routine-lumbar-l45's goal: 40-50 lbf, ramp at least 30 s, 8-12 min, angle 12-18 deg
void start_at(Session& s, double force_lbf, double angle_deg) {
  Action harness = act(ActionKind::FitHarness);
  harness.quality = "good";
  s.apply(harness);
  Action angle = act(ActionKind::SetAngle);
  angle.value = angle_deg;
  s.apply(angle);
  Action select = act(ActionKind::SelectProtocol);
  select.protocol.force_n = force_lbf * kN;
  select.protocol.ramp_s = 30.0;
  select.protocol.treatment_min = 10.0;
  s.apply(select);
  s.apply(act(ActionKind::GiveStopSwitch));
  s.apply(act(ActionKind::Start));
  s.advance_us(2000000);
}

const ItemScore* item(const Report& r, const std::string& id) {
  for (const ItemScore& i : r.items)
    if (i.id == id) return &i;
  return nullptr;
}

double earned(double force_lbf, double angle_deg = 15.0) {
  Session s(test::library_scenario("routine-lumbar-l45"), SessionOptions{});
  start_at(s, force_lbf, angle_deg);
  const Report r = build_report(s);
  const ItemScore* p = item(r, "prescription");
  EXPECT_NE(p, nullptr);
  return p == nullptr ? -1.0 : p->earned;
}

}  // namespace

TEST(Scoring, ThePrescriptionItemHoldsTheGoalRangeItsBoundsIncluded) {
  EXPECT_EQ(earned(45.0), 20.0);
  EXPECT_EQ(earned(40.0), 20.0);  // the file's min, 40 lbf, converted the same way on both sides
  EXPECT_EQ(earned(50.0), 20.0);
  EXPECT_EQ(earned(39.9), 0.0);
  EXPECT_EQ(earned(50.1), 0.0);
  EXPECT_EQ(earned(45.0, 25.0), 0.0);  // the angle outside 12-18 deg loses the item too
}

TEST(Scoring, TheExpectedTextStatesTheRangeInTheClinicianUnit) {
  Session s(test::library_scenario("routine-lumbar-l45"), SessionOptions{});
  const Report r = build_report(s);
  const ItemScore* p = item(r, "prescription");
  ASSERT_NE(p, nullptr);
  EXPECT_NE(p->expected.find("force 40-50 lbf"), std::string::npos) << p->expected;
  EXPECT_NE(p->expected.find("ramp at least 30 s"), std::string::npos) << p->expected;
  EXPECT_NE(p->expected.find("time 8-12 min"), std::string::npos) << p->expected;
}

TEST(Scoring, TheScoreIsTheWeightedShareOfItemsEarned) {
  Session s(test::library_scenario("routine-lumbar-l45"), SessionOptions{});
  s.apply(act(ActionKind::ReviewChart));
  const Report r = build_report(s);
  double total = 0.0, got = 0.0;
  for (const ItemScore& i : r.items) {
    total += i.weight;
    got += i.earned;
  }
  ASSERT_GT(total, 0.0);
  EXPECT_NEAR(r.score, 100.0 * got / total, 1e-9);
  EXPECT_GT(item(r, "chart")->earned, 0.0);
  EXPECT_FALSE(r.passed);  // the chart alone is far below the pass score
}

TEST(Scoring, ACriticalErrorFailsTheSessionWhateverTheScore) {
  Scenario sc = test::library_scenario("routine-lumbar-l45");
  sc.safety.max_safe_force_n = 30.0 * kN;  // the prescribed 45 lbf is now over the limit
  sc.goal.force_n.min = 20.0 * kN;
  sc.goal.force_n.max = 30.0 * kN;
  Session s(sc, SessionOptions{});
  start_at(s, 45.0, 15.0);
  s.advance_us(60000000);
  const Report r = build_report(s);
  ASSERT_FALSE(r.critical_errors.empty());
  EXPECT_EQ(r.critical_errors.front().id, "force_over_safe_limit");
  EXPECT_NE(r.critical_errors.front().message.find("30.0 lbf"), std::string::npos)
      << r.critical_errors.front().message;
  EXPECT_FALSE(r.passed);
  EXPECT_NEAR(r.max_force_n / kN, 45.0, 45.0 * 0.05);
}

TEST(Scoring, TheLiveScoreIsHiddenInAssessment) {
  double score = -1.0;
  Session practice(test::library_scenario("routine-lumbar-l45"), SessionOptions{});
  practice.apply(act(ActionKind::ReviewChart));
  EXPECT_TRUE(live_score(practice, score));
  EXPECT_GT(score, 0.0);
  SessionOptions assessment;
  assessment.mode = Mode::Assessment;
  Session exam(test::library_scenario("routine-lumbar-l45"), assessment);
  score = -1.0;
  EXPECT_FALSE(live_score(exam, score));
  EXPECT_EQ(score, -1.0);
}

TEST(Scoring, TheTimelineHashSeesEveryTextAndTime) {
  std::vector<TimelineEntry> t(2);
  t[0].t_us = 1000;
  t[0].kind = "action";
  t[0].tag = "action:review_chart";
  t[0].text = "Review the chart";
  t[1] = t[0];
  t[1].t_us = 2000;
  const uint64_t h = hash_timeline(t);
  EXPECT_EQ(hash_timeline(t), h);
  std::vector<TimelineEntry> u = t;
  u[1].text += ".";
  EXPECT_NE(hash_timeline(u), h);
  u = t;
  u[0].t_us += 1;
  EXPECT_NE(hash_timeline(u), h);
}

TEST(Scoring, TheReportFileStatesForcesInLbf) {
  Session s(test::library_scenario("routine-lumbar-l45"), SessionOptions{});
  start_at(s, 45.0, 15.0);
  s.advance_us(40000000);
  const Report r = build_report(s);
  const nlohmann::json j = report_to_json(r, s, true);
  EXPECT_DOUBLE_EQ(j["metrics"]["max_force_lbf"].get<double>(), s.max_force_n() / kN);
  EXPECT_NEAR(j["metrics"]["max_force_lbf"].get<double>(), 45.0, 45.0 * 0.05);
  const nlohmann::json& series = j["series"];
  ASSERT_EQ(series["force_lbf"].size(), s.series().size());
  const Sample& last = s.series().back();
  EXPECT_DOUBLE_EQ(series["force_lbf"].back().get<double>(), last.force_n / kN);
  EXPECT_DOUBLE_EQ(series["target_lbf"].back().get<double>(), last.target_n / kN);
  EXPECT_NEAR(series["target_lbf"].back().get<double>(), 45.0, 0.5);
}
