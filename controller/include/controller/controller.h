// The table's control firmware: it wires the force loop (control_laws.h), the protocol
// profiles (protocol.h), the signal monitors (monitors.h) and the safety supervisor
// (safety_mechanism.h with table_safety_policy.h) into a state machine ticked at a fixed
// 1 kHz with time passed in.
//
// Controller is a plain value type: it allocates nothing, throws nothing, reads no clock and
// does bounded work per tick, so it can run on the table's microcontroller as it runs here.
//
// States: SelfTest (tare, current-sensor and stop-switch checks) -> Idle -> Setup (a valid
// prescription, a Start interlock still missing) <-> Ready (every interlock satisfied) ->
// [Pretension] -> Treating <-> Paused -> Releasing -> Complete, with Stopped (patient stop and
// other acknowledgeable stops), Fault (critical faults, locking until a service reset) and
// EmergencyStop (the e-stop button: drive off and brake set at once from any state; the
// button released and an Acknowledge return to Idle, never straight back to treatment) and
// TensionHeld (a stop left the cord loaded: the brake holds until ReleaseTension pays it out
// at the changeover speed, or the patient's stop switch releases it fast). No path comes to
// rest (Idle, Setup, Ready) with the cord loaded; each goes to TensionHeld instead. A cord
// that loads while the table rests (the patient sliding headward against the braked drum)
// is paid out through the unpowered drum, brake lifted, relay open (rest_release.cpp).
// Start interlocks: stop switch connected, harness confirmed, no hi-lo motion, no latched
// fault; the carriage lock must release within carriage_release_us of Start.
#pragma once

#include <cstdint>

#include "controller/config.h"
#include "controller/control_laws.h"
#include "controller/event_log.h"
#include "controller/monitors.h"
#include "controller/protocol.h"
#include "controller/safety_mechanism.h"
#include "controller/table_safety_policy.h"
#include "hal/hal.h"

namespace tractus::controller {

/// The table firmware. Construct with a config, then call tick() once per tick_us.
class Controller {
 public:
  explicit Controller(const ControllerConfig& config = ControllerConfig{});

  /// Runs one control tick at time now_us (microseconds since power-on) with the latest
  /// sensor readings and at most one console command, and returns the actuator commands.
  hal::ActuatorFrame tick(const hal::SensorFrame& sensors, const hal::ConsoleCommand& command,
                          int64_t now_us);

  /// What the touchscreen shows after the last tick.
  const hal::DisplayState& display() const { return display_; }
  /// True from an accepted prescription until a stop or reset that starts the session over.
  bool has_prescription() const { return has_prescription_; }
  /// The prescription currently accepted (meaningful from Ready on).
  const hal::Prescription& prescription() const { return prescription_; }
  /// The force profile built from the accepted prescription.
  const ProfilePlan& plan() const { return plan_; }
  /// The calibration this controller was built with.
  const ControllerConfig& config() const { return config_; }
  /// Load-cell zero found by the power-on tare, in counts.
  float tare_offset_counts() const { return tare_offset_counts_; }
  /// The event log: alarms raised and cleared, state changes, refused commands.
  const EventLog& event_log() const { return log_; }
  /// The safety supervisor, for observers (the rules it holds and which have tripped).
  const SafetySupervisor& supervisor() const { return supervisor_; }
  /// The signal monitors' latest flags.
  const MonitorFlags& monitor_flags() const { return monitors_.flags(); }
  /// The signal monitors themselves, for observers (plausibility gap, guarding envelope).
  const SignalMonitors& monitors() const { return monitors_; }
  /// Seconds of protocol profile run so far (frozen while guarding holds the ramp).
  float protocol_s() const { return protocol_s_; }

