// The watchers that run every tick: the firmware's states and alarms, the force against the
// patient's limit, stop windows, the harness and a patient left loaded; they raise the
// critical errors.
#include "scenarios/session.h"

#include <algorithm>

#include "session_detail.h"
#include "patient_dialogue.h"
#include "text_format.h"
#include "scenarios/display_names.h"
#include "scenarios/vocabulary.h"

namespace tractus::scenarios {

using hal::TableState;
using namespace session_detail;

namespace {

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
  const double tension_n = rig_.twin_state().cord_tension_n;
  if (tension_n > max_force_n_) max_force_n_ = tension_n;
  if (tension_n > scenario_.safety.max_safe_force_n) {
    outside_us_ += rig_.firmware().config().tick_us;
    if (outside_us_ > seconds_to_us(scenario_.safety.over_limit_critical_s)) {
      raise_critical("force_over_safe_limit",
                     "cord tension above this patient's safe limit of " +
                         fmt1(scenario_.safety.max_safe_force_n / kNewtonsPerLbf) + " lbf for over " +
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
    say(dialogue::text(patient_.harness_fitted ? dialogue::Line::SlipFitted : dialogue::Line::SlipUnfastened));
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

}  // namespace tractus::scenarios
