// The changing state of the digital twin. A TwinState is a plain copyable value: copying it is
// a snapshot, assigning it back is a restore.
#pragma once

#include <cstdint>

namespace tractus::twin {

/// Layout version of TwinState; bump it whenever a field is added, removed or reinterpreted so
/// stored snapshots of an older layout are refused instead of misread.
constexpr uint32_t kTwinStateLayoutVersion = 1;

/// Inputs on the twin's side of the HAL that a person, not the firmware, controls.
struct PhysicalInputs {
  bool patient_stop_pressed = false;   // the patient holds the stop switch down
  bool patient_stop_connected = true;  // the stop-switch cable is plugged in
  bool emergency_stop = false;         // the console's emergency stop is latched
  double supply_v = 24.0;              // mains-derived DC supply, volts
};

/// Positions, velocities and sensor internals of the table and patient.
struct TwinState {
  uint32_t layout_version = kTwinStateLayoutVersion;
  int64_t time_us = 0;                 // simulated time since power-on
  double motor_pos_m = 0.0;            // cord wound in since power-on, metres
  double motor_vel_m_per_s = 0.0;
  double carriage_pos_m = 0.0;         // carriage travel from home, metres
  double carriage_vel_m_per_s = 0.0;
  double cord_tension_n = 0.0;         // true tension at the load cell
  double load_cell_filtered_n = 0.0;   // tension after the cell's bandwidth
  double motor_command = 0.0;          // last command the drive applied, -1..1
  bool motor_enabled = false;
  bool brake_engaged = true;
  bool carriage_locked = true;
  PhysicalInputs inputs;
};

}  // namespace tractus::twin