 private:
  void handle_command(const hal::ConsoleCommand& command, const hal::SensorFrame& sensors);
  void start(const hal::SensorFrame& sensors);
  void enter_setup_or_ready(const hal::SensorFrame& sensors);
  void refuse(uint16_t code);
  void enter(hal::TableState next);
  void react_to_supervisor(const hal::SensorFrame& sensors);
  void supervise(const hal::SensorFrame& sensors, int64_t dt_us);
  void update_display(const hal::SensorFrame& sensors);
  hal::ActuatorFrame run_state(const hal::SensorFrame& sensors, float dt_s, int64_t dt_us);
  hal::ActuatorFrame run_self_test(const hal::SensorFrame& sensors);
  hal::ActuatorFrame run_treating(float dt_s, int64_t dt_us);
  hal::ActuatorFrame drive_force(float target_n, float dt_s, bool never_wind_in = false);
  hal::ActuatorFrame release_fast();
  hal::ActuatorFrame drive_off(bool brake_at_once);
  hal::ActuatorFrame run_at_rest();
  // the rest coast's step (rest_release.cpp): true while the brake should be off so that a
  // loaded cord pays out through the unpowered drum
  bool rest_coast_step();
  void leave_rest();
  uint8_t missing_interlocks(const hal::SensorFrame& sensors) const;
  static hal::ActuatorFrame safe_outputs();

  ControllerConfig config_;
  hal::DisplayState display_;
  hal::Prescription prescription_;
  ProfilePlan plan_;
  bool has_prescription_ = false;
  bool harness_confirmed_ = false;
  uint16_t local_alarm_ = kAlarmNone;  // start refusals and self-test failures

  // safety
  EventLog log_;
  SafetySupervisor supervisor_;
  SignalMonitors monitors_;

  // self-test
  int32_t tare_ticks_done_ = 0;
  int64_t tare_sum_counts_ = 0;
  float tare_offset_counts_ = 0.0f;
  int32_t selftest_stop_pressed_ticks_ = 0;
  float selftest_current_sum_ = 0.0f;

  // force loop
  control::LowPass force_filter_;
  control::RateLimiter setpoint_;
  control::PiController pi_;
  float measured_force_n_ = 0.0f;
  float raw_force_n_ = 0.0f;  // last valid unfiltered sample
  int32_t last_encoder_counts_ = 0;
  // the drum's position as the last treatment started, with the cord slack: where a fast
  // release on a failed load cell stops paying out
  int32_t start_encoder_counts_ = 0;
  int32_t encoder_step_counts_ = 0;  // drum travel since the last tick, positive winding in
  bool have_encoder_ = false;
  hal::ActuatorFrame last_out_;

  // clocks
  int64_t last_tick_us_ = -1;
  int64_t now_us_ = 0;
  int64_t state_since_us_ = 0;
  int64_t treatment_elapsed_us_ = 0;
  int64_t treatment_start_us_ = 0;
  uint32_t heartbeat_ = 0;  // last console heartbeat received
  float protocol_s_ = 0.0f;
  int64_t complete_since_us_ = 0;
  int64_t pretension_reached_since_us_ = -1;
  hal::TableState paused_from_ = hal::TableState::Treating;

  // releases after a stop or fault
  bool released_ = false;        // the release finished and the brake holds
  int64_t slack_since_us_ = -1;  // when the cord last became slack during a release
  bool drive_cut_ = false;       // a drive-off in Fault has opened the relay for good
  int64_t release_since_us_ = 0; // when the stop or fault that began this release came
  bool leave_when_released_ = false;  // an acknowledge came during a stop's release
  float brake_set_force_n_ = 0.0f;    // measured force on the last tick the brake was off

  // at rest: a cord the trusted cell reads loaded is let out through the unpowered drum
  // (rest_release.cpp)
  int64_t rest_loaded_since_us_ = -1;  // the reading first loaded at rest, -1 when not
  bool rest_coasting_ = false;         // brake off, relay open, paying out
  bool rest_coast_refused_ = false;    // the drum stalled under the reading: not retried
  int64_t rest_slack_since_us_ = -1;   // the coasting cord first read slack
  int32_t rest_still_counts_ = 0;      // drum position when it was last seen moving
  int64_t rest_still_since_us_ = 0;    // ...and when
};

}  // namespace tractus::controller
