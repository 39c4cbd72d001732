// A training session: one scenario played on one rig, driven by trainee and instructor
// actions, watched by the safety monitors and scored by the scenario's rubric.
//
// A Session is built for a frame loop. The UI (or a script, or a test) calls apply() with each
// Action as the trainee makes it and advance_us() with the simulated time that has passed;
// everything else (the chart, the patient's words, the timeline, the live score and the
// final report) is read through const accessors. The session owns its rig, reads no clock and
// draws every random number from the rig's one seeded generator, so the seed plus the
// timestamped actions reproduce the whole session (see record.h).
//
// Inside, the Session is the core (the clock, the rig and the actions, each kind to a small
// handler) composing four parts of its own, each with one job: the recorder (timeline,
// speech, series, actions), the event scheduler (scenario events), the watchers (critical
// errors) and the patient's role-play (the perceived patient and the dialogue).
// docs/architecture.md shows which does what.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "scenarios/action.h"
#include "scenarios/rig.h"
#include "scenarios/scenario.h"
#include "scenarios/session_types.h"
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
  /// The patient as the trainee perceives them (the role-play's, derived from the twin).
  const PerceivedPatient& patient() const;
  const std::vector<TimelineEntry>& timeline() const;
  const std::vector<Utterance>& speech() const;
  const std::vector<CriticalError>& critical_errors() const;
  const std::vector<StopResponse>& stop_responses() const;
  const std::vector<RecordedAction>& actions() const;
  const std::vector<Sample>& series() const;
  /// Ids of hidden findings the trainee has uncovered by asking.
  const std::vector<std::string>& revealed_findings() const;
  const StartedPrescription& first_start() const { return first_start_; }
  /// The prescription currently selected on the console, if any.
  bool has_protocol() const { return has_protocol_; }
  const ProtocolSettings& protocol() const { return protocol_; }
  double angle_deg() const { return angle_deg_; }
  /// Highest true cord tension so far, newtons.
  double max_force_n() const;
  /// Time the cord tension spent above the patient's safe limit, seconds.
  double time_outside_safe_band_s() const;
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
  bool harness_slipped() const;

 private:
  /// The recorder, event scheduler, watchers and role-play (session_parts.h).
  struct Parts;
  /// Owns the parts; a copy of the session copies them (session.cpp).
  class PartsHolder {
   public:
    explicit PartsHolder(const Scenario& scenario);
    PartsHolder(const PartsHolder& other);
    PartsHolder(PartsHolder&& other) noexcept;
    PartsHolder& operator=(const PartsHolder& other);
    PartsHolder& operator=(PartsHolder&& other) noexcept;
    ~PartsHolder();
    Parts& operator*() const { return *parts_; }
    Parts* operator->() const { return parts_.get(); }

   private:
    std::unique_ptr<Parts> parts_;
  };

  // [SECTION] per tick (session.cpp): the clock, following the firmware, scripted events
  void tick_once();
  void follow_firmware();
  void on_treatment_start();
  void run_events();
  void run_pending_faults();
  void fire(const ScenarioEvent& event);
  void react(const std::string& reaction, const std::string& line);
  bool add_fault(const std::string& name, bool announced, std::string& why);
  // the parts, stamped with the session clock
  void log(const std::string& kind, const std::string& tag, const std::string& text);
  void say(const std::string& text);
  void raise_critical(const std::string& id, const std::string& message);
  bool under_traction() const;
  // the harnessed patient under traction or holding more than the free tension
  bool patient_loaded() const;
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

  // the core: the scenario, the rig and the session clock
  Scenario scenario_;
  SessionOptions options_;
  Rig rig_;
  int64_t t0_us_ = 0;      // rig time when the session clock read zero
  int64_t now_us_ = 0;
  int64_t carry_us_ = 0;
  bool ended_ = false;
  hal::Region region_ = hal::Region::Lumbar;  // the goal's region, the twin's set-up
  int level_index_ = 3;  // the goal's disc level in the twin's chain of its region

  // the console and the treatment, as the trainee's actions left them
  bool has_protocol_ = false;
  ProtocolSettings protocol_;
  double angle_deg_ = 0.0;
  StartedPrescription first_start_;
  hal::TableState last_state_ = hal::TableState::Idle;
  int64_t start_waits_on_ = -1;  // a start action waiting for the prescription, -1 when none
  bool service_called_ = false;
  bool declined_ = false;
  double remaining_s_ = 0.0;  // treatment time left when treatment was last interrupted
  int64_t treating_since_us_ = -1;
  int hints_used_ = 0;
  double speed_ = 1.0;
  // an instructor's faults waiting for their condition (inject_fault with "when")
  struct PendingFault {
    std::string name;
    FaultWhen when = FaultWhen::AtTime;
    double value = 0.0;  // seconds of session time, or newtons of true cord tension
  };
  std::vector<PendingFault> pending_faults_;

  PartsHolder parts_;
};

}  // namespace tractus::scenarios
