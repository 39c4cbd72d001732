// The patient's words: one table of lines by id, so the session's logic names what the
// patient says and never spells it. Scenario files add their own lines (an event's `say`, a
// finding's answer); these are the lines every patient shares.
#pragma once

#include <cstdint>
#include <string>

namespace tractus::scenarios::dialogue {

/// Every line the session can give the patient.
enum class Line : uint8_t {
  Declined,            // the trainee declined to treat
  ProcedureExplained,  // the trainee explained the procedure
  SlipFitted,          // a fitted harness slid under the pull
  SlipUnfastened,      // an unfastened harness slid off under the pull
  SharpPain,           // reaction: sharp radiating pain
  PanicPressesStop,    // reaction: panic, with the stop switch in hand
  PanicShouts,         // reaction: panic, with no stop switch in reach
  Cough,               // reaction: a cough
  Shift,               // reaction: shifting on the table
  Guarding,            // reaction: muscle guarding
  Soreness,            // reaction: soreness
  PainNow,             // answer to pain_now; {} is the pain score
  NoMedications,       // answer to medications, none on the chart
  Medications,         // answer to medications; {} is the chart's list
  PreviousTraction,    // answer to previous_traction
  SurgeryHistory,      // answer to surgery_history
  NothingLikeThat,     // answer to any other question with no finding behind it
  CheckInSharp,        // check-in: pain 7 or more
  CheckInAnxious,      // check-in: anxiety 7 or more
  CheckInNervous,      // check-in at rest: anxiety 4 or more
  CheckInFine,         // check-in at rest
  CheckInSore,         // check-in under traction: pain 5 or more
  CheckInStretch,      // check-in under traction
};

/// The line's text; "{}" marks where fill() puts a value.
const char* text(Line line);

/// The line with its "{}" replaced by value.
std::string fill(Line line, const std::string& value);

}  // namespace tractus::scenarios::dialogue
