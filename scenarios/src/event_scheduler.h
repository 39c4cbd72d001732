// Scenario events: when each is due. An event fires once: at a session time (`at`), a delay
// after its `on` key first appears on the timeline, or once its `when` condition on a signal
// has held for its duration without a break; it is skipped (fired, with no effect) when one
// of its `unless` actions was done before. What a fired event does is the session's
// business; the scheduler only keeps the fired flags, the `on` times and the `when` holds.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "scenarios/scenario.h"
#include "scenarios/session_types.h"
#include "scenarios/timeline.h"
#include "session_detail.h"

namespace tractus::scenarios {

/// What the `when` signals are computed from, read when a condition is checked.
struct SignalSources {
  double cord_tension_n = 0.0;
  double body_mass_kg = 70.0;
  int64_t now_us = 0;
  int64_t treating_since_us = -1;  // -1 when not treating
  bool treating = false;           // the table shows Treating
  bool has_protocol = false;
  double force_n = 0.0;            // the selected protocol's force and ramp
  double ramp_s = 1.0;
};

/// The value of a `when` signal, in SI as the loader converted its threshold: force_lbf in
/// newtons, force_pct_bw, treatment_s, ramp_lbf_per_s in newtons a second; 0 for any other
/// name.
double event_signal(const std::string& name, const SignalSources& s);

/// True when an accepted action among actions matches m (its action, and question or reason
/// where m names one).
bool done_before(const ActionMatch& m, const std::vector<RecordedAction>& actions);

class EventScheduler {
 public:
  /// Schedules event_count events (the scenario's, in its order).
  explicit EventScheduler(std::size_t event_count)
      : fired_(event_count, false), on_us_(event_count, -1), since_us_(event_count, -1) {}

  /// One tick at now_us: notes the `on` keys that appeared on the timeline since the last
  /// run, then checks each unfired event in order. A due event is marked fired; unless
  /// averted(event) says one of its `unless` actions was done, fire(event) runs before the
  /// next event is checked. signal(name) gives a `when` signal's value.
  template <typename Signal, typename Averted, typename Fire>
  void run(const std::vector<ScenarioEvent>& events, const std::vector<TimelineEntry>& timeline,
           int64_t now_us, Signal&& signal, Averted&& averted, Fire&& fire) {
    note_on_keys(events, timeline);
    for (std::size_t i = 0; i < events.size(); ++i) {
      if (fired_[i] || !due(i, events[i], now_us, signal)) continue;
      fired_[i] = true;
      if (!averted(events[i])) fire(events[i]);
    }
  }

  /// True once event i fired (or was skipped by its `unless`).
  bool fired(std::size_t i) const { return fired_[i]; }
  /// When event i's `on` key first appeared, microseconds, -1 before.
  int64_t on_seen_us(std::size_t i) const { return on_us_[i]; }

 private:
  void note_on_keys(const std::vector<ScenarioEvent>& events, const std::vector<TimelineEntry>& timeline);

  template <typename Signal>
  bool due(std::size_t i, const ScenarioEvent& ev, int64_t now_us, Signal& signal) {
    using session_detail::seconds_to_us;
    if (ev.has_at) return now_us >= seconds_to_us(ev.at_s);
    if (!ev.on.empty()) return on_us_[i] >= 0 && now_us >= on_us_[i] + seconds_to_us(ev.after_s);
    const double v = signal(ev.when.signal);
    const bool holds = ev.when.above ? v > ev.when.threshold : v < ev.when.threshold;
    if (!holds) {
      since_us_[i] = -1;
      return false;
    }
    if (since_us_[i] < 0) since_us_[i] = now_us;
    return now_us - since_us_[i] >= seconds_to_us(ev.when.for_s);
  }

  std::vector<bool> fired_;
  std::vector<int64_t> on_us_;     // when each event's `on` key first appeared, -1 before
  std::vector<int64_t> since_us_;  // since when each `when` condition holds, -1 when not
  std::size_t timeline_scanned_ = 0;
};

}  // namespace tractus::scenarios
