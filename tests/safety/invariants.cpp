#include "invariants.h"

#include "controller/table_safety_policy.h"

namespace tractus::safety {

namespace {

// drum travel below this is no winding in (10 encoder counts; about 1 N through the cord and
// a lumbar harness in series)
constexpr double kDrumResolutionMm = 0.05;

// the encoder-loss alarm, the one drive-off that may let a patient stop's fast release finish
// (fast_release_may_finish)
constexpr uint16_t kEncoderLossAlarm = controller::kAlarmEncoderLoss;
// the emergency stop's alarm: the relay is open while it shows, and free again once it clears
constexpr uint16_t kEmergencyStopAlarm = controller::kAlarmEmergencyStop;

// the firmware commands a rise only while it takes up the pretension or treats
bool rise_commanded(hal::TableState s) {
  return s == hal::TableState::Pretension || s == hal::TableState::Treating;
}

}  // namespace

void InvariantChecker::flag(Invariant i, int64_t now_us) {
  if (violated_[i]) return;
  violated_[i] = true;
  first_violation_us_[i] = now_us;
}

bool InvariantChecker::any_violated() const {
  for (bool v : violated_) {
    if (v) return true;
  }
  return false;
}

void InvariantChecker::patient_stop(int64_t now_us) {
  if (stop_pressed_us_ < 0) {
    stop_pressed_us_ = now_us;
    drive_failed_since_us_ = -1;
    stop_met_ = false;
    stop_crossing_since_us_ = -1;
  }
}

void InvariantChecker::drum_held_by_fault(int64_t now_us) {
  if (drum_held_since_us_ < 0) drum_held_since_us_ = now_us;
}

void InvariantChecker::emergency_stop(int64_t now_us) {
  if (stop_pressed_us_ >= 0 && now_us < stop_pressed_us_ + limits_.stop_release_us) stop_pressed_us_ = -1;
}

void InvariantChecker::check(const TickSample& s) {
  const double t_n = s.tension_n;
  if (!have_last_) {
    for (double& d : drum_window_mm_) d = s.drum_mm;  // no travel before the first tick
  }
  if (t_n > peak_tension_n_) peak_tension_n_ = t_n;

  // 1. force: crossings of the limit are bounded excursions, in length and in height
  const double limit_n = limits_.prescription_n * 1.10 < limits_.device_max_n ? limits_.prescription_n * 1.10
                                                                                : limits_.device_max_n;
  // a fault holds the drum and the relay is open (and the drum indeed winds nothing in): the
  // machine adds nothing, so a rise is the patient's own pull on a fixed anchor
  const double drum_20ms_ago_mm = drum_window_mm_[drum_window_head_];
  const bool winding_in = s.drum_mm > drum_20ms_ago_mm + kDrumResolutionMm;
  // (the firmware's own brake in EmergencyStop and TensionHeld holds the drum the same way)
  const bool brake_state = s.state == hal::TableState::EmergencyStop || s.state == hal::TableState::TensionHeld;
  const bool drum_held = (drum_held_since_us_ >= 0 && s.now_us >= drum_held_since_us_) || brake_state;
  const bool held_and_off = drum_held && !s.relay_closed && !winding_in;
  if (held_and_off && t_n > limit_n + limits_.cell_accuracy_n) {
    excursion_since_us_ = -1;
    if (t_n - limit_n > held_excess_n_) held_excess_n_ = t_n - limit_n;
  } else if (t_n > limit_n + limits_.cell_accuracy_n) {
    if (excursion_since_us_ < 0) excursion_since_us_ = s.now_us;
    // a crossing lasts from its first tick to its last: one tick over is 1 ms long
    const int64_t length_us = s.now_us - excursion_since_us_ + 1000;
    if (length_us > longest_excursion_us_) longest_excursion_us_ = length_us;
    const double excess_n = t_n - limit_n;
    if (excess_n > peak_excess_n_) peak_excess_n_ = excess_n;
    if (length_us > limits_.max_excursion_us || excess_n > limits_.max_excess_n) flag(kForce, s.now_us);
  } else {
    excursion_since_us_ = -1;
  }

  // 2. patient stop: a runaway found by the release leaves only the unpowered coast
  if (stop_pressed_us_ >= 0 && s.alarm_code == controller::kAlarmMotorRunaway && drive_failed_since_us_ < 0 &&
      s.now_us < stop_pressed_us_ + limits_.stop_release_us) {
    drive_failed_since_us_ = s.now_us;
  }
  const int64_t release_due_us =
      stop_pressed_us_ + (drive_failed_since_us_ >= 0 ? limits_.failed_drive_release_us : limits_.stop_release_us);
  const bool held_before_due = drum_held_since_us_ >= 0 && drum_held_since_us_ < release_due_us;
  const bool rest = s.state == hal::TableState::Idle || s.state == hal::TableState::Setup ||
                    s.state == hal::TableState::Ready;
  if (stop_pressed_us_ >= 0 && s.now_us >= release_due_us && !held_before_due) {
    if (t_n <= limits_.stop_release_n) {
      stop_met_ = true;
      stop_crossing_since_us_ = -1;
    } else if (!stop_met_) {
      flag(kStopRelease, s.now_us);  // the release missed its time
    } else {
      // a crossing after the release had met its 15 N: with the relay closed or the drum
      // winding in it is the machine's, allowed only as the force invariant's bounded
      // excursion (a runaway in the stop's slack dwell adds tens of newtons in the millisecond
      // before 312, seed 129493: 61.7 N for 1 ms); with the relay open and the drum still it is
      // a load the patient or the carriage put on a braked drum, which the firmware can only
      // let out, judged as at rest (at most rest_dwell_us, seed 147309: a carriage jam)
      if (stop_crossing_since_us_ < 0) stop_crossing_since_us_ = s.now_us;
      const int64_t length_us = s.now_us - stop_crossing_since_us_ + 1000;
      if (!s.relay_closed && !winding_in) {
        if (length_us > limits_.rest_dwell_us) flag(kStopRelease, s.now_us);
      } else if (length_us > limits_.max_excursion_us || t_n - limits_.stop_release_n > limits_.max_excess_n) {
        flag(kStopRelease, s.now_us);
      }
    }
  }
  // the stop's watch ends once its release has run its time and the table has come to rest:
  // a load that appears later, at rest, is invariant 5's (campaign seed 22206: 2.5 s after a
  // stop's release, a light patient's guarding drew the braked cord from 9 to 15.1 N)
  if (stop_pressed_us_ >= 0 && s.now_us >= release_due_us && rest) stop_pressed_us_ = -1;

  // 3. drive off after a critical alarm
  if (s.alarm_code >= 300 && s.alarm_code != kEmergencyStopAlarm && critical_since_us_ < 0) {
    critical_since_us_ = s.now_us;
  }
  if (s.alarm_code != kEmergencyStopAlarm) {
    estop_alarm_since_us_ = -1;
  } else if (estop_alarm_since_us_ < 0) {
    estop_alarm_since_us_ = s.now_us;
  }
  if (estop_alarm_since_us_ >= 0 && s.now_us - estop_alarm_since_us_ >= limits_.drive_off_us && s.relay_closed) {
    flag(kDriveOff, s.now_us);
  }
  // the one exception: a lost sensor (the encoder, 310, or a saturated, stuck or noisy load
  // cell, 307, 308, 315) leaves the drive able to finish a patient stop's fast release on the
  // other, so within the stop's release time a closed relay that commands pay-out (which adds
  // no force) is allowed
  const bool one_sensor_lost = s.alarm_code == kEncoderLossAlarm || s.alarm_code == controller::kAlarmLoadCellSaturated ||
                               s.alarm_code == controller::kAlarmLoadCellStuck || s.alarm_code == controller::kAlarmLoadCellNoisy;
  const bool finishing_stop = one_sensor_lost && stop_pressed_us_ >= 0 &&
                              s.now_us <= release_due_us && s.motor_command <= 0.0;
  if (critical_since_us_ >= 0 && s.now_us - critical_since_us_ >= limits_.drive_off_us && s.relay_closed &&
      !finishing_stop) {
    flag(kDriveOff, s.now_us);
  }

  // 4. no uncommanded rise: the reference is the tension at the moment the stretch without a
  //    commanded rise began, the last tick before the firmware's reaction took effect
  const bool commanded = rise_commanded(s.state);
  if (!commanded) {
    if (rise_commanded_prev_) no_rise_reference_n_ = have_last_ ? last_tension_n_ : t_n;
    // with the drum still or paying out, the machine adds nothing; a rise past max_rise_n is
    // allowed only as the force invariant's bounded excursion (a fault's first millisecond)
    const double rise_n = t_n - no_rise_reference_n_;
    if (winding_in && rise_n > largest_rise_n_) largest_rise_n_ = rise_n;
    if (winding_in && rise_n > limits_.max_rise_n) {
      if (rise_since_us_ < 0) rise_since_us_ = s.now_us;
      const int64_t length_us = s.now_us - rise_since_us_ + 1000;
      if (length_us > longest_rise_us_) longest_rise_us_ = length_us;
      if (length_us > limits_.max_excursion_us || rise_n - limits_.max_rise_n > limits_.max_excess_n) {
        flag(kNoRise, s.now_us);
      }
    } else {
      rise_since_us_ = -1;
    }
  } else {
    rise_since_us_ = -1;
  }
  // 5. at rest the cord is not left loaded, unless a fault holds the drum and the hand release
  //    is on offer (then it is the operator's remedy, not the firmware's)
  if (rest && t_n > limits_.rest_tension_n) {
    if (loaded_rest_since_us_ < 0) loaded_rest_since_us_ = s.now_us;
    const int64_t length_us = s.now_us - loaded_rest_since_us_ + 1000;
    if (length_us > longest_loaded_rest_us_) longest_loaded_rest_us_ = length_us;
    const bool excused = drum_held_since_us_ >= 0 && s.now_us >= drum_held_since_us_ && s.hand_release_offered;
    if (length_us > limits_.rest_dwell_us && !excused) flag(kRestLoaded, s.now_us);
  } else {
    loaded_rest_since_us_ = -1;
  }

  rise_commanded_prev_ = commanded;
  last_tension_n_ = t_n;
  drum_window_mm_[drum_window_head_] = s.drum_mm;
  drum_window_head_ = (drum_window_head_ + 1) % kDrumWindowTicks;
  have_last_ = true;
}

}  // namespace tractus::safety
