// Safety reactions and the states: the supervisor's action applied, the force loop's drive,
// the fast release and drive-off, the self-test, treatment and the per-state outputs.
//
// Index of this file:
// [SECTION] safety reactions
// [SECTION] states
#include "controller/controller.h"

#include "controller/prescription.h"
#include "controller_detail.h"

namespace tractus::controller {

using hal::ActuatorFrame;
using hal::TableState;
using namespace detail;

// [SECTION] safety reactions

void Controller::react_to_supervisor(const hal::SensorFrame& sensors) {
  const TableState s = display_.state;
  if (s == TableState::SelfTest) return;
  // the button released, the patient presses their stop: the drive can run again, so the
  // patient's stop releases them at once (fast) instead of waiting for the operator
  if (s == TableState::EmergencyStop && !sensors.emergency_stop && supervisor_.tripped(kFaultPatientStop)) {
    supervisor_.acknowledge(now_us_);
    if (!supervisor_.tripped(kFaultEmergencyStop)) {
      has_prescription_ = false;
      harness_confirmed_ = false;
      enter(supervisor_.locked() ? TableState::Fault : TableState::Stopped);
    }
  }
  const SafetyAction action = supervisor_.action();
  if (supervisor_.tripped(kFaultEmergencyStop)) {
    enter(TableState::EmergencyStop);  // before any other reaction: it cuts the drive itself
  } else if (s == TableState::EmergencyStop) {
    return;  // only the operator's acknowledge leaves it
  } else if (action >= SafetyAction::DriveOff) {
    enter(TableState::Fault);
  } else if (action == SafetyAction::ReleaseFast) {
    if (in_treatment(s) || s == TableState::TensionHeld) {
      enter(supervisor_.locked() ? TableState::Fault : TableState::Stopped);
    }
    if (supervisor_.tripped(kFaultHarnessSlip)) harness_confirmed_ = false;
  } else if (action == SafetyAction::ReleaseChangeover) {
    if (s == TableState::Pretension || s == TableState::Treating || s == TableState::Paused) {
      enter(TableState::Releasing);
    }
  }
}

ActuatorFrame Controller::drive_force(float target_n, float dt_s, bool never_wind_in) {
  control::PiGains gains;
  gains.kp = config_.force_kp_per_n;
  gains.ki_per_s = config_.force_ki_per_n_s;
  // a pause or a release lowers the force and never raises it: the drive may push no harder
  // than the cord pulls back, so the drum can hold or pay out but never wind cord in (on a
  // slack cord, after a slip or a pause that paid cord out, that means no push at all;
  // campaign seed 3804 wound a slack cord in until it bit)
  if (never_wind_in) gains.output_max = maxf(measured_force_n_, 0.0f) / config_.motor_rated_force_n;
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
  display_.target_force_n = 0.0f;
  if (released_) {
    out.brake_engaged = true;
    return out;
  }
  setpoint_.value = 0.0f;
  pi_.reset();
  out.motor_enable = true;
  out.brake_engaged = false;
  // a failed cell cannot say when the cord is slack: the drum back where the treatment
  // started, with the cord slack then, says it (a stuck cell reads its frozen force forever)
  const bool back_at_start = !load_cell_trusted(supervisor_) && last_encoder_counts_ <= start_encoder_counts_;
  if (measured_force_n_ > kSlackForceN && !back_at_start) {
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

ActuatorFrame Controller::drive_off(bool brake_at_once) {
  ActuatorFrame out = safe_outputs();
  out.buzzer = true;
  out.lamp = ActuatorFrame::Lamp::Red;
  out.carriage_lock = false;
  display_.target_force_n = 0.0f;
  setpoint_.value = 0.0f;
  pi_.reset();
  if (brake_at_once || released_) {
    released_ = true;
    return out;
  }
  // a drum still winding in when the relay opened (a runaway's momentum) would go on pulling:
  // the brake stops it, and lets go as soon as it has stopped
  const bool winding_in = encoder_step_counts_ > kWindingInCounts;
  if (winding_in && now_us_ - state_since_us_ < kMomentumBrakeUs) return out;
  // relay open, brake off: the tension pays the cord out through the unpowered drum; the
  // brake sets once the cord has stayed slack, or after coast_max_us if the cell is not trusted
  out.brake_engaged = false;
  // only a trusted cell can say the cord is slack: a stuck cell's frozen 0 N would set the
  // brake while the carriage springs back and loads the cord again, so an untrusted cell's
  // coast runs its whole coast_max_us
  const bool cord_reads_slack = measured_force_n_ < kSlackForceN && load_cell_trusted(supervisor_);
  if (cord_reads_slack) {
    if (slack_since_us_ < 0) slack_since_us_ = now_us_;
  } else {
    slack_since_us_ = -1;
  }
  const bool slack_long_enough = slack_since_us_ >= 0 && now_us_ - slack_since_us_ >= kSlackDwellUs;
  // the coast ends by time only when the load cell is not trusted: a trusted cell reading
  // tension means the drum could not pay out yet (a spring brake without power, a jam), and a
  // brake set then would hold the patient after the power came back
  const bool coast_over = now_us_ - state_since_us_ >= config_.coast_max_us && !load_cell_trusted(supervisor_);
  if (slack_long_enough || coast_over) {
    released_ = true;
    out.brake_engaged = true;
  }
  return out;
}

// [SECTION] states

ActuatorFrame Controller::run_self_test(const hal::SensorFrame& sensors) {
  tare_sum_counts_ += sensors.load_cell_counts;
  if (sensors.patient_stop_connected && sensors.patient_stop_pressed) ++selftest_stop_pressed_ticks_;
  selftest_current_sum_ += (static_cast<float>(sensors.motor_current_counts) - config_.current_zero_counts) /
                           config_.current_counts_per_unit;
  if (++tare_ticks_done_ < config_.tare_ticks) return safe_outputs();

  const float n = static_cast<float>(tare_ticks_done_);
  tare_offset_counts_ = static_cast<float>(tare_sum_counts_) / n;
  force_filter_.reset();
  // this tick's force was measured against no tare at all (the cell's whole offset, about
  // 15 lbf), and the display shows it as the self-test ends: measure it again against the new
  // zero. The filter stays reset, so the next tick primes it as before.
  if (!SignalMonitors::at_rail(sensors.load_cell_counts)) {
    raw_force_n_ = (static_cast<float>(sensors.load_cell_counts) - tare_offset_counts_) / config_.load_cell_counts_per_n;
    measured_force_n_ = raw_force_n_;
  }
  const float mean_current = selftest_current_sum_ / n;
  const bool tare_ok = tare_offset_counts_ >= static_cast<float>(config_.tare_min_counts) &&
                       tare_offset_counts_ <= static_cast<float>(config_.tare_max_counts);
  uint16_t failure = kAlarmNone;
  if (!tare_ok) {
    failure = kAlarmTareOutOfRange;
  } else if (selftest_stop_pressed_ticks_ == tare_ticks_done_) {
    failure = kAlarmStopSwitchTestFailed;  // a switch pressed throughout is stuck closed
  } else if (mean_current > config_.selftest_current_limit_units ||
             mean_current < -config_.selftest_current_limit_units) {
    failure = kAlarmCurrentSensorOffset;
  }
  if (failure == kAlarmNone) {
    enter(TableState::Idle);
  } else {
    local_alarm_ = failure;
    log_.push(now_us_, EventKind::AlarmRaised, failure);
    enter(TableState::Fault);
    released_ = true;
  }
  return safe_outputs();
}

ActuatorFrame Controller::run_treating(float dt_s, int64_t dt_us) {
  treatment_elapsed_us_ += dt_us;
  const float elapsed_s = static_cast<float>(treatment_elapsed_us_) / kUsPerS;
  display_.remaining_s = plan_.total_s - elapsed_s;

  // guarding holds the rise of the profile; strong guarding backs it off
  const bool rising = profile_rising(plan_, protocol_s_, elapsed_s);
  const bool guarding = supervisor_.tripped(kFaultMuscleGuarding);
  if (guarding && rising) {
    if (monitors_.flags().guarding_severe) protocol_s_ = maxf(0.0f, protocol_s_ - dt_s);
  } else {
    protocol_s_ += dt_s;
  }

  if (elapsed_s >= plan_.total_s - plan_.final_release_s) {
    enter(TableState::Releasing);
  }
  float target_n = profile_force_n(plan_, protocol_s_, elapsed_s);
  // the pretension stays on until the profile rises past it
  if (protocol_s_ < plan_.prologue.duration_s) target_n = maxf(target_n, prescription_.pretension_n);
  const float rise = plan_.max_rise_n_per_s * 1.05f + 1.0f;
  const float fall = maxf(plan_.max_fall_n_per_s * 1.05f, prescription_.release_n_per_s);
  display_.target_force_n = setpoint_.update(target_n, rise, fall, dt_s);
  return drive_force(display_.target_force_n, dt_s);
}

ActuatorFrame Controller::run_state(const hal::SensorFrame& sensors, float dt_s, int64_t dt_us) {
  switch (display_.state) {
    case TableState::SelfTest:
      return run_self_test(sensors);

    case TableState::Idle:
    case TableState::Setup:
    case TableState::Ready: {
      // Setup and Ready follow the interlocks: a cable pulled or a pendant pressed goes back
      if (display_.state != TableState::Idle) enter_setup_or_ready(sensors);
      return run_at_rest();
    }

    case TableState::Pretension: {
      // take up the pretension at the ramp rate and hold it until it has settled
      const float rise = prescription_.max_force_n / prescription_.ramp_s;
      display_.target_force_n = setpoint_.update(prescription_.pretension_n, rise, rise, dt_s);
      if (measured_force_n_ >= 0.9f * prescription_.pretension_n) {
        if (pretension_reached_since_us_ < 0) pretension_reached_since_us_ = now_us_;
      } else {
        pretension_reached_since_us_ = -1;
      }
      if (pretension_reached_since_us_ >= 0 &&
          now_us_ - pretension_reached_since_us_ >= config_.pretension_hold_us) {
        enter(TableState::Treating);
      }
      return drive_force(display_.target_force_n, dt_s);
    }

    case TableState::Treating:
      return run_treating(dt_s, dt_us);

    case TableState::Paused: {
      // hold at the base force (or lower), clocks frozen
      const float hold_n = minf(display_.target_force_n, prescription_.protocol == hal::Protocol::Static
                                                             ? 0.0f : prescription_.base_force_n);
      display_.target_force_n = setpoint_.update(hold_n, 0.0f, prescription_.release_n_per_s, dt_s);
      return drive_force(display_.target_force_n, dt_s, true);
    }

    case TableState::Releasing: {
      treatment_elapsed_us_ += dt_us;
      const float elapsed_s = static_cast<float>(treatment_elapsed_us_) / kUsPerS;
      const float left_s = plan_.total_s - elapsed_s;
      display_.remaining_s = left_s > 0.0f ? left_s : 0.0f;
      display_.target_force_n = setpoint_.update(0.0f, 0.0f, prescription_.release_n_per_s, dt_s);
      if (display_.target_force_n <= 0.0f && measured_force_n_ < kSlackForceN) {
        display_.remaining_s = 0.0f;
        enter(TableState::Complete);
        return safe_outputs();
      }
      return drive_force(display_.target_force_n, dt_s, true);
    }

    case TableState::Complete: {
      // tone repeats every complete_tone_period_s until acknowledged
      const float since_s = static_cast<float>(now_us_ - complete_since_us_) / kUsPerS;
      const float periods = static_cast<float>(static_cast<int64_t>(since_s / config_.complete_tone_period_s));
      const float phase_s = since_s - config_.complete_tone_period_s * periods;
      ActuatorFrame out = safe_outputs();
      out.carriage_lock = false;
      out.buzzer = phase_s < config_.complete_tone_on_s;
      out.lamp = ActuatorFrame::Lamp::Green;
      display_.target_force_n = 0.0f;
      return out;
    }

    case TableState::EmergencyStop: {
      display_.target_force_n = 0.0f;
      return drive_off(true);  // relay open, brake set, red lamp and buzzer until acknowledged
    }

    case TableState::TensionHeld: {
      // drive off, brake holding, until the operator's Release tension or the patient's stop;
      // a cord that goes slack by itself (the hand release, the patient's creep) ends it
      ActuatorFrame out = safe_outputs();
      out.carriage_lock = false;
      display_.target_force_n = 0.0f;
      if (measured_force_n_ < kSlackForceN) {
        if (slack_since_us_ < 0) slack_since_us_ = now_us_;
        if (now_us_ - slack_since_us_ >= kSlackDwellUs) enter(TableState::Idle);
      } else {
        slack_since_us_ = -1;
      }
      return out;
    }

    case TableState::Stopped:
    case TableState::Fault: {
      display_.target_force_n = 0.0f;
      const SafetyAction action = supervisor_.action();
      if (action == SafetyAction::PowerCut) return drive_off(true);
      if (action == SafetyAction::DriveOff) {
        // a fault that leaves the drive able to pay out on one good sensor (a lost encoder,
        // or a failed load cell with the encoder good) lets a fast release already under way
        // go on within the stop's release time: the unpowered drum's coast is slower
        // (campaign seeds 13097, 76561, 13884), and it cannot pay out again when the carriage
        // springs back and draws the cord taut (seed 37352)
        if (!drive_cut_ && now_us_ - release_since_us_ < kLostSensorReleaseUs &&
            fast_release_may_finish(supervisor_)) {
          const ActuatorFrame out = release_fast();
          // on a failed cell nothing can call for paying out again once the release has come
          // to slack: the relay opens then (campaign seed 4149: a cell frozen at 0 on a slack
          // cord, found 1 ms into a patient stop's coast with the relay closed)
          const bool paying_out = out.motor_enable && out.motor_command < 0.0f;
          if (paying_out || load_cell_trusted(supervisor_)) return out;
        }
        drive_cut_ = true;
        return drive_off(false);
      }
      if (display_.state == TableState::Fault && action < SafetyAction::ReleaseFast && released_) {
        ActuatorFrame out = safe_outputs();
        out.lamp = ActuatorFrame::Lamp::Red;
        return out;
      }
      ActuatorFrame out = release_fast();
      // the release done, the brake holds the stop until the acknowledge; a cord that loads
      // meanwhile is let out through the unpowered drum, as at rest (campaign seed 147309);
      // a finished release_fast() always leaves the relay open
      if (display_.state == TableState::Stopped && released_ && rest_coast_step()) {
        out.brake_engaged = false;
      }
      // an acknowledge that came during the release takes effect once it has finished
      if (display_.state == TableState::Stopped && leave_when_released_ && released_ &&
          action < SafetyAction::ReleaseChangeover) {
        enter_setup_or_ready(sensors);
      }
      return out;
    }
  }
  return safe_outputs();
}
}  // namespace tractus::controller
