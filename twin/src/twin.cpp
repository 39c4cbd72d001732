// The table's mechanics: drive, cord, harness, body on the split carriage, end stops, brake,
// relay and the mechanical and electrical faults. The patient lives in patient.cpp and the
// sensors in sensors.cpp.
//
// Index of this file:
//   [SECTION] friction, the cord and the harness set-up
//   [SECTION] mechanical faults and the per-substep constants
//   [SECTION] the public API: state, power, step, restore, off the table
#include "twin/twin.h"

#include <cmath>
#include <cstdio>

#include "internal.h"
#include "twin/det_math.h"

namespace tractus::twin {

namespace {

using detail::kGravity_m_per_s2;

// [SECTION] friction, the cord and the harness set-up

// Coulomb friction smoothed around zero velocity so the integrator never chatters:
// f = f_c * v / (|v| + v_s). Only +,-,*,/ so the result is bit-identical on every platform.
double smooth_coulomb(double coulomb_n, double vel_m_per_s, double smoothing_m_per_s) {
  return coulomb_n * vel_m_per_s / (std::fabs(vel_m_per_s) + smoothing_m_per_s);
}

// cord force from stretch: a quadratic toe while the slack is taken up, then linear, so the
// stiffness rises smoothly from zero to k
double cord_elastic_n(const TableModel& t, double stretch_m) {
  if (stretch_m <= 0.0) return 0.0;
  if (stretch_m < t.cord_toe_m) return t.cord_stiffness_n_per_m * stretch_m * stretch_m / (2.0 * t.cord_toe_m);
  return t.cord_stiffness_n_per_m * (stretch_m - 0.5 * t.cord_toe_m);
}

double cord_tension(const TableModel& t, const TwinState& s) {
  if (s.cord_broken) return 0.0;
  const double stretch_m = s.motor_pos_m - s.body_pos_m;
  if (stretch_m <= 0.0) return 0.0;  // a cord cannot push
  const double t_n = cord_elastic_n(t, stretch_m) +
                     t.cord_damping_n_s_per_m * (s.motor_vel_m_per_s - s.body_vel_m_per_s);
  return t_n > 0.0 ? t_n : 0.0;
}

// the harness set-up in use: lumbar pelvic harness or cervical head halter
struct Setup {
  double body_mass_kg;      // the part of the body the cord moves
  double carrier_mass_kg;   // carriage or head cradle
  double bearing_n;         // carrier bearing friction
  double stiffness_n_per_m; // harness and tissue
  double damping_n_s_per_m;
  double grip_n;            // harness slip limit
  double guard_shortening_m_per_activation;  // how far guarding draws the body back
};

}  // namespace

namespace detail {

HarnessSetup harness_of(const TwinModel& m) {
  const PatientModel& p = m.patient;
  HarnessSetup h;
  if (m.setup == hal::Region::Cervical) {
    const double fit = det::clamp(p.head_halter_fit, 0.05, 1.0);
    h.stiffness_n_per_m = p.neck_stiffness_n_per_m * (0.5 + 0.5 * fit);
    h.grip_n = p.halter_grip_n * fit;
    h.fit_shortfall = fit < kReferenceHarnessFit ? kReferenceHarnessFit - fit : 0.0;
    return h;
  }
  // the reference thoracic fit leaves the pelvic harness and tissue stiffness as it is
  constexpr double kReferenceThoracicFit = kReferenceHarnessFit;
  const double fit_p = det::clamp(p.pelvic_harness_fit, 0.05, 1.0);
  const double fit_t = det::clamp(p.thoracic_harness_fit, 0.05, 1.0);
  const double thoracic_factor = (0.5 + 0.5 * fit_t) / (0.5 + 0.5 * kReferenceThoracicFit);
  h.stiffness_n_per_m = p.stretch_stiffness_n_per_m * (0.5 + 0.5 * fit_p) * thoracic_factor;
  const double pelvic_grip_n = p.harness_grip_n * fit_p;
  const double thoracic_grip_n = p.thoracic_grip_n * fit_t;
  h.grip_n = pelvic_grip_n < thoracic_grip_n ? pelvic_grip_n : thoracic_grip_n;
  const double worst_fit = fit_p < fit_t ? fit_p : fit_t;
  h.fit_shortfall = worst_fit < kReferenceHarnessFit ? kReferenceHarnessFit - worst_fit : 0.0;
  return h;
}

}  // namespace detail

namespace {

Setup setup_of(const TwinModel& m, const detail::HarnessSetup& h) {
  const PatientModel& p = m.patient;
  const TableModel& t = m.table;
  Setup s;
  if (m.setup == hal::Region::Cervical) {
    s.body_mass_kg = p.head_fraction * p.body_mass_kg;
    s.carrier_mass_kg = t.cradle_mass_kg;
    s.bearing_n = t.cradle_coulomb_n;
    s.damping_n_s_per_m = p.neck_damping_n_s_per_m;
    s.guard_shortening_m_per_activation = 0.002 / p.guard_strong_activation;
  } else {
    s.body_mass_kg = p.lower_body_fraction * p.body_mass_kg;
    s.carrier_mass_kg = t.carriage_mass_kg;
    s.bearing_n = t.carriage_coulomb_n;
    s.damping_n_s_per_m = p.stretch_damping_n_s_per_m;
    s.guard_shortening_m_per_activation = 0.004 / p.guard_strong_activation;
  }
  s.stiffness_n_per_m = h.stiffness_n_per_m;
  s.grip_n = h.grip_n;
  return s;
}

// [SECTION] mechanical faults and the per-substep constants

// the mechanical faults acting during one step, looked up once per step
struct MechanicalFaults {
  double drive_factor = 1.0;   // motor.weak
  bool runaway = false;        // motor.runaway
  double runaway_command = 0.0;
  bool stall = false;          // motor.stall
  bool jam = false;            // carriage.jam
  double grip_n = 0.0;         // harness.slip, or the harness's own grip
  // a person's inputs for this step (not faults, but read at the same place)
  double cough = 0.0;          // extra trunk-muscle activation of a cough
  bool hand_release = false;   // the brake's hand-release lever is held
};

MechanicalFaults mechanical_faults(const FaultTable& faults, double own_grip_n) {
  MechanicalFaults f;
  if (faults.used_count == 0) {
    // no fault: what every lookup below would fall back to
    f.grip_n = own_grip_n;
    return f;
  }
  f.drive_factor = detail::fault_magnitude(faults, FaultKind::MotorWeak, SensorChannel::None, 1.0);
  if (const FaultSlot* r = active_fault(faults, FaultKind::MotorRunaway)) {
    f.runaway = true;
    f.runaway_command = r->spec.magnitude;
  }
  f.stall = fault_active(faults, FaultKind::MotorStall);
  f.jam = fault_active(faults, FaultKind::CarriageJam);
  f.grip_n = detail::fault_magnitude(faults, FaultKind::HarnessSlip, SensorChannel::None, own_grip_n);
  return f;
}

// what every sub-step of one step shares: the same inputs give the same values, so computing
// them once per step instead of once per sub-step changes no bit of the result
struct SubstepConstants {
  double dt_s;               // the sub-step
  double load_cell_alpha;    // the load cell's first-order lag over dt_s
  double grip_stretch_m;     // harness stretch at its grip limit
};

SubstepConstants substep_constants(const TableModel& t, const Setup& su,
                                   const MechanicalFaults& mf, double dt_s) {
  SubstepConstants k;
  k.dt_s = dt_s;
  const double tau_s = 1.0 / (2.0 * det::kPi * t.load_cell_bandwidth_hz);
  k.load_cell_alpha = dt_s / (tau_s + dt_s);
  k.grip_stretch_m = mf.grip_n / su.stiffness_n_per_m;
  return k;
}

// one semi-implicit Euler sub-step of the drive, cord, harness, body and carriage. tension_n
// is the cord tension at the start: the previous sub-step's s.cord_tension_n, which is
// cord_tension(t, s) of the state as that sub-step left it
void substep(const TwinModel& m, const Setup& su, const MechanicalFaults& mf,
             const SubstepConstants& k, TwinState& s, double tension_n) {
  const TableModel& t = m.table;
  const double grip_n = mf.grip_n;
  const double dt_s = k.dt_s;

  // drive force: the relay, the current limit and the drive faults
  double drive_n = 0.0;
  if (s.motor_enabled) {
    const double limit = t.motor_current_limit;
    drive_n = det::clamp(s.motor_command, -limit, limit) * t.motor_rated_force_n * mf.drive_factor;
    if (mf.runaway) drive_n = mf.runaway_command * t.motor_rated_force_n;
  }

  // drive side: the brake or a jammed shaft holds the drum still outright
  if (s.brake_engaged || mf.stall) {
    s.motor_vel_m_per_s = 0.0;
  } else {
    const double friction_n =
        t.motor_damping_n_s_per_m * s.motor_vel_m_per_s +
        smooth_coulomb(t.motor_coulomb_n, s.motor_vel_m_per_s, t.friction_smoothing_m_per_s);
    const double accel = (drive_n - tension_n - friction_n) / t.motor_reflected_mass_kg;
    s.motor_vel_m_per_s += accel * dt_s;
    // the hand release's governor caps how fast the back-driven drum may turn
    if (mf.hand_release) {
      s.motor_vel_m_per_s = det::clamp(s.motor_vel_m_per_s, -t.manual_release_speed_m_per_s,
                                       t.manual_release_speed_m_per_s);
    }
    s.motor_pos_m += s.motor_vel_m_per_s * dt_s;
  }

  // harness and tissue resist, drawn back further by guarding above resting tone and shaken
  // by tremor; a harness can pass no more than its grip, past which it slides
  double guard = s.patient.muscle_activation - m.patient.muscle_tone;
  if (mf.cough > 0.0) guard += mf.cough;
  // the trunk shortens by at most what strong guarding takes up (4 mm lumbar, 2 mm neck): past
  // it the extensors only stiffen and compress the spine
  if (guard > m.patient.guard_strong_activation) guard = m.patient.guard_strong_activation;
  const double guard_m = (guard > 0.0 ? guard : 0.0) * su.guard_shortening_m_per_activation;
  const double stretch_m = s.body_pos_m - s.harness_slip_m + guard_m - s.patient.slack_m;
  double harness_n =
      su.stiffness_n_per_m * stretch_m + su.damping_n_s_per_m * s.body_vel_m_per_s +
      s.patient.tremor_n;
  if (harness_n > grip_n) harness_n = grip_n;

  const bool carrier_free = !s.carriage_locked && !mf.jam;
  const double pelvis_before_m = s.body_pos_m - s.harness_slip_m;
  if (carrier_free) {
    // body and carriage slide together on low-friction bearings
    const double mass_kg = su.body_mass_kg + su.carrier_mass_kg;
    const double bearing_n =
        smooth_coulomb(su.bearing_n, s.body_vel_m_per_s, t.friction_smoothing_m_per_s);
    s.body_vel_m_per_s += (tension_n - harness_n - bearing_n) / mass_kg * dt_s;
    s.body_pos_m += s.body_vel_m_per_s * dt_s;
  } else {
    // the body slides over the held carriage: static and kinetic friction of body on table
    const double friction_n = m.patient.body_table_friction * su.body_mass_kg * kGravity_m_per_s2;
    const double net_n = tension_n - harness_n;
    double v = s.body_vel_m_per_s;
    if (v == 0.0) {
      if (std::fabs(net_n) > friction_n) {
        v = (net_n - (net_n > 0.0 ? friction_n : -friction_n)) / su.body_mass_kg * dt_s;
      }
    } else {
      const double v_new = v + (net_n - (v > 0.0 ? friction_n : -friction_n)) / su.body_mass_kg * dt_s;
      v = (v_new * v < 0.0) ? 0.0 : v_new;  // friction stops the body, never reverses it
    }
    s.body_vel_m_per_s = v;
    s.body_pos_m += v * dt_s;
  }

  // the harness slides on the body once its force passes the grip limit
  const double grip_stretch_m = k.grip_stretch_m;
  if (s.body_pos_m - s.harness_slip_m + guard_m - s.patient.slack_m > grip_stretch_m) {
    s.harness_slip_m = s.body_pos_m + guard_m - s.patient.slack_m - grip_stretch_m;
  }

  // the carriage carries the pelvis; the harness sliding does not move it
  if (carrier_free) {
    s.carriage_pos_m += (s.body_pos_m - s.harness_slip_m) - pelvis_before_m;
    double stop_m = -1.0;
    if (s.carriage_pos_m < 0.0) stop_m = 0.0;
    if (s.carriage_pos_m > t.carriage_travel_m) stop_m = t.carriage_travel_m;
    if (stop_m >= 0.0) {
      // hard end stop: the pelvis stops with the carriage
      s.body_pos_m += stop_m - s.carriage_pos_m;
      s.carriage_pos_m = stop_m;
      s.body_vel_m_per_s = 0.0;
    }
  }

  s.harness_force_n = su.stiffness_n_per_m * (s.body_pos_m - s.harness_slip_m + guard_m - s.patient.slack_m) +
                      su.damping_n_s_per_m * s.body_vel_m_per_s;
  if (s.harness_force_n > grip_n) s.harness_force_n = grip_n;

  // load cell: first-order response to the true tension
  s.cord_tension_n = cord_tension(t, s);
  s.load_cell_filtered_n += k.load_cell_alpha * (s.cord_tension_n - s.load_cell_filtered_n);
}

}  // namespace

// [SECTION] the public API: state, power, step, restore, off the table

TwinState make_state(const TwinModel& model) {
  TwinState s;
  s.inputs.supply_v = model.table.supply_nominal_v;
  s.patient_rng = Rng(model.patient_seed);
  // the patient arrives with the protrusions and anxiety of the model
  for (int i = 0; i < kLumbarLevels; ++i) s.patient.lumbar[i].protrusion_mm = model.patient.lumbar[i].protrusion_mm;
  for (int i = 0; i < kCervicalLevels; ++i) s.patient.cervical[i].protrusion_mm = model.patient.cervical[i].protrusion_mm;
  s.patient.anxiety = model.patient.anxiety_baseline;
  // the discs arrive at the hydration of a day upright
  const PatientModel& p = model.patient;
  for (int i = 0; i < kLumbarLevels; ++i) {
    const DiscModel& d = p.lumbar[i];
    s.patient.lumbar[i].fluid_mm =
        d.fluid_mm_per_mpa * (1.0 - 0.7 * d.degeneration) * (detail::lying_pressure_mpa(d) - p.standing_pressure_mpa);
  }
  for (int i = 0; i < kCervicalLevels; ++i) {
    const DiscModel& d = p.cervical[i];
    s.patient.cervical[i].fluid_mm =
        d.fluid_mm_per_mpa * (1.0 - 0.7 * d.degeneration) * (detail::lying_pressure_mpa(d) - p.standing_pressure_mpa);
  }
  s.patient.thoracic_fluid_mm = p.thoracic_fluid_mm_per_mpa * (0.10 - p.standing_pressure_mpa);
  // and with the pain they live with: local baseline, radicular from the worst root at rest
  s.patient.pain_back = p.back_pain_baseline;
  double worst_mm = 0.0;
  for (const DiscModel& d : p.lumbar) {
    const double over_mm = d.protrusion_mm - d.canal_clearance_mm + p.conditions.stenosis_mm;
    if (d.protrusion_mm > 0.0 && over_mm > worst_mm) worst_mm = over_mm;
  }
  for (const DiscModel& d : p.cervical) {
    const double over_mm = d.protrusion_mm - d.canal_clearance_mm + p.conditions.stenosis_mm;
    if (d.protrusion_mm > 0.0 && over_mm > worst_mm) worst_mm = over_mm;
  }
  s.patient.pain_radicular = det::clamp(10.0 * worst_mm / 2.0, 0.0, 10.0);
  s.patient.muscle_activation = model.patient.muscle_tone;
  return s;
}

void step(const TwinModel& model, TwinState& state, const hal::ActuatorFrame& actuators,
          int64_t dt_us) {
  step(model, state, actuators, dt_us, StepInputs{});
}

double cough_activation_at(const PatientModel& patient, double elapsed_s) {
  if (elapsed_s < 0.0 || elapsed_s >= patient.cough_duration_s || patient.cough_duration_s <= 0.0)
    return 0.0;
  return patient.cough_activation * det::sin(det::kPi * elapsed_s / patient.cough_duration_s);
}

bool drive_powered(const TwinModel& model, const TwinState& state) {
  double supply_v = state.inputs.supply_v;
  if (const FaultSlot* f = active_fault(state.faults, FaultKind::PowerLoss)) supply_v = f->spec.magnitude;
  return supply_v >= model.table.drive_min_supply_v;
}

double harness_fit_for(HarnessFitting fitting, double good_fit) {
  switch (fitting) {
    case HarnessFitting::Loose: return kLooseHarnessFit;
    case HarnessFitting::Tight: return kTightHarnessFit;
    case HarnessFitting::Good: break;
  }
  return good_fit;
}

void step(const TwinModel& model, TwinState& state, const hal::ActuatorFrame& actuators,
          int64_t dt_us, const StepInputs& inputs) {
  detail::update_faults(model, state);
  const FaultTable& faults = state.faults;

  // the supply, as a power-loss fault leaves it
  double supply_v = state.inputs.supply_v;
  if (const FaultSlot* f = active_fault(faults, FaultKind::PowerLoss)) supply_v = f->spec.magnitude;
  const bool powered = supply_v >= model.table.drive_min_supply_v;

  // actuators latch for the whole interval, as a real drive samples its command; without
  // power the relay drops out and the spring-applied brake sets
  state.motor_enabled = actuators.motor_enable && !state.inputs.emergency_stop && powered;
  state.motor_command = actuators.motor_command < -1.0f ? -1.0
                        : actuators.motor_command > 1.0f ? 1.0
                                                         : static_cast<double>(actuators.motor_command);
  // the hand-release lever lifts the spring brake whatever the drive asks
  state.brake_engaged = (actuators.brake_engaged || !powered) && !inputs.manual_brake_release;
  state.carriage_locked = actuators.carriage_lock;
  if (fault_active(faults, FaultKind::CordBreak)) state.cord_broken = true;

  // the harness once a step: the set-up's spring and grip, and the patient's fit shortfall
  const detail::HarnessSetup harness = detail::harness_of(model);
  const Setup su = setup_of(model, harness);
  MechanicalFaults mf = mechanical_faults(faults, su.grip_n);
  // a cough is sampled once per step: its pulse is far longer than a controller tick
  mf.cough = cough_activation_at(model.patient, inputs.cough_elapsed_s);
  mf.hand_release = inputs.manual_brake_release;

  // whole sub-steps share their constants; a shorter last one gets its own
  const SubstepConstants whole =
      substep_constants(model.table, su, mf, static_cast<double>(model.substep_us) * 1e-6);
  double tension_n = cord_tension(model.table, state);
  int64_t left_us = dt_us;
  while (left_us > 0) {
    if (left_us >= model.substep_us) {
      substep(model, su, mf, whole, state, tension_n);
      left_us -= model.substep_us;
    } else {
      const SubstepConstants part =
          substep_constants(model.table, su, mf, static_cast<double>(left_us) * 1e-6);
      substep(model, su, mf, part, state, tension_n);
      left_us = 0;
    }
    tension_n = state.cord_tension_n;
  }
  // the hi-lo column runs while its motor is commanded and the table has power
  if (powered && actuators.hilo != hal::ActuatorFrame::HiLo::Stop) {
    const TableModel& t = model.table;
    const double move_m = t.table_height_speed_m_per_s * static_cast<double>(dt_us) * 1e-6;
    const double h_m = state.inputs.table_height_m +
                       (actuators.hilo == hal::ActuatorFrame::HiLo::Up ? move_m : -move_m);
    state.inputs.table_height_m = det::clamp(h_m, t.table_height_min_m, t.table_height_max_m);
  }
  detail::step_patient(model, state, dt_us, true, false, mf.cough, &harness);
  state.time_us += dt_us;
}

RestoreResult restore_state(TwinState& state, const TwinState& snapshot) {
  RestoreResult r;
  if (snapshot.layout_version != kTwinStateLayoutVersion) {
    std::snprintf(r.message, sizeof r.message,
                  "snapshot layout version %u does not match this build's %u",
                  static_cast<unsigned>(snapshot.layout_version),
                  static_cast<unsigned>(kTwinStateLayoutVersion));
    return r;
  }
  state = snapshot;
  r.ok = true;
  return r;
}

void advance_off_table(const TwinModel& model, TwinState& state, double seconds, Posture posture) {
  // the harness is off: nothing pulls and the patient stands
  state.harness_force_n = 0.0;
  state.patient.tremor_n = 0.0;
  int64_t left_us = static_cast<int64_t>(seconds * 1e6);
  while (left_us > 0) {
    const int64_t h_us = left_us < 60000000 ? left_us : 60000000;
    detail::step_patient(model, state, h_us, false, posture == Posture::LyingInBed);
    left_us -= h_us;
  }
}

}  // namespace tractus::twin
