// A course of care rebuilt from its finished sessions' records (scenarios/course_replay.h), as
// a reload resumes it: the rebuilt course has the same patient state, scores, progress and next
// session as the one played, and plays on to the same final report. Every saved field that does
// not fit the course is refused with its path.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "scenarios/course.h"
#include "scenarios/course_replay.h"
#include "scenarios/library.h"
#include "library_fixture.h"
#include "test_paths.h"

using namespace tractus;
using namespace tractus::scenarios;

namespace {

// the library's course, cut to its first six sessions so the checks stay quick
Scenario course() {
  Scenario s = test::library_scenario("course-lumbar-progression");
  s.course.sessions = 6;
  return s;
}

CourseScript expert(const Scenario& s) {
  CourseScript out;
  LoadError e;
  EXPECT_TRUE(load_course_script(test::repo_path("tests/data/trainees/course-lumbar-progression/expert.json"),
                                 12, out, e))
      << e.message();
  out.resize(static_cast<std::size_t>(s.course.sessions));
  return out;
}

// plays the course's next session with its script and finishes it
void play_next(CourseRun& run, const CourseScript& scripts, std::unique_ptr<Session>* keep = nullptr) {
  auto s = std::make_unique<Session>(run.next_scenario(), run.next_options());
  run_script(*s, scripts[static_cast<std::size_t>(run.next_session().index)]);
  run.finish(*s);
  if (keep != nullptr) *keep = std::move(s);
}

// the record of the next session as it stood at cut_us: the actions up to then, left there
SessionRecord left_at(const CourseRun& run, const CourseScript& scripts, int64_t cut_us) {
  Session s(run.next_scenario(), run.next_options());
  run_script(s, scripts[static_cast<std::size_t>(run.next_session().index)]);
  SessionRecord r = make_record(s);
  std::vector<RecordedAction> kept;
  for (const RecordedAction& a : r.actions)
    if (a.t_us <= cut_us) kept.push_back(a);
  r.actions = kept;
  r.end_us = cut_us;
  return r;
}

// the progress after a round trip through the resume file's JSON text
CourseProgress through_json(const CourseProgress& p) {
  CourseProgress back;
  LoadError e;
  EXPECT_TRUE(parse_course_progress(nlohmann::json::parse(course_progress_to_json(p).dump()), "resume", back, e))
      << e.message();
  return back;
}

std::string rebuild_error(const Scenario& sc, const CourseProgress& p) {
  RebuiltCourse out;
  std::string why;
  EXPECT_FALSE(rebuild_course(sc, p, out, why));
  return why;
}

}  // namespace

TEST(CourseReplay, RebuildingFromTheRecordsGivesTheCourseAsPlayedAndItPlaysOnToTheSameReport) {
  const Scenario sc = course();
  const CourseScript scripts = expert(sc);
  CourseRun played(sc, 7, Mode::Practice);
  std::unique_ptr<Session> last;
  for (int i = 0; i < 3; ++i) play_next(played, scripts, &last);
  ASSERT_EQ(played.records().size(), 3u);

  RebuiltCourse rebuilt;
  std::string why;
  ASSERT_TRUE(rebuild_course(sc, through_json(course_progress(played)), rebuilt, why)) << why;
  // the scores, doses, flare checks and the state carried to the next session are the same
  EXPECT_EQ(course_report_to_json(rebuilt.run->report()).dump(), course_report_to_json(played.report()).dump());
  EXPECT_EQ(rebuilt.run->state().tolerance_n, played.state().tolerance_n);
  EXPECT_EQ(rebuilt.run->state().retained_height_mm, played.state().retained_height_mm);
  EXPECT_GT(played.state().last_dose_n, 25.0 * tractus::units::kNewtonsPerLbf);  // the expert treated: the state is not the start's
  EXPECT_EQ(rebuilt.run->next_session().index, 3);
  EXPECT_EQ(rebuilt.run->next_options().seed, played.next_options().seed);
  EXPECT_EQ(rebuilt.run->next_scenario().goal.force_n.max, played.next_scenario().goal.force_n.max);
  EXPECT_EQ(rebuilt.run->next_scenario().briefing, played.next_scenario().briefing);
  // the last finished session is replayed to its end, as its debrief shows it
  ASSERT_NE(rebuilt.last, nullptr);
  EXPECT_TRUE(rebuilt.last->ended());
  EXPECT_EQ(physics_hash(*rebuilt.last), physics_hash(*last));
  EXPECT_EQ(rebuilt.run->records().size(), 3u);

  // the running session, left 150 s in, replays to the same physics and timeline
  const SessionRecord running = left_at(played, scripts, 150'000'000);
  Session live(played.next_scenario(), played.next_options());
  ASSERT_TRUE(replay(played.next_scenario(), running, live, why)) << why;
  std::unique_ptr<Session> resumed;
  ASSERT_TRUE(replay_course_session(*rebuilt.run, running, resumed, why)) << why;
  EXPECT_EQ(resumed->now_us(), 150'000'000);
  EXPECT_EQ(physics_hash(*resumed), physics_hash(live));
  EXPECT_EQ(build_report(*resumed).timeline_hash, build_report(live).timeline_hash);
  EXPECT_GT(resumed->max_force_n(), 20.0 * tractus::units::kNewtonsPerLbf);  // mid-treatment, under tension

  // and both play on to the same final course report
  while (!played.done()) play_next(played, scripts);
  while (!rebuilt.run->done()) play_next(*rebuilt.run, scripts);
  EXPECT_EQ(course_report_to_json(rebuilt.run->report()).dump(), course_report_to_json(played.report()).dump());
  EXPECT_TRUE(played.report().passed);
}

