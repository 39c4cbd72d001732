// The session core: the rig and its clock, the tick's fixed order of work, following the
// firmware's states, and apply(). The actions' handlers are in session_actions.cpp, the
// glue to scripted events in session_events.cpp; the parts (session_parts.h) do the rest.
//
// Index of this file:
// [SECTION] building the rig
// [SECTION] copies, moves and the parts' read-outs
// [SECTION] time: the tick
// [SECTION] following the firmware
// [SECTION] the parts, stamped with the session clock
// [SECTION] actions: recorded, then dispatched
#include "scenarios/session.h"

#include <algorithm>

#include "session_detail.h"
#include "session_parts.h"
#include "scenarios/disc_levels.h"
#include "scenarios/display_names.h"
#include "scenarios/input_limits.h"
#include "scenarios/vocabulary.h"

namespace tractus::scenarios {

using hal::TableState;
using namespace session_detail;

namespace {

// [SECTION] building the rig

// the goal's disc level as an index into the twin's chain of its region (L4-5 or C5-6 when
// the goal names none; 3 either way)
int goal_level_index(const Scenario& s) {
  int i = disc_level_index(hal::Region::Lumbar, s.goal.level);
  if (i < 0) i = disc_level_index(hal::Region::Cervical, s.goal.level);
  return i < 0 ? 3 : i;
}

hal::Region goal_region(const Scenario& s) {
  return s.goal.region == "cervical" ? hal::Region::Cervical : hal::Region::Lumbar;
}

// the twin's patient is built from the chart and the scenario's hidden conditions
RigConfig rig_config(const Scenario& s, const SessionOptions& options) {
  RigConfig c;
  c.seed = options.seed;
  c.twin.setup = goal_region(s);
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

}  // namespace

const char* mode_name(Mode mode) { return mode == Mode::Assessment ? "assessment" : "practice"; }

Session::Session(const Scenario& scenario, const SessionOptions& options)
    : scenario_(scenario),
      options_(options),
      rig_(rig_config(scenario, options)),
      region_(goal_region(scenario)),
      level_index_(goal_level_index(scenario)),
      parts_(scenario_) {
  // the patient walks in with no harness on: only the bedside fit cinches it
  rig_.unfasten_harness();
  // power-on self-test happens before the trainee walks in
  while (rig_.display().state == TableState::SelfTest && rig_.now_us() < 5 * kUsPerS) rig_.tick();
  t0_us_ = rig_.now_us();
  last_state_ = rig_.display().state;
  parts_->patient.feel(rig_.twin_state().patient);
  parts_->recorder.take_sample(now_us_, rig_, region_, level_index_, parts_->patient.perceived().pain_0_10);
}

// [SECTION] copies, moves and the parts' read-outs

Session::PartsHolder::PartsHolder(const Scenario& scenario) : parts_(std::make_unique<Parts>(scenario)) {}
Session::PartsHolder::PartsHolder(const PartsHolder& o) : parts_(std::make_unique<Parts>(*o.parts_)) {}
Session::PartsHolder::PartsHolder(PartsHolder&&) noexcept = default;
Session::PartsHolder& Session::PartsHolder::operator=(const PartsHolder& o) {
  if (this != &o) parts_ = std::make_unique<Parts>(*o.parts_);
  return *this;
}
Session::PartsHolder& Session::PartsHolder::operator=(PartsHolder&&) noexcept = default;
Session::PartsHolder::~PartsHolder() = default;

const PerceivedPatient& Session::patient() const { return parts_->patient.perceived(); }
const std::vector<TimelineEntry>& Session::timeline() const { return parts_->recorder.timeline(); }
const std::vector<Utterance>& Session::speech() const { return parts_->recorder.speech(); }
const std::vector<CriticalError>& Session::critical_errors() const {
  return parts_->watchers.critical_errors();
}
const std::vector<StopResponse>& Session::stop_responses() const {
  return parts_->watchers.stop_responses();
}
const std::vector<RecordedAction>& Session::actions() const { return parts_->recorder.actions(); }
const std::vector<Sample>& Session::series() const { return parts_->recorder.series(); }
const std::vector<std::string>& Session::revealed_findings() const {
  return parts_->patient.revealed_findings();
}
double Session::max_force_n() const { return parts_->watchers.max_force_n(); }
double Session::time_outside_safe_band_s() const {
  return static_cast<double>(parts_->watchers.outside_us()) * 1e-6;
}
bool Session::reached_state(const std::string& state) const {
  return parts_->recorder.reached_state(state);
}
bool Session::harness_slipped() const { return parts_->watchers.harness_slipped(); }

// [SECTION] time: the tick

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
  // the order of this work is part of the session's behaviour: the goldens pin it
  Parts& p = *parts_;
  if (p.patient.lets_go_of_stop(now_us_)) rig_.set_patient_stop_pressed(false);
  rig_.tick();
  now_us_ = rig_.now_us() - t0_us_;
  const twin::TwinState& twin = rig_.twin_state();
  p.patient.feel(twin.patient);
  follow_firmware();
  start_when_ready();
  p.watchers.watch_force(twin.cord_tension_n, rig_.firmware().config().tick_us, p.recorder, now_us_);
  p.watchers.watch_stop_windows(under_traction(), p.recorder, now_us_);
  if (p.watchers.watch_sharp_pain(p.patient.perceived().pain_0_10, under_traction(), now_us_)) {
    say(p.patient.on_sharp_pain());
    log("sharp_pain", "sharp_pain", "the patient reports sharp radiating pain");
  }
  if (p.watchers.watch_harness(twin.harness_slip_m, p.recorder, now_us_)) say(p.patient.on_harness_slip());
  const bool loaded = p.patient.perceived().harness_fitted && twin.cord_tension_n > kHarnessFreeN;
  p.watchers.watch_power(loaded, rig_.display().state == TableState::TensionHeld,
                         twin::drive_powered(rig_.model(), twin), p.recorder, now_us_);
  run_events();
  if (now_us_ % kSampleUs == 0)
    p.recorder.take_sample(now_us_, rig_, region_, level_index_, p.patient.perceived().pain_0_10);
  if (!ended_ && now_us_ >= seconds_to_us(scenario_.time_limit_s)) {
    // the engine-wide rule: a session never ends, by the clock either, on a loaded patient
    if (patient_loaded())
      raise_critical("ended_under_traction", "the session reached its time limit with the patient still under traction");
    ended_ = true;
    log("state", "state:session_ended", "time limit reached: the session ended");
  }
}

// [SECTION] following the firmware

void Session::follow_firmware() {
  const hal::DisplayState& d = rig_.display();
  if (rig_.console().last_taken() == hal::CommandKind::SetPrescription && d.prescription_rejected) {
    has_protocol_ = false;
    log("refused", "refused", std::string("the console refused the prescription: ") +
                                  d.reject_field + " " + d.reject_reason);
  }
  if (d.state != last_state_) {
    const TableState previous = last_state_;
    if (previous == TableState::Treating) {
      remaining_s_ = d.remaining_s;
      treating_since_us_ = -1;
    }
    last_state_ = d.state;
    const std::string name = state_name(d.state);
    parts_->recorder.reach_state(name);
    log("state", "state:" + name, "Table: " + state_display_name(name));
    // traction begins at pretension, or at treating when there is none; a resume from pause
    // continues the same treatment
    const bool begins = d.state == TableState::Pretension ||
                        (d.state == TableState::Treating && previous != TableState::Pretension &&
                         previous != TableState::Paused);
    if (begins) on_treatment_start();
    if (d.state == TableState::Treating) treating_since_us_ = now_us_;
  }
  parts_->watchers.watch_alarms(d, parts_->recorder, now_us_);
}

void Session::on_treatment_start() {
  if (!first_start_.started) {
    first_start_.started = true;
    first_start_.t_us = now_us_;
    first_start_.protocol = protocol_;
    first_start_.angle_deg = angle_deg_;
  }
  // a console confirmation is not a fitted harness: the pull meets an unfastened strap
  if (!parts_->patient.perceived().harness_fitted)
    raise_critical("started_without_harness",
                   "the harnesses were confirmed on the console but never fitted at the bedside");
  if (!scenario_.safety.contraindication.empty()) {
    raise_critical("contraindicated_treatment",
                   "traction applied to a patient with a contraindication: " +
                       term_label(contraindications(), scenario_.safety.contraindication));
  }
}

// [SECTION] the parts, stamped with the session clock

void Session::log(const std::string& kind, const std::string& tag, const std::string& text) {
  parts_->recorder.log(now_us_, kind, tag, text);
}

void Session::say(const std::string& text) { parts_->recorder.say(now_us_, text); }

void Session::raise_critical(const std::string& id, const std::string& message) {
  parts_->watchers.raise(id, message, parts_->recorder, now_us_);
}

bool Session::stop_switch_connected() const {
  // the cable can be out physically or through the twin's stop_switch.unplugged fault
  const twin::TwinState& t = rig_.twin_state();
  return t.inputs.patient_stop_connected &&
         !twin::fault_active(t.faults, twin::FaultKind::StopSwitchUnplugged);
}

bool Session::patient_loaded() const {
  return parts_->patient.perceived().harness_fitted &&
         (under_traction() || rig_.twin_state().cord_tension_n > kHarnessFreeN);
}

bool Session::under_traction() const {
  const TableState s = rig_.display().state;
  return s == TableState::Treating || s == TableState::Pretension;
}

// [SECTION] actions: recorded, then dispatched (session_actions.cpp)

ApplyResult Session::apply(const Action& action) {
  if (ended_) return ApplyResult{false, "the session has ended"};
  log("action", std::string("action:") + action_name(action.kind), describe_action(action));
  const std::size_t index = parts_->recorder.record_action(now_us_, action);
  const ApplyResult r = do_action(action);
  parts_->recorder.set_accepted(index, r.accepted);
  return r;
}

ApplyResult Session::refuse(const std::string& why) {
  log("refused", "refused", why);
  return ApplyResult{false, why};
}

}  // namespace tractus::scenarios
