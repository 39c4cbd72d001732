// The course of care: twelve sessions of the library's course scenario, the patient's state
// carried between them. The expert progresses about 10% a session and passes; the careless
// trainee jumps the force 50% and flares the back up; one seed gives one report.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "scenarios/course.h"
#include "scenarios/json_file.h"
#include "scenarios/library.h"
#include "test_paths.h"

using namespace tractus;
using namespace tractus::scenarios;

namespace {

Scenario course() {
  Scenario s;
  LoadError e;
  EXPECT_TRUE(load_scenario_file(test::repo_path("scenarios/library/course-lumbar-progression.json"), s, e))
      << e.message();
  return s;
}

CourseScript scripts(const Scenario& s, const std::string& name) {
  CourseScript out;
  LoadError e;
  EXPECT_TRUE(load_course_script(
      test::repo_path("tests/data/trainees/course-lumbar-progression/" + name), s.course.sessions, out, e))
      << e.message();
  return out;
}

// the first n sessions of the course, for the checks that need no full course
Scenario shortened(Scenario s, int n) {
  s.course.sessions = n;
  return s;
}

}  // namespace

TEST(Course, TheExpertProgressesAboutTenPercentASessionWithinToleranceAndPasses) {
  const Scenario sc = course();
  ASSERT_EQ(sc.course.sessions, 12);
  const CourseReport r = run_course(sc, scripts(sc, "expert.json"), 1);
  ASSERT_EQ(r.sessions.size(), 12u);
  EXPECT_TRUE(r.passed);
  EXPECT_GE(r.score, 90.0);
  EXPECT_TRUE(r.critical_errors.empty());
  double rising = 0.0;
  int rises = 0;
  for (const CourseSession& s : r.sessions) {
    EXPECT_FALSE(s.flare) << "session " << s.index + 1;
    EXPECT_LE(s.step_fraction, sc.course.max_step_fraction) << "session " << s.index + 1;
    EXPECT_LE(s.dose_n, s.tolerance_n * (1.0 + sc.course.flare_margin)) << "session " << s.index + 1;
    if (s.step_fraction > 0.02) {
      rising += s.step_fraction;
      ++rises;
    }
  }
  // eight rises of 7-10% take 30 lbf to the 60 lbf target
  EXPECT_GE(rises, 7);
  EXPECT_NEAR(rising / rises, 0.095, 0.02);
  EXPECT_NEAR(r.sessions.back().dose_n / tractus::units::kNewtonsPerLbf, 60.0, 1.5);
  // the pain comes down, with ups and downs on the way
  EXPECT_LT(r.final_state.pain_0_10, sc.course.pain_start_0_10 - 2.0);
  int ups = 0;
  for (std::size_t i = 1; i < r.sessions.size(); ++i)
    ups += r.sessions[i].day_pain_0_10 > r.sessions[i - 1].day_pain_0_10 ? 1 : 0;
  EXPECT_GE(ups, 2);
  EXPECT_GT(r.final_state.retained_height_mm, 0.0);
}

TEST(Course, JumpingTheForceFiftyPercentFlaresTheBackUpAndFails) {
  const Scenario sc = course();
  const CourseReport r = run_course(sc, scripts(sc, "careless-jumps-force.json"), 1);
  EXPECT_FALSE(r.passed);
  ASSERT_GE(r.sessions.size(), 3u);
  const CourseSession& jump = r.sessions[1];
  EXPECT_NEAR(jump.step_fraction, 0.5, 0.02);
  EXPECT_TRUE(jump.flare);
  ASSERT_FALSE(jump.critical_errors.empty());
  EXPECT_EQ(jump.critical_errors.back().id, "flare_up");
  EXPECT_FALSE(jump.passed);
  // the flare shows at the next session: more pain, a lower tolerance, a lower goal range
  EXPECT_GT(r.sessions[2].day_pain_0_10, r.sessions[1].day_pain_0_10 + 1.0);
  EXPECT_LT(r.sessions[2].tolerance_n, 0.8 * r.sessions[1].tolerance_n);
  EXPECT_LT(r.sessions[2].goal_max_n, jump.dose_n);
  ASSERT_FALSE(r.critical_errors.empty());
  EXPECT_EQ(r.critical_errors.front(), "session 2: flare_up");
}

TEST(Course, OneSeedGivesOneCourseReportAndAnotherSeedOtherDays) {
  const Scenario sc = shortened(course(), 4);
  CourseScript s = scripts(course(), "expert.json");
  s.resize(4);
  const nlohmann::json a = course_report_to_json(run_course(sc, s, 7));
  const nlohmann::json b = course_report_to_json(run_course(sc, s, 7));
  EXPECT_EQ(a.dump(), b.dump());
  const CourseReport c = run_course(sc, s, 8);
  bool differs = false;
  for (std::size_t i = 0; i < c.sessions.size(); ++i)
    differs = differs || c.sessions[i].day_pain_0_10 != a["sessions"][i]["pain_0_10"].get<double>();
  EXPECT_TRUE(differs);
}

TEST(Course, ACourseActionFileNeedsOneActionArrayPerSession) {
  CourseScript out;
  LoadError e;
  EXPECT_FALSE(parse_course_script(nlohmann::json::parse(R"({"sessions": [[], []]})"), "c.json", 3, out, e));
  EXPECT_EQ(e.path, "$.sessions");
  EXPECT_NE(e.reason.find("has 2 entries; the course has 3 sessions"), std::string::npos) << e.reason;
  EXPECT_FALSE(parse_course_script(
      nlohmann::json::parse(R"({"sessions": [[{"t_s": 0, "action": "begin"}]]})"), "c.json", 1, out, e));
  EXPECT_EQ(e.path, "$.sessions[0][0].action");
  EXPECT_FALSE(parse_course_script(nlohmann::json::parse("[]"), "c.json", 1, out, e));
  EXPECT_EQ(e.path, "$");
}

TEST(Course, ACourseNeedsFormatVersionTwoAndTheCourseCategory) {
  nlohmann::json j;
  LoadError e;
  ASSERT_TRUE(read_json_file(test::repo_path("scenarios/library/course-lumbar-progression.json"), j, e));
  Scenario s;
  nlohmann::json v1 = j;
  v1["format_version"] = 1;
  EXPECT_FALSE(parse_scenario(v1, "c.json", s, e));
  EXPECT_EQ(e.path + ": " + e.reason, "$.course: needs format_version 2");
  nlohmann::json routine = j;
  routine["category"] = "routine";
  EXPECT_FALSE(parse_scenario(routine, "c.json", s, e));
  EXPECT_EQ(e.path, "$.category");
  nlohmann::json over = j;
  over["course"]["target_force_lbf"] = 90;
  EXPECT_FALSE(parse_scenario(over, "c.json", s, e));
  EXPECT_EQ(e.path + ": " + e.reason, "$.course.target_force_lbf: is above $.safety.max_safe_force_lbf");
}
