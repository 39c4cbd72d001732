#include "event_scheduler.h"

#include "hal/hal.h"
#include "scenarios/action.h"

namespace tractus::scenarios {

using namespace session_detail;

double event_signal(const std::string& name, const SignalSources& s) {
  // in SI: the loader converted each threshold from the file's unit
  if (name == "force_lbf") return s.cord_tension_n;
  if (name == "force_pct_bw") return 100.0 * s.cord_tension_n / (s.body_mass_kg * kStandardGravity);
  if (name == "treatment_s")
    return s.treating_since_us < 0 ? 0.0 : static_cast<double>(s.now_us - s.treating_since_us) * 1e-6;
  if (name == "ramp_lbf_per_s") {
    if (!s.treating || !s.has_protocol) return 0.0;
    return s.force_n / s.ramp_s;
  }
  return 0.0;
}

bool done_before(const ActionMatch& m, const std::vector<RecordedAction>& actions) {
  for (const RecordedAction& r : actions) {
    if (!r.accepted || m.action != action_name(r.action.kind)) continue;
    if (!m.question.empty() && m.question != r.action.question) continue;
    if (!m.reason.empty() && m.reason != r.action.reason) continue;
    return true;
  }
  return false;
}

void EventScheduler::note_on_keys(const std::vector<ScenarioEvent>& events,
                                  const std::vector<TimelineEntry>& timeline) {
  for (; timeline_scanned_ < timeline.size(); ++timeline_scanned_) {
    const TimelineEntry& e = timeline[timeline_scanned_];
    for (std::size_t i = 0; i < events.size(); ++i) {
      const ScenarioEvent& ev = events[i];
      if (!ev.on.empty() && on_us_[i] < 0 && timeline_matches(e, ev.on)) on_us_[i] = e.t_us;
    }
  }
}

}  // namespace tractus::scenarios
