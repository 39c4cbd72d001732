// A training session: one scenario played on one rig, driven by trainee and instructor
// actions, watched by the safety monitors and scored by the scenario's rubric.
//
// A Session is built for a frame loop. The UI (or a script, or a test) calls apply() with each
// Action as the trainee makes it and advance_us() with the simulated time that has passed;
// everything else (the chart, the patient's words, the timeline, the live score and the
// final report) is read through const accessors. The session owns its rig, reads no clock and
// draws every random number from the rig's one seeded generator, so the seed plus the
// timestamped actions reproduce the whole session (see record.h).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "scenarios/action.h"
#include "scenarios/rig.h"
#include "scenarios/scenario.h"
#include "scenarios/timeline.h"

namespace tractus::scenarios {

/// Practice shows hints and the live score; assessment hides both.
enum class Mode : uint8_t { Practice, Assessment };

/// "practice" or "assessment".
const char* mode_name(Mode mode);

/// How to start a session.
struct SessionOptions {
  uint64_t seed = 1;
  Mode mode = Mode::Practice;
  /// The patient's resting back pain (0..10) on the day; negative keeps the twin's default.
  /// A course of care carries it from session to session (course.h).
  double back_pain_baseline_0_10 = -1.0;
};

/// What apply() made of an action.
struct ApplyResult {
  bool accepted = true;
  std::string message;  // why it was refused, or what the table or patient answered
};

/// Something the patient said, for the speech log.
struct Utterance {
  int64_t t_us = 0;
  std::string text;
};

/// A critical error: it fails the session whatever the score.
struct CriticalError {
  std::string id;  // see critical_error_ids() in scoring.h
  int64_t t_us = 0;
  std::string message;
};

/// How fast the table was stopped after sharp pain, a stop request or a stop-switch press.
struct StopResponse {
  std::string trigger;     // "sharp_pain", "stop_request" or "patient_stop"
  int64_t t_us = 0;        // when it happened
  int64_t stopped_us = -1; // when traction stopped (the table left treating), -1 if never
  bool late = false;       // the scenario's stop window passed first: a critical error
};

/// The patient's state as the trainee perceives it. Pain and anxiety are the higher of the
/// twin's physiology (twin::PatientState) and what scripted events set.
struct PatientState {
  int pain_0_10 = 0;
  int anxiety_0_10 = 0;
  bool stop_switch_in_hand = false;
  bool harness_fitted = false;
  std::string harness_quality;  // "good", "loose" or "tight" once fitted
};

/// One sample of the plotted series, every 100 ms of session time.
struct Sample {
  double t_s = 0.0;
  double force_n = 0.0;        // true cord tension
  double measured_n = 0.0;     // what the console shows
  double target_n = 0.0;       // the firmware's setpoint
  double separation_mm = 0.0;  // axial separation of the target disc level (twin)
  double pressure_mmhg = 0.0;  // nucleus pressure of the target level, gauge (twin)
  double carriage_mm = 0.0;    // split-carriage travel
  int pain_0_10 = 0;
};

/// A recorded action: what was applied and when.
struct RecordedAction {
  int64_t t_us = 0;
  Action action;
  bool accepted = true;
};

/// The prescription in force when treatment first started.
struct StartedPrescription {
  bool started = false;
  int64_t t_us = 0;
  ProtocolSettings protocol;
  double angle_deg = 0.0;
};

/// One scenario played on one rig.
class Session {
 public:
  /// Builds the rig for the scenario's patient, runs the table's power-on self-test, and
  /// starts the session clock at zero.
  Session(const Scenario& scenario, const SessionOptions& options);

  /// Applies one action now. Refused actions (a start with no prescription, a hint in
  /// assessment) are still recorded and appear on the timeline with the reason.
  ApplyResult apply(const Action& action);

  /// Runs the simulation forward by dt_us (whole 1 ms ticks; a remainder carries over). Does
  /// nothing once the session has ended. dt_us is clamped to plus or minus kMaxSessionUs
  /// (input_limits.h), longer than any session, so no value can overflow the clock.
  void advance_us(int64_t dt_us);

  /// Session time in microseconds since the session began.
  int64_t now_us() const { return now_us_; }
  /// True after end_session or when the scenario's time limit passed.
  bool ended() const { return ended_; }

  const Scenario& scenario() const { return scenario_; }
  const SessionOptions& options() const { return options_; }
  /// The table and patient, read-only: the renderer observes, never changes.
  const Rig& rig() const { return rig_; }
  const PatientState& patient() const { return patient_; }
  const std::vector<TimelineEntry>& timeline() const { return timeline_; }
  const std::vector<Utterance>& speech() const { return speech_; }
  const std::vector<CriticalError>& critical_errors() const { return criticals_; }
  const std::vector<StopResponse>& stop_responses() const { return stops_; }
  const std::vector<RecordedAction>& actions() const { return actions_; }
  const std::vector<Sample>& series() const { return series_; }
  /// Ids of hidden findings the trainee has uncovered by asking.
  const std::vector<std::string>& revealed_findings() const { return revealed_; }
  const StartedPrescription& first_start() const { return first_start_; }
  /// The prescription currently selected on the console, if any.
  bool has_protocol() const { return has_protocol_; }
  const ProtocolSettings& protocol() const { return protocol_; }
  double angle_deg() const { return angle_deg_; }
  /// Highest true cord tension so far, newtons.
  double max_force_n() const { return max_force_n_; }
  /// Time the cord tension spent above the patient's safe limit, seconds.
  double time_outside_safe_band_s() const { return static_cast<double>(outside_us_) * 1e-6; }
  /// Table states reached at least once ("treating", "complete", ...).
  bool reached_state(const std::string& state) const;
  int hints_used() const { return hints_used_; }
  /// True once the trainee declined treatment.
  bool declined() const { return declined_; }
  /// Simulation speed the instructor asked for; the UI frame loop multiplies its dt by it.
  double speed() const { return speed_; }
  /// Fault names injected and not cleared (the rig's one list, Rig::active_fault_names).
  std::vector<std::string> active_faults() const { return rig_.active_fault_names(); }
  /// True after the harness slipped on the patient and until it is fitted again.
  bool harness_slipped() const { return harness_slipped_; }

