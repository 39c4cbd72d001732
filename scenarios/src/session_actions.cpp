// The trainee's and instructor's actions: do_action dispatches each kind to a small handler,
// and the handlers reach the table through its console (one command a tick) or the rig's
// physical inputs, never around them.
//
// Index of this file:
// [SECTION] the console
// [SECTION] dispatch
// [SECTION] the patient
// [SECTION] the set-up: prescription, angle, harness, stop switch
// [SECTION] treatment: start and resume, the console's buttons, the stop hardware
// [SECTION] hints and the instructor
#include "scenarios/session.h"

#include <algorithm>

#include "session_detail.h"
#include "session_parts.h"
#include "text_format.h"
#include "scenarios/display_names.h"
#include "scenarios/vocabulary.h"

namespace tractus::scenarios {

using hal::TableState;
using namespace session_detail;

namespace {

twin::HarnessFitting fitting_of(const std::string& quality) {
  if (quality == "loose") return twin::HarnessFitting::Loose;
  if (quality == "tight") return twin::HarnessFitting::Tight;
  return twin::HarnessFitting::Good;
}

}  // namespace

// [SECTION] the console

void Session::queue_prescription(double treatment_min) {
  console::PrescriptionEntry e;
  e.region = protocol_.region == "cervical" ? hal::Region::Cervical : hal::Region::Lumbar;
  e.protocol = hal::Protocol::Static;
  e.max_force_n = protocol_.force_n;
  e.ramp_s = protocol_.ramp_s;
  e.treatment_s = treatment_min * 60.0;
  e.release_n_per_s = protocol_.release_n_per_s;
  rig_.console().set_prescription(e);
}

void Session::start_when_ready() {
  // a start pressed with the prescription still on its way waits for the firmware's answer
  if (start_waits_on_ < 0 || rig_.console().has_queued(hal::CommandKind::SetPrescription)) return;
  const std::size_t index = static_cast<std::size_t>(start_waits_on_);
  start_waits_on_ = -1;
  const TableState s = rig_.display().state;
  if (s == TableState::Ready || s == TableState::Setup) {
    // a copy: the handler may record more and move the recorder's list
    const Action action = parts_->recorder.actions()[index].action;
    parts_->recorder.set_accepted(index, do_action(action).accepted);
  } else {
    parts_->recorder.set_accepted(index, false);  // refused (the console shows why) or the table is busy
    log("refused", "refused", "the table did not take the prescription: the start was not sent");
  }
}

void Session::press(hal::CommandKind kind) { rig_.console().press(kind); }

bool Session::console_free() const {
  const TableState s = rig_.display().state;
  return s == TableState::Idle || s == TableState::Setup || s == TableState::Ready;
}

// [SECTION] dispatch

ApplyResult Session::do_action(const Action& a) {
  switch (a.kind) {
    case ActionKind::ReviewChart: return ApplyResult{true, scenario_.briefing};
    case ActionKind::Ask: return speak_reply(parts_->patient.answer(a.question, scenario_, parts_->recorder, now_us_));
    case ActionKind::CheckIn: return speak_reply(parts_->patient.check_in_reply(rig_.display().state));
    case ActionKind::DeclineTreatment: return on_decline(a);
    case ActionKind::SelectProtocol:
    case ActionKind::Set: return on_prescription(a);
    case ActionKind::SetAngle: return on_set_angle(a);
    case ActionKind::FitHarness: return on_fit_harness(a);
    case ActionKind::ConfirmHarness: return on_confirm_harness();
    case ActionKind::GiveStopSwitch: return on_give_stop_switch();
    case ActionKind::ExplainProcedure: return on_explain();
    case ActionKind::Start:
    case ActionKind::Resume: return on_start(a);
    case ActionKind::Pause:
    case ActionKind::Stop:
    case ActionKind::Acknowledge:
    case ActionKind::CallService:
    case ActionKind::ReleaseTension: return on_console_button(a);
    case ActionKind::ReleaseBrake:
    case ActionKind::EmergencyStop:
    case ActionKind::ReleaseEmergencyStop: return on_stop_hardware(a);
    case ActionKind::RemoveHarness: return on_remove_harness();
    case ActionKind::EndSession: return on_end_session();
    case ActionKind::Note: return ApplyResult{true, "noted"};
    case ActionKind::RequestHint: return on_hint();
    case ActionKind::InjectFault:
    case ActionKind::TriggerReaction:
    case ActionKind::SetSpeed:
    case ActionKind::Say:
    case ActionKind::Message:
    case ActionKind::InstructorPause: return on_instructor(a);
  }
  return refuse("unknown action");
}

// [SECTION] the patient

ApplyResult Session::speak_reply(const std::string& reply) {
  say(reply);
  return ApplyResult{true, reply};
}

ApplyResult Session::on_decline(const Action& a) {
  declined_ = true;
  if (under_traction()) press(hal::CommandKind::Stop);
  say(parts_->patient.lines().text(dialogue::Line::Declined));
  return ApplyResult{true, "treatment declined: " + term_label(contraindications(),
                                                               term_label(precautions(), a.reason))};
}

ApplyResult Session::on_explain() {
  say(parts_->patient.on_explained());
  return ApplyResult{true, "procedure explained"};
}

// [SECTION] the set-up: prescription, angle, harness, stop switch

ApplyResult Session::on_prescription(const Action& a) {
  if (a.kind == ActionKind::Set && !has_protocol_) return refuse("select a protocol before changing its parameters");
  if (!console_free()) return refuse("stop the treatment before changing the prescription");
  if (a.kind == ActionKind::SelectProtocol) {
    protocol_ = a.protocol;
    has_protocol_ = true;
  } else {
    if (a.parameter == "force_lbf") protocol_.force_n = a.value;
    if (a.parameter == "ramp_s") protocol_.ramp_s = a.value;
    if (a.parameter == "treatment_min") protocol_.treatment_min = a.value;
    if (a.parameter == "release_lbf_per_s") protocol_.release_n_per_s = a.value;
  }
  queue_prescription(protocol_.treatment_min);
  return ApplyResult{true, describe_action(a)};
}

ApplyResult Session::on_set_angle(const Action& a) {
  if (under_traction()) return refuse("the pull angle cannot change under traction");
  angle_deg_ = a.value;
  rig_.set_pull_angle_deg(a.value);
  return ApplyResult{true, describe_action(a)};
}

ApplyResult Session::on_fit_harness(const Action& a) {
  if (under_traction()) return refuse("the harness cannot be refitted under traction");
  parts_->patient.fit_harness(a.quality);
  rig_.fit_harness(fitting_of(a.quality));
  // a refit starts from a harness seated afresh: a slipping strap is cinched again
  parts_->watchers.harness_refitted(rig_.twin_state().harness_slip_m);
  rig_.clear_fault("harness.slip");
  if (console_free()) press(hal::CommandKind::ConfirmHarness);
  return ApplyResult{true, "harness fitted (" + a.quality + ")"};
}

ApplyResult Session::on_confirm_harness() {
  // the operator's word to the firmware's interlock; the patient's harness stays as it is
  if (!console_free()) return refuse("the harnesses can be confirmed only at rest");
  press(hal::CommandKind::ConfirmHarness);
  return ApplyResult{true, parts_->patient.perceived().harness_fitted ? "harnesses confirmed"
                                                   : "harnesses confirmed on the console, not fitted"};
}

ApplyResult Session::on_give_stop_switch() {
  parts_->patient.give_stop_switch();
  rig_.set_patient_stop_connected(true);
  // plugging the cable back in ends an unplugged-cable fault
  rig_.clear_fault("stop_switch.unplugged");
  return ApplyResult{true, "stop switch plugged in and in the patient's hand"};
}

ApplyResult Session::on_remove_harness() {
  const TableState state = rig_.display().state;
  if (rig_.twin_state().cord_tension_n > kHarnessFreeN || under_traction() ||
      state == TableState::Releasing || state == TableState::Paused)
    raise_critical("harness_under_tension", "harness removed with the cord under tension (" +
                                                fmt1(rig_.twin_state().cord_tension_n) + " N)");
  parts_->patient.remove_harness();
  if (!under_traction()) rig_.unfasten_harness();
  return ApplyResult{true, "harness removed"};
}

// [SECTION] treatment: start and resume, the console's buttons, the stop hardware

ApplyResult Session::on_start(const Action& a) {
  const TableState state = rig_.display().state;
  if (parts_->watchers.critical_fault_seen()) {
    if (!service_called_)
      raise_critical("resumed_after_critical_fault",
                     "tried to restart after a critical fault without calling service");
    return refuse("the unit is locked by a critical fault until it is serviced");
  }
  if (under_traction()) return refuse("already treating");
  const bool resume = a.kind == ActionKind::Resume;
  if (resume && state == TableState::Paused) {
    press(hal::CommandKind::Resume);
    return ApplyResult{true, "resuming"};
  }
  if (!resume && state == TableState::TensionHeld)
    return refuse("the cord is still loaded: release the tension first");
  // pressed with the prescription just entered (the console's Start button): the start
  // waits for the firmware to take it, as the console's Start does
  if (!resume && state == TableState::Idle && start_waits_on_ < 0 &&
      rig_.console().has_queued(hal::CommandKind::SetPrescription)) {
    start_waits_on_ = static_cast<int64_t>(parts_->recorder.actions().size()) - 1;
    return ApplyResult{true, "starting once the table takes the prescription"};
  }
  if (!resume && state != TableState::Ready && state != TableState::Setup)
    return refuse(has_protocol_ ? "the table is not ready: acknowledge the alarm first"
                                : "the table is not ready: select a protocol first");
  if (resume && (!has_protocol_ || state == TableState::Idle || state == TableState::Releasing))
    return refuse("nothing to resume");
  const PerceivedPatient& patient = parts_->patient.perceived();
  if (parts_->watchers.harness_slipped())
    raise_critical("restarted_after_slip",
                   "traction restarted on a harness that had slipped, without refitting it");
  if (!(patient.stop_switch_in_hand && stop_switch_connected()))
    raise_critical("no_stop_switch",
                   patient.stop_switch_in_hand
                       ? "tried to start with the patient stop switch unplugged"
                       : "started without the stop switch in the patient's hand");
  if (resume) {
    if (state == TableState::Stopped || state == TableState::Complete) press(hal::CommandKind::Acknowledge);
    if (state == TableState::Fault) press(hal::CommandKind::ResetFault);
    queue_prescription(std::max(1.0, remaining_s_ / 60.0));
  }
  // the console's harness confirmation is the trainee's fit_harness
  if (patient.harness_fitted) press(hal::CommandKind::ConfirmHarness);
  press(hal::CommandKind::Start);
  return ApplyResult{true, resume ? "resuming" : "starting"};
}

ApplyResult Session::on_console_button(const Action& a) {
  const TableState state = rig_.display().state;
  switch (a.kind) {
    case ActionKind::Pause:
      if (!under_traction()) return refuse("the table is not treating");
      press(hal::CommandKind::Pause);
      return ApplyResult{true, "paused: released to the base force"};
    case ActionKind::Stop:
      if (state == TableState::Releasing) return ApplyResult{true, "already releasing"};
      if (!under_traction() && state != TableState::Paused) return refuse("the table is not treating");
      press(hal::CommandKind::Stop);
      return ApplyResult{true, "releasing at the changeover speed"};
    case ActionKind::Acknowledge:
      if (state == TableState::Fault && rig_.display().alarm_code < 300) {
        press(hal::CommandKind::ResetFault);
      } else if (state == TableState::Complete || state == TableState::Stopped ||
                 state == TableState::EmergencyStop ||
                 ((state == TableState::Ready || state == TableState::Setup) && rig_.display().alarm_code != 0)) {
        press(hal::CommandKind::Acknowledge);
      } else {
        return refuse("there is no alarm to acknowledge");
      }
      return ApplyResult{true, "acknowledged"};
    case ActionKind::CallService:
      // the engineer's service key clears a critical lock once its cause has gone
      service_called_ = true;
      if (state == TableState::Fault) press(hal::CommandKind::ServiceReset);
      return ApplyResult{true, "service engineer called"};
    default:  // ReleaseTension
      if (state != TableState::TensionHeld) return refuse("there is no held tension to release");
      press(hal::CommandKind::ReleaseTension);
      return ApplyResult{true, "releasing the held tension at the changeover speed"};
  }
}

ApplyResult Session::on_stop_hardware(const Action& a) {
  switch (a.kind) {
    case ActionKind::ReleaseBrake:
      if (!rig_.hand_release_available())
        return refuse("the drive has power: release traction from the console (stop or pause)");
      if (rig_.manual_brake_release()) return ApplyResult{true, "the hand release is already open"};
      rig_.set_manual_brake_release(true);
      return ApplyResult{true, "hand release pulled: the cord pays out under the governor"};
    case ActionKind::EmergencyStop:
      rig_.set_emergency_stop(true);
      return ApplyResult{true, "emergency stop pressed: drive power off, brake set"};
    default:  // ReleaseEmergencyStop
      if (!rig_.twin_state().inputs.emergency_stop) return refuse("the emergency stop is not pressed");
      rig_.set_emergency_stop(false);
      return ApplyResult{true, "emergency stop released: acknowledge the alarm"};
  }
}

ApplyResult Session::on_end_session() {
  if (patient_loaded())
    raise_critical("ended_under_traction", "session ended with the patient still under traction");
  ended_ = true;
  log("state", "state:session_ended", "session ended by the trainee");
  return ApplyResult{true, "session ended"};
}

// [SECTION] hints and the instructor

ApplyResult Session::on_hint() {
  if (options_.mode == Mode::Assessment) return refuse("no hints in assessment mode");
  if (hints_used_ >= static_cast<int>(scenario_.rubric.hints.size()))
    return refuse("no more hints for this scenario");
  const std::string hint = scenario_.rubric.hints[static_cast<std::size_t>(hints_used_++)];
  log("hint", "hint", hint);
  return ApplyResult{true, hint};
}

ApplyResult Session::on_instructor(const Action& a) {
  switch (a.kind) {
    case ActionKind::InjectFault: {
      if (a.when != FaultWhen::Now) {
        // held until its condition is met (run_pending_faults, each tick)
        pending_faults_.push_back(PendingFault{a.name, a.when, a.when_value});
        return ApplyResult{true, "Fault scheduled: " + describe_action(a)};
      }
      std::string why;
      if (!add_fault(a.name, true, why))
        return refuse("The fault " + fault_display_name(a.name) + " was refused: " + why);
      return ApplyResult{true, "Fault injected: " + fault_display_name(a.name)};
    }
    case ActionKind::Say:
      say(a.text);
      return ApplyResult{true, "The patient says: \"" + a.text + "\""};
    case ActionKind::Message:
      // the action's own timeline entry (action:message) carries the line to the trainee
      return ApplyResult{true, "Message to the trainee: " + a.text};
    case ActionKind::InstructorPause:
      // the console's own Pause, pressed from the instructor's station
      if (!under_traction()) return refuse("the table is not treating");
      press(hal::CommandKind::Pause);
      return ApplyResult{true, "Paused by the instructor: released to the base force"};
    case ActionKind::TriggerReaction:
      if (!has_term(reactions(), a.name)) return refuse("unknown reaction '" + a.name + "'");
      react(a.name, "");
      return ApplyResult{true, "Reaction: " + term_label(reactions(), a.name)};
    default:  // SetSpeed
      if (!(a.value > 0.0)) return refuse("the speed factor must be above 0");
      speed_ = a.value;
      return ApplyResult{true, describe_action(a)};
  }
}

}  // namespace tractus::scenarios
