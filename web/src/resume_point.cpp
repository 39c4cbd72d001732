#include "resume_point.h"

#include <nlohmann/json.hpp>

#include "history_format.h"
#include "scenarios/json_file.h"

namespace tractus::web {

using nlohmann::json;

namespace {
// why a record (at path) is not of the course, or "" when it is
std::string not_of_course(const scenarios::SessionRecord& r, const scenarios::CourseProgress& c,
                          const std::string& path) {
  if (r.scenario_id == c.course_id && r.scenario_version == c.course_version) return "";
  return path + ".scenario: is " + r.scenario_id + " version " + std::to_string(r.scenario_version) +
         ", the course block is for " + c.course_id + " version " + std::to_string(c.course_version);
}
}  // namespace

bool resume_is_later(const ResumePoint& a, const ResumePoint& b) {
  if (a.course.has_value() != b.course.has_value()) return true;
  if (a.course) {
    if (a.course->course_id != b.course->course_id || a.course->seed != b.course->seed ||
        a.course->mode != b.course->mode)
      return true;
    // a course moves on by finishing sessions, and between two of them before the next opens
    const std::size_t fa = a.course->finished.size(), fb = b.course->finished.size();
    if (fa != fb) return fa > fb;
    if (a.in_session != b.in_session) return a.in_session;
    if (!a.in_session) return false;
  } else if (a.record.scenario_id != b.record.scenario_id) {
    return true;
  }
  return a.record.end_us > b.record.end_us;
}

std::string resume_to_json(const ResumePoint& p) {
  json j;
  j["format"] = "tractus-resume";
  j["version"] = p.course ? 2 : 1;
  j["title"] = p.title;
  j["saved_at"] = p.saved_at;
  if (p.course) j["course"] = scenarios::course_progress_to_json(*p.course);
  if (p.in_session || !p.course) j["record"] = scenarios::record_to_json(p.record);
  return j.dump();
}

bool parse_resume(const std::string& text, ResumePoint& out, std::string& why) {
  out = ResumePoint{};
  if (json_nesting_depth(text, kMaxHistoryJsonDepth) > kMaxHistoryJsonDepth) {
    why = "$: nests more than " + std::to_string(kMaxHistoryJsonDepth) + " deep";
    return false;
  }
  json j;
  scenarios::LoadError err;
  if (!scenarios::parse_json_text(text, "resume", j, err)) {
    why = "$: " + err.reason;
    return false;
  }
  if (!j.is_object() || j.value("format", "") != "tractus-resume" || !j.contains("version") ||
      !j["version"].is_number_integer() || j["version"].get<int64_t>() < 1 || j["version"].get<int64_t>() > 2) {
    why = "$: not a version 1 or 2 resume file";
    return false;
  }
  // version 2 is a course of care's: the course block is what it adds
  const bool course = j["version"].get<int64_t>() == 2;
  if (course != j.contains("course")) {
    why = course ? "$.course: is missing (a version 2 resume file is a course's)"
                 : "$.course: needs version 2 (a version 1 resume file holds one session)";
    return false;
  }
  for (const char* key : {"title", "saved_at"}) {
    if (!j.contains(key) || !j[key].is_string()) {
      why = std::string("$.") + key + ": must be text";
      return false;
    }
  }
  out.title = j["title"].get<std::string>();
  out.saved_at = j["saved_at"].get<std::string>();
  if (out.title.size() > kMaxTitleBytes) out.title = out.title.substr(0, kMaxTitleBytes);
  if (course) {
    scenarios::CourseProgress progress;
    if (!scenarios::parse_course_progress(j["course"], "resume", progress, err)) {
      why = "$.course" + err.path.substr(err.path.empty() ? 0 : 1) + ": " + err.reason;
      return false;
    }
    for (std::size_t i = 0; i < progress.finished.size() && why.empty(); ++i)
      why = not_of_course(progress.finished[i], progress, "$.course.sessions[" + std::to_string(i) + "]");
    if (!why.empty()) return false;
    out.course = std::move(progress);
  }
  // a course left between two sessions has no running session
  out.in_session = !course || j.contains("record");
  if (!out.in_session && out.course->finished.empty()) {
    why = "$.record: is missing (a course left between sessions has finished one)";
    return false;
  }
  if (!out.in_session) return true;
  if (!j.contains("record")) {
    why = "$.record: is missing";
    return false;
  }
  if (!scenarios::parse_record(j["record"], "resume", out.record, err)) {
    why = "$.record" + err.path.substr(err.path.empty() ? 0 : 1) + ": " + err.reason;
    return false;
  }
  if (out.course) why = not_of_course(out.record, *out.course, "$.record");
  return why.empty();
}

}  // namespace tractus::web
