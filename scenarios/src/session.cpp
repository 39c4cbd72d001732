#include "scenarios/session.h"

#include <algorithm>
#include <cstdio>

#include "text_format.h"
#include "scenarios/disc_levels.h"
#include "scenarios/display_names.h"
#include "scenarios/faults.h"
#include "scenarios/input_limits.h"
#include "scenarios/vocabulary.h"
#include "hal/units.h"

namespace tractus::scenarios {

using hal::TableState;

namespace {

using units::kNewtonsPerLbf;
using units::kStandardGravity;
constexpr int64_t kUsPerS = 1000000;
constexpr int64_t kSampleUs = 100000;
// tension below which the harness counts as free of load (the patient stop releases to 15 N)
constexpr double kHarnessFreeN = 20.0;
// how long a panicking patient holds the stop switch down
constexpr int64_t kStopHoldUs = 1000000;
// harness travel on the body that counts as a slip: more than tissue creep ever gives
constexpr double kSlipM = 0.005;

twin::HarnessFitting fitting_of(const std::string& quality) {
  if (quality == "loose") return twin::HarnessFitting::Loose;
  if (quality == "tight") return twin::HarnessFitting::Tight;
  return twin::HarnessFitting::Good;
}

const char* state_name(TableState s) {
  switch (s) {
    case TableState::SelfTest: return "self_test";
    case TableState::Idle: return "idle";
    case TableState::Ready: return "ready";
    case TableState::Setup: return "setup";
    case TableState::EmergencyStop: return "emergency_stop";
    case TableState::TensionHeld: return "tension_held";
    case TableState::Treating: return "treating";
    case TableState::Releasing: return "releasing";
    case TableState::Complete: return "complete";
    case TableState::Stopped: return "stopped";
    case TableState::Fault: return "fault";
    case TableState::Pretension: return "pretension";
    case TableState::Paused: return "paused";
  }
  return "unknown";
}

int64_t seconds_to_us(double s) { return static_cast<int64_t>(s * 1e6 + 0.5); }

// the goal's disc level as an index into the twin's chain of its region (L4-5 or C5-6 when
// the goal names none; 3 either way)
int goal_level_index(const Scenario& s) {
  int i = disc_level_index(hal::Region::Lumbar, s.goal.level);
  if (i < 0) i = disc_level_index(hal::Region::Cervical, s.goal.level);
  return i < 0 ? 3 : i;
}

// the twin's patient is built from the chart and the scenario's hidden conditions

RigConfig rig_config(const Scenario& s, const SessionOptions& options) {
  RigConfig c;
  c.seed = options.seed;
  c.twin.setup = s.goal.region == "cervical" ? hal::Region::Cervical : hal::Region::Lumbar;
  twin::PatientModel& p = c.twin.patient;
  p.body_mass_kg = s.patient.body_mass_kg;
  p.height_m = s.patient.height_cm / 100.0;
  p.female = s.patient.sex == "female";
  p.age_years = s.patient.age_years;
  twin::Conditions& k = p.conditions;
  if (s.safety.contraindication == "osteoporosis") k.bone_strength = 0.45;
  if (s.safety.contraindication == "pregnancy") k.pregnancy = true;
  if (s.safety.contraindication == "inflammatory_arthritis") k.acute_inflammation = true;
  if (s.safety.precaution == "claustrophobia") k.claustrophobia = true;
  if (s.safety.precaution == "hypermobility") k.hypermobility = true;
  if (options.back_pain_baseline_0_10 >= 0.0) p.back_pain_baseline = options.back_pain_baseline_0_10;
  // the imaged herniation, at the level the session treats
  if (s.patient.protrusion_mm > 0.0) {
    const int level = goal_level_index(s);
    (c.twin.setup == hal::Region::Cervical ? p.cervical[level] : p.lumbar[level]).protrusion_mm = s.patient.protrusion_mm;
  }
  return c;
}

int round_score(double v) {
  const int r = static_cast<int>(v + 0.5);
  return r < 0 ? 0 : (r > 10 ? 10 : r);
}

}  // namespace

const char* mode_name(Mode mode) { return mode == Mode::Assessment ? "assessment" : "practice"; }

Session::Session(const Scenario& scenario, const SessionOptions& options)
    : scenario_(scenario), options_(options), rig_(rig_config(scenario, options)) {
  // the patient walks in with no harness on: only the bedside fit cinches it
  rig_.unfasten_harness();
  // power-on self-test happens before the trainee walks in
  while (rig_.display().state == TableState::SelfTest && rig_.now_us() < 5 * kUsPerS) rig_.tick();
  t0_us_ = rig_.now_us();
  last_state_ = rig_.display().state;
  level_index_ = goal_level_index(scenario_);
  event_fired_.assign(scenario_.events.size(), false);
  event_on_us_.assign(scenario_.events.size(), -1);
  event_since_us_.assign(scenario_.events.size(), -1);
  update_feel();
  take_sample();
}

// [SECTION] time

void Session::advance_us(int64_t dt_us) {
  // a step is at most one longest session either way, and the carry stays within a few of
  // them, so nothing a caller passes (a record's end_us included) can overflow the clock
  carry_us_ += std::clamp<int64_t>(dt_us, -kMaxSessionUs, kMaxSessionUs);
  carry_us_ = std::max<int64_t>(carry_us_, -kMaxSessionUs);
  const int64_t tick_us = rig_.firmware().config().tick_us;
  while (carry_us_ >= tick_us && !ended_) {
    tick_once();
    carry_us_ -= tick_us;
  }
  if (ended_) carry_us_ = 0;
}

void Session::tick_once() {
  if (stop_release_at_us_ >= 0 && now_us_ >= stop_release_at_us_) {
    rig_.set_patient_stop_pressed(false);
    stop_release_at_us_ = -1;
  }
  rig_.tick();
  now_us_ = rig_.now_us() - t0_us_;
  update_feel();
  watch_firmware();
  start_when_ready();
  watch_force();
  watch_stop_windows();
  watch_harness();
  watch_power();
  run_events();
  if (now_us_ % kSampleUs == 0) take_sample();
  if (!ended_ && now_us_ >= seconds_to_us(scenario_.time_limit_s)) {
    ended_ = true;
    log("state", "state:session_ended", "time limit reached: the session ended");
  }
}

void Session::watch_firmware() {
  const hal::DisplayState& d = rig_.display();
  if (rig_.console().last_taken() == hal::CommandKind::SetPrescription) {
    if (d.prescription_rejected) {
      has_protocol_ = false;
      log("refused", "refused", std::string("the console refused the prescription: ") +
                                    d.reject_field + " " + d.reject_reason);
    }
  }
  if (d.state != last_state_) {
    const TableState previous = last_state_;
    if (previous == TableState::Treating) {
      remaining_s_ = d.remaining_s;
      treating_since_us_ = -1;
    }
    last_state_ = d.state;
    const std::string name = state_name(d.state);
    if (!reached_state(name)) states_reached_.push_back(name);
    log("state", "state:" + name, "Table: " + state_display_name(name));
    // traction begins at pretension, or at treating when there is none; a resume from pause
    // continues the same treatment
    const bool begins = d.state == TableState::Pretension ||
                        (d.state == TableState::Treating && previous != TableState::Pretension &&
                         previous != TableState::Paused);
    if (begins) on_treatment_start();
    if (d.state == TableState::Treating) treating_since_us_ = now_us_;
  }
  if (d.alarm_code != last_alarm_) {
    last_alarm_ = d.alarm_code;
    if (d.alarm_code != 0) {
      const std::string code = std::to_string(d.alarm_code);
      log("alarm", "alarm:" + code, "alarm " + code + ": " + d.alarm_text);
    }
    if (d.alarm_code >= 300) critical_fault_seen_ = true;
  }
}

void Session::on_treatment_start() {
  if (!first_start_.started) {
    first_start_.started = true;
    first_start_.t_us = now_us_;
    first_start_.protocol = protocol_;
    first_start_.angle_deg = angle_deg_;
  }
  // a console confirmation is not a fitted harness: the pull meets an unfastened strap
  if (!patient_.harness_fitted)
    raise_critical("started_without_harness",
                   "the harnesses were confirmed on the console but never fitted at the bedside");
  if (!scenario_.safety.contraindication.empty()) {
    raise_critical("contraindicated_treatment",
                   "traction applied to a patient with a contraindication: " +
                       term_label(contraindications(), scenario_.safety.contraindication));
  }
}

void Session::watch_force() {
  const double lbf = rig_.twin_state().cord_tension_n / kNewtonsPerLbf;
  if (lbf > max_force_lbf_) max_force_lbf_ = lbf;
  if (lbf > scenario_.safety.max_safe_force_lbf) {
    outside_us_ += rig_.firmware().config().tick_us;
    if (outside_us_ > seconds_to_us(scenario_.safety.over_limit_critical_s)) {
      raise_critical("force_over_safe_limit",
                     "cord tension above this patient's safe limit of " +
                         fmt1(scenario_.safety.max_safe_force_lbf) + " lbf for over " +
                         fmt1(scenario_.safety.over_limit_critical_s) + " s");
    }
  }
}

void Session::watch_stop_windows() {
  const int64_t window_us = seconds_to_us(scenario_.safety.stop_window_s);
  for (StopResponse& s : stops_) {
    if (s.stopped_us >= 0) continue;
    if (!under_traction()) {
      s.stopped_us = now_us_;
    } else if (!s.late && now_us_ - s.t_us > window_us) {
      s.late = true;
      raise_critical("late_stop", "traction still on " + fmt1(scenario_.safety.stop_window_s) +
                                      " s after " +
                                      (s.trigger == "sharp_pain" ? "the patient reported sharp pain"
                                                                 : "the patient asked to stop"));
    }
  }
}

void Session::watch_harness() {
  // a fitted harness, or one left unfastened under a pull, can slide on the patient
  if (harness_slipped_) return;
  const double slid_m = rig_.twin_state().harness_slip_m - slip_at_fit_m_;
  if (slid_m > kSlipM) {
    harness_slipped_ = true;
    log("harness_slip", "harness_slip",
        "The harness slipped " + fmt1(slid_m * 1000.0) + " mm on the patient");
    // the strap rides up under load: the patient feels it and says so
    scripted_anxiety_ = std::max(scripted_anxiety_, 6);
    patient_.anxiety_0_10 = std::max(patient_.anxiety_0_10, scripted_anxiety_);
    say(patient_.harness_fitted ? "Whoa! The strap just slid up my back, it jerked me!"
                                : "Ow, the strap's sliding right off me! It isn't done up!");
  }
}

void Session::watch_power() {
  // a stop that left the patient loaded on a live drive (tension_held) is the trainee's to
  // release (release_tension, or the patient's stop) within the same window
  const bool loaded_now = patient_.harness_fitted && rig_.twin_state().cord_tension_n > kHarnessFreeN;
  if (rig_.display().state != TableState::TensionHeld || !loaded_now) {
    held_since_us_ = -1;
  } else {
    if (held_since_us_ < 0) held_since_us_ = now_us_;
    if (now_us_ - held_since_us_ > seconds_to_us(scenario_.safety.unpowered_load_window_s))
      raise_critical("patient_left_loaded",
                     "the patient was still held under traction " +
                         fmt1(scenario_.safety.unpowered_load_window_s) +
                         " s after a stop: release the tension from the console");
  }
  if (twin::drive_powered(rig_.model(), rig_.twin_state())) {
    unpowered_since_us_ = -1;
    return;
  }
  if (unpowered_since_us_ < 0) unpowered_since_us_ = now_us_;
  const bool loaded = patient_.harness_fitted && rig_.twin_state().cord_tension_n > kHarnessFreeN;
  if (loaded && now_us_ - unpowered_since_us_ > seconds_to_us(scenario_.safety.unpowered_load_window_s))
    raise_critical("patient_left_loaded",
                   "the patient was still held under traction " +
                       fmt1(scenario_.safety.unpowered_load_window_s) +
                       " s after the table lost power");
}

double Session::signal(const std::string& name) const {
  const double tension_n = rig_.twin_state().cord_tension_n;
  if (name == "force_lbf") return tension_n / kNewtonsPerLbf;
  if (name == "force_pct_bw")
    return 100.0 * tension_n / (scenario_.patient.body_mass_kg * kStandardGravity);
  if (name == "treatment_s")
    return treating_since_us_ < 0 ? 0.0 : static_cast<double>(now_us_ - treating_since_us_) * 1e-6;
  if (name == "ramp_lbf_per_s") {
    if (rig_.display().state != TableState::Treating || !has_protocol_) return 0.0;
    return protocol_.force_lbf / protocol_.ramp_s;
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

void Session::take_sample() {
  Sample s;
  s.t_s = static_cast<double>(now_us_) * 1e-6;
  s.force_lbf = rig_.twin_state().cord_tension_n / kNewtonsPerLbf;
  s.measured_lbf = rig_.display().measured_force_n / kNewtonsPerLbf;
  s.target_lbf = rig_.display().target_force_n / kNewtonsPerLbf;
  const twin::PatientState& body = rig_.twin_state().patient;
  const twin::LevelState& level = scenario_.goal.region == "cervical" ? body.cervical[level_index_]
                                                                     : body.lumbar[level_index_];
  s.separation_mm = level.separation_mm;
  s.pressure_mmhg = level.pressure_mmhg;
  s.carriage_mm = rig_.twin_state().carriage_pos_m * 1000.0;
  s.pain_0_10 = patient_.pain_0_10;
  series_.push_back(s);
}

// [SECTION] helpers

void Session::update_feel() {
  // the twin's physiology and the scenario's script both set how the patient feels
  const twin::PatientState& body = rig_.twin_state().patient;
  const double worst = body.pain_back > body.pain_radicular ? body.pain_back : body.pain_radicular;
  patient_.pain_0_10 = std::max(scripted_pain_, round_score(worst));
  patient_.anxiety_0_10 = std::max(scripted_anxiety_, round_score(body.anxiety * 10.0));
}

void Session::log(const std::string& kind, const std::string& tag, const std::string& text) {
  timeline_.push_back(TimelineEntry{now_us_, kind, tag, text});
}

void Session::say(const std::string& text) {
  speech_.push_back(Utterance{now_us_, text});
  log("patient_says", "patient_says", text);
}

void Session::raise_critical(const std::string& id, const std::string& message) {
  for (const CriticalError& c : criticals_)
    if (c.id == id) return;  // each critical error counts once
  criticals_.push_back(CriticalError{id, now_us_, message});
  log("critical", "critical:" + id, message);
}

void Session::open_stop_window(const std::string& trigger) {
  StopResponse s;
  s.trigger = trigger;
  s.t_us = now_us_;
  stops_.push_back(s);
}

bool Session::stop_switch_connected() const {
  // the cable can be out physically or through the twin's stop_switch.unplugged fault
  const twin::TwinState& t = rig_.twin_state();
  return t.inputs.patient_stop_connected &&
         !twin::fault_active(t.faults, twin::FaultKind::StopSwitchUnplugged);
}

bool Session::under_traction() const {
  const TableState s = rig_.display().state;
  return s == TableState::Treating || s == TableState::Pretension;
}

bool Session::reached_state(const std::string& state) const {
  return std::find(states_reached_.begin(), states_reached_.end(), state) != states_reached_.end();
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
  const auto speak = [&](const char* fallback) { say(line.empty() ? fallback : line); };
  if (reaction == "sharp_pain") {
    scripted_pain_ = std::max(scripted_pain_, 8);
    patient_.pain_0_10 = std::max(patient_.pain_0_10, scripted_pain_);
    speak("Ow! That's a sharp pain, shooting right down my leg!");
    log("sharp_pain", "sharp_pain", "the patient reports sharp radiating pain");
    if (under_traction()) open_stop_window("sharp_pain");
  } else if (reaction == "panic") {
    patient_.anxiety_0_10 = scripted_anxiety_ = 9;
    const bool can_press = patient_.stop_switch_in_hand && stop_switch_connected();
    const bool traction = under_traction();
    if (can_press) {
      rig_.set_patient_stop_pressed(true);
      stop_release_at_us_ = now_us_ + kStopHoldUs;
      speak("I can't do this, I need to get off!");
      log("patient_stop", "patient_stop", "the patient pressed the stop switch");
      if (traction) open_stop_window("patient_stop");
    } else {
      speak("Stop! Stop it, please, let me out!");
      log("stop_request", "stop_request", "the patient shouts to stop: no stop switch in reach");
      if (traction) open_stop_window("stop_request");
    }
  } else if (reaction == "cough") {
    rig_.cough();  // the trunk muscles fire: the cord tension and disc pressure spike
    speak("*coughs hard* Sorry... sorry.");
  } else if (reaction == "shift") {
    speak("*shifts on the table* Sorry, I had to move.");
  } else if (reaction == "guarding") {
    scripted_pain_ = std::min(10, patient_.pain_0_10 + 2);
    patient_.pain_0_10 = scripted_pain_;
    speak("My back's tightening right up, it feels like it's fighting the pull.");
  } else if (reaction == "soreness") {
    speak("It's a bit sore, but it's fine.");
  }
}

std::string Session::answer(const std::string& question) {
  std::string reply;
  for (const HiddenFinding& f : scenario_.findings) {
    if (std::find(f.questions.begin(), f.questions.end(), question) == f.questions.end()) continue;
    if (std::find(revealed_.begin(), revealed_.end(), f.id) == revealed_.end()) {
      revealed_.push_back(f.id);
      log("finding", "finding", "Finding: " + finding_display_name(f.id, f.answer));
    }
    reply += (reply.empty() ? "" : " ") + f.answer;
  }
  if (!reply.empty()) return reply;
  if (question == "pain_now")
    return "Right now it's about " + std::to_string(patient_.pain_0_10) + " out of 10.";
  if (question == "medications") {
    if (scenario_.patient.medications.empty()) return "Nothing regular.";
    std::string list;
    for (const std::string& m : scenario_.patient.medications) list += (list.empty() ? "" : ", ") + m;
    return "Just what's on my list: " + list + ".";
  }
  if (question == "previous_traction") return "No, this is my first time on one of these tables.";
  if (question == "surgery_history") return "No, I've never had an operation.";
  return "No, nothing like that.";
}

std::string Session::check_in_reply() const {
  const TableState s = rig_.display().state;
  const bool traction = s == TableState::Treating || s == TableState::Releasing;
  if (patient_.pain_0_10 >= 7) return "It really hurts. It's sharp, and it's going down my leg.";
  if (patient_.anxiety_0_10 >= 7) return "I'm really not comfortable being strapped down like this.";
  if (!traction) return patient_.anxiety_0_10 >= 4 ? "I'm a bit nervous, to be honest." : "I'm fine, thanks.";
  if (patient_.pain_0_10 >= 5) return "It's sore, but I can bear it.";
  return "That's okay. It feels like a good stretch.";
}

void Session::queue_prescription(double treatment_min) {
  console::PrescriptionEntry e;
  e.region = protocol_.region == "cervical" ? hal::Region::Cervical : hal::Region::Lumbar;
  e.protocol = hal::Protocol::Static;
  e.max_force_n = protocol_.force_lbf * kNewtonsPerLbf;
  e.ramp_s = protocol_.ramp_s;
  e.treatment_s = treatment_min * 60.0;
  e.release_n_per_s = protocol_.release_lbf_per_s * kNewtonsPerLbf;
  rig_.console().set_prescription(e);
}

void Session::start_when_ready() {
  // a start pressed with the prescription still on its way waits for the firmware's answer
  if (start_waits_on_ < 0 || rig_.console().has_queued(hal::CommandKind::SetPrescription)) return;
  const std::size_t index = static_cast<std::size_t>(start_waits_on_);
  start_waits_on_ = -1;
  const TableState s = rig_.display().state;
  if (s == TableState::Ready || s == TableState::Setup) {
    actions_[index].accepted = do_action(actions_[index].action).accepted;
  } else {
    actions_[index].accepted = false;  // refused (the console shows why) or the table is busy
    log("refused", "refused", "the table did not take the prescription: the start was not sent");
  }
}

ApplyResult Session::refuse(const std::string& why) {
  log("refused", "refused", why);
  return ApplyResult{false, why};
}

// [SECTION] actions

ApplyResult Session::apply(const Action& action) {
  if (ended_) return ApplyResult{false, "the session has ended"};
  log("action", std::string("action:") + action_name(action.kind), describe_action(action));
  actions_.push_back(RecordedAction{now_us_, action, true});
  const std::size_t index = actions_.size() - 1;
  const ApplyResult r = do_action(action);
  actions_[index].accepted = r.accepted;
  return r;
}

ApplyResult Session::do_action(const Action& a) {
  const TableState state = rig_.display().state;
  const bool console_free = state == TableState::Idle || state == TableState::Setup || state == TableState::Ready;
  const bool switch_live = patient_.stop_switch_in_hand && stop_switch_connected();
  const auto command = [this](hal::CommandKind kind) { rig_.console().press(kind); };

  switch (a.kind) {
    case ActionKind::ReviewChart:
      return ApplyResult{true, scenario_.briefing};
    case ActionKind::Ask: {
      const std::string reply = answer(a.question);
      say(reply);
      return ApplyResult{true, reply};
    }
    case ActionKind::DeclineTreatment:
      declined_ = true;
      if (under_traction()) command(hal::CommandKind::Stop);
      say("Oh. Okay, I understand. Better safe than sorry.");
      return ApplyResult{true, "treatment declined: " + term_label(contraindications(),
                                                                   term_label(precautions(), a.reason))};
    case ActionKind::SelectProtocol:
      if (!console_free) return refuse("stop the treatment before changing the prescription");
      protocol_ = a.protocol;
      has_protocol_ = true;
      queue_prescription(protocol_.treatment_min);
      return ApplyResult{true, describe_action(a)};
    case ActionKind::Set:
      if (!has_protocol_) return refuse("select a protocol before changing its parameters");
      if (!console_free) return refuse("stop the treatment before changing the prescription");
      if (a.parameter == "force_lbf") protocol_.force_lbf = a.value;
      if (a.parameter == "ramp_s") protocol_.ramp_s = a.value;
      if (a.parameter == "treatment_min") protocol_.treatment_min = a.value;
      if (a.parameter == "release_lbf_per_s") protocol_.release_lbf_per_s = a.value;
      queue_prescription(protocol_.treatment_min);
      return ApplyResult{true, describe_action(a)};
    case ActionKind::SetAngle:
      if (under_traction()) return refuse("the pull angle cannot change under traction");
      angle_deg_ = a.value;
      rig_.set_pull_angle_deg(a.value);
      return ApplyResult{true, describe_action(a)};
    case ActionKind::FitHarness:
      if (under_traction()) return refuse("the harness cannot be refitted under traction");
      patient_.harness_fitted = true;
      patient_.harness_quality = a.quality;
      rig_.fit_harness(fitting_of(a.quality));
      // a refit starts from a harness seated afresh: a slipping strap is cinched again
      slip_at_fit_m_ = rig_.twin_state().harness_slip_m;
      harness_slipped_ = false;
      rig_.clear_fault("harness.slip");
      if (console_free) command(hal::CommandKind::ConfirmHarness);
      return ApplyResult{true, "harness fitted (" + a.quality + ")"};
    case ActionKind::ConfirmHarness:
      // the operator's word to the firmware's interlock; the patient's harness stays as it is
      if (!console_free) return refuse("the harnesses can be confirmed only at rest");
      command(hal::CommandKind::ConfirmHarness);
      return ApplyResult{true, patient_.harness_fitted ? "harnesses confirmed"
                                                       : "harnesses confirmed on the console, not fitted"};
    case ActionKind::GiveStopSwitch: {
      patient_.stop_switch_in_hand = true;
      rig_.set_patient_stop_connected(true);
      // plugging the cable back in ends an unplugged-cable fault
      rig_.clear_fault("stop_switch.unplugged");
      return ApplyResult{true, "stop switch plugged in and in the patient's hand"};
    }
    case ActionKind::ExplainProcedure:
      scripted_anxiety_ = std::max(0, scripted_anxiety_ - 3);
      patient_.anxiety_0_10 = std::max(0, patient_.anxiety_0_10 - 3);
      say("Okay. So I'll feel a slow stretch, and if anything hurts I press this. Got it.");
      return ApplyResult{true, "procedure explained"};
    case ActionKind::Start:
    case ActionKind::Resume: {
      if (critical_fault_seen_) {
        if (!service_called_)
          raise_critical("resumed_after_critical_fault",
                         "tried to restart after a critical fault without calling service");
        return refuse("the unit is locked by a critical fault until it is serviced");
      }
      if (under_traction()) return refuse("already treating");
      const bool resume = a.kind == ActionKind::Resume;
      if (resume && state == TableState::Paused) {
        command(hal::CommandKind::Resume);
        return ApplyResult{true, "resuming"};
      }
      if (!resume && state == TableState::TensionHeld)
        return refuse("the cord is still loaded: release the tension first");
      // pressed with the prescription just entered (the console's Start button): the start
      // waits for the firmware to take it, as the console's Start does
      if (!resume && state == TableState::Idle && start_waits_on_ < 0 &&
          rig_.console().has_queued(hal::CommandKind::SetPrescription)) {
        start_waits_on_ = static_cast<int64_t>(actions_.size()) - 1;
        return ApplyResult{true, "starting once the table takes the prescription"};
      }
      if (!resume && state != TableState::Ready && state != TableState::Setup)
        return refuse(has_protocol_ ? "the table is not ready: acknowledge the alarm first"
                                    : "the table is not ready: select a protocol first");
      if (resume && (!has_protocol_ || state == TableState::Idle || state == TableState::Releasing))
        return refuse("nothing to resume");
      if (harness_slipped_)
        raise_critical("restarted_after_slip",
                       "traction restarted on a harness that had slipped, without refitting it");
      if (!switch_live)
        raise_critical("no_stop_switch",
                       patient_.stop_switch_in_hand
                           ? "tried to start with the patient stop switch unplugged"
                           : "started without the stop switch in the patient's hand");
      if (resume) {
        if (state == TableState::Stopped || state == TableState::Complete)
          command(hal::CommandKind::Acknowledge);
        if (state == TableState::Fault) command(hal::CommandKind::ResetFault);
        queue_prescription(std::max(1.0, remaining_s_ / 60.0));
      }
      // the console's harness confirmation is the trainee's fit_harness
      if (patient_.harness_fitted) command(hal::CommandKind::ConfirmHarness);
      command(hal::CommandKind::Start);
      return ApplyResult{true, resume ? "resuming" : "starting"};
    }
    case ActionKind::Pause:
      if (!under_traction()) return refuse("the table is not treating");
      command(hal::CommandKind::Pause);
      return ApplyResult{true, "paused: released to the base force"};
    case ActionKind::Stop:
      if (state == TableState::Releasing) return ApplyResult{true, "already releasing"};
      if (!under_traction() && state != TableState::Paused) return refuse("the table is not treating");
      command(hal::CommandKind::Stop);
      return ApplyResult{true, "releasing at the changeover speed"};
    case ActionKind::CheckIn: {
      const std::string reply = check_in_reply();
      say(reply);
      return ApplyResult{true, reply};
    }
    case ActionKind::Acknowledge:
      if (state == TableState::Fault && rig_.display().alarm_code < 300) {
        command(hal::CommandKind::ResetFault);
      } else if (state == TableState::Complete || state == TableState::Stopped ||
                 state == TableState::EmergencyStop ||
                 ((state == TableState::Ready || state == TableState::Setup) && rig_.display().alarm_code != 0)) {
        command(hal::CommandKind::Acknowledge);
      } else {
        return refuse("there is no alarm to acknowledge");
      }
      return ApplyResult{true, "acknowledged"};
    case ActionKind::CallService:
      // the engineer's service key clears a critical lock once its cause has gone
      service_called_ = true;
      if (state == TableState::Fault) command(hal::CommandKind::ServiceReset);
      return ApplyResult{true, "service engineer called"};
    case ActionKind::ReleaseBrake:
      if (!rig_.hand_release_available())
        return refuse("the drive has power: release traction from the console (stop or pause)");
      if (rig_.manual_brake_release()) return ApplyResult{true, "the hand release is already open"};
      rig_.set_manual_brake_release(true);
      return ApplyResult{true, "hand release pulled: the cord pays out under the governor"};
    case ActionKind::ReleaseTension:
      if (state != TableState::TensionHeld) return refuse("there is no held tension to release");
      command(hal::CommandKind::ReleaseTension);
      return ApplyResult{true, "releasing the held tension at the changeover speed"};
    case ActionKind::EmergencyStop:
      rig_.set_emergency_stop(true);
      return ApplyResult{true, "emergency stop pressed: drive power off, brake set"};
    case ActionKind::ReleaseEmergencyStop:
      if (!rig_.twin_state().inputs.emergency_stop) return refuse("the emergency stop is not pressed");
      rig_.set_emergency_stop(false);
      return ApplyResult{true, "emergency stop released: acknowledge the alarm"};
    case ActionKind::RemoveHarness:
      if (rig_.twin_state().cord_tension_n > kHarnessFreeN || under_traction() ||
          state == TableState::Releasing || state == TableState::Paused)
        raise_critical("harness_under_tension", "harness removed with the cord under tension (" +
                                                    fmt1(rig_.twin_state().cord_tension_n) + " N)");
      patient_.harness_fitted = false;
      if (!under_traction()) rig_.unfasten_harness();
      return ApplyResult{true, "harness removed"};
    case ActionKind::EndSession:
      if (patient_.harness_fitted && (under_traction() || rig_.twin_state().cord_tension_n > kHarnessFreeN))
        raise_critical("ended_under_traction", "session ended with the patient still under traction");
      ended_ = true;
      log("state", "state:session_ended", "session ended by the trainee");
      return ApplyResult{true, "session ended"};
    case ActionKind::Note:
      return ApplyResult{true, "noted"};
    case ActionKind::RequestHint: {
      if (options_.mode == Mode::Assessment) return refuse("no hints in assessment mode");
      if (hints_used_ >= static_cast<int>(scenario_.rubric.hints.size()))
        return refuse("no more hints for this scenario");
      const std::string hint = scenario_.rubric.hints[static_cast<std::size_t>(hints_used_++)];
      log("hint", "hint", hint);
      return ApplyResult{true, hint};
    }
    case ActionKind::InjectFault: {
      std::string why;
      if (!add_fault(a.name, true, why)) return refuse("The fault " + fault_display_name(a.name) + " was refused: " + why);
      return ApplyResult{true, "Fault injected: " + fault_display_name(a.name)};
    }
    case ActionKind::TriggerReaction:
      if (!has_term(reactions(), a.name)) return refuse("unknown reaction '" + a.name + "'");
      react(a.name, "");
      return ApplyResult{true, "Reaction: " + term_label(reactions(), a.name)};
    case ActionKind::SetSpeed:
      if (!(a.value > 0.0)) return refuse("the speed factor must be above 0");
      speed_ = a.value;
      return ApplyResult{true, describe_action(a)};
  }
  return refuse("unknown action");
}

}  // namespace tractus::scenarios
