#include "controller/control_laws.h"

namespace tractus::control {

float RateLimiter::update(float target, float rise_per_s, float fall_per_s, float dt_s) {
  const float max_up = rise_per_s * dt_s;
  const float max_down = fall_per_s * dt_s;
  const float delta = target - value;
  if (delta > max_up) {
    value += max_up;
  } else if (delta < -max_down) {
    value -= max_down;
  } else {
    value = target;
  }
  return value;
}

float PiController::update(const PiGains& gains, float error, float feedforward, float dt_s) {
  const float proportional = feedforward + gains.kp * error;
  // clamping anti-windup: the integrator may not carry the output past a limit in the
  // direction the error pushes, but it is never forced back either
  float next = integral + gains.ki_per_s * error * dt_s;
  const float room_high = gains.output_max - proportional;
  const float room_low = gains.output_min - proportional;
  if (error > 0.0f && next > room_high) next = integral > room_high ? integral : room_high;
  if (error < 0.0f && next < room_low) next = integral < room_low ? integral : room_low;
  integral = next;
  return clampf(proportional + integral, gains.output_min, gains.output_max);
}

}  // namespace tractus::control
