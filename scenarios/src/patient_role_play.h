// The patient's role-play: how the patient feels as the trainee perceives it (the 0..10
// ratings of PerceivedPatient, from the twin's physiology and the scenario's script), what
// the patient answers when asked, how they reply to a check-in and how they react, all in
// the lines of this scenario's dialogue (the shared lines with its overrides). It keeps its
// own state; what it does to the table (a press on the stop switch, a cough) it hands back
// for the session to do.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "hal/hal.h"
#include "patient_dialogue.h"
#include "recorder.h"
#include "scenarios/scenario.h"
#include "scenarios/session_types.h"
#include "twin/state.h"

namespace tractus::scenarios {

/// The twin's anxiety (twin::PatientState::anxiety, 0..1) as the patient rates it, 0..10,
/// rounded to the nearest whole number and held to 0..10.
int anxiety_0_10_from_twin(double anxiety_0_1);

/// The twin's pain (0..10, fractional) as the patient rates it: rounded, held to 0..10.
int pain_0_10_from_twin(double pain_0_10);

/// What a reaction asks of the session, in the order the session does it.
struct Reaction {
  bool presses_stop = false;  // the patient presses the stop switch in their hand
  bool coughs = false;        // the trunk muscles fire: the rig's cough
  std::string says;           // the patient's line
  std::string log_kind;       // a timeline entry after the line ("sharp_pain", ...), or empty
  std::string log_text;
  std::string stop_trigger;   // under traction this opens a stop window, or empty
};

class PatientRolePlay {
 public:
  /// The patient of this scenario, speaking its dialogue.
  explicit PatientRolePlay(const Scenario& scenario);

  /// Each tick: pain and anxiety are the higher of the twin's and the scripted ones.
  void feel(const twin::PatientState& body);
  /// A scripted event sets pain and anxiety (a negative value leaves it).
  void set_scripted(int pain_0_10, int anxiety_0_10);

  /// The answer to a screening question: the scenario's findings behind it (each revealed
  /// once, onto the timeline), else the shared line for the question.
  std::string answer(const std::string& question, const Scenario& scenario, Recorder& recorder,
                     int64_t t_us);
  /// The reply to a check-in, by pain and anxiety and whether the table is pulling.
  std::string check_in_reply(hal::TableState state) const;
  /// A reaction (vocabulary.h's reactions); line, if not empty, is said instead of the
  /// shared one. stop_switch_connected: the cable is in and no fault unplugged it.
  Reaction react(const std::string& reaction, const std::string& line, bool stop_switch_connected);

  /// The patient's words when their pain turns sharp without a scripted reaction (the
  /// engine-wide rule): the sharp_pain line, the scenario's own if it has one.
  const std::string& on_sharp_pain() const { return lines_.text(dialogue::Line::SharpPain); }
  /// The harness slipped: the strap rides up under load, the patient feels it and says so.
  const std::string& on_harness_slip();
  /// The procedure was explained: anxiety falls by 3.
  const std::string& on_explained();
  void fit_harness(const std::string& quality);
  void remove_harness() { perceived_.harness_fitted = false; }
  void give_stop_switch() { perceived_.stop_switch_in_hand = true; }

  /// A panicking patient holds the stop switch down until release_at_us.
  void hold_stop_until(int64_t release_at_us) { stop_release_at_us_ = release_at_us; }
  /// True once, at the first tick at or after the hold: the patient lets go.
  bool lets_go_of_stop(int64_t now_us);

  const PerceivedPatient& perceived() const { return perceived_; }
  const dialogue::Lines& lines() const { return lines_; }
  /// Ids of hidden findings uncovered by asking, in the order found.
  const std::vector<std::string>& revealed_findings() const { return revealed_; }

 private:
  dialogue::Lines lines_;
  PerceivedPatient perceived_;
  int scripted_pain_ = 0;  // pain and anxiety set by events; the twin's may be higher
  int scripted_anxiety_ = 0;
  std::vector<std::string> revealed_;
  int64_t stop_release_at_us_ = -1;  // the patient lets go of the stop switch then
};

}  // namespace tractus::scenarios
