#include "scenarios/timeline.h"

#include <cstring>

namespace tractus::scenarios {

namespace {
const char* const kKinds[] = {"action",       "patient_says", "state",    "alarm",
                              "event",        "sharp_pain",   "stop_request", "patient_stop",
                              "fault",        "reaction",     "critical", "hint",
                              "finding",      "refused",  "harness_slip"};
// kinds whose entries carry a detail in their tag
const char* const kTagged[] = {"action", "state", "alarm", "event", "fault", "reaction", "critical"};
}  // namespace

const char* timeline_kinds() {
  return "action, patient_says, state, alarm, event, sharp_pain, stop_request, patient_stop, "
         "fault, reaction, critical, hint, finding, refused, harness_slip";
}

bool valid_timeline_key(const std::string& key, std::string& reason) {
  const std::size_t colon = key.find(':');
  const std::string kind = key.substr(0, colon);
  bool known = false;
  for (const char* k : kKinds) known = known || kind == k;
  if (!known) {
    reason = "unknown timeline kind '" + kind + "' (known: " + timeline_kinds() + ")";
    return false;
  }
  if (colon == std::string::npos) return true;
  bool tagged = false;
  for (const char* k : kTagged) tagged = tagged || kind == k;
  if (!tagged || colon + 1 >= key.size()) {
    reason = "'" + key + "': only action, state, alarm, event, fault, reaction and critical "
             "entries take a ':detail'";
    return false;
  }
  return true;
}

}  // namespace tractus::scenarios
