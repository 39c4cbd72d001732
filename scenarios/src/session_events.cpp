// Scripted events: when each is due (`at`, `on`, `when`), what it does, and the patient's
// reactions it or the instructor provokes.
#include "scenarios/session.h"

#include <algorithm>

#include "session_detail.h"
#include "patient_dialogue.h"
#include "scenarios/display_names.h"
#include "scenarios/vocabulary.h"

namespace tractus::scenarios {

using hal::TableState;
using namespace session_detail;

double Session::signal(const std::string& name) const {
  const double tension_n = rig_.twin_state().cord_tension_n;
  // in SI: the loader converted each threshold from the file's unit
  if (name == "force_lbf") return tension_n;
  if (name == "force_pct_bw")
    return 100.0 * tension_n / (scenario_.patient.body_mass_kg * kStandardGravity);
  if (name == "treatment_s")
    return treating_since_us_ < 0 ? 0.0 : static_cast<double>(now_us_ - treating_since_us_) * 1e-6;
  if (name == "ramp_lbf_per_s") {
    if (rig_.display().state != TableState::Treating || !has_protocol_) return 0.0;
    return protocol_.force_n / protocol_.ramp_s;
  }
  return 0.0;
}

void Session::run_events() {
  // note when `on` keys first appear on the timeline
  for (; timeline_scanned_ < timeline_.size(); ++timeline_scanned_) {
    const TimelineEntry& e = timeline_[timeline_scanned_];
    for (std::size_t i = 0; i < scenario_.events.size(); ++i) {
      const ScenarioEvent& ev = scenario_.events[i];
      if (!ev.on.empty() && event_on_us_[i] < 0 && timeline_matches(e, ev.on))
        event_on_us_[i] = e.t_us;
    }
  }
  for (std::size_t i = 0; i < scenario_.events.size(); ++i) {
    if (event_fired_[i]) continue;
    const ScenarioEvent& ev = scenario_.events[i];
    bool due = false;
    if (ev.has_at) {
      due = now_us_ >= seconds_to_us(ev.at_s);
    } else if (!ev.on.empty()) {
      due = event_on_us_[i] >= 0 && now_us_ >= event_on_us_[i] + seconds_to_us(ev.after_s);
    } else {
      const double v = signal(ev.when.signal);
      const bool holds = ev.when.above ? v > ev.when.threshold : v < ev.when.threshold;
      if (!holds) {
        event_since_us_[i] = -1;
      } else {
        if (event_since_us_[i] < 0) event_since_us_[i] = now_us_;
        due = now_us_ - event_since_us_[i] >= seconds_to_us(ev.when.for_s);
      }
    }
    if (!due) continue;
    event_fired_[i] = true;
    bool averted = false;
    for (const ActionMatch& m : ev.unless) averted = averted || done_before(m);
    if (!averted) fire(ev);
  }
}

void Session::fire(const ScenarioEvent& ev) {
  const Effects& x = ev.effects;
  log("event", "event:" + ev.id,
      "Scenario event" + (x.reaction.empty() ? std::string() : ": " + term_label(reactions(), x.reaction)));
  if (x.pain >= 0) patient_.pain_0_10 = scripted_pain_ = x.pain;
  if (x.anxiety >= 0) patient_.anxiety_0_10 = scripted_anxiety_ = x.anxiety;
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

bool Session::done_before(const ActionMatch& m) const {
  for (const RecordedAction& r : actions_) {
    if (!r.accepted || m.action != action_name(r.action.kind)) continue;
    if (!m.question.empty() && m.question != r.action.question) continue;
    if (!m.reason.empty() && m.reason != r.action.reason) continue;
    return true;
  }
  return false;
}

void Session::react(const std::string& reaction, const std::string& line) {
  log("reaction", "reaction:" + reaction, term_label(reactions(), reaction));
  const auto speak = [&](dialogue::Line fallback) { say(line.empty() ? dialogue::text(fallback) : line); };
  if (reaction == "sharp_pain") {
    scripted_pain_ = std::max(scripted_pain_, 8);
    patient_.pain_0_10 = std::max(patient_.pain_0_10, scripted_pain_);
    speak(dialogue::Line::SharpPain);
    log("sharp_pain", "sharp_pain", "the patient reports sharp radiating pain");
    if (under_traction()) open_stop_window("sharp_pain");
  } else if (reaction == "panic") {
    patient_.anxiety_0_10 = scripted_anxiety_ = 9;
    const bool can_press = patient_.stop_switch_in_hand && stop_switch_connected();
    const bool traction = under_traction();
    if (can_press) {
      rig_.set_patient_stop_pressed(true);
      stop_release_at_us_ = now_us_ + kStopHoldUs;
      speak(dialogue::Line::PanicPressesStop);
      log("patient_stop", "patient_stop", "the patient pressed the stop switch");
      if (traction) open_stop_window("patient_stop");
    } else {
      speak(dialogue::Line::PanicShouts);
      log("stop_request", "stop_request", "the patient shouts to stop: no stop switch in reach");
      if (traction) open_stop_window("stop_request");
    }
  } else if (reaction == "cough") {
    rig_.cough();  // the trunk muscles fire: the cord tension and disc pressure spike
    speak(dialogue::Line::Cough);
  } else if (reaction == "shift") {
    speak(dialogue::Line::Shift);
  } else if (reaction == "guarding") {
    scripted_pain_ = std::min(10, patient_.pain_0_10 + 2);
    patient_.pain_0_10 = scripted_pain_;
    speak(dialogue::Line::Guarding);
  } else if (reaction == "soreness") {
    speak(dialogue::Line::Soreness);
  }
}

}  // namespace tractus::scenarios