TEST(CourseReplay, ACourseWithNoFinishedSessionRebuildsToItsFirstSession) {
  const Scenario sc = course();
  CourseRun fresh(sc, 3, Mode::Assessment);
  RebuiltCourse rebuilt;
  std::string why;
  ASSERT_TRUE(rebuild_course(sc, through_json(course_progress(fresh)), rebuilt, why)) << why;
  EXPECT_EQ(rebuilt.last, nullptr);
  EXPECT_EQ(rebuilt.run->next_session().index, 0);
  EXPECT_EQ(rebuilt.run->mode(), Mode::Assessment);
  EXPECT_EQ(rebuilt.run->next_options().seed, fresh.next_options().seed);
}

TEST(CourseReplay, ABlockThatDoesNotFitTheCourseIsRefusedWithItsFieldAndReason) {
  const Scenario sc = course();
  const CourseScript scripts = expert(sc);
  CourseRun played(sc, 7, Mode::Practice);
  for (int i = 0; i < 2; ++i) play_next(played, scripts);
  const CourseProgress good = course_progress(played);

  CourseProgress p = good;
  p.course_id = "routine-lumbar-l45";
  EXPECT_EQ(rebuild_error(sc, p), "$.course.id: is routine-lumbar-l45, not the course course-lumbar-progression");
  p = good;
  p.course_version = 2;
  EXPECT_EQ(rebuild_error(sc, p), "$.course.version: is 2; this library's course-lumbar-progression is version 1, "
                                  "whose sessions would not replay the same");
  p = good;
  p.seed = 8;  // every session's seed comes from the course's
  EXPECT_EQ(rebuild_error(sc, p), "$.course.sessions[0].seed: is not the seed the course gives session 1");
  p = good;
  p.mode = Mode::Assessment;
  EXPECT_EQ(rebuild_error(sc, p), "$.course.sessions[0].mode: is practice, the course is played in assessment");
  p = good;
  std::swap(p.finished[0], p.finished[1]);
  EXPECT_EQ(rebuild_error(sc, p), "$.course.sessions[0].seed: is not the seed the course gives session 1");
  p = good;
  p.finished[1].score = 12.0;  // an edited score no longer matches the replay
  const std::string edited = rebuild_error(sc, p);
  EXPECT_EQ(edited.rfind("$.course.sessions[1].result: does not replay as it was saved (score ", 0), 0u) << edited;
  p = good;
  p.finished[1].end_us = 60'000'000;  // cut before the session ended
  p.finished[1].actions.resize(2);
  EXPECT_EQ(rebuild_error(sc, p),
            "$.course.sessions[1].end_us: the session had not ended there, so it is not a finished session");
  p = good;
  while (p.finished.size() < 6) p.finished.push_back(p.finished.back());
  EXPECT_EQ(rebuild_error(sc, p),
            "$.course.sessions: holds 6 finished sessions; the course has 6, so nothing is left to resume");

  // the running session must be the course's next one
  RebuiltCourse rebuilt;
  std::string why;
  ASSERT_TRUE(rebuild_course(sc, good, rebuilt, why)) << why;
  std::unique_ptr<Session> s;
  EXPECT_FALSE(replay_course_session(*rebuilt.run, good.finished[0], s, why));
  EXPECT_EQ(why, "$.record.seed: is not the seed the course gives session 3");
  EXPECT_EQ(s, nullptr);
}

TEST(CourseReplay, TheCourseBlockIsReadWithPathsForEveryBadField) {
  const Scenario sc = course();
  CourseRun played(sc, 7, Mode::Practice);
  play_next(played, expert(sc));
  const nlohmann::json good = course_progress_to_json(course_progress(played));
  CourseProgress out;
  LoadError e;
  auto error_of = [&](const nlohmann::json& j) {
    EXPECT_FALSE(parse_course_progress(j, "resume", out, e));
    return e.path + ": " + e.reason;
  };
  nlohmann::json j = good;
  j["mode"] = "expert";
  EXPECT_EQ(error_of(j).rfind("$.mode: ", 0), 0u) << error_of(j);
  j = good;
  j["seed"] = -1;
  EXPECT_EQ(error_of(j), "$.seed: must be a non-negative integer");
  j = good;
  j["sessions"] = "none";
  EXPECT_EQ(error_of(j), "$.sessions: must be an array of session records");
  j = good;
  j["sessions"][0]["result"]["score"] = 1e308;
  EXPECT_EQ(error_of(j), "$.sessions[0].result.score: must be between 0 and 100");
  j = good;
  j["sessions"] = nlohmann::json::array();
  for (int i = 0; i < 41; ++i) j["sessions"].push_back(good["sessions"][0]);
  EXPECT_EQ(error_of(j).rfind("$.sessions: ", 0), 0u) << error_of(j);
  j = good;
  j["extra"] = 1;
  EXPECT_EQ(error_of(j).rfind("$.extra: unknown key", 0), 0u) << error_of(j);
  EXPECT_TRUE(parse_course_progress(good, "resume", out, e)) << e.message();
  EXPECT_EQ(out.finished.size(), 1u);
}
