// The table firmware's tick: sensors and the console's command in, supervision, the state
// machine (controller_states.cpp), the display out. Console commands are handled in
// controller_commands.cpp.
#include "controller/controller.h"

#include "controller/prescription.h"
#include "controller_detail.h"

namespace tractus::controller {

using hal::ActuatorFrame;
using hal::TableState;
using namespace detail;

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
  if ((setting_up(from) && !setting_up(next)) || next == TableState::Stopped) leave_rest();
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
  supervisor_.update_all(c.active, kFaultCount, now_us_);
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
