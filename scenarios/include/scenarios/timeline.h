// The session timeline: everything that happened, in order, with its time. Actions, patient
// speech, table states, alarms, scripted events, faults and critical errors all land here, and
// action files and scenario events can wait for an entry with `"on"`.
#pragma once

#include <cstdint>
#include <string>

namespace tractus::scenarios {

/// One entry of the timeline.
struct TimelineEntry {
  int64_t t_us = 0;   // session time, microseconds
  std::string kind;   // see timeline_kinds()
  std::string tag;    // kind plus a detail ("state:treating", "event:panic"), or kind alone
  std::string text;   // what a person reads
};

/// The kinds of entry, joined with ", ": action, patient_says, state, alarm, event,
/// sharp_pain, stop_request, patient_stop, fault, reaction, critical, hint, finding, refused.
const char* timeline_kinds();

/// True when key can match a timeline entry: a kind, or "kind:detail" for action, state,
/// alarm, event, fault and reaction entries. On false, reason says why.
bool valid_timeline_key(const std::string& key, std::string& reason);

/// True when entry matches key (its kind or its tag).
inline bool timeline_matches(const TimelineEntry& e, const std::string& key) {
  return e.kind == key || e.tag == key;
}

}  // namespace tractus::scenarios
