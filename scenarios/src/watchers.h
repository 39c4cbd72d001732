// The watchers that raise a session's critical errors, run every tick: the firmware's
// alarms, the cord tension against the patient's safe band (the highest force and the time
// outside the band), the stop windows after sharp pain or a stop request, the harness
// sliding on the patient, sharp pain from any cause (engine_rules.h), and a patient left
// loaded after a stop or a power loss. Each
// critical error counts once. They keep their own state and report to the recorder.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "hal/hal.h"
#include "recorder.h"
#include "scenarios/scenario.h"
#include "scenarios/session_types.h"

namespace tractus::scenarios {

class Watchers {
 public:
  /// Watches against this patient's limits (copied: the watchers outlive no scenario).
  explicit Watchers(const Safety& safety) : safety_(safety) {}

  /// Logs each new alarm the console shows; a 3xx alarm locks the unit until it is serviced.
  void watch_alarms(const hal::DisplayState& display, Recorder& recorder, int64_t t_us);
  /// Tracks the highest tension and the time above the safe limit, over one tick of tick_us.
  void watch_force(double cord_tension_n, int64_t tick_us, Recorder& recorder, int64_t t_us);
  /// Closes each open stop window once traction stops; one left open too long is late.
  void watch_stop_windows(bool under_traction, Recorder& recorder, int64_t t_us);
  /// The engine-wide rule: pain the patient rates sharp (kSharpPain_0_10 or more) under
  /// traction, from any cause, opens a sharp-pain stop window unless one is open already (a
  /// scripted sharp_pain reaction opens its own). Returns true when it opened one: the
  /// patient then reports the pain.
  bool watch_sharp_pain(int pain_0_10, bool under_traction, int64_t t_us);
  /// Returns true on the tick the harness has slid more than a slip's worth since its fit.
  bool watch_harness(double harness_slip_m, Recorder& recorder, int64_t t_us);
  /// A patient still loaded (loaded: harness fitted and the cord above the free tension)
  /// after tension_held or with the drive unpowered for the scenario's window.
  void watch_power(bool loaded, bool tension_held, bool drive_powered, Recorder& recorder,
                   int64_t t_us);

  /// Raises a critical error unless one with this id was raised before.
  void raise(const std::string& id, const std::string& message, Recorder& recorder, int64_t t_us);
  /// Opens a stop window for trigger ("sharp_pain", "stop_request", "patient_stop"), unless
  /// one for the same trigger is still open: one event answers to one window.
  void open_stop_window(const std::string& trigger, int64_t t_us);
  /// True while a window for trigger is open (traction has not stopped since it opened).
  bool stop_window_open(const std::string& trigger) const;
  /// The harness was fitted afresh with the twin's slip at harness_slip_m: no slip now.
  void harness_refitted(double harness_slip_m);

  const std::vector<CriticalError>& critical_errors() const { return criticals_; }
  const std::vector<StopResponse>& stop_responses() const { return stops_; }
  /// Highest true cord tension so far, newtons.
  double max_force_n() const { return max_force_n_; }
  /// Time above the safe limit, microseconds.
  int64_t outside_us() const { return outside_us_; }
  /// True after the harness slipped and until it is fitted again.
  bool harness_slipped() const { return harness_slipped_; }
  /// True once the console showed a critical (3xx) alarm.
  bool critical_fault_seen() const { return critical_fault_seen_; }

 private:
  Safety safety_;
  std::vector<CriticalError> criticals_;
  std::vector<StopResponse> stops_;
  double max_force_n_ = 0.0;
  int64_t outside_us_ = 0;
  uint16_t last_alarm_ = 0;
  bool critical_fault_seen_ = false;
  double slip_at_fit_m_ = 0.0;       // the twin's harness slip when the harness was last fitted
  bool harness_slipped_ = false;     // slipped since the last fit
  int64_t unpowered_since_us_ = -1;  // the drive lost power then, -1 while it has power
  int64_t held_since_us_ = -1;       // tension_held with the patient loaded since, -1 when not
};

}  // namespace tractus::scenarios
