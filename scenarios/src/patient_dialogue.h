// The patient's words: lines by id, so the session's logic names what the patient says and
// never spells it. The lines every patient shares are data (scenarios/dialogue/
// patient_lines.json, embedded in the build); a scenario file may override any of them in
// its `dialogue` object, and adds lines of its own (an event's `say`, a finding's answer).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

namespace tractus::scenarios::dialogue {

/// Every line the session can give the patient.
enum class Line : uint8_t {
  Declined,            // declined: the trainee declined to treat
  ProcedureExplained,  // procedure_explained: the trainee explained the procedure
  SlipFitted,          // slip_fitted: a fitted harness slid under the pull
  SlipUnfastened,      // slip_unfastened: an unfastened harness slid off under the pull
  SharpPain,           // sharp_pain: reaction, sharp radiating pain
  PanicPressesStop,    // panic_presses_stop: reaction, panic with the stop switch in hand
  PanicShouts,         // panic_shouts: reaction, panic with no stop switch in reach
  Cough,               // cough: reaction, a cough
  Shift,               // shift: reaction, shifting on the table
  Guarding,            // guarding: reaction, muscle guarding
  Soreness,            // soreness: reaction, soreness
  PainNow,             // pain_now: answer to pain_now; {} is the pain score
  NoMedications,       // no_medications: answer to medications, none on the chart
  Medications,         // medications: answer to medications; {} is the chart's list
  PreviousTraction,    // previous_traction: answer to previous_traction
  SurgeryHistory,      // surgery_history: answer to surgery_history
  NothingLikeThat,     // nothing_like_that: any other question with no finding behind it
  CheckInSharp,        // check_in_sharp: check-in, pain 7 or more
  CheckInAnxious,      // check_in_anxious: check-in, anxiety 7 or more
  CheckInNervous,      // check_in_nervous: check-in at rest, anxiety 4 or more
  CheckInFine,         // check_in_fine: check-in at rest
  CheckInSore,         // check_in_sore: check-in under traction, pain 5 or more
  CheckInStretch,      // check_in_stretch: check-in under traction
};

/// How many lines there are.
constexpr std::size_t kLineCount = static_cast<std::size_t>(Line::CheckInStretch) + 1;

/// The line's id in the data ("sharp_pain").
const char* line_id(Line line);

/// Finds the line with this id; false when there is none.
bool line_from_id(const std::string& id, Line& out);

/// Every line id, comma separated, for error messages.
std::string line_ids();

/// True for the lines that carry a value ("{}"): pain_now and medications.
bool line_takes_value(Line line);

/// Why text cannot be the line, or empty when it can: it must not be empty, and it holds
/// one "{}" exactly where the line takes a value and none elsewhere.
std::string check_line(Line line, const std::string& text);

/// One patient's lines: the shared ones, with a scenario's overrides set over them.
class Lines {
 public:
  /// The line's text; "{}" marks where fill() puts a value.
  const std::string& text(Line line) const { return text_[static_cast<std::size_t>(line)]; }
  /// The line with its "{}" replaced by value.
  std::string fill(Line line, const std::string& value) const;
  void set(Line line, const std::string& text) { text_[static_cast<std::size_t>(line)] = text; }

 private:
  std::array<std::string, kLineCount> text_;
};

/// Reads a lines table in the shared file's format ({"format": "tractus-patient-lines",
/// "format_version": 1, "lines": {id: text}}). Every line id must be present, with no
/// other, and each text must pass check_line. Returns false and fills error ("lines.pain_now:
/// must hold \"{}\" where the value goes") at the first problem.
bool parse_lines(const std::string& json_text, Lines& out, std::string& error);

/// The shared lines, parsed from the embedded patient_lines.json at first use. The data is
/// checked by the unit tests; should a build ever carry a broken file, this says why on
/// stderr and aborts at start-up rather than give a patient an empty line.
const Lines& shared_lines();

/// The shared lines with overrides (line id to text, already checked by the scenario
/// loader) set over them; an unknown id is ignored.
Lines lines_with(const std::map<std::string, std::string>& overrides);

}  // namespace tractus::scenarios::dialogue
