// libFuzzer target: a course of care's action files ({"sessions": [[...], ...]}), read for as
// many sessions as the file holds (the course's own count is checked when it runs).
#include "fuzz_common.h"
#include "scenarios/course.h"

using namespace tractus;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  nlohmann::json j;
  if (!fuzz::parse(data, size, j)) return 0;
  const auto list = j.is_object() ? j.find("sessions") : j.end();
  const int sessions = list != j.end() && list->is_array() ? static_cast<int>(list->size()) : 12;
  scenarios::CourseScript scripts;
  scenarios::LoadError e;
  if (!scenarios::parse_course_script(j, "fuzz", sessions, scripts, e)) {
    fuzz::require_message(e);
    return 0;
  }
  fuzz::require(static_cast<int>(scripts.size()) == sessions, "one script per session");
  return 0;
}
