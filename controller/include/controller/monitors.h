// Signal monitors: the detectors behind the safety policy. Each looks at the raw sensor frame
// and the firmware's own last outputs, with time passed in, and reports a plain boolean that
// is false while the signal is healthy. They keep fixed-size histories, allocate nothing and
// do bounded work per tick. Thresholds live in MonitorConfig.
#pragma once

#include <cstdint>

#include "controller/control_laws.h"

namespace tractus::controller {

/// Thresholds of the signal monitors. Each default states why it sits where it does.
struct MonitorConfig {
  /// Load-cell counts at or beyond either rail are invalid; this many in a row is a
  /// saturated or disconnected cell (3 ms: longer than one electrical spike).
  int32_t rail_run_ticks = 3;
  /// Intermittent dropouts: each rail sample adds 1, the score decays by rail_decay_per_s;
  /// a score above rail_glitch_score is a faulty cell (5 glitches in well under a second).
  float rail_decay_per_s = 10.0f;
  float rail_glitch_score = 5.0f;
  /// A load cell whose counts stay identical while the cord travels this far is stuck
  /// (0.5 mm of cord changes tension by several newtons, hundreds of counts, on any patient).
  int32_t stuck_travel_counts = 100;
  /// ...or while the drive is on for this many ticks: the cell's electrical noise (0.3 N rms,
  /// 9 counts) repeats a reading on about 3% of ticks, so 20 repeats in a row (a chance of
  /// about 1e-30) is a frozen cell. Waiting longer leaves the loop blind while the patient's
  /// own guarding lifts the tension past the limit with the cord still (campaign seed 67508).
  int32_t stuck_still_ticks = 20;
  /// Load-cell noise: the cord's tension is smooth at 1 kHz (the cord-and-drive mode sits
  /// near 27 Hz, muscle tremor near 10 Hz), so the second difference of the raw reading is
  /// the cell's own noise. The cell's 0.3 N rms makes it 0.7 N rms; a tick whose second
  /// difference exceeds noise_curvature_n (4 N, over 5 sigma) is a noisy sample. The score
  /// adds 1 for each and leaks 1/noise_window_ticks a tick, so it settles at the noisy
  /// share of the last 100 ticks times 100. Above noise_score_limit (50) the cell reads with
  /// more than about 2.4 N rms of noise: the firmware's rest decisions (8 N slack, 14 N
  /// loaded) cannot trust it (campaign seed 1357: a 20 N cell, score about 93, read 9.6 N on
  /// a cord at 15.8 N and let the table rest loaded). Healthy sessions peak near 6 (a fast
  /// release's first ticks); a coasting drum whose brake chatters on a noisy encoder curves
  /// the real tension up to about 40, which is why the limit sits at 50 and the policy does
  /// not judge it once a fault has locked the drive.
  float noise_curvature_n = 4.0f;
  float noise_window_ticks = 100.0f;
  float noise_score_limit = 50.0f;
  /// At rest with the cord slack the reading must stay within this of zero (tare drift).
  float rest_drift_limit_n = 25.0f;
  /// Load cell against motor current: both low-passed at plausibility_filter_hz, they may
  /// differ by plausibility_base_n plus plausibility_fraction of the drive force while the
  /// drum moves slower than plausibility_max_speed_m_per_s.
  float plausibility_filter_hz = 5.0f;
  float plausibility_base_n = 15.0f;
  float plausibility_fraction = 0.05f;
  float plausibility_max_speed_m_per_s = 0.02f;
  /// ...and while the target moves slower than this (filtered at 2 Hz): in fast ramps the
  /// drum's inertia and the cord's toe region open a transient gap.
  float plausibility_max_target_rate_n_per_s = 60.0f;
  /// Drive losses identified at the factory, subtracted from the current-derived force so
  /// the comparison holds while the drum moves: viscous (back-EMF, gearbox) and Coulomb.
  float drive_damping_n_s_per_m = 1500.0f;
  float drive_coulomb_n = 10.0f;
  /// Encoder: a jump larger than this in one tick is impossible (5 mm in 1 ms).
  int32_t encoder_jump_counts = 1000;
  /// ...and a frozen encoder while the force changes by encoder_frozen_force_n within
  /// encoder_frozen_ticks means the encoder is lost.
  int32_t encoder_frozen_ticks = 300;
  float encoder_frozen_force_n = 60.0f;
  /// Stall: a command of at least stall_command, pushing the way the error asks, with the
  /// error above stall_error_n, while the drum moves less than stall_travel_counts in the
  /// history window (640 ms).
  float stall_command = 0.4f;
  float stall_error_n = 30.0f;
  int32_t stall_travel_counts = 100;
  /// Runaway: measured current departs from the command by this many rated-current units
  /// (or reads this much with the relay open), or the drum winds in against a pay-out
  /// command (below -runaway_payout_command) for runaway_against_ticks ticks.
  float runaway_current_units = 0.3f;
  float runaway_payout_command = 0.05f;
  int32_t runaway_against_ticks = 15;
  /// ...or the drum winds in faster than this for two ticks: no prescribed rise needs more
  /// than about 20 mm/s (400 N/s into a 20 N/mm patient), a runaway drive reaches it in ms.
  float runaway_speed_m_per_s = 0.06f;
  /// ...or, for runaway_excess_ticks ticks in a row, the drive carries more current than
  /// commanded (by runaway_excess_units) while the drum winds in and the unfiltered force
  /// already stands runaway_over_target_n plus runaway_over_target_fraction of the target
  /// above it. A healthy loop over its target pays out or holds; a runaway whose pull is
  /// close to the command (campaign seed 62176: 0.6 against 0.47) rises too slowly for the
  /// speed rule and too little for the current rule.
  float runaway_excess_units = 0.02f;
  float runaway_over_target_n = 10.0f;
  float runaway_over_target_fraction = 0.02f;
  int32_t runaway_excess_ticks = 2;
  /// Cord break: force falls from above cord_break_from_n to below cord_break_fraction of it
  /// within 100 ms.
  float cord_break_from_n = 40.0f;
  float cord_break_fraction = 0.25f;
  /// Harness slip: a drop of harness_slip_drop_fraction (at least harness_slip_drop_n)
  /// within 200 ms while the drum winds in, or harness_slip_travel_counts of winding in the
  /// history window with less than harness_slip_gain_n of force gained while loaded.
  float harness_slip_drop_fraction = 0.2f;
  float harness_slip_drop_n = 25.0f;
  int32_t harness_slip_travel_counts = 1600;  // 8 mm
  float harness_slip_gain_n = 10.0f;
  float harness_slip_loaded_n = 30.0f;
  /// Force rising faster than this (over 50 ms) is uncommanded unless the prescription
  /// itself asks for more (then twice the prescribed rate), when it also stands above the
  /// target by force_rate_excess_n plus force_rate_excess_fraction of it (muscle tremor
  /// around the target is the patient's, not the drive's).
  float force_rate_limit_n_per_s = 300.0f;
  float force_rate_excess_n = 10.0f;
  float force_rate_excess_fraction = 0.05f;
  /// Console heartbeat must change within this time once armed.
  int64_t heartbeat_timeout_us = 500000;
  /// A tick period above this many nominal periods is a watchdog overrun.
  int32_t watchdog_ticks = 3;
  /// Muscle guarding: the fluctuation of the tracking error (high-passed at 0.5 Hz,
  /// rectified, low-passed at 2 Hz) above guarding_base_n or guarding_fraction of target.
  float guarding_base_n = 3.0f;
  float guarding_fraction = 0.02f;
};

/// What the monitors see each tick.
struct MonitorInputs {
  int32_t load_cell_counts = 0;   // raw load-cell counts
  float force_n = 0.0f;           // filtered measured force
  float raw_force_n = 0.0f;       // unfiltered measured force (no filter lag)
  float target_force_n = 0.0f;    // force the loop aims for now
  int32_t encoder_counts = 0;     // raw encoder counts
  float motor_current_units = 0;  // measured current in rated-current units, -1..1
  float last_command = 0.0f;      // motor command output on the previous tick
  bool last_drive_enabled = false;  // relay state output on the previous tick
  float encoder_counts_per_m = 200000.0f;
  float motor_rated_force_n = 1200.0f;
  float prescribed_rise_n_per_s = 0.0f;  // fastest rise the prescription asks for
  bool force_controlled = false;  // the force loop is active (Pretension..Releasing)
  bool at_rest = false;           // drive off, brake on, cord expected slack
  int64_t dt_us = 1000;           // time since the previous tick
  int64_t nominal_tick_us = 1000;
  uint32_t heartbeat = 0;
  int64_t now_us = 0;
};

/// Detector outputs: every flag is false while its signal is healthy.
struct MonitorFlags {
  bool load_cell_saturated = false;
  bool load_cell_stuck = false;
  bool load_cell_drift_at_rest = false;
  bool load_cell_implausible = false;
  bool load_cell_noisy = false;
  bool encoder_lost = false;
  bool motor_stalled = false;
  bool motor_runaway = false;
  bool cord_broken = false;
  bool harness_slipping = false;
  bool force_rising_too_fast = false;
  bool watchdog_overrun = false;
  bool console_link_lost = false;
  bool guarding = false;
  bool guarding_severe = false;
};

/// The set of detectors with their histories.
class SignalMonitors {
 public:
  /// Updates every detector with one tick's inputs and returns their flags.
  const MonitorFlags& update(const MonitorInputs& in, const MonitorConfig& cfg);
  const MonitorFlags& flags() const { return flags_; }
  /// True when the current raw load-cell sample is at a rail and must not be used.
  static bool at_rail(int32_t counts);
  /// Force rise rate over the last 50 ms, newtons per second.
  float force_rate_n_per_s() const { return force_rate_n_per_s_; }
  /// Load cell minus current-derived drive force, both low-passed, newtons (plausibility).
  float plausibility_gap_n() const { return plaus_force_.value - plaus_drive_.value; }
  /// Fluctuation envelope used by the guarding detector, newtons.
  float guarding_envelope_n() const { return guard_env_.value; }
  /// Load-cell noise score (about 100 times the share of noisy samples lately).
  float noise_score() const { return noise_score_; }

