// The resume file's course block (web/src/resume_point.h): a course of care left mid-session or
// between two sessions round-trips, a block that does not fit its records is refused with the
// field and the reason, and of two copies the later point of the course is kept.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "resume_point.h"

namespace tractus::web {
namespace {

constexpr const char* kCourse = "course-lumbar-progression";

scenarios::SessionRecord record(const std::string& scenario, uint64_t seed, int64_t end_us) {
  scenarios::SessionRecord r;
  r.scenario_id = scenario;
  r.scenario_version = 1;
  r.seed = seed;
  r.end_us = end_us;
  r.score = 85.0;
  return r;
}

// a course with `finished` sessions done, left `end_us` into the next (or between sessions
// when end_us < 0)
ResumePoint course_point(int finished, int64_t end_us) {
  ResumePoint p;
  p.title = "Course of care: 12 sessions for an L4-5 protrusion";
  p.saved_at = "2026-12-02T05:00:00.000Z";
  scenarios::CourseProgress c;
  c.course_id = kCourse;
  c.course_version = 1;
  c.seed = 1;
  for (int i = 0; i < finished; ++i) c.finished.push_back(record(kCourse, 100 + i, 500'000'000));
  p.course = c;
  p.in_session = end_us >= 0;
  if (p.in_session) p.record = record(kCourse, 200, end_us);
  return p;
}

std::string refusal(const nlohmann::json& j) {
  ResumePoint back;
  std::string why;
  EXPECT_FALSE(parse_resume(j.dump(), back, why));
  return why;
}

TEST(ResumeCourse, ACourseLeftMidSessionOrBetweenSessionsRoundTrips) {
  ResumePoint back;
  std::string why;
  const ResumePoint mid = course_point(2, 35'000'000);
  const std::string text = resume_to_json(mid);
  EXPECT_EQ(nlohmann::json::parse(text)["version"], 2);
  ASSERT_TRUE(parse_resume(text, back, why)) << why;
  ASSERT_TRUE(back.course.has_value());
  EXPECT_EQ(back.course->course_id, kCourse);
  ASSERT_EQ(back.course->finished.size(), 2u);
  EXPECT_EQ(back.course->finished[1].seed, 101u);
  EXPECT_EQ(back.course->finished[1].score, 85.0);
  EXPECT_TRUE(back.in_session);
  EXPECT_EQ(back.record.end_us, 35'000'000);
  EXPECT_EQ(back.record.seed, 200u);

  const ResumePoint between = course_point(1, -1);
  EXPECT_FALSE(nlohmann::json::parse(resume_to_json(between)).contains("record"));
  ASSERT_TRUE(parse_resume(resume_to_json(between), back, why)) << why;
  EXPECT_FALSE(back.in_session);
  EXPECT_EQ(back.course->finished.size(), 1u);
}

TEST(ResumeCourse, ABadOrMismatchedCourseBlockIsRefusedWithItsFieldAndReason) {
  const nlohmann::json good = nlohmann::json::parse(resume_to_json(course_point(2, 35'000'000)));
  nlohmann::json j = good;
  j.erase("course");
  EXPECT_EQ(refusal(j), "$.course: is missing (a version 2 resume file is a course's)");
  j = good;
  j["version"] = 1;
  EXPECT_EQ(refusal(j), "$.course: needs version 2 (a version 1 resume file holds one session)");
  j = good;
  j["course"]["sessions"][1]["result"]["score"] = 1e308;
  EXPECT_EQ(refusal(j), "$.course.sessions[1].result.score: must be between 0 and 100");
  j = good;
  j["course"]["sessions"][0]["scenario"]["id"] = "routine-lumbar-l45";
  EXPECT_EQ(refusal(j), "$.course.sessions[0].scenario: is routine-lumbar-l45 version 1, the course block is "
                        "for course-lumbar-progression version 1");
  j = good;
  j["record"]["scenario"]["version"] = 2;
  EXPECT_EQ(refusal(j), "$.record.scenario: is course-lumbar-progression version 2, the course block is for "
                        "course-lumbar-progression version 1");
  j = good;
  j["course"]["mode"] = "exam";
  EXPECT_EQ(refusal(j).rfind("$.course.mode: ", 0), 0u) << refusal(j);
  j = good;
  j["version"] = 3;
  EXPECT_EQ(refusal(j), "$: not a version 1 or 2 resume file");
}

TEST(ResumeCourse, OfTwoCopiesTheLaterPointOfTheCourseIsKept) {
  // further into the running session, then between sessions after one more, then the next running
  EXPECT_TRUE(resume_is_later(course_point(2, 40'000'000), course_point(2, 35'000'000)));
  EXPECT_FALSE(resume_is_later(course_point(2, 35'000'000), course_point(2, 40'000'000)));
  EXPECT_TRUE(resume_is_later(course_point(3, -1), course_point(2, 400'000'000)));
  EXPECT_TRUE(resume_is_later(course_point(3, 1'000'000), course_point(3, -1)));
  EXPECT_FALSE(resume_is_later(course_point(3, -1), course_point(3, 1'000'000)));
  EXPECT_FALSE(resume_is_later(course_point(2, 900'000'000), course_point(3, 1'000'000)));
  // a copy of another course or a single session is not the same point at all
  ResumePoint other = course_point(1, 1'000'000);
  other.course->seed = 9;
  EXPECT_TRUE(resume_is_later(other, course_point(3, 1'000'000)));
  ResumePoint single;
  single.record = record("routine-lumbar-l45", 1, 1'000'000);
  EXPECT_TRUE(resume_is_later(single, course_point(3, 1'000'000)));
}

}  // namespace
}  // namespace tractus::web
