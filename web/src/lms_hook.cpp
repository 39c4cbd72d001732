// The page's LMS module (web/shell/scorm.js) reads what it reports to a SCORM 1.2 LMS through
// tractus_lms_outcome: the latest finished session, or the course of care it belongs to. Like
// hook.cpp it only reads; the LMS never changes the session.
#include <cstdint>
#include <cstdio>
#include <string>

#include <emscripten.h>
#include <nlohmann/json.hpp>

#include "app.h"
#include "outcome_json.h"
#include "scenarios/course.h"
#include "scenarios/scoring.h"

namespace tractus::web {
extern App* g_app;
}

namespace {
std::string g_lms_buffer;
}  // namespace

extern "C" {

/// The outcome to report, as JSON, or "" while no session has finished since the page loaded.
/// A single scenario: {"kind": "session", "id", "scenario", "mode", "score" (0-100), "passed",
/// "critical_errors" (ids), "session_s"}. A course of care: {"kind": "course", "id",
/// "scenario", "mode", "finished", "sessions", "done", "score", "passed", "critical_errors"},
/// where score and passed are final only once done. "id" changes with every finished session,
/// so the page reports each one once.
EMSCRIPTEN_KEEPALIVE const char* tractus_lms_outcome() {
  g_lms_buffer.clear();
  const tractus::web::App* app = tractus::web::g_app;
  if (app == nullptr) return g_lms_buffer.c_str();
  const tractus::scenarios::Report* r = app->report();
  if (r == nullptr) return g_lms_buffer.c_str();
  char id[24];
  std::snprintf(id, sizeof id, "%016llx", static_cast<unsigned long long>(r->timeline_hash));
  nlohmann::json out;
  if (const tractus::scenarios::CourseRun* course = app->course()) {
    const tractus::scenarios::CourseReport& c = course->report();
    out = {{"kind", "course"},
           {"id", std::string(id) + "-" + std::to_string(c.sessions.size())},
           {"scenario", c.scenario},
           {"mode", r->mode},
           {"finished", c.sessions.size()},
           {"sessions", course->course().course.sessions},
           {"done", course->done()},
           {"score", c.score},
           {"passed", c.passed},
           {"critical_errors", c.critical_errors}};
  } else {
    out = tractus::web::outcome_json(*r, tractus::web::CriticalErrorDetail::Ids);
    out["kind"] = "session";
    out["id"] = id;
  }
  g_lms_buffer = out.dump();
  return g_lms_buffer.c_str();
}

}  // extern "C"
