#include "controller/controller.h"

#include "controller/prescription.h"

namespace tractus::controller {

using hal::ActuatorFrame;
using hal::TableState;

namespace {
// below this force the cord counts as slack after a release, newtons
constexpr float kSlackForceN = 8.0f;
// above this force the cord is loaded: the table does not come to rest on it. Under the
// patient stop's 15 N floor, so that a cord the cell reads at 15.0 N is not left at 15.1
// (campaign seeds 491, 50931); above the 13.2 N a slipped harness's patient settles back to on
// a braked drum after the fast release (HarnessFit.RefittingAfterASlip...), which is released
constexpr float kLoadedForceN = 14.0f;
// the cord must read slack this long before the brake sets after a fast release
constexpr int64_t kSlackDwellUs = 500000;
// after a drive-off the brake holds a drum still winding in (the momentum a runaway gave it)
// for at most this long, so a noisy encoder cannot keep the patient held
constexpr int64_t kMomentumBrakeUs = 50000;
// a drum winding in by more than this per tick is moving (2 counts: 10 mm/s, above the
// encoder's one-count dither)
constexpr int32_t kWindingInCounts = 2;
// a lost encoder or a failed load cell lets the drive go on with a fast release (paying out
// again if the carriage's spring-back draws the cord taut) for at most this long from the
// release's start: inside the patient stop's 0.5 s, with time left for the relay to open
constexpr int64_t kLostSensorReleaseUs = 450000;
constexpr float kUsPerS = 1e6f;

// the console may edit the prescription and confirm the harness
bool setting_up(TableState s) {
  return s == TableState::Idle || s == TableState::Setup || s == TableState::Ready;
}
bool in_treatment(TableState s) {
  return s == TableState::Pretension || s == TableState::Treating || s == TableState::Paused ||
         s == TableState::Releasing;
}
float maxf(float a, float b) { return a > b ? a : b; }
float minf(float a, float b) { return a < b ? a : b; }
}  // namespace

// [SECTION] construction and outputs

Controller::Controller(const ControllerConfig& config) : config_(config) {
  int count = 0;
  const SafetyRule* rules = table_safety_rules(&count);
  supervisor_.configure(rules, count, &log_);
  display_.state = TableState::SelfTest;
  last_out_ = safe_outputs();
}

ActuatorFrame Controller::safe_outputs() {
  ActuatorFrame out;  // defaults: motor off, brake on, carriage locked
  out.lamp = ActuatorFrame::Lamp::Amber;
  return out;
}

void Controller::enter(TableState next) {
  // the table never comes to rest with the patient loaded: a way into Idle, Setup or Ready
  // from a stop, a fault or a release that left tension on the cord holds it for a release
  // instead (the e-stop acknowledged with the brake holding 240 N went Idle and called the
  // real force a load-cell offset, 203). The power-on tare is not a way in: it zeroes the cell.
  const TableState from = display_.state;
  if (setting_up(next) && !setting_up(from) && from != TableState::SelfTest &&
      measured_force_n_ > kLoadedForceN) {
    next = TableState::TensionHeld;
  }
  if (display_.state == next) return;
  const bool was_stopping = display_.state == TableState::Stopped || display_.state == TableState::Fault;
  if ((next == TableState::Stopped || next == TableState::Fault) && !was_stopping) release_since_us_ = now_us_;
  display_.state = next;
  state_since_us_ = now_us_;
  log_.push(now_us_, EventKind::StateChanged, static_cast<uint16_t>(next));
  if (next == TableState::Complete) complete_since_us_ = now_us_;
  if (next == TableState::Stopped || next == TableState::Fault || next == TableState::EmergencyStop) {
    released_ = false;
    slack_since_us_ = -1;
  }
  if (next != TableState::Fault) drive_cut_ = false;
  // the e-stop opened the relay; a lock found behind it keeps it open (campaign seed 162: an
  // encoder loss let a patient stop's fast release close it again after the e-stop)
  if (next == TableState::Fault && from == TableState::EmergencyStop) drive_cut_ = true;
  if (next != TableState::Stopped) leave_when_released_ = false;
  if (next == TableState::TensionHeld) {
    local_alarm_ = kAlarmTensionHeld;
    slack_since_us_ = -1;
    log_.push(now_us_, EventKind::AlarmRaised, kAlarmTensionHeld);
  } else if (from == TableState::TensionHeld && local_alarm_ == kAlarmTensionHeld) {
    local_alarm_ = kAlarmNone;
  }
}

void Controller::refuse(uint16_t code) {
  local_alarm_ = code;
  log_.push(now_us_, EventKind::CommandRefused, code);
}

// [SECTION] the tick

ActuatorFrame Controller::tick(const hal::SensorFrame& sensors,
                               const hal::ConsoleCommand& command, int64_t now_us) {
  const int64_t dt_us = last_tick_us_ < 0 ? config_.tick_us : now_us - last_tick_us_;
  // a non-positive or huge gap is the watchdog's business; the laws get a sane dt
  const int64_t law_dt_us = dt_us > 0 && dt_us <= 10 * config_.tick_us ? dt_us : config_.tick_us;
  const float dt_s = static_cast<float>(law_dt_us) / kUsPerS;
  last_tick_us_ = now_us;
  now_us_ = now_us;
  encoder_step_counts_ = have_encoder_ ? sensors.encoder_counts - last_encoder_counts_ : 0;
  last_encoder_counts_ = sensors.encoder_counts;
  have_encoder_ = true;

  // measure force against the tare, filtered; samples at a rail are invalid and skipped
  if (!SignalMonitors::at_rail(sensors.load_cell_counts)) {
    raw_force_n_ =
        (static_cast<float>(sensors.load_cell_counts) - tare_offset_counts_) / config_.load_cell_counts_per_n;
    measured_force_n_ = force_filter_.update(raw_force_n_, config_.force_filter_hz, dt_s);
  }

  // the safety supervisor sees everything before the state machine acts (from the end of the
  // self-test on: before the tare the force reading means nothing)
  if (display_.state != TableState::SelfTest) supervise(sensors, dt_us);
  handle_command(command, sensors);
  react_to_supervisor(sensors);
  ActuatorFrame out = run_state(sensors, dt_s, law_dt_us);

  // table height moves only while nothing holds the patient in traction
  const TableState s = display_.state;
  const bool hilo_allowed = (setting_up(s) || s == TableState::Complete) && measured_force_n_ < kSlackForceN;
  out.hilo = ActuatorFrame::HiLo::Stop;
  if (hilo_allowed && sensors.hilo_up_requested != sensors.hilo_down_requested) {
    out.hilo = sensors.hilo_up_requested ? ActuatorFrame::HiLo::Up : ActuatorFrame::HiLo::Down;
  }

  update_display(sensors);
  if (!out.brake_engaged) brake_set_force_n_ = measured_force_n_;  // frozen while the brake holds
  last_out_ = out;
  return out;
}

void Controller::supervise(const hal::SensorFrame& sensors, int64_t dt_us) {
  const TableState s = display_.state;
  const float supply_v = static_cast<float>(sensors.supply_counts) * config_.supply_volts_per_count;

  MonitorInputs mi;
  mi.load_cell_counts = sensors.load_cell_counts;
  mi.force_n = measured_force_n_;
  mi.raw_force_n = raw_force_n_;
  mi.target_force_n = display_.target_force_n;
  mi.encoder_counts = sensors.encoder_counts;
  mi.motor_current_units = (static_cast<float>(sensors.motor_current_counts) - config_.current_zero_counts) /
                           config_.current_counts_per_unit;
  mi.last_command = last_out_.motor_enable ? last_out_.motor_command : 0.0f;
  mi.last_drive_enabled = last_out_.motor_enable;
  mi.encoder_counts_per_m = config_.encoder_counts_per_m;
  mi.motor_rated_force_n = config_.motor_rated_force_n;
  mi.prescribed_rise_n_per_s = has_prescription_ ? plan_.max_rise_n_per_s : 0.0f;
  mi.force_controlled = s == TableState::Pretension || s == TableState::Treating ||
                        s == TableState::Paused || s == TableState::Releasing;
  mi.at_rest = setting_up(s) && last_out_.brake_engaged && !last_out_.motor_enable;
  mi.dt_us = dt_us;
  mi.nominal_tick_us = config_.tick_us;
  mi.now_us = now_us_;
  mi.heartbeat = heartbeat_;
  const MonitorFlags& flags = monitors_.update(mi, config_.monitors);

  PolicyInputs pi;
  pi.sensors = &sensors;
  pi.monitors = &flags;
  pi.state = s;
  pi.measured_force_n = measured_force_n_;
  pi.raw_force_n = raw_force_n_;
  pi.prescription_max_force_n = prescription_.max_force_n;
  pi.device_max_force_n = prescription_.region == hal::Region::Cervical ? kMaxCervicalForceN : kMaxLumbarForceN;
  pi.supply_v = supply_v;
  const bool started = s == TableState::Pretension || s == TableState::Treating;
  pi.carriage_lock_overdue = started && sensors.carriage_locked &&
                             now_us_ - treatment_start_us_ > config_.carriage_release_us;
  pi.pretension_overdue = s == TableState::Pretension &&
                          now_us_ - state_since_us_ > config_.pretension_timeout_us;
  const FaultConditions c = evaluate_table_policy(pi, config_.policy);
  for (int i = 0; i < kFaultCount; ++i) supervisor_.update(i, c.active[i], now_us_);
}

// [SECTION] console commands

void Controller::handle_command(const hal::ConsoleCommand& command, const hal::SensorFrame& sensors) {
  if (command.heartbeat != 0) heartbeat_ = command.heartbeat;
  const TableState s = display_.state;
  switch (command.kind) {
    case hal::CommandKind::None:
      break;
    case hal::CommandKind::SetPrescription: {
      if (!setting_up(s)) {
        refuse(kAlarmNone);
        break;  // locked while treating
      }
      const PrescriptionCheck check = check_prescription(command.prescription);
      display_.prescription_rejected = !check.ok;
      display_.reject_field = check.field;
      display_.reject_reason = check.reason;
      if (check.ok) {
        prescription_ = command.prescription;
        plan_ = build_profile(prescription_);
        has_prescription_ = true;
        display_.remaining_s = plan_.total_s;
        display_.total_s = plan_.total_s;
        display_.warning_count = static_cast<uint8_t>(check.warning_count);
        for (int i = 0; i < hal::kMaxPrescriptionWarnings; ++i) display_.warnings[i] = check.warnings[i];
        if (check.warning_count > 0) {
          log_.push(now_us_, EventKind::Warning, static_cast<uint16_t>(check.warning_count));
        }
        enter_setup_or_ready(sensors);
      }
      break;
    }
    case hal::CommandKind::ConfirmHarness:
      if (setting_up(s)) harness_confirmed_ = true;
      break;
    case hal::CommandKind::Start:
      // from Setup, start() refuses naming the first missing interlock
      if ((s == TableState::Ready || s == TableState::Setup) && has_prescription_) start(sensors);
      break;
    case hal::CommandKind::Stop:
      if (s == TableState::Treating || s == TableState::Pretension || s == TableState::Paused) {
        enter(TableState::Releasing);
      }
      break;
    case hal::CommandKind::Pause:
      if (s == TableState::Treating || s == TableState::Pretension) {
        paused_from_ = s;
        enter(TableState::Paused);
      }
      break;
    case hal::CommandKind::Resume:
      if (s == TableState::Paused) enter(paused_from_);
      break;
    case hal::CommandKind::Acknowledge:
      if (s == TableState::Complete) {
        supervisor_.acknowledge(now_us_);
        local_alarm_ = kAlarmNone;
        harness_confirmed_ = false;  // the harness comes off after a finished treatment
        enter_setup_or_ready(sensors);
      } else if (s == TableState::Stopped) {
        supervisor_.acknowledge(now_us_);
        if (supervisor_.action() < SafetyAction::ReleaseChangeover) {
          local_alarm_ = kAlarmNone;
          // an acknowledge during the fast release lets it finish first: leaving now would
          // set the brake on the tension still on the cord
          if (released_) {
            enter_setup_or_ready(sensors);
          } else {
            leave_when_released_ = true;
          }
        }
      } else if (s == TableState::EmergencyStop) {
        // the button must be released first: its rule cannot clear while it is latched down
        supervisor_.acknowledge(now_us_);
        if (!supervisor_.tripped(kFaultEmergencyStop)) {
          local_alarm_ = kAlarmNone;
          // the session starts over: prescription and harness are entered and confirmed again
          has_prescription_ = false;
          harness_confirmed_ = false;
          enter(supervisor_.locked() ? TableState::Fault : TableState::Idle);
        }
      } else if (setting_up(s)) {
        supervisor_.acknowledge(now_us_);
        if (local_alarm_ < 300) local_alarm_ = kAlarmNone;
      }
      break;
    case hal::CommandKind::ResetFault:
      // critical (3xx) faults lock the unit until service; lesser ones clear here
      if (s == TableState::Fault && !supervisor_.locked() && released_) {
        supervisor_.acknowledge(now_us_);
        local_alarm_ = kAlarmNone;
        enter(TableState::Idle);
      }
      break;
    case hal::CommandKind::ReleaseTension:
      // the operator's deliberate release of a held tension: the drive comes back on and the
      // force loop takes the tension from where it stands down at the changeover speed
      if (s == TableState::TensionHeld && supervisor_.action() < SafetyAction::DriveOff && !supervisor_.locked()) {
        // from the lower of the force now and the force when the brake set: the cord can only
        // have relaxed under the brake unless the patient pulled, and a cell that drifted high
        // during the hold would have the drive pull harder than the cord and wind it in
        // (campaign seed 1609: load_cell.drift, 30 N over after a 14 s e-stop, 15 N wound in)
        setpoint_.value = maxf(minf(measured_force_n_, brake_set_force_n_), 0.0f);
        pi_.reset();
        enter(TableState::Releasing);
      }
      break;
    case hal::CommandKind::ServiceReset:
      if (s == TableState::Fault) {
        supervisor_.service_reset(now_us_);
        if (!supervisor_.locked()) {
          local_alarm_ = kAlarmNone;
          harness_confirmed_ = false;
          enter(TableState::Idle);
        }
      }
      break;
  }
}

uint8_t Controller::missing_interlocks(const hal::SensorFrame& sensors) const {
  uint8_t m = 0;
  if (!sensors.patient_stop_connected) m |= hal::kInterlockStopSwitch;
  if (!harness_confirmed_) m |= hal::kInterlockHarness;
  if (sensors.hilo_up_requested || sensors.hilo_down_requested) m |= hal::kInterlockHiLo;
  if (supervisor_.action() >= SafetyAction::ReleaseChangeover || supervisor_.locked()) m |= hal::kInterlockFault;
  return m;
}

void Controller::enter_setup_or_ready(const hal::SensorFrame& sensors) {
  if (!has_prescription_) return enter(TableState::Idle);
  enter(missing_interlocks(sensors) == 0 ? TableState::Ready : TableState::Setup);
}

void Controller::start(const hal::SensorFrame& sensors) {
  // start interlocks, in the order the operator should fix them
  const uint8_t missing = missing_interlocks(sensors);
  if (missing & hal::kInterlockStopSwitch) return refuse(kAlarmStopSwitchNotConnected);
  if (missing & hal::kInterlockFault) return refuse(kAlarmFaultLatched);
  if (missing & hal::kInterlockHarness) return refuse(kAlarmHarnessNotConfirmed);
  if (missing & hal::kInterlockHiLo) return refuse(kAlarmHiLoActive);
  treatment_elapsed_us_ = 0;
  treatment_start_us_ = now_us_;
  start_encoder_counts_ = last_encoder_counts_;
  protocol_s_ = 0.0f;
  setpoint_.value = 0.0f;
  pi_.reset();
  local_alarm_ = kAlarmNone;
  pretension_reached_since_us_ = -1;
  enter(prescription_.pretension_n > 0.0f ? TableState::Pretension : TableState::Treating);
}

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
  if (measured_force_n_ < kSlackForceN) {
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
      ActuatorFrame out = safe_outputs();
      out.lamp = display_.state == TableState::Ready ? ActuatorFrame::Lamp::Green
                                                     : ActuatorFrame::Lamp::Amber;
      display_.target_force_n = 0.0f;
      return out;
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
      const ActuatorFrame out = release_fast();
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

// [SECTION] display

void Controller::update_display(const hal::SensorFrame& sensors) {
  const TableState s = display_.state;
  display_.measured_force_n = s == TableState::SelfTest ? 0.0f : measured_force_n_;

  // the alarm shown: a stopping or locking supervisor alarm, else a refusal, else a warning
  const int h = supervisor_.headline();
  uint16_t code = local_alarm_;
  if (h >= 0) {
    const SafetyRule& r = supervisor_.rule(h);
    const bool serious = r.action >= SafetyAction::ReleaseChangeover || r.latch != Latch::WhileActive;
    if (serious || code == kAlarmNone) code = r.code;
  }
  // the e-stop's own code while its state lasts, whatever lock may lie behind it
  if (s == TableState::EmergencyStop) code = kAlarmEmergencyStop;
  display_.alarm_code = code;
  display_.alarm_text = alarm_text(code);

  display_.interlocks_missing = missing_interlocks(sensors);
  display_.harness_confirmed = harness_confirmed_;
  display_.harness_removal_allowed = !in_treatment(s) && measured_force_n_ < kSlackForceN;
  display_.guarding_detected = supervisor_.tripped(kFaultMuscleGuarding);
  display_.event_count = log_.total();
}

}  // namespace tractus::controller