 private:
  // [SECTION] per-tick work: the clock (session.cpp), the watchers that raise critical
  // errors (session_watchers.cpp), scripted events (session_events.cpp), the recorder
  void tick_once();
  void watch_firmware();
  void on_treatment_start();
  void watch_force();
  void watch_stop_windows();
  void watch_harness();
  void watch_power();
  void raise_critical(const std::string& id, const std::string& message);
  void open_stop_window(const std::string& trigger);
  void run_events();
  void fire(const ScenarioEvent& event);
  double signal(const std::string& name) const;
  bool add_fault(const std::string& name, bool announced, std::string& why);
  bool done_before(const ActionMatch& match) const;
  void react(const std::string& reaction, const std::string& line);
  void take_sample();
  void log(const std::string& kind, const std::string& tag, const std::string& text);
  void say(const std::string& text);
  // [SECTION] the patient (session.cpp, session_dialogue.cpp)
  void update_feel();
  std::string answer(const std::string& question);
  std::string check_in_reply() const;
  bool under_traction() const;
  bool stop_switch_connected() const;
  // [SECTION] actions (session_actions.cpp): do_action dispatches to one handler a kind
  ApplyResult refuse(const std::string& why);
  ApplyResult do_action(const Action& action);
  void queue_prescription(double treatment_min);
  void start_when_ready();
  void press(hal::CommandKind kind);
  bool console_free() const;
  // the patient: ask, check_in, decline_treatment, explain_procedure
  ApplyResult speak_reply(const std::string& reply);
  ApplyResult on_decline(const Action& a);
  ApplyResult on_explain();
  // the set-up: select_protocol and set, set_angle, the harness, the stop switch
  ApplyResult on_prescription(const Action& a);
  ApplyResult on_set_angle(const Action& a);
  ApplyResult on_fit_harness(const Action& a);
  ApplyResult on_confirm_harness();
  ApplyResult on_give_stop_switch();
  // treatment: start and resume, the console's buttons, brake and e-stop, the harness off
  ApplyResult on_start(const Action& a);
  ApplyResult on_console_button(const Action& a);
  ApplyResult on_stop_hardware(const Action& a);
  ApplyResult on_remove_harness();
  ApplyResult on_end_session();
  // hints, and the instructor's faults, reactions and speed
  ApplyResult on_hint();
  ApplyResult on_instructor(const Action& a);

  Scenario scenario_;
  SessionOptions options_;
  Rig rig_;
  int64_t t0_us_ = 0;      // rig time when the session clock read zero
  int64_t now_us_ = 0;
  int64_t carry_us_ = 0;
  bool ended_ = false;

  PatientState patient_;
  int scripted_pain_ = 0;     // pain and anxiety set by events; the twin's may be higher
  int scripted_anxiety_ = 0;
  std::vector<TimelineEntry> timeline_;
  std::vector<Utterance> speech_;
  std::vector<CriticalError> criticals_;
  std::vector<StopResponse> stops_;
  std::vector<RecordedAction> actions_;
  std::vector<Sample> series_;
  std::vector<std::string> revealed_;
  std::vector<std::string> states_reached_;

  // console and treatment
  bool has_protocol_ = false;
  ProtocolSettings protocol_;
  double angle_deg_ = 0.0;
  StartedPrescription first_start_;
  hal::TableState last_state_ = hal::TableState::Idle;
  uint16_t last_alarm_ = 0;
  bool critical_fault_seen_ = false;
  int64_t start_waits_on_ = -1;  // a start action waiting for the prescription, -1 when none
  bool service_called_ = false;
  bool declined_ = false;
  double remaining_s_ = 0.0;  // treatment time left when treatment was last interrupted
  int64_t treating_since_us_ = -1;
  int64_t stop_release_at_us_ = -1;  // the patient lets go of the stop switch then
  double slip_at_fit_m_ = 0.0;       // the twin's harness slip when the harness was last fitted
  bool harness_slipped_ = false;     // slipped since the last fit
  int64_t unpowered_since_us_ = -1;  // the drive lost power then, -1 while it has power
  int64_t held_since_us_ = -1;       // tension_held with the patient loaded since, -1 when not

  // monitors
  double max_force_n_ = 0.0;
  int64_t outside_us_ = 0;
  int hints_used_ = 0;
  double speed_ = 1.0;

  // scenario events: fired flags, `on` match times and `when` hold start times
  std::vector<bool> event_fired_;
  std::vector<int64_t> event_on_us_;
  std::vector<int64_t> event_since_us_;
  std::size_t timeline_scanned_ = 0;
  int level_index_ = 3;  // the goal's disc level in the twin's chain of its region
};

}  // namespace tractus::scenarios
