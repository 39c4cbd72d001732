// Console commands: what each does in each state, the Start interlocks and the start itself.
#include "controller/controller.h"

#include "controller/prescription.h"
#include "controller_detail.h"

namespace tractus::controller {

using hal::ActuatorFrame;
using hal::TableState;
using namespace detail;

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
}  // namespace tractus::controller
