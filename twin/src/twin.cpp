#include "twin/twin.h"

#include <cmath>

#include "twin/hash.h"

namespace tractus::twin {

namespace {

// Coulomb friction smoothed around zero velocity so the integrator never chatters:
// f = f_c * v / (|v| + v_s). Only +,-,*,/ so the result is bit-identical on every platform.
double smooth_coulomb(double coulomb_n, double vel_m_per_s, double smoothing_m_per_s) {
  return coulomb_n * vel_m_per_s / (std::fabs(vel_m_per_s) + smoothing_m_per_s);
}

double cord_tension(const TableModel& t, const TwinState& s) {
  const double stretch_m = s.motor_pos_m - s.carriage_pos_m;
  if (stretch_m <= 0.0) return 0.0;  // a cord cannot push
  const double t_n = t.cord_stiffness_n_per_m * stretch_m +
                     t.cord_damping_n_s_per_m * (s.motor_vel_m_per_s - s.carriage_vel_m_per_s);
  return t_n > 0.0 ? t_n : 0.0;
}

// one semi-implicit Euler sub-step of the drive, cord, carriage and patient
void substep(const TwinModel& m, TwinState& s, double dt_s) {
  const TableModel& t = m.table;
  const PatientModel& p = m.patient;

  const double tension_n = cord_tension(t, s);
  const double drive_n = s.motor_enabled ? s.motor_command * t.motor_rated_force_n : 0.0;

  // drive side: the brake holds the drum still outright
  if (s.brake_engaged) {
    s.motor_vel_m_per_s = 0.0;
  } else {
    const double friction_n =
        t.motor_damping_n_s_per_m * s.motor_vel_m_per_s +
        smooth_coulomb(t.motor_coulomb_n, s.motor_vel_m_per_s, t.friction_smoothing_m_per_s);
    const double accel = (drive_n - tension_n - friction_n) / t.motor_reflected_mass_kg;
    s.motor_vel_m_per_s += accel * dt_s;
    s.motor_pos_m += s.motor_vel_m_per_s * dt_s;
  }

  // carriage side: cord pulls, patient stretch and bearing friction resist
  if (s.carriage_locked) {
    s.carriage_vel_m_per_s = 0.0;
  } else {
    const double mass_kg = t.carriage_mass_kg + p.lower_body_fraction * p.body_mass_kg;
    const double patient_n = p.stretch_stiffness_n_per_m * s.carriage_pos_m +
                             p.stretch_damping_n_s_per_m * s.carriage_vel_m_per_s;
    const double bearing_n =
        smooth_coulomb(t.carriage_coulomb_n, s.carriage_vel_m_per_s, t.friction_smoothing_m_per_s);
    const double accel = (tension_n - patient_n - bearing_n) / mass_kg;
    s.carriage_vel_m_per_s += accel * dt_s;
    s.carriage_pos_m += s.carriage_vel_m_per_s * dt_s;
    // hard end stops
    if (s.carriage_pos_m < 0.0) {
      s.carriage_pos_m = 0.0;
      if (s.carriage_vel_m_per_s < 0.0) s.carriage_vel_m_per_s = 0.0;
    } else if (s.carriage_pos_m > t.carriage_travel_m) {
      s.carriage_pos_m = t.carriage_travel_m;
      if (s.carriage_vel_m_per_s > 0.0) s.carriage_vel_m_per_s = 0.0;
    }
  }

  // load cell: first-order response to the true tension
  s.cord_tension_n = cord_tension(t, s);
  const double tau_s = 1.0 / (2.0 * 3.14159265358979323846 * t.load_cell_bandwidth_hz);
  s.load_cell_filtered_n += (dt_s / (tau_s + dt_s)) * (s.cord_tension_n - s.load_cell_filtered_n);
}

int32_t clamp_counts(double counts, int32_t max_counts) {
  const double rounded = std::floor(counts + 0.5);
  if (rounded < 0.0) return 0;
  if (rounded > static_cast<double>(max_counts)) return max_counts;
  return static_cast<int32_t>(rounded);
}

}  // namespace

TwinState make_state(const TwinModel& model) {
  TwinState s;
  s.inputs.supply_v = model.table.supply_nominal_v;
  return s;
}

void step(const TwinModel& model, TwinState& state, const hal::ActuatorFrame& actuators,
          int64_t dt_us) {
  // actuators latch for the whole interval, as a real drive samples its command
  state.motor_enabled = actuators.motor_enable && !state.inputs.emergency_stop &&
                        state.inputs.supply_v > 0.0;
  state.motor_command = actuators.motor_command < -1.0f ? -1.0
                        : actuators.motor_command > 1.0f ? 1.0
                                                         : static_cast<double>(actuators.motor_command);
  state.brake_engaged = actuators.brake_engaged;
  state.carriage_locked = actuators.carriage_lock;

  int64_t left_us = dt_us;
  while (left_us > 0) {
    const int64_t h_us = left_us < model.substep_us ? left_us : model.substep_us;
    substep(model, state, static_cast<double>(h_us) * 1e-6);
    left_us -= h_us;
  }
  state.time_us += dt_us;
}

hal::SensorFrame sense(const TwinModel& model, const TwinState& state, Rng& rng) {
  const TableModel& t = model.table;
  hal::SensorFrame f;
  const double cell_n = state.load_cell_filtered_n + rng.normal(0.0, t.load_cell_noise_n);
  f.load_cell_counts = clamp_counts(t.load_cell_offset_counts + cell_n * t.load_cell_counts_per_n,
                                    hal::kLoadCellAdcMaxCounts);
  f.encoder_counts = static_cast<int32_t>(std::floor(state.motor_pos_m * t.encoder_counts_per_m));
  const double current_units = state.motor_enabled ? state.motor_command : 0.0;
  f.motor_current_counts =
      clamp_counts(2048.0 + current_units * t.current_adc_counts_per_unit +
                       rng.normal(0.0, t.current_adc_noise_counts),
                   hal::kMotorCurrentAdcMaxCounts);
  f.supply_counts = clamp_counts(state.inputs.supply_v / t.supply_volts_per_count,
                                 hal::kSupplyAdcMaxCounts);
  f.carriage_home_limit = state.carriage_pos_m <= 0.0005;
  f.carriage_end_limit = state.carriage_pos_m >= t.carriage_travel_m - 0.0005;
  f.patient_stop_pressed = state.inputs.patient_stop_pressed && state.inputs.patient_stop_connected;
  f.patient_stop_connected = state.inputs.patient_stop_connected;
  f.emergency_stop = state.inputs.emergency_stop;
  f.carriage_locked = state.carriage_locked;
  return f;
}

uint64_t hash_state(const TwinState& s, uint64_t seed_hash) {
  Fnv1a h(seed_hash);
  h.u32(s.layout_version);
  h.i64(s.time_us);
  h.f64(s.motor_pos_m);
  h.f64(s.motor_vel_m_per_s);
  h.f64(s.carriage_pos_m);
  h.f64(s.carriage_vel_m_per_s);
  h.f64(s.cord_tension_n);
  h.f64(s.load_cell_filtered_n);
  h.f64(s.motor_command);
  h.boolean(s.motor_enabled);
  h.boolean(s.brake_engaged);
  h.boolean(s.carriage_locked);
  h.boolean(s.inputs.patient_stop_pressed);
  h.boolean(s.inputs.patient_stop_connected);
  h.boolean(s.inputs.emergency_stop);
  h.f64(s.inputs.supply_v);
  return h.value();
}

}  // namespace tractus::twin
