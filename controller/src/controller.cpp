#include "controller/controller.h"

#include "controller/prescription.h"

namespace tractus::controller {

using hal::ActuatorFrame;
using hal::TableState;

namespace {
// below this force the cord counts as slack after a release, newtons
constexpr float kSlackForceN = 8.0f;
// the cord must read slack this long before the brake sets after a fast release
constexpr int64_t kSlackDwellUs = 500000;
constexpr float kUsPerS = 1e6f;
}  // namespace

Controller::Controller(const ControllerConfig& config) : config_(config) {
  display_.state = TableState::SelfTest;
}

ActuatorFrame Controller::safe_outputs() {
  ActuatorFrame out;  // defaults: motor off, brake on, carriage locked
  out.lamp = ActuatorFrame::Lamp::Amber;
  return out;
}

void Controller::enter(TableState next) {
  display_.state = next;
  if (next == TableState::Complete) complete_since_us_ = now_us_;
  if (next == TableState::Stopped || next == TableState::Fault) {
    released_ = false;
    slack_since_us_ = -1;
  }
}

void Controller::raise_alarm(uint16_t code) {
  // a critical alarm is never overwritten by a lesser one
  if (display_.alarm_code >= 300 && code < 300) return;
  display_.alarm_code = code;
}

void Controller::handle_command(const hal::ConsoleCommand& command) {
  const TableState s = display_.state;
  switch (command.kind) {
    case hal::CommandKind::None:
      break;
    case hal::CommandKind::SetPrescription: {
      if (s != TableState::Idle && s != TableState::Ready) break;  // locked while treating
      const PrescriptionCheck check = check_prescription(command.prescription);
      display_.prescription_rejected = !check.ok;
      display_.reject_field = check.field;
      display_.reject_reason = check.reason;
      if (check.ok) {
        prescription_ = command.prescription;
        has_prescription_ = true;
        display_.remaining_s = prescription_.treatment_s;
        enter(TableState::Ready);
      }
      break;
    }
    case hal::CommandKind::Start:
      if (s == TableState::Ready && has_prescription_) {
        // start interlock is checked in run_state where the sensors are at hand
        treatment_elapsed_us_ = 0;
        setpoint_.value = 0.0f;
        pi_.reset();
        display_.alarm_code = kAlarmNone;
        enter(TableState::Treating);
      }
      break;
    case hal::CommandKind::Stop:
      if (s == TableState::Treating) enter(TableState::Releasing);
      break;
    case hal::CommandKind::Acknowledge:
      if (s == TableState::Complete || s == TableState::Stopped) {
        display_.alarm_code = kAlarmNone;
        enter(has_prescription_ ? TableState::Ready : TableState::Idle);
      } else if (s == TableState::Ready && display_.alarm_code < 300) {
        display_.alarm_code = kAlarmNone;
      }
      break;
    case hal::CommandKind::ResetFault:
      // critical (3xx) faults lock the unit until service; lesser ones clear here
      if (s == TableState::Fault && display_.alarm_code < 300 && released_) {
        display_.alarm_code = kAlarmNone;
        enter(TableState::Idle);
      }
      break;
  }
}

ActuatorFrame Controller::tick(const hal::SensorFrame& sensors,
                               const hal::ConsoleCommand& command, int64_t now_us) {
  const float dt_s = last_tick_us_ < 0 ? static_cast<float>(config_.tick_us) / kUsPerS
                                       : static_cast<float>(now_us - last_tick_us_) / kUsPerS;
  last_tick_us_ = now_us;
  now_us_ = now_us;

  // measure force against the tare, filtered
  const float raw_force_n = (static_cast<float>(sensors.load_cell_counts) - tare_offset_counts_) /
                            config_.load_cell_counts_per_n;
  measured_force_n_ = force_filter_.update(raw_force_n, config_.force_filter_hz, dt_s);
  display_.measured_force_n = display_.state == TableState::SelfTest ? 0.0f : measured_force_n_;

  // hardware-level reactions come first, whatever the state
  const float supply_v = static_cast<float>(sensors.supply_counts) * config_.supply_volts_per_count;
  if (display_.state != TableState::SelfTest) {
    if (sensors.emergency_stop && display_.alarm_code != kAlarmEmergencyStop) {
      raise_alarm(kAlarmEmergencyStop);
      enter(TableState::Fault);
    } else if (supply_v < config_.brownout_v && display_.alarm_code < 300) {
      raise_alarm(kAlarmBrownOut);
      enter(TableState::Fault);
    }
  }

  handle_command(command);
  return run_state(sensors, dt_s);
}

ActuatorFrame Controller::drive_force(float target_n, float dt_s) {
  control::PiGains gains;
  gains.kp = config_.force_kp_per_n;
  gains.ki_per_s = config_.force_ki_per_n_s;
  const float feedforward = target_n / config_.motor_rated_force_n;
  ActuatorFrame out;
  out.motor_enable = true;
  out.brake_engaged = false;
  out.carriage_lock = false;
  out.motor_command = pi_.update(gains, target_n - measured_force_n_, feedforward, dt_s);
  out.lamp = ActuatorFrame::Lamp::Green;
  return out;
}

ActuatorFrame Controller::release_fast() {
  ActuatorFrame out;
  out.carriage_lock = false;
  out.buzzer = true;
  out.lamp = ActuatorFrame::Lamp::Red;
  if (released_) {
    out.brake_engaged = true;
    return out;
  }
  setpoint_.value = 0.0f;
  pi_.reset();
  out.motor_enable = true;
  out.brake_engaged = false;
  if (measured_force_n_ > kSlackForceN) {
    // pay cord out at the fixed fast-release command
    out.motor_command = config_.patient_stop_payout_command;
    slack_since_us_ = -1;
    return out;
  }
  // the cord reads slack, but the carriage may still be springing back: let the drive coast
  // so the patient can draw the last of the cord out, and brake only once it has stayed slack
  if (slack_since_us_ < 0) slack_since_us_ = now_us_;
  out.motor_command = 0.0f;
  if (now_us_ - slack_since_us_ >= kSlackDwellUs) {
    released_ = true;
    out.motor_enable = false;
    out.brake_engaged = true;
  }
  return out;
}

ActuatorFrame Controller::run_state(const hal::SensorFrame& sensors, float dt_s) {
  const int64_t dt_us = static_cast<int64_t>(dt_s * kUsPerS + 0.5f);
  switch (display_.state) {
    case TableState::SelfTest: {
      tare_sum_counts_ += sensors.load_cell_counts;
      if (++tare_ticks_done_ >= config_.tare_ticks) {
        tare_offset_counts_ =
            static_cast<float>(tare_sum_counts_) / static_cast<float>(tare_ticks_done_);
        force_filter_.reset();
        const bool tare_ok = tare_offset_counts_ >= static_cast<float>(config_.tare_min_counts) &&
                             tare_offset_counts_ <= static_cast<float>(config_.tare_max_counts);
        if (tare_ok) {
          enter(TableState::Idle);
        } else {
          raise_alarm(kAlarmTareOutOfRange);
          released_ = true;
          display_.state = TableState::Fault;
        }
      }
      return safe_outputs();
    }

    case TableState::Idle:
    case TableState::Ready: {
      ActuatorFrame out = safe_outputs();
      out.lamp = display_.state == TableState::Ready ? ActuatorFrame::Lamp::Green
                                                     : ActuatorFrame::Lamp::Amber;
      return out;
    }

    case TableState::Treating: {
      // start interlock and patient-side stops
      if (!sensors.patient_stop_connected) {
        raise_alarm(treatment_elapsed_us_ == 0 ? kAlarmStopSwitchNotConnected
                                               : kAlarmStopSwitchUnplugged);
        if (treatment_elapsed_us_ == 0) {
          enter(TableState::Ready);
          return safe_outputs();
        }
        enter(TableState::Stopped);
        return release_fast();
      }
      if (sensors.patient_stop_pressed) {
        raise_alarm(kAlarmPatientStop);
        enter(TableState::Stopped);
        return release_fast();
      }
      const float limit_n = prescription_.max_force_n * (1.0f + config_.overforce_fraction);
      if (measured_force_n_ > limit_n) {
        raise_alarm(kAlarmOverForce);
        enter(TableState::Fault);
        return release_fast();
      }

      treatment_elapsed_us_ += dt_us;
      const float elapsed_s = static_cast<float>(treatment_elapsed_us_) / kUsPerS;
      const float release_time_s = prescription_.max_force_n / prescription_.release_n_per_s;
      display_.remaining_s = prescription_.treatment_s - elapsed_s;
      if (elapsed_s >= prescription_.treatment_s - release_time_s) {
        enter(TableState::Releasing);
      }
      const float rise = prescription_.max_force_n / prescription_.ramp_s;
      display_.target_force_n =
          setpoint_.update(prescription_.max_force_n, rise, prescription_.release_n_per_s, dt_s);
      return drive_force(display_.target_force_n, dt_s);
    }

    case TableState::Releasing: {
      if (sensors.patient_stop_pressed) {
        raise_alarm(kAlarmPatientStop);
        enter(TableState::Stopped);
        return release_fast();
      }
      treatment_elapsed_us_ += dt_us;
      const float elapsed_s = static_cast<float>(treatment_elapsed_us_) / kUsPerS;
      const float left_s = prescription_.treatment_s - elapsed_s;
      display_.remaining_s = left_s > 0.0f ? left_s : 0.0f;
      display_.target_force_n = setpoint_.update(0.0f, 0.0f, prescription_.release_n_per_s, dt_s);
      if (display_.target_force_n <= 0.0f && measured_force_n_ < kSlackForceN) {
        display_.remaining_s = 0.0f;
        enter(TableState::Complete);
        return safe_outputs();
      }
      return drive_force(display_.target_force_n, dt_s);
    }

    case TableState::Complete: {
      // tone repeats every complete_tone_period_s until acknowledged
      const float since_s = static_cast<float>(now_us_ - complete_since_us_) / kUsPerS;
      const float phase_s =
          since_s - config_.complete_tone_period_s *
                        static_cast<float>(static_cast<int64_t>(since_s / config_.complete_tone_period_s));
      ActuatorFrame out = safe_outputs();
      out.carriage_lock = false;
      out.buzzer = phase_s < config_.complete_tone_on_s;
      out.lamp = ActuatorFrame::Lamp::Green;
      display_.target_force_n = 0.0f;
      return out;
    }

    case TableState::Stopped:
    case TableState::Fault: {
      display_.target_force_n = 0.0f;
      if (display_.alarm_code == kAlarmEmergencyStop || display_.alarm_code == kAlarmBrownOut) {
        // drive power off at once; the brake holds the cord where it is
        released_ = true;
        ActuatorFrame out = safe_outputs();
        out.buzzer = true;
        out.lamp = ActuatorFrame::Lamp::Red;
        return out;
      }
      return release_fast();
    }
  }
  return safe_outputs();
}

}  // namespace tractus::controller
