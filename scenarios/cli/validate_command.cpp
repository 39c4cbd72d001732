// `validate`: checks scenario files, action files and session records.
#include <cstdio>
#include <cstring>
#include <string>

#include "cli_util.h"
#include "commands.h"
#include "scenarios/course.h"
#include "scenarios/json_file.h"
#include "scenarios/record.h"
#include "scenarios/scenario.h"
#include "scenarios/script.h"

namespace tractus::cli {

namespace {

// tells the file kinds apart by their shape: an array is an action file, an object with
// "sessions" a course's action file, an object with "format" a scenario or a record
bool validate_file(const std::string& file, std::string& kind) {
  nlohmann::json j;
  scenarios::LoadError error;
  bool ok = scenarios::read_json_file(file, j, error);
  // an object with an "action" member is an action file missing its surrounding array
  if (ok && (j.is_array() || (j.is_object() && j.contains("action")))) {
    kind = "action file";
    scenarios::ActionScript script;
    ok = scenarios::parse_action_script(j, file, script, error);
  } else if (ok && j.is_object() && j.contains("sessions") && !j.contains("format")) {
    // a course action file: its session count is checked when it runs against its course
    kind = "course action file";
    scenarios::CourseScript scripts;
    const int sessions = j["sessions"].is_array() ? static_cast<int>(j["sessions"].size()) : 0;
    ok = scenarios::parse_course_script(j, file, sessions, scripts, error);
  } else if (ok && j.is_object() && j.contains("format") && j["format"] == "tractus-session-record") {
    kind = "session record";
    scenarios::SessionRecord record;
    ok = scenarios::parse_record(j, file, record, error);
  } else if (ok) {
    kind = "scenario";
    scenarios::Scenario scenario;
    ok = scenarios::parse_scenario(j, file, scenario, error);
  }
  if (!ok) print_error("validate", error);
  return ok;
}

}  // namespace

int validate_command(int argc, char** argv) {
  if (argc < 2 || std::strcmp(argv[1], "--help") == 0) {
    std::printf(
        "usage: tractus-cli validate FILE...\n"
        "Checks each scenario, action file or session record; prints 'ok' or the file, JSON\n"
        "path and reason of the first problem. Exit code: 0 all valid, 2 otherwise.\n");
    return argc < 2 ? 2 : 0;
  }
  int bad = 0;
  for (int i = 1; i < argc; ++i) {
    std::string kind;
    if (validate_file(argv[i], kind)) std::printf("ok %s (%s)\n", argv[i], kind.c_str());
    else ++bad;
  }
  return bad == 0 ? 0 : 2;
}

}  // namespace tractus::cli
