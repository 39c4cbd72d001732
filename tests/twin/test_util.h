// Helpers shared by the twin's tests: actuator frames and stepping loops.
#pragma once

#include "twin/twin.h"

namespace tractus::twin::testing {

/// Actuators of a table pulling with a fixed drive command, brake off, carriage free.
inline hal::ActuatorFrame pulling(float command, bool carriage_locked = false) {
  hal::ActuatorFrame a;
  a.motor_enable = true;
  a.brake_engaged = false;
  a.carriage_lock = carriage_locked;
  a.motor_command = command;
  return a;
}

/// Steps the twin for ms milliseconds in 1 ms steps under fixed actuators.
inline void run_ms(const TwinModel& m, TwinState& s, const hal::ActuatorFrame& a, int ms) {
  for (int i = 0; i < ms; ++i) step(m, s, a, 1000);
}

/// Ramps the drive command linearly from its present value to command over ms milliseconds,
/// slowly enough that the patient does not guard against the rise.
inline void ramp_ms(const TwinModel& m, TwinState& s, float command, int ms,
                    bool carriage_locked = false) {
  const double from = s.motor_command;
  for (int i = 1; i <= ms; ++i) {
    const double c = from + (command - from) * static_cast<double>(i) / ms;
    step(m, s, pulling(static_cast<float>(c), carriage_locked), 1000);
  }
}

/// A model whose sensors are noiseless, so a channel's reading (and a fault's effect on it)
/// can be read exactly.
inline TwinModel quiet_model() {
  TwinModel m;
  m.table.load_cell_noise_n = 0.0;
  m.table.current_adc_noise_counts = 0.0;
  return m;
}

/// The force a load-cell reading stands for, at the model's scale and untared offset.
inline double cell_force_n(const TwinModel& m, const hal::SensorFrame& f) {
  return (f.load_cell_counts - m.table.load_cell_offset_counts) / m.table.load_cell_counts_per_n;
}

}  // namespace tractus::twin::testing