 private:
  static constexpr int kForceHistory = 256;  // 1 ms samples
  static constexpr int kSlowHistory = 64;    // 10 ms samples, 640 ms
  float force_ago(int ticks) const;

  MonitorFlags flags_;
  bool primed_ = false;
  // load cell
  int32_t rail_run_ = 0;
  float rail_score_ = 0.0f;
  int32_t last_counts_ = -1;
  int32_t same_run_ticks_ = 0;
  int32_t same_run_encoder_ = 0;
  float noise_raw_n_[2] = {};  // the two raw samples before this one
  int32_t noise_samples_ = 0;  // valid raw samples seen, saturating at 2
  float noise_score_ = 0.0f;
  // force and encoder histories
  float force_hist_[kForceHistory] = {};
  int32_t force_hist_n_ = 0;  // samples pushed, saturating at a large number
  int32_t force_hist_head_ = 0;
  int32_t enc_hist_[kSlowHistory] = {};
  float enc_force_hist_[kSlowHistory] = {};
  int32_t slow_n_ = 0;
  int32_t slow_head_ = 0;
  int32_t slow_div_ = 0;
  float force_rate_n_per_s_ = 0.0f;
  // encoder
  int32_t last_encoder_ = 0;
  int32_t enc_still_ticks_ = 0;
  float enc_still_force_n_ = 0.0f;
  int32_t push_ticks_ = 0;         // ticks the drive has pushed the way the error asks
  int32_t against_ticks_ = 0;      // ticks the drum has wound in against a pay-out command
  int32_t excess_pull_ticks_ = 0;  // ticks pulling over the target on more current than commanded
  int32_t fast_wind_ticks_ = 0;    // ticks winding in above the runaway speed
  // plausibility
  control::LowPass plaus_force_;
  control::LowPass plaus_drive_;
  control::LowPass target_rate_;
  control::LowPass drum_speed_;
  float last_target_n_ = 0.0f;
  // heartbeat
  uint32_t last_heartbeat_ = 0;
  int64_t heartbeat_changed_us_ = 0;
  // guarding
  control::LowPass guard_lp_;
  control::LowPass guard_env_;
};

}  // namespace tractus::controller
