// The hardware abstraction layer: the only seam between the table firmware and the world.
//
// The firmware reads a SensorFrame (raw readings as the table's electronics deliver them),
// writes an ActuatorFrame, takes ConsoleCommands from the touchscreen and publishes a
// DisplayState back to it. The digital twin implements the other side of this seam; a real
// board could implement it too, and the firmware never learns which one it is running on.
//
// Every field documents its unit and range. Raw fields are integers in the units of the
// converter that produces them; conversion to SI happens inside the firmware, against the
// calibration constants in ControllerConfig.
#pragma once

#include <cstdint>

namespace tractus::hal {

// Full-scale constants of the table's converters. They are properties of the electronics,
// shared by the firmware and by whatever drives the sensors.
constexpr int32_t kLoadCellAdcMaxCounts = 65535;     // 16-bit unsigned load-cell ADC
constexpr int32_t kMotorCurrentAdcMaxCounts = 4095;  // 12-bit unsigned current-sense ADC
constexpr int32_t kSupplyAdcMaxCounts = 4095;        // 12-bit unsigned supply monitor ADC

/// Raw sensor readings delivered to the firmware once per control tick.
struct SensorFrame {
  /// Load-cell ADC reading in counts, 0..kLoadCellAdcMaxCounts. The cell sits in series with
  /// the traction cord; counts rise with tension. Zero force reads near the tare offset.
  int32_t load_cell_counts = 0;
  /// Motor encoder position in counts, signed 32-bit, increasing as cord is wound in.
  int32_t encoder_counts = 0;
  /// Motor current-sense ADC in counts, 0..kMotorCurrentAdcMaxCounts; mid-scale is zero
  /// current, above mid-scale is current in the winding (pulling) direction.
  int32_t motor_current_counts = 0;
  /// Supply-voltage monitor ADC in counts, 0..kSupplyAdcMaxCounts.
  int32_t supply_counts = 0;
  /// Lower-carriage travel limit switches: true when the switch is closed.
  bool carriage_home_limit = false;  // carriage fully retracted (0 mm)
  bool carriage_end_limit = false;   // carriage at the end of its travel
  /// Patient stop switch: pressed (true while the patient holds it down) and connected
  /// (true when its cable is plugged into the console).
  bool patient_stop_pressed = false;
  bool patient_stop_connected = false;
  /// Emergency stop mushroom button on the console: true while latched down.
  bool emergency_stop = false;
  /// Carriage-lock sensor: true when the lock pin is engaged and the carriage cannot slide.
  bool carriage_locked = false;
};

/// Commands the firmware writes to the table's actuators once per control tick.
struct ActuatorFrame {
  /// Motor torque command as a signed fraction of the drive's rated current, -1.0..+1.0.
  /// Positive winds the cord in (raises tension); negative pays it out.
  float motor_command = 0.0f;
  /// Motor-enable relay: when false the drive has no power and the motor coasts.
  bool motor_enable = false;
  /// Holding brake on the motor shaft: true engages it (the motor cannot turn).
  bool brake_engaged = true;
  /// Carriage-lock solenoid: true drives the lock pin in.
  bool carriage_lock = true;
  /// Console buzzer: true sounds it.
  bool buzzer = false;
  /// Status lamp colour.
  enum class Lamp : uint8_t { Off, Green, Amber, Red } lamp = Lamp::Off;
};

/// Treatment region; it selects force ranges and the harness set-up.
enum class Region : uint8_t { Lumbar, Cervical };

/// Treatment protocol (mode) selected on the console.
enum class Protocol : uint8_t { Static };

/// Console command codes, sent by the touchscreen to the firmware.
enum class CommandKind : uint8_t {
  None,
  SetPrescription,  // carries a Prescription
  Start,            // begin treatment with the current prescription
  Stop,             // operator stop: release at the changeover speed
  Acknowledge,      // acknowledge the active alarm or end-of-treatment tone
  ResetFault,       // clear a latched non-critical fault after the cause is gone
};

/// A treatment prescription as entered on the console. SI units.
struct Prescription {
  Region region = Region::Lumbar;
  Protocol protocol = Protocol::Static;
  /// Target traction force in newtons, 0..kMaxLumbarForceN (lumbar) or kMaxCervicalForceN.
  float max_force_n = 0.0f;
  /// Time to ramp from zero to the target, seconds, 1..600.
  float ramp_s = 30.0f;
  /// Treatment time in seconds (ramp, hold and release), 60..5940 (1..99 min).
  float treatment_s = 600.0f;
  /// Release ("changeover") speed in newtons per second for operator stop and end of time,
  /// 5..200.
  float release_n_per_s = 40.0f;
};

/// One command from the touchscreen. Only the fields of its kind are read.
struct ConsoleCommand {
  CommandKind kind = CommandKind::None;
  Prescription prescription;
};

/// Controller states as shown on the console.
enum class TableState : uint8_t {
  SelfTest,   // power-on self-test: load-cell tare and sensor plausibility
  Idle,       // powered, no prescription accepted yet
  Ready,      // prescription accepted, interlocks satisfied, waiting for Start
  Treating,   // ramping or holding
  Releasing,  // returning to zero tension
  Complete,   // treatment over, tone repeating until acknowledged
  Stopped,    // patient stop released the tension; alarm sounds until acknowledged
  Fault,      // a fault stopped treatment; see alarm_code
};

/// What the firmware shows on the touchscreen. Read-only for the console.
struct DisplayState {
  TableState state = TableState::Idle;
  /// Measured traction force in newtons, after tare and filtering.
  float measured_force_n = 0.0f;
  /// Force the controller is currently aiming for in newtons.
  float target_force_n = 0.0f;
  /// Treatment time remaining in seconds; frozen while stopped so it stays on screen.
  float remaining_s = 0.0f;
  /// Active alarm code: 0 none, 1xx general, 2xx warning, 3xx critical (locks the unit).
  uint16_t alarm_code = 0;
  /// True when the last prescription was refused; reject_field names the offending field.
  bool prescription_rejected = false;
  const char* reject_field = "";   // static string, empty when accepted
  const char* reject_reason = "";  // static string, empty when accepted
};

}  // namespace tractus::hal
