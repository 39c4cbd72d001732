// What a training session records and shows: the patient's words, critical errors, stop
// responses, the patient as the trainee perceives them, the plotted series and the recorded
// actions. Session (session.h) returns these; the parts it is built from fill them.
#pragma once

#include <cstdint>
#include <string>

#include "scenarios/action.h"

namespace tractus::scenarios {

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

/// The patient as the trainee perceives them at the bedside: the 0..10 ratings the patient
/// gives when asked, and what the trainee has done for them. It is derived every tick from
/// the twin's physiology (twin::PatientState: pain on its 0..10 scale, anxiety 0..1, which
/// anxiety_0_10_from_twin() in patient_role_play.h converts) and raised by scripted events;
/// the patient's role-play (PatientRolePlay) owns it.
struct PerceivedPatient {
  int pain_0_10 = 0;     // the higher of the twin's worst pain and the scripted pain, rounded
  int anxiety_0_10 = 0;  // the higher of the twin's anxiety x 10 and the scripted anxiety
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
  double pressure_mpa = 0.0;   // nucleus pressure of the target level, gauge (twin)
  double carriage_mm = 0.0;    // split-carriage travel
  int pain_0_10 = 0;
};

/// A recorded action: what was applied and when.
struct RecordedAction {
  int64_t t_us = 0;
  Action action;
  bool accepted = true;
};

}  // namespace tractus::scenarios
