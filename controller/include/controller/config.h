// Calibration and tuning constants of the table firmware. A ControllerConfig is fixed at
// initialisation; the defaults describe the reference lumbar/cervical table that the twin's
// default model also describes.
#pragma once

#include <cstdint>

#include "controller/monitors.h"
#include "controller/table_safety_policy.h"

namespace tractus::controller {

/// Absolute force limits of the table, newtons. Lumbar about 200 lbf, cervical about 50 lbf
/// (DESIGN.md section 4, device maxima).
constexpr float kMaxLumbarForceN = 890.0f;
constexpr float kMaxCervicalForceN = 222.0f;
/// Patient stop releases to at most this force (Eltrac operator manual: minimum of 15 N).
constexpr float kPatientStopReleaseN = 15.0f;

/// Calibration and tuning of the firmware.
struct ControllerConfig {
  /// Control tick period in microseconds (1 kHz).
  int64_t tick_us = 1000;
  /// Load-cell sensitivity in ADC counts per newton (factory calibration).
  float load_cell_counts_per_n = 30.0f;
  /// Duration of the power-on tare in ticks; the mean reading becomes the zero offset.
  int32_t tare_ticks = 200;
  /// Load-cell tare must fall within this window of counts, or self-test fails (code 201).
  int32_t tare_min_counts = 500;
  int32_t tare_max_counts = 6000;
  /// Cut-off of the force measurement filter, hertz.
  float force_filter_hz = 20.0f;
  /// Rated drive force at the cord for motor_command = 1.0, newtons (feedforward scale).
  float motor_rated_force_n = 1200.0f;
  /// PI gains of the force loop, in motor-command units per newton of error.
  float force_kp_per_n = 0.0006f;
  float force_ki_per_n_s = 0.004f;
  /// Motor command used to pay out cord on a patient stop (fastest release), -1..0.
  float patient_stop_payout_command = -0.6f;
  /// Supply-monitor scale: volts per ADC count.
  float supply_volts_per_count = 30.0f / 4095.0f;
  /// Encoder scale: counts per metre of cord wound in.
  float encoder_counts_per_m = 200000.0f;
  /// Motor current sense: ADC counts at zero current, and counts per unit of rated current.
  float current_zero_counts = 2048.0f;
  float current_counts_per_unit = 2000.0f;
  /// Self-test: with the drive off the current must read within this many rated units of 0.
  float selftest_current_limit_units = 0.05f;
  /// After Start the carriage-lock sensor must read released within this time (code 106).
  int64_t carriage_release_us = 300000;
  /// Pretension must be reached (90%) within this time of Start (code 107), and held this
  /// long before treatment begins.
  int64_t pretension_timeout_us = 10000000;
  int64_t pretension_hold_us = 1000000;
  /// After a drive-off the drum coasts until the cord is slack, but brakes after this at most.
  int64_t coast_max_us = 2000000;
  /// Thresholds of the signal monitors and of the table's safety policy (over-force margin,
  /// brown-out and power-loss voltages).
  MonitorConfig monitors;
  PolicyConfig policy;
  /// End-of-treatment tone repeats every this many seconds until acknowledged (Triton manual).
  float complete_tone_period_s = 30.0f;
  /// Length of each end-of-treatment tone burst, seconds.
  float complete_tone_on_s = 1.0f;
};

}  // namespace tractus::controller
