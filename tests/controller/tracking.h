// Closed-loop tracking measurement: runs one prescription through the rig (firmware against
// the twin) and measures how the true cord tension follows the firmware's target.
#pragma once

#include <cmath>
#include <cstdint>

#include "scenarios/rig.h"

namespace tractus::fwtest {

/// Tracking figures of one run.
struct Tracking {
  double worst_hold_error_fraction = 0.0;  // max |tension - target| / target on settled holds
  double hold_error_rms_fraction = 0.0;    // rms of the same, a measure of oscillation
  double overshoot_fraction = 0.0;         // (max tension - max force) / max force
  long hold_samples = 0;
  bool completed = false;                  // reached Complete at the end of time
  hal::TableState last_state = hal::TableState::Idle;
  uint16_t last_alarm = 0;
};

/// Runs prescription p for up to run_s seconds. A hold is a target that has stayed within
/// 0.01 N for settle_s; errors are sampled every millisecond on holds.
inline Tracking track(const hal::Prescription& p, double run_s, const scenarios::RigConfig& cfg = {},
                      double settle_s = 3.0) {
  scenarios::Rig rig(cfg);
  rig.advance_us(500000);
  rig.prescribe_and_start(p);
  rig.advance_us(1000);

  Tracking t;
  double sum_sq = 0.0, peak_n = 0.0;
  float last_target = -1.0f;
  int64_t steady_since_us = 0;
  const int64_t end_us = rig.now_us() + static_cast<int64_t>(run_s * 1e6);
  while (rig.now_us() < end_us) {
    rig.advance_us(1000);
    const hal::DisplayState& d = rig.display();
    const double tension_n = rig.twin_state().cord_tension_n;
    if (tension_n > peak_n) peak_n = tension_n;
    if (std::fabs(d.target_force_n - last_target) > 0.01f) {
      last_target = d.target_force_n;
      steady_since_us = rig.now_us();
    }
    const bool holding = (d.state == hal::TableState::Treating) && d.target_force_n > 20.0f &&
                         rig.now_us() - steady_since_us >= static_cast<int64_t>(settle_s * 1e6);
    if (holding) {
      const double e = std::fabs(tension_n - d.target_force_n) / d.target_force_n;
      if (e > t.worst_hold_error_fraction) t.worst_hold_error_fraction = e;
      sum_sq += e * e;
      ++t.hold_samples;
    }
    if (d.state == hal::TableState::Complete) {
      t.completed = true;
      break;
    }
  }
  t.hold_error_rms_fraction = t.hold_samples > 0 ? std::sqrt(sum_sq / static_cast<double>(t.hold_samples)) : 0.0;
  t.overshoot_fraction = (peak_n - p.max_force_n) / p.max_force_n;
  t.last_state = rig.display().state;
  t.last_alarm = rig.display().alarm_code;
  return t;
}

}  // namespace tractus::fwtest
