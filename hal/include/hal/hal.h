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
  /// Table-height (hi-lo) pendant: true while the operator holds the up or down button.
  bool hilo_up_requested = false;
  bool hilo_down_requested = false;
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
  /// Table-height (hi-lo) motor: the firmware passes the pendant through only while no
  /// treatment is under way (the 2011 incident: a table lowered onto a child).
  enum class HiLo : uint8_t { Stop, Up, Down } hilo = HiLo::Stop;
};

/// Treatment region; it selects force ranges and the harness set-up.
enum class Region : uint8_t { Lumbar, Cervical };

/// Treatment protocol (mode) selected on the console. Progressive and regressive steps are
/// phases that any protocol may add before and after its main part (Prescription fields
/// progressive_steps and regressive_steps).
enum class Protocol : uint8_t {
  Static,         // ramp to the force and hold it, taking up slack as the patient relaxes
  Intermittent,   // traction force and base force, each with its own hold, at the changeover speed
  Cyclic,         // up over ramp_s, hold, down over ramp_down_s, rest at the base force, repeat
  Decompression,  // baseline, quick rise to half, logarithmic rise to the maximum, hold,
                  // linear release to baseline, rest, repeat (VAX-D, US 6,039,737)
};

/// Patient sex, used only for the conservative first-session force cap warning.
enum class PatientSex : uint8_t { Unspecified, Female, Male };

/// Console command codes, sent by the touchscreen to the firmware.
enum class CommandKind : uint8_t {
  None,
  SetPrescription,  // carries a Prescription
  Start,            // begin treatment with the current prescription
  Stop,             // operator stop: release at the changeover speed
  Acknowledge,      // acknowledge the active alarm or end-of-treatment tone
  ResetFault,       // clear a latched non-critical fault after the cause is gone
  ConfirmHarness,   // the operator confirms the harnesses are fitted (a Start interlock)
  Pause,            // hold the treatment: release to the base force and freeze the clocks
  Resume,           // continue a paused treatment
  ServiceReset,     // service key: clear a critical (3xx) lock once its cause is gone
  ReleaseTension,   // TensionHeld only: pay the held tension out at the changeover speed
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
  /// Release ("changeover") speed in newtons per second for operator stop, end of time and
  /// the intermittent switch between traction and base force, 5..200.
  float release_n_per_s = 40.0f;
  /// Base force in newtons: the intermittent base, the cyclic rest and the decompression
  /// baseline, 0..max_force_n (must be below max_force_n for those protocols).
  float base_force_n = 0.0f;
  /// Hold at the traction force (intermittent, cyclic, decompression, and each progressive
  /// or regressive step), seconds, 1..600.
  float hold_s = 60.0f;
  /// Rest at the base force (intermittent, cyclic, decompression; after each step at 50%),
  /// seconds, 0..600.
  float rest_s = 30.0f;
  /// Cyclic ramp-down time and decompression linear release time, seconds, 1..600.
  float ramp_down_s = 10.0f;
  /// Progressive steps up to max_force_n before the main part, 0..10 (0: plain ramp).
  uint8_t progressive_steps = 0;
  /// Regressive steps down from max_force_n at the end, 0..10 (0: plain release).
  uint8_t regressive_steps = 0;
  /// Number of cycles for Intermittent, Cyclic and Decompression, 0..99. When non-zero the
  /// treatment time is computed from the parameters and treatment_s is ignored.
  uint8_t cycles = 0;
  /// Pretension force in newtons taken up before treatment to seat the harness, 0..50
  /// (0: no pretension phase).
  float pretension_n = 0.0f;
  /// Patient body mass in kilograms for guidance warnings, 0 (unknown) or 20..250.
  float body_mass_kg = 0.0f;
  /// Patient sex and first-session flag, for the conservative first-session cap warning.
  PatientSex sex = PatientSex::Unspecified;
  bool first_session = false;
};

/// One command from the touchscreen. Only the fields of its kind are read.
struct ConsoleCommand {
  CommandKind kind = CommandKind::None;
  Prescription prescription;
  /// Console heartbeat: a counter the touchscreen advances at least every 100 ms. The
  /// firmware arms its link monitor on the first non-zero value and declares the link lost
  /// when the value stops changing for 500 ms. 0 means "no heartbeat sent" (monitor unarmed).
  uint32_t heartbeat = 0;
};

/// Controller states as shown on the console.
enum class TableState : uint8_t {
  SelfTest,   // power-on self-test: load-cell tare and sensor plausibility
  Idle,       // powered, no prescription accepted yet
  Ready,      // prescription accepted and every Start interlock satisfied, waiting for Start
  Treating,   // ramping or holding
  Releasing,  // returning to zero tension
  Complete,   // treatment over, tone repeating until acknowledged
  Stopped,    // patient stop released the tension; alarm sounds until acknowledged
  Fault,      // a fault stopped treatment; see alarm_code
  Pretension, // taking up the pretension force before treatment (Prescription::pretension_n)
  Paused,     // treatment held at the base force with its clocks frozen
  Setup,      // prescription accepted, a Start interlock still missing (interlocks_missing)
  EmergencyStop,  // e-stop latched: drive off, brake set; release it and acknowledge -> Idle
                  // (TensionHeld when the cord is still loaded)
  TensionHeld,    // a stop left the cord loaded, drive off and brake set: ReleaseTension pays
                  // it out at the changeover speed, the patient stop switch fast; -> Idle once
                  // the cord reads slack. The table never rests (Idle, Setup, Ready) loaded.
};

/// Start interlocks, as bits of DisplayState::interlocks_missing (a set bit blocks Start).
enum InterlockBit : uint8_t {
  kInterlockStopSwitch = 1u << 0,  // patient stop switch not connected
  kInterlockHarness = 1u << 1,     // harnesses not confirmed
  kInterlockHiLo = 1u << 2,        // table-height motion requested
  kInterlockFault = 1u << 3,       // a fault is latched
};

/// Most prescription warnings shown at once.
constexpr int kMaxPrescriptionWarnings = 4;

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
  /// Warnings (not refusals) about the accepted prescription, above clinical guidance:
  /// warning_count static strings in warnings[0..warning_count).
  uint8_t warning_count = 0;
  const char* warnings[kMaxPrescriptionWarnings] = {};
  /// Total treatment time in seconds, computed from the prescription's parameters.
  float total_s = 0.0f;
  /// Start interlocks not satisfied now, InterlockBit flags; 0 when Start would proceed.
  uint8_t interlocks_missing = 0;
  /// True once the operator has confirmed the harnesses for this session.
  bool harness_confirmed = false;
  /// True when the tension has gone and the harness may be removed.
  bool harness_removal_allowed = true;
  /// True while muscle guarding holds or backs off the ramp.
  bool guarding_detected = false;
  /// Number of event-log entries ever written; the console reads new ones when it changes.
  uint32_t event_count = 0;
  /// Short text for alarm_code, a static string ("" when none).
  const char* alarm_text = "";
};

}  // namespace tractus::hal
