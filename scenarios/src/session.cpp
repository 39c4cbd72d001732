// The session core: the rig and its clock, the recorder, and apply(). The per-tick watchers,
// scripted events, actions and the patient's answers live in session_*.cpp beside it.
#include "scenarios/session.h"

#include <algorithm>

#include "session_detail.h"
#include "scenarios/disc_levels.h"
#include "scenarios/display_names.h"
#include "scenarios/input_limits.h"

namespace tractus::scenarios {

using hal::TableState;
using namespace session_detail;

namespace {

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

// [SECTION] the recorder: timeline, speech and the 100 ms series

void Session::log(const std::string& kind, const std::string& tag, const std::string& text) {
  timeline_.push_back(TimelineEntry{now_us_, kind, tag, text});
}

void Session::say(const std::string& text) {
  speech_.push_back(Utterance{now_us_, text});
  log("patient_says", "patient_says", text);
}

void Session::take_sample() {
  Sample s;
  s.t_s = static_cast<double>(now_us_) * 1e-6;
  s.force_n = rig_.twin_state().cord_tension_n;
  s.measured_n = rig_.display().measured_force_n;
  s.target_n = rig_.display().target_force_n;
  const twin::PatientState& body = rig_.twin_state().patient;
  const twin::LevelState& level = scenario_.goal.region == "cervical" ? body.cervical[level_index_]
                                                                     : body.lumbar[level_index_];
  s.separation_mm = level.separation_mm;
  s.pressure_mmhg = level.pressure_mmhg;
  s.carriage_mm = rig_.twin_state().carriage_pos_m * 1000.0;
  s.pain_0_10 = patient_.pain_0_10;
  series_.push_back(s);
}

// [SECTION] the patient as felt, and the table

void Session::update_feel() {
  // the twin's physiology and the scenario's script both set how the patient feels
  const twin::PatientState& body = rig_.twin_state().patient;
  const double worst = body.pain_back > body.pain_radicular ? body.pain_back : body.pain_radicular;
  patient_.pain_0_10 = std::max(scripted_pain_, round_score(worst));
  patient_.anxiety_0_10 = std::max(scripted_anxiety_, round_score(body.anxiety * 10.0));
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

// [SECTION] actions: recorded, then dispatched (session_actions.cpp)

ApplyResult Session::apply(const Action& action) {
  if (ended_) return ApplyResult{false, "the session has ended"};
  log("action", std::string("action:") + action_name(action.kind), describe_action(action));
  actions_.push_back(RecordedAction{now_us_, action, true});
  const std::size_t index = actions_.size() - 1;
  const ApplyResult r = do_action(action);
  actions_[index].accepted = r.accepted;
  return r;
}

ApplyResult Session::refuse(const std::string& why) {
  log("refused", "refused", why);
  return ApplyResult{false, why};
}

}  // namespace tractus::scenarios
