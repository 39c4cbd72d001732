#include "controller/monitors.h"

#include "hal/hal.h"

namespace tractus::controller {

namespace {
float absf(float x) { return x < 0.0f ? -x : x; }
int32_t absi(int32_t x) { return x < 0 ? -x : x; }
float maxf(float a, float b) { return a > b ? a : b; }
}  // namespace

bool SignalMonitors::at_rail(int32_t counts) {
  return counts <= 0 || counts >= hal::kLoadCellAdcMaxCounts;
}

float SignalMonitors::force_ago(int ticks) const {
  // the newest sample sits just before the head
  int idx = force_hist_head_ - 1 - ticks;
  while (idx < 0) idx += kForceHistory;
  return force_hist_[idx];
}

const MonitorFlags& SignalMonitors::update(const MonitorInputs& in, const MonitorConfig& cfg) {
  const float dt_s = static_cast<float>(in.dt_us) * 1e-6f;
  if (!primed_) {
    primed_ = true;
    last_counts_ = in.load_cell_counts;
    last_encoder_ = in.encoder_counts;
    same_run_encoder_ = in.encoder_counts;
    heartbeat_changed_us_ = in.now_us;
    last_heartbeat_ = in.heartbeat;
  }
  MonitorFlags f;

  // [load cell] saturation and intermittent dropouts: samples at either rail
  const bool rail = at_rail(in.load_cell_counts);
  rail_run_ = rail ? rail_run_ + 1 : 0;
  rail_score_ -= cfg.rail_decay_per_s * dt_s;
  if (rail_score_ < 0.0f) rail_score_ = 0.0f;
  if (rail) rail_score_ += 1.0f;
  f.load_cell_saturated = rail_run_ >= cfg.rail_run_ticks || rail_score_ > cfg.rail_glitch_score;

  // [load cell] stuck: identical counts while the cord travels, or for long with the drive on
  if (in.load_cell_counts == last_counts_) {
    ++same_run_ticks_;
  } else {
    same_run_ticks_ = 0;
    same_run_encoder_ = in.encoder_counts;
  }
  last_counts_ = in.load_cell_counts;
  f.load_cell_stuck =
      !rail && same_run_ticks_ > 10 &&
      (absi(in.encoder_counts - same_run_encoder_) >= cfg.stuck_travel_counts ||
       (in.last_drive_enabled && same_run_ticks_ >= cfg.stuck_still_ticks));

  // [load cell] noise: the raw reading's curvature tick to tick (rail samples are not readings)
  noise_score_ -= noise_score_ / cfg.noise_window_ticks;
  if (!rail) {
    if (noise_samples_ == 2) {
      const float curvature_n = in.raw_force_n - 2.0f * noise_raw_n_[1] + noise_raw_n_[0];
      if (absf(curvature_n) > cfg.noise_curvature_n) noise_score_ += 1.0f;
    } else {
      ++noise_samples_;
    }
    noise_raw_n_[0] = noise_raw_n_[1];
    noise_raw_n_[1] = in.raw_force_n;
  }
  f.load_cell_noisy = noise_score_ > cfg.noise_score_limit;

  // [load cell] drift: a slack cord at rest must read near zero
  f.load_cell_drift_at_rest = in.at_rest && absf(in.force_n) > cfg.rest_drift_limit_n;

  // histories: force every tick, encoder and force every 10 ms
  force_hist_[force_hist_head_] = in.force_n;
  force_hist_head_ = (force_hist_head_ + 1) % kForceHistory;
  if (force_hist_n_ < kForceHistory) ++force_hist_n_;
  if (++slow_div_ >= 10 || slow_n_ == 0) {
    slow_div_ = 0;
    enc_hist_[slow_head_] = in.encoder_counts;
    enc_force_hist_[slow_head_] = in.force_n;
    slow_head_ = (slow_head_ + 1) % kSlowHistory;
    if (slow_n_ < kSlowHistory) ++slow_n_;
  }
  // oldest slow sample: the window start
  const int slow_oldest = slow_n_ < kSlowHistory ? 0 : slow_head_;
  const int32_t window_travel = in.encoder_counts - enc_hist_[slow_oldest];
  const float window_force_gain = in.force_n - enc_force_hist_[slow_oldest];
  const float window_start_force = enc_force_hist_[slow_oldest];
  const bool window_full = slow_n_ >= kSlowHistory;

  const int32_t enc_step = in.encoder_counts - last_encoder_;

  // [load cell] plausibility against motor current, while the drum is nearly still
  // the drive's force less its own losses at the drum's speed is what reaches the cord
  const float drum_m_per_s = drum_speed_.update(
      static_cast<float>(enc_step) / in.encoder_counts_per_m / dt_s, 20.0f, dt_s);
  const float coulomb_n = cfg.drive_coulomb_n * drum_m_per_s / (absf(drum_m_per_s) + 0.001f);
  const float drive_force_n = in.motor_current_units * in.motor_rated_force_n -
                              cfg.drive_damping_n_s_per_m * drum_m_per_s - coulomb_n;
  const float pf = plaus_force_.update(in.force_n, cfg.plausibility_filter_hz, dt_s);
  const float pd = plaus_drive_.update(drive_force_n, cfg.plausibility_filter_hz, dt_s);
  const float speed_m_per_s =
      static_cast<float>(absi(in.encoder_counts - last_encoder_)) / in.encoder_counts_per_m / dt_s;
  const float slow_speed_m_per_s = window_full
      ? static_cast<float>(absi(window_travel)) / in.encoder_counts_per_m / 0.64f
      : speed_m_per_s;
  const float target_rate = target_rate_.update((in.target_force_n - last_target_n_) / dt_s, 2.0f, dt_s);
  last_target_n_ = in.target_force_n;
  f.load_cell_implausible = in.force_controlled && in.last_drive_enabled &&
                            absf(target_rate) < cfg.plausibility_max_target_rate_n_per_s &&
                            slow_speed_m_per_s < cfg.plausibility_max_speed_m_per_s &&
                            absf(pf - pd) > cfg.plausibility_base_n + cfg.plausibility_fraction * absf(pd);

  // [encoder] impossible jumps, or frozen counts while the force changes
  if (enc_step == 0 && in.last_drive_enabled) {
    if (enc_still_ticks_ == 0) enc_still_force_n_ = in.force_n;
    ++enc_still_ticks_;
  } else {
    enc_still_ticks_ = 0;
  }
  f.encoder_lost = absi(enc_step) > cfg.encoder_jump_counts ||
                   (in.last_drive_enabled && enc_still_ticks_ >= cfg.encoder_frozen_ticks &&
                    absf(in.force_n - enc_still_force_n_) > cfg.encoder_frozen_force_n);
  last_encoder_ = in.encoder_counts;

  // [motor] stall: a strong command pushing the way the error asks, and the drum not moving
  const float error_n = in.target_force_n - in.force_n;
  const bool pushing = (in.last_command >= cfg.stall_command && error_n > cfg.stall_error_n) ||
                       (in.last_command <= -cfg.stall_command && error_n < -cfg.stall_error_n);
  // the push must have lasted the whole history window, or the window shows earlier stillness
  push_ticks_ = in.last_drive_enabled && pushing ? push_ticks_ + 1 : 0;
  f.motor_stalled = window_full && push_ticks_ >= kSlowHistory * 10 &&
                    absi(window_travel) < cfg.stall_travel_counts;

  // [motor] runaway: current that the command does not explain
  const float current_error = in.last_drive_enabled ? in.motor_current_units - in.last_command
                                                    : in.motor_current_units;
  if (in.last_drive_enabled && in.last_command < -cfg.runaway_payout_command && enc_step > 0) {
    ++against_ticks_;
  } else if (enc_step < 0 || !in.last_drive_enabled || in.last_command >= 0.0f) {
    against_ticks_ = 0;
  }
  const float wind_m_per_s = static_cast<float>(enc_step) / in.encoder_counts_per_m / dt_s;
  // winding in fast with no force deficit to close; a fast wind into a falling force is a
  // harness slipping or a cord parting, which have their own detectors
  const bool no_deficit = in.force_n >= in.target_force_n;
  fast_wind_ticks_ = in.last_drive_enabled && no_deficit && wind_m_per_s > cfg.runaway_speed_m_per_s
                         ? fast_wind_ticks_ + 1 : 0;
  // more current than commanded, winding in, already over the target: only a drive that
  // pulls of its own accord does all three
  const float over_target_n = cfg.runaway_over_target_n + cfg.runaway_over_target_fraction * in.target_force_n;
  const bool excess_pull = in.last_drive_enabled && enc_step > 0 &&
                           current_error > cfg.runaway_excess_units &&
                           in.raw_force_n > in.target_force_n + over_target_n;
  excess_pull_ticks_ = excess_pull ? excess_pull_ticks_ + 1 : 0;
  f.motor_runaway = absf(current_error) > cfg.runaway_current_units ||
                    against_ticks_ >= cfg.runaway_against_ticks || fast_wind_ticks_ >= 2 ||
                    excess_pull_ticks_ >= cfg.runaway_excess_ticks;

  // [cord] a break: the force collapses within 100 ms while the loop holds it
  const bool have_100ms = force_hist_n_ > 100;
  const float f100 = have_100ms ? force_ago(100) : in.force_n;
  f.cord_broken = in.force_controlled && have_100ms && f100 > cfg.cord_break_from_n &&
                  in.force_n < cfg.cord_break_fraction * f100;

  // [harness] slip: a sudden drop while winding in, or travel without force while loaded
  const bool have_200ms = force_hist_n_ > 200;
  const float f200 = have_200ms ? force_ago(200) : in.force_n;
  const float drop_n = f200 - in.force_n;
  const bool sudden_drop = have_200ms && drop_n > maxf(cfg.harness_slip_drop_n,
                                                       cfg.harness_slip_drop_fraction * f200);
  const bool travel_without_force = window_full && window_start_force > cfg.harness_slip_loaded_n &&
                                    window_travel > cfg.harness_slip_travel_counts &&
                                    window_force_gain < cfg.harness_slip_gain_n;
  // travel over the last 200 ms (20 slow samples): a slipping harness lets the drum wind in,
  // a weak drive is pulled back out
  int idx200 = slow_head_ - 1 - 20;
  while (idx200 < 0) idx200 += kSlowHistory;
  const int32_t travel_200ms = slow_n_ > 21 ? in.encoder_counts - enc_hist_[idx200] : 0;
  f.harness_slipping = in.force_controlled && !f.cord_broken &&
                       ((sudden_drop && in.last_command > 0.0f && travel_200ms > 20) || travel_without_force);

  // [force] uncommanded rise: faster than the limit or twice the prescribed rate
  const bool have_50ms = force_hist_n_ > 50;
  force_rate_n_per_s_ = have_50ms ? (in.force_n - force_ago(50)) / 0.05f : 0.0f;
  const float rate_limit = maxf(cfg.force_rate_limit_n_per_s, 2.0f * in.prescribed_rise_n_per_s);
  const float excess_n = in.force_n - in.target_force_n;
  f.force_rising_too_fast = force_rate_n_per_s_ > rate_limit &&
                            excess_n > cfg.force_rate_excess_n + cfg.force_rate_excess_fraction * in.target_force_n;

  // [timing] watchdog: the loop missed its period (or time went backwards)
  f.watchdog_overrun = in.dt_us <= 0 || in.dt_us > cfg.watchdog_ticks * in.nominal_tick_us;

  // [console] heartbeat: armed by the first non-zero value
  if (in.heartbeat != last_heartbeat_) {
    last_heartbeat_ = in.heartbeat;
    heartbeat_changed_us_ = in.now_us;
  }
  f.console_link_lost = last_heartbeat_ != 0 && in.now_us - heartbeat_changed_us_ > cfg.heartbeat_timeout_us;

  // [patient] muscle guarding: fluctuation of the tracking error around its slow mean
  const float mean_error = guard_lp_.update(-error_n, 0.5f, dt_s);
  const float envelope = guard_env_.update(absf(-error_n - mean_error), 2.0f, dt_s);
  const float guard_limit = maxf(cfg.guarding_base_n, cfg.guarding_fraction * in.target_force_n);
  f.guarding = in.force_controlled && in.target_force_n > 20.0f && envelope > guard_limit;
  f.guarding_severe = f.guarding && envelope > 2.0f * guard_limit;

  flags_ = f;
  return flags_;
}

}  // namespace tractus::controller
