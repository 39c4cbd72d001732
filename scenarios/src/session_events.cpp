// The session's glue to scripted events and reactions: the event scheduler says when an
// event is due, the patient's role-play says how the patient reacts, and the session does
// what that asks of the rig, the recorder and the watchers, in a fixed order.
#include "scenarios/session.h"

#include "session_detail.h"
#include "session_parts.h"
#include "scenarios/display_names.h"
#include "scenarios/vocabulary.h"

namespace tractus::scenarios {

using hal::TableState;
using namespace session_detail;

void Session::run_events() {
  Parts& p = *parts_;
  const auto signal = [this](const std::string& name) {
    SignalSources s;
    s.cord_tension_n = rig_.twin_state().cord_tension_n;
    s.body_mass_kg = scenario_.patient.body_mass_kg;
    s.now_us = now_us_;
    s.treating_since_us = treating_since_us_;
    s.treating = rig_.display().state == TableState::Treating;
    s.has_protocol = has_protocol_;
    s.force_n = protocol_.force_n;
    s.ramp_s = protocol_.ramp_s;
    return event_signal(name, s);
  };
  const auto averted = [&p](const ScenarioEvent& ev) {
    bool done = false;
    for (const ActionMatch& m : ev.unless) done = done || done_before(m, p.recorder.actions());
    return done;
  };
  p.events.run(scenario_.events, p.recorder.timeline(), now_us_, signal, averted,
               [this](const ScenarioEvent& ev) { fire(ev); });
  if (!pending_faults_.empty()) run_pending_faults();
}

void Session::run_pending_faults() {
  const double tension_n = rig_.twin_state().cord_tension_n;
  for (std::size_t i = 0; i < pending_faults_.size();) {
    const PendingFault& f = pending_faults_[i];
    const bool due = f.when == FaultWhen::AtTime ? now_us_ >= seconds_to_us(f.value) : tension_n > f.value;
    if (!due) {
      ++i;
      continue;
    }
    std::string why;
    if (!add_fault(f.name, true, why))
      log("refused", "refused", "The twin refused the fault " + fault_display_name(f.name) + ": " + why);
    pending_faults_.erase(pending_faults_.begin() + static_cast<std::ptrdiff_t>(i));
  }
}

void Session::fire(const ScenarioEvent& ev) {
  const Effects& x = ev.effects;
  log("event", "event:" + ev.id,
      "Scenario event" + (x.reaction.empty() ? std::string() : ": " + term_label(reactions(), x.reaction)));
  parts_->patient.set_scripted(x.pain, x.anxiety);
  if (!x.reaction.empty()) {
    react(x.reaction, x.say);
  } else if (!x.say.empty()) {
    say(x.say);
  }
  std::string why;
  if (!x.fault.empty() && !add_fault(x.fault, x.announced, why))
    log("refused", "refused", "The twin refused the fault " + fault_display_name(x.fault) + ": " + why);
}

bool Session::add_fault(const std::string& name, bool announced, std::string& why) {
  const twin::FaultResult r = rig_.inject_fault(name.c_str());  // the one injection path
  if (!r.ok) {
    why = r.message;
    return false;
  }
  log("fault", "fault:" + name,
      "Fault: " + fault_display_name(name) + (announced ? "" : " (hidden from the trainee)"));
  return true;
}

void Session::react(const std::string& reaction, const std::string& line) {
  log("reaction", "reaction:" + reaction, term_label(reactions(), reaction));
  // traction as it was when the patient reacted, before a press on the stop switch
  const bool traction = under_traction();
  const Reaction r = parts_->patient.react(reaction, line, stop_switch_connected());
  if (r.presses_stop) {
    rig_.set_patient_stop_pressed(true);
    parts_->patient.hold_stop_until(now_us_ + kStopHoldUs);
  }
  if (r.coughs) rig_.cough();  // the trunk muscles fire: the cord tension and disc pressure spike
  if (!r.says.empty()) say(r.says);
  if (!r.log_kind.empty()) log(r.log_kind, r.log_kind, r.log_text);
  if (!r.stop_trigger.empty() && traction) parts_->watchers.open_stop_window(r.stop_trigger, now_us_);
}

}  // namespace tractus::scenarios
