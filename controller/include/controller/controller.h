// The table's control firmware: the state machine, the force loop and the basic safety
// reactions, ticked at a fixed 1 kHz with time passed in.
//
// Controller is a plain value type: it allocates nothing, throws nothing, reads no clock and
// does bounded work per tick, so it can run on the table's microcontroller as it runs here.
#pragma once

#include <cstdint>

#include "controller/config.h"
#include "controller/control_laws.h"
#include "hal/hal.h"

namespace tractus::controller {

/// Alarm codes shown on the console. 1xx general, 2xx warnings, 3xx critical (lock the unit).
enum AlarmCode : uint16_t {
  kAlarmNone = 0,
  kAlarmStopSwitchNotConnected = 101,  // start refused: patient stop switch not plugged in
  kAlarmPatientStop = 102,             // patient pressed the stop switch
  kAlarmStopSwitchUnplugged = 103,     // stop switch cable pulled during treatment
  kAlarmTareOutOfRange = 201,          // self-test: load-cell zero outside its window
  kAlarmEmergencyStop = 301,           // emergency stop pressed
  kAlarmOverForce = 302,               // force above prescription + margin
  kAlarmBrownOut = 303,                // supply voltage below the brown-out threshold
};

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
  /// The prescription currently accepted (meaningful from Ready on).
  const hal::Prescription& prescription() const { return prescription_; }
  /// The calibration this controller was built with.
  const ControllerConfig& config() const { return config_; }
  /// Load-cell zero found by the power-on tare, in counts.
  float tare_offset_counts() const { return tare_offset_counts_; }

 private:
  void handle_command(const hal::ConsoleCommand& command);
  void enter(hal::TableState next);
  void raise_alarm(uint16_t code);
  hal::ActuatorFrame run_state(const hal::SensorFrame& sensors, float dt_s);
  hal::ActuatorFrame drive_force(float target_n, float dt_s);
  hal::ActuatorFrame release_fast();
  static hal::ActuatorFrame safe_outputs();

  ControllerConfig config_;
  hal::DisplayState display_;
  hal::Prescription prescription_;
  bool has_prescription_ = false;

  // self-test
  int32_t tare_ticks_done_ = 0;
  int64_t tare_sum_counts_ = 0;
  float tare_offset_counts_ = 0.0f;

  // force loop
  control::LowPass force_filter_;
  control::RateLimiter setpoint_;
  control::PiController pi_;
  float measured_force_n_ = 0.0f;

  // treatment clock
  int64_t last_tick_us_ = -1;
  int64_t treatment_elapsed_us_ = 0;
  int64_t complete_since_us_ = 0;
  int64_t now_us_ = 0;
  bool released_ = false;        // fast release finished after a stop or fault
  int64_t slack_since_us_ = -1;  // when the cord last became slack during a fast release
};

}  // namespace tractus::controller
