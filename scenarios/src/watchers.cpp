#include "watchers.h"

#include "scenarios/engine_rules.h"
#include "session_detail.h"
#include "text_format.h"

namespace tractus::scenarios {

using namespace session_detail;

void Watchers::watch_alarms(const hal::DisplayState& d, Recorder& recorder, int64_t t_us) {
  if (d.alarm_code == last_alarm_) return;
  last_alarm_ = d.alarm_code;
  if (d.alarm_code != 0) {
    const std::string code = std::to_string(d.alarm_code);
    recorder.log(t_us, "alarm", "alarm:" + code, "alarm " + code + ": " + d.alarm_text);
  }
  if (d.alarm_code >= 300) critical_fault_seen_ = true;
}

void Watchers::watch_force(double cord_tension_n, int64_t tick_us, Recorder& recorder, int64_t t_us) {
  if (cord_tension_n > max_force_n_) max_force_n_ = cord_tension_n;
  if (cord_tension_n > safety_.max_safe_force_n) {
    outside_us_ += tick_us;
    if (outside_us_ > seconds_to_us(safety_.over_limit_critical_s)) {
      raise("force_over_safe_limit",
            "cord tension above this patient's safe limit of " +
                fmt1(safety_.max_safe_force_n / kNewtonsPerLbf) +
                " lbf for over " + fmt1(safety_.over_limit_critical_s) + " s",
            recorder, t_us);
    }
  }
}

void Watchers::watch_stop_windows(bool under_traction, Recorder& recorder, int64_t t_us) {
  const int64_t window_us = seconds_to_us(safety_.stop_window_s);
  for (StopResponse& s : stops_) {
    if (s.stopped_us >= 0) continue;
    if (!under_traction) {
      s.stopped_us = t_us;
    } else if (!s.late && t_us - s.t_us > window_us) {
      s.late = true;
      raise("late_stop",
            "traction still on " + fmt1(safety_.stop_window_s) + " s after " +
                (s.trigger == "sharp_pain" ? "the patient reported sharp pain"
                                           : "the patient asked to stop"),
            recorder, t_us);
    }
  }
}

bool Watchers::watch_sharp_pain(int pain_0_10, bool under_traction, int64_t t_us) {
  if (!under_traction || pain_0_10 < kSharpPain_0_10 || stop_window_open("sharp_pain")) return false;
  open_stop_window("sharp_pain", t_us);
  return true;
}

bool Watchers::watch_harness(double harness_slip_m, Recorder& recorder, int64_t t_us) {
  // a fitted harness, or one left unfastened under a pull, can slide on the patient
  if (harness_slipped_) return false;
  const double slid_m = harness_slip_m - slip_at_fit_m_;
  if (slid_m <= kSlipM) return false;
  harness_slipped_ = true;
  recorder.log(t_us, "harness_slip", "harness_slip",
               "The harness slipped " + fmt1(slid_m * 1000.0) + " mm on the patient");
  return true;
}

void Watchers::watch_power(bool loaded, bool tension_held, bool drive_powered, Recorder& recorder,
                           int64_t t_us) {
  // a stop that left the patient loaded on a live drive (tension_held) is the trainee's to
  // release (release_tension, or the patient's stop) within the same window
  const int64_t window_us = seconds_to_us(safety_.unpowered_load_window_s);
  if (!tension_held || !loaded) {
    held_since_us_ = -1;
  } else {
    if (held_since_us_ < 0) held_since_us_ = t_us;
    if (t_us - held_since_us_ > window_us)
      raise("patient_left_loaded",
            "the patient was still held under traction " + fmt1(safety_.unpowered_load_window_s) +
                " s after a stop: release the tension from the console",
            recorder, t_us);
  }
  if (drive_powered) {
    unpowered_since_us_ = -1;
    return;
  }
  if (unpowered_since_us_ < 0) unpowered_since_us_ = t_us;
  if (loaded && t_us - unpowered_since_us_ > window_us)
    raise("patient_left_loaded",
          "the patient was still held under traction " + fmt1(safety_.unpowered_load_window_s) +
              " s after the table lost power",
          recorder, t_us);
}

void Watchers::raise(const std::string& id, const std::string& message, Recorder& recorder,
                     int64_t t_us) {
  for (const CriticalError& c : criticals_)
    if (c.id == id) return;  // each critical error counts once
  criticals_.push_back(CriticalError{id, t_us, message});
  recorder.log(t_us, "critical", "critical:" + id, message);
}

void Watchers::open_stop_window(const std::string& trigger, int64_t t_us) {
  if (stop_window_open(trigger)) return;
  StopResponse s;
  s.trigger = trigger;
  s.t_us = t_us;
  stops_.push_back(s);
}

bool Watchers::stop_window_open(const std::string& trigger) const {
  for (const StopResponse& s : stops_)
    if (s.stopped_us < 0 && s.trigger == trigger) return true;
  return false;
}

void Watchers::harness_refitted(double harness_slip_m) {
  slip_at_fit_m_ = harness_slip_m;
  harness_slipped_ = false;
}

}  // namespace tractus::scenarios
