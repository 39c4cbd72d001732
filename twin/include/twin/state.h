// The changing state of the digital twin. A TwinState is a plain copyable value: copying it is
// a snapshot, assigning it back is a restore. It holds the mechanics, the patient, the fault
// table and the patient's own random generator, so a restored snapshot replays exactly.
#pragma once

#include <cstdint>

#include "twin/faults.h"
#include "twin/model.h"
#include "twin/rng.h"

namespace tractus::twin {

/// Layout version of TwinState; bump it whenever a field is added, removed or reinterpreted so
/// stored snapshots of an older layout are refused instead of misread.
constexpr uint32_t kTwinStateLayoutVersion = 9;

/// Slots of the paraspinal reflex's delay line (4 ms each, detail::kReflexSlotUs): room for a
/// latency of up to 60 ms.
constexpr int kReflexDelaySlots = 16;

/// Inputs on the twin's side of the HAL that a person, not the firmware, controls.
struct PhysicalInputs {
  bool patient_stop_pressed = false;   // the patient holds the stop switch down
  bool patient_stop_connected = true;  // the stop-switch cable is plugged in
  bool emergency_stop = false;         // the console's emergency stop is latched
  double supply_v = 24.0;              // mains-derived DC supply, volts
  double pull_angle_deg = 15.0;        // pull-angle arm, set by the operator
  double table_height_m = 0.65;        // hi-lo column height, moved by the hi-lo motor
  bool hilo_up_pressed = false;        // the operator holds the pendant's up button
  bool hilo_down_pressed = false;      // the operator holds the pendant's down button
};

/// State of one disc level, with the quantities the probe and the UI read.
struct LevelState {
  double creep_mm = 0.0;         // viscous part of the separation
  double fluid_mm = 0.0;         // hydration height relative to lying-down equilibrium
  double protrusion_mm = 0.0;    // herniation protrusion into the canal
  // outputs of the last step, for readers
  double axial_force_n = 0.0;    // net axial load on the disc, tension positive
  double shear_n = 0.0;          // the pull's component across the disc
  double moment_nm = 0.0;        // flexion moment about the centre of rotation
  double separation_mm = 0.0;    // axial height gain at the centre of rotation over the
                                 // relaxed lying baseline
  double posterior_separation_mm = 0.0;  // opening at the back of the disc
  double anterior_separation_mm = 0.0;   // opening at the front (negative: closing)
  double foraminal_height_mm = 0.0;      // height of the foramen below the level
  double pressure_mpa = 0.0;     // nucleus pressure, gauge, megapascals
  double nerve_compression = 0.0;  // 0 free .. 1 fully compressed root
};

/// The patient's changing state.
struct PatientState {
  LevelState lumbar[kLumbarLevels];
  LevelState cervical[kCervicalLevels];
  double spine_force_n = 0.0;          // traction force reaching the treated chain
  double spine_force_rate_n_per_s = 0.0;  // its filtered rate of rise
  double muscle_activation = 0.0;      // paraspinal activation, fraction of MVC, 0..1
  double muscle_force_n = 0.0;         // guarding force above resting tone on the chain
  double reflex_stimulus = 0.0;        // the stretch-rate reflex's drive now, before habituation
  double reflex_delay[kReflexDelaySlots] = {};  // stretch drive of the last 64 ms
  int32_t reflex_delay_head = 0;       // slot written last
  int64_t reflex_delay_accum_us = 0;   // time since it was written
  double reflex_habituation = 0.0;     // 0 fresh .. 1 fully habituated to provocation
  double session_habituation = 0.0;    // 0 just lain down .. 1 settled in the harness
  double tremor_n = 0.0;               // guarding fluctuation added to the harness force
  double anxiety = 0.0;                // 0 calm .. 1 panicking
  double pain_back = 0.0;              // local pain of the treated region, 0..10
  double pain_radicular = 0.0;         // leg (lumbar) or arm (cervical) pain, 0..10
  double soreness = 0.0;               // after-session soreness, 0..10
  double thoracic_fluid_mm = 0.0;      // lumped hydration of the twelve thoracic discs
  double overnight_fluid_mm = 0.0;   // slow whole-spine hydration since arriving upright
  double tissue_creep_m = 0.0;         // creep of the soft tissue under the harness
  double slack_m = 0.0;                // slow lengthening the carriage sees: tissue and disc
                                       // creep of the treated chain
  double stature_gain_mm = 0.0;        // retained (fluid) height gain since lying down
  double fracture_risk = 0.0;          // highest vertebral fracture probability so far, 0..1
  double implant_stress = 0.0;         // highest load on a fused level over its rating
  double time_on_table_s = 0.0;
  int64_t slow_elapsed_us = 0;         // time owed to the slow part (discs, feelings)
};

/// Positions, velocities and sensor internals of the table and patient.
struct TwinState {
  uint32_t layout_version = kTwinStateLayoutVersion;
  int64_t time_us = 0;                 // simulated time since power-on
  double motor_pos_m = 0.0;            // cord wound in since power-on, metres
  double motor_vel_m_per_s = 0.0;
  double carriage_pos_m = 0.0;         // split carriage (or head cradle) travel from home, metres
  double carriage_vel_m_per_s = 0.0;
  double body_pos_m = 0.0;             // pelvis (or head) travel toward the drive, metres
  double body_vel_m_per_s = 0.0;
  double harness_slip_m = 0.0;         // how far the harness has slid on the body
  double cord_tension_n = 0.0;         // true tension at the load cell
  double load_cell_filtered_n = 0.0;   // tension after the cell's bandwidth
  double harness_force_n = 0.0;        // force the harness passes into the body
  double motor_command = 0.0;          // last command the drive applied, -1..1
  bool motor_enabled = false;
  bool brake_engaged = true;
  bool carriage_locked = true;         // the lock pin as driven by the solenoid
  bool cord_broken = false;            // latched once the cord parts
  PhysicalInputs inputs;
  PatientState patient;
  FaultTable faults;
  Rng patient_rng;                     // the patient's own random processes
};

}  // namespace tractus::twin
