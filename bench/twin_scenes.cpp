#include "twin_scenes.h"

namespace tractus::bench {

twin::ProbeProtocol thirty_minute_session() {
  twin::ProbeProtocol p;
  p.force_n = 400.0;
  p.ramp_s = 60.0;
  p.ramp_shape = twin::RampShape::Logarithmic;
  p.hold_s = kSessionSeconds - p.ramp_s;
  p.angle_deg = 15.0;
  p.split = true;
  return p;
}

hal::ActuatorFrame steady_pull() {
  hal::ActuatorFrame a;
  a.motor_enable = true;
  a.brake_engaged = false;
  a.carriage_lock = false;
  a.motor_command = 0.25f;
  return a;
}

twin::TwinState pulling_state(const twin::TwinModel& model) {
  twin::TwinState s = twin::make_state(model);
  const hal::ActuatorFrame a = steady_pull();
  for (int i = 0; i < 20000; ++i) {
    hal::ActuatorFrame ramp = a;
    ramp.motor_command = a.motor_command * static_cast<float>(i) / 20000.0f;
    twin::step(model, s, ramp, 1000);
  }
  return s;
}

}  // namespace tractus::bench
