#include "scenarios/course_replay.h"

#include <nlohmann/json.hpp>

#include "json_fields.h"

namespace tractus::scenarios {

using nlohmann::json;

namespace {

// why a record is not session `index` of run (its next session), or "" when it is; path is
// where the record sits in the resume file
std::string not_next_session(const CourseRun& run, const SessionRecord& r, const std::string& path) {
  const Scenario& c = run.course();
  const int n = run.next_session().index + 1;
  if (r.scenario_id != c.id || r.scenario_version != c.version)
    return path + ".scenario: is " + r.scenario_id + " version " + std::to_string(r.scenario_version) +
           ", not the course " + c.id + " version " + std::to_string(c.version);
  if (r.seed != run.next_options().seed)
    return path + ".seed: is not the seed the course gives session " + std::to_string(n);
  if (r.mode != run.mode())
    return path + ".mode: is " + mode_name(r.mode) + ", the course is played in " + mode_name(run.mode());
  return "";
}

}  // namespace

CourseProgress course_progress(const CourseRun& run) {
  CourseProgress p;
  p.course_id = run.course().id;
  p.course_version = run.course().version;
  p.seed = run.seed();
  p.mode = run.mode();
  p.finished = run.records();
  return p;
}

bool course_progress_fits(const Scenario& course, const CourseProgress& p, std::string& why) {
  if (p.course_id != course.id) {
    why = "$.course.id: is " + p.course_id + ", not the course " + course.id;
    return false;
  }
  if (p.course_version != course.version) {
    why = "$.course.version: is " + std::to_string(p.course_version) + "; this library's " + course.id +
          " is version " + std::to_string(course.version) + ", whose sessions would not replay the same";
    return false;
  }
  if (course.course.sessions <= 0) {
    why = "$.course.id: " + course.id + " is a single scenario, not a course of care";
    return false;
  }
  if (p.finished.size() >= static_cast<std::size_t>(course.course.sessions)) {
    why = "$.course.sessions: holds " + std::to_string(p.finished.size()) + " finished sessions; the course has " +
          std::to_string(course.course.sessions) + ", so nothing is left to resume";
    return false;
  }
  return true;
}

bool replay_finished_session(CourseRun& run, const SessionRecord& r, std::size_t index,
                             std::unique_ptr<Session>& last, std::string& why) {
  const std::string path = "$.course.sessions[" + std::to_string(index) + "]";
  if (run.done()) {
    why = path + ": the course has no session left to play";
    return false;
  }
  why = not_next_session(run, r, path);
  if (!why.empty()) return false;
  // the session is deterministic: its actions rebuild it, and the course's answer to it
  auto s = std::make_unique<Session>(run.next_scenario(), run.next_options());
  if (!replay(run.next_scenario(), r, *s, why)) {
    why = path + ": " + why;
    return false;
  }
  if (!s->ended()) {
    why = path + ".end_us: the session had not ended there, so it is not a finished session";
    return false;
  }
  const ReplayCheck check = check_replay(r, *s);
  if (!check.matches) {
    std::string what;
    for (const std::string& d : check.diverged) what += (what.empty() ? "" : "; ") + d;
    why = path + ".result: does not replay as it was saved (" + what + ")";
    return false;
  }
  run.finish(*s);
  last = std::move(s);
  return true;
}

bool rebuild_course(const Scenario& course, const CourseProgress& p, RebuiltCourse& out, std::string& why) {
  out = RebuiltCourse{};
  if (!course_progress_fits(course, p, why)) return false;
  auto run = std::make_unique<CourseRun>(course, p.seed, p.mode);
  std::unique_ptr<Session> last;
  for (std::size_t i = 0; i < p.finished.size(); ++i)
    if (!replay_finished_session(*run, p.finished[i], i, last, why)) return false;
  out.run = std::move(run);
  out.last = std::move(last);
  return true;
}

bool replay_course_session(const CourseRun& run, const SessionRecord& record, std::unique_ptr<Session>& out,
                           std::string& why) {
  out.reset();
  if (run.done()) {
    why = "$.record: the course has no session left to play";
    return false;
  }
  why = not_next_session(run, record, "$.record");
  if (!why.empty()) return false;
  auto s = std::make_unique<Session>(run.next_scenario(), run.next_options());
  if (!replay(run.next_scenario(), record, *s, why)) {
    why = "$.record: " + why;
    return false;
  }
  out = std::move(s);
  return true;
}

Report course_session_report(const Session& session, const CourseSession& entry) {
  Report r = build_report(session);
  for (const CriticalError& e : entry.critical_errors) {
    if (e.id != "flare_up") continue;
    r.critical_errors.push_back(e);
    r.passed = false;
  }
  return r;
}

json course_progress_to_json(const CourseProgress& p) {
  json j;
  j["id"] = p.course_id;
  j["version"] = p.course_version;
  j["seed"] = p.seed;
  j["mode"] = mode_name(p.mode);
  j["sessions"] = json::array();
  for (const SessionRecord& r : p.finished) j["sessions"].push_back(record_to_json(r));
  return j;
}

bool parse_course_progress(const json& j, const std::string& file, CourseProgress& p, LoadError& error) {
  error = LoadError{};
  error.file = file;
  detail::Fields f(error);
  p = CourseProgress{};
  if (!f.depth_within(j)) return false;
  if (!f.object(j, "$", {"id", "version", "seed", "mode", "sessions"})) return false;
  std::string mode;
  if (!f.string(j, "$", "id", p.course_id, true) ||
      !f.integer(j, "$", "version", p.course_version, true, 1, 1000000) ||
      !f.choice(j, "$", "mode", mode, true, {"practice", "assessment"}))
    return false;
  p.mode = mode == "assessment" ? Mode::Assessment : Mode::Practice;
  const json* seed = f.member(j, "$", "seed", true);
  if (seed == nullptr) return false;
  if (!seed->is_number_unsigned()) return f.fail("$.seed", "must be a non-negative integer");
  p.seed = seed->get<uint64_t>();
  const json* list = f.member(j, "$", "sessions", true);
  if (list == nullptr) return false;
  if (!list->is_array()) return f.fail("$.sessions", "must be an array of session records");
  if (!f.count_within(*list, "$.sessions", kMaxCourseSessions)) return false;
  std::size_t actions = 0;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string path = detail::Fields::index_path("$.sessions", i);
    SessionRecord r;
    LoadError e;
    if (!parse_record((*list)[i], file, r, e)) {
      // re-root the record's error under its place in the block
      return f.fail(path + (e.path.size() > 1 ? e.path.substr(1) : ""), e.reason);
    }
    if ((actions += r.actions.size()) > kMaxRecordActions)
      return f.fail(path + ".actions", "brings the course to " + std::to_string(actions) +
                                           " actions, above the limit of " + std::to_string(kMaxRecordActions));
    p.finished.push_back(std::move(r));
  }
  return true;
}

}  // namespace tractus::scenarios
