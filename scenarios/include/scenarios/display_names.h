// The words a user reads for the engine's identifiers: every action, screening question,
// finding, fault, alarm, critical error, table state and timeline event has its display name
// here, in one place. The render panels, the debrief, the printable report and the CLI's human
// output all take their words from this file; JSON output keeps the identifiers themselves.
//
// A display name never looks like an identifier: no underscores, no dotted names, no
// hyphenated ids. tests/scenarios/display_names_test.cpp holds every vocabulary to that.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "scenarios/action.h"
#include "scenarios/load_error.h"

namespace tractus::scenarios {

/// What a trainee does, as an instruction: "Review the chart", "Check on the patient".
std::string action_display_name(ActionKind kind);
/// The same for an action's JSON name ("review_chart"); the name itself when unknown.
std::string action_display_name(const std::string& action_name);

/// A screening question as the trainee asks it.
std::string question_display_name(const std::string& question_id);
/// A contraindication or precaution, in a clinician's words.
std::string reason_display_name(const std::string& reason_id);

/// A scenario finding ("aaa-surveillance": "aortic aneurysm under surveillance"). A finding
/// of a scenario outside the library has no entry: the patient's own answer stands in.
std::string finding_display_name(const std::string& finding_id, const std::string& answer);
/// The finding ids the table names, for the completeness test.
std::vector<std::string> named_findings();

/// A scenario's difficulty (scenario.h) as a word: "introductory", "standard", "advanced".
std::string difficulty_display_name(int difficulty);

/// A fault of the twin's catalogue ("harness.slip": "Harness slip").
std::string fault_display_name(const std::string& fault_name);
/// The part a fault name starts with ("load_cell": "Load cell", "motor": "Motor").
std::string fault_part_display_name(const std::string& part);
/// A firmware alarm code ("108": "Harness slip"); unknown codes say their tier.
std::string alarm_display_name(uint16_t code);
/// The alarm codes the table names, for the completeness test.
std::vector<uint16_t> named_alarms();
/// A critical error id ("late_stop": "Traction not stopped in time").
std::string critical_error_display_name(const std::string& id);
/// An engine-wide rule (engine_rules.h; "stop_for_sharp_pain": "Stop for sharp or radiating
/// pain").
std::string rule_display_name(const std::string& id);
/// A table state as the engine names it ("emergency_stop": "emergency stop").
std::string state_display_name(const std::string& state);
/// A timeline key a rubric item or event refers to, as a noun phrase to follow "of":
/// "harness_slip": "the harness slip", "alarm:103": "alarm 103 (stop switch unplugged)".
std::string event_display_name(const std::string& key);
/// A prescription parameter of `set` ("force_lbf": "force").
std::string parameter_display_name(const std::string& parameter);

/// A loading problem as a readable sentence: what could not be read and why, for example
/// "The scenario file could not be read: unknown timeline kind 'treating'." The JSON path
/// stays out of the sentence and goes on load_error_detail's line.
std::string load_error_sentence(const std::string& what, const LoadError& error);
/// The detail line under load_error_sentence: the JSON path and the file, as
/// "At $.events[0].on in my-scenario.json" ("" for no path or the whole document, `$`).
std::string load_error_detail(const LoadError& error);

}  // namespace tractus::scenarios
