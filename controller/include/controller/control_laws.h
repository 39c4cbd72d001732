// Pure control laws used by the force loop. Each law is a small value type with its state in
// plain fields; time is passed in as dt_s on every update, and nothing here reads a clock,
// allocates or throws. The loop in controller.cpp only wires these together.
#pragma once

namespace tractus::control {

/// Limits how fast a setpoint may move. The output approaches the input at no more than
/// rise_per_s going up and fall_per_s going down.
struct RateLimiter {
  float value = 0.0f;  // current output, in the unit of the input

  /// Moves value toward target by at most rise_per_s*dt_s (up) or fall_per_s*dt_s (down)
  /// and returns the new value. Rates are magnitudes and must be non-negative.
  float update(float target, float rise_per_s, float fall_per_s, float dt_s);
};

/// First-order low-pass filter with cut-off frequency cutoff_hz, discretised exactly for a
/// constant input over the step (alpha = dt / (dt + 1/(2*pi*fc))).
struct LowPass {
  float value = 0.0f;
  bool primed = false;  // the first sample initialises the output instead of filtering

  /// Feeds one sample and returns the filtered output. Inline: the firmware runs eight of
  /// these a tick, most with a constant cut-off the compiler folds.
  float update(float sample, float cutoff_hz, float dt_s) {
    if (!primed) {
      value = sample;
      primed = true;
      return value;
    }
    // alpha depends only on the cut-off and the step, which rarely change: computed again
    // only when either does (the same two divisions, so the same bits)
    if (cutoff_hz != alpha_cutoff_hz_ || dt_s != alpha_dt_s_) {
      // rc = 1/(2*pi*fc); written out so the firmware needs no <cmath> constants
      const float rc_s = 1.0f / (6.28318530718f * cutoff_hz);
      alpha_ = dt_s / (dt_s + rc_s);
      alpha_cutoff_hz_ = cutoff_hz;
      alpha_dt_s_ = dt_s;
    }
    value += alpha_ * (sample - value);
    return value;
  }
  /// Forgets the history; the next sample primes the filter.
  void reset() { value = 0.0f; primed = false; }

 private:
  float alpha_ = 0.0f;
  float alpha_cutoff_hz_ = -1.0f;  // no cut-off is negative: the first update computes alpha
  float alpha_dt_s_ = -1.0f;
};

/// Gains and limits of a PI controller with feedforward.
struct PiGains {
  float kp = 0.0f;          // output per unit of error
  float ki_per_s = 0.0f;    // integral gain: output per unit of error per second
  float output_min = -1.0f; // output saturation, lower bound
  float output_max = 1.0f;  // output saturation, upper bound
};

/// PI controller with feedforward and clamping anti-windup: the integrator never carries the
/// output past a saturation limit in the direction the error pushes.
struct PiController {
  float integral = 0.0f;  // accumulated integral term, in output units

  /// Returns the saturated output feedforward + kp*error + integral for one step of dt_s.
  float update(const PiGains& gains, float error, float feedforward, float dt_s);
  /// Clears the integrator.
  void reset() { integral = 0.0f; }
};

/// Clamps x to [lo, hi].
inline float clampf(float x, float lo, float hi) { return x < lo ? lo : (x > hi ? hi : x); }

}  // namespace tractus::control
