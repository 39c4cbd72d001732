// A training scenario: the briefing and chart the trainee reads, the findings they must ask
// for, the prescription, scripted patient behaviour and faults, and the rubric that scores
// the session. Scenarios are JSON files (schema: scenarios/schema/scenario.schema.json) read
// by load_scenario_file(); docs/scenarios.md teaches how to write one.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "hal/units.h"
#include "scenarios/engine_rules.h"
#include "scenarios/load_error.h"

namespace tractus::scenarios {

/// The newest scenario file format version this build reads. Version 1 files are still read;
/// version 2 added the optional "course" member (a multi-session course of care).
constexpr int kScenarioFormatVersion = 2;

/// The difficulty a scenario file that names none has, and the range a file may name.
constexpr int kStandardDifficulty = 2;
constexpr int kMinDifficulty = 1;
constexpr int kMaxDifficulty = 3;

/// The patient as the chart describes them.
struct PatientChart {
  std::string name;
  int age_years = 0;
  std::string sex;                // "female" or "male"
  double body_mass_kg = 70.0;     // drives the twin and the %-of-body-weight signals
  double height_cm = 170.0;
  /// Protrusion of the disc herniation at the goal's level, millimetres, as the imaging
  /// measures it (0: none). The twin starts the session with it, so the 3D and spine views
  /// show the bulge retracting under traction and the nerve root under compression.
  double protrusion_mm = 0.0;
  std::string referral;           // who referred the patient and why
  std::string diagnosis;
  std::string imaging;
  std::string history;
  std::vector<std::string> medications;
  std::string presenting_complaint;
};

/// A finding hidden from the chart: the patient reveals it only when asked one of questions.
struct HiddenFinding {
  std::string id;
  std::vector<std::string> questions;  // screening-question ids that reveal it
  std::string answer;                  // what the patient says
};

/// The range a prescribed value must fall in to earn a prescription item; NaN-free: an unset
/// bound is held as has_min/has_max false.
struct Range {
  bool has_min = false, has_max = false;
  double min = 0.0, max = 0.0;
  bool contains(double v) const { return (!has_min || v >= min) && (!has_max || v <= max); }
};

/// The prescription (goal) written for this session.
struct Goal {
  std::string region = "lumbar";
  std::string mode = "static";
  std::string level;  // target disc level ("L4-5", "C5-6"); empty: L4-5 or C5-6 by region
  Range force_n, ramp_s, treatment_min, angle_deg;  // force in newtons (the file's force_lbf)
  std::string text;  // the order as the referring clinician wrote it
};

/// Safety limits for this patient, which the engine's critical errors enforce.
struct Safety {
  // true cord tension above this is outside the safe band (the file's max_safe_force_lbf)
  double max_safe_force_n = 100.0 * units::kNewtonsPerLbf;
  double over_limit_critical_s = 1.0; // that long outside the band is a critical error
  /// Sharp pain or a stop request must be answered this fast: the engine's window or shorter.
  double stop_window_s = kEngineStopWindowS;
  /// After the drive loses power, or a stop leaves the cord loaded (tension_held), the brake
  /// holds it; the patient must be off load (tension released or harness off) within this
  /// long, or it is a critical error. The engine's window or shorter.
  double unpowered_load_window_s = kEngineLoadedWindowS;
  std::string contraindication;       // non-empty: treating at all is a critical error
  std::string precaution;             // non-empty: treatment must be adapted (informational)
};

/// A condition on the running session, used by events.
struct Condition {
  std::string signal;   // force_lbf, force_pct_bw, treatment_s or ramp_lbf_per_s (file names)
  bool above = true;    // true: signal > threshold; false: signal < threshold
  double threshold = 0.0;  // in SI: newtons for force_lbf, N/s for ramp_lbf_per_s
  double for_s = 0.0;   // the condition must hold this long without a break
};

/// What an event does when it fires.
struct Effects {
  std::string say;             // the patient says this
  int pain = -1;               // sets the patient's pain 0..10; -1 leaves it
  int anxiety = -1;            // sets the patient's anxiety 0..10; -1 leaves it
  std::string reaction;        // a reaction id from vocabulary.h
  std::string fault;           // a fault name from the fault catalogue
  bool announced = true;       // false: the fault is hidden from the trainee's timeline
};

/// An action the trainee may have taken, used by `unless` and by rubric items.
struct ActionMatch {
  std::string action;    // action name, e.g. "ask"
  std::string question;  // for ask: the question id; empty matches any
  std::string reason;    // for decline_treatment: the reason id; empty matches any
};

/// A scripted event: at a time, on a timeline entry, or when a condition holds.
struct ScenarioEvent {
  std::string id;
  bool has_at = false;
  double at_s = 0.0;                 // session time
  std::string on;                    // a timeline kind or tag ("state:treating")
  double after_s = 0.0;              // delay after `on`
  bool has_when = false;
  Condition when;
  std::vector<ActionMatch> unless;   // skipped if any of these was done before it fires
  Effects effects;
};

/// What a rubric item expects.
struct Expectation {
  enum class Kind : uint8_t { Action, Prescription, State, Envelope } kind = Kind::Action;
  ActionMatch match;          // Action: the action expected
  std::string before;         // Action: "start" (before the first start) or empty
  std::string after_event;    // Action: a timeline kind or tag that opens a window
  double within_s = 0.0;      // Action with after_event: the window length
  std::string state;          // State: a table state that must be reached ("complete")
  double tolerance_s = 30.0;  // Envelope: credit falls to zero at this much time outside
};

/// One scored checklist item.
struct RubricItem {
  std::string id;
  std::string label;
  double weight = 1.0;
  std::string why;       // why it matters, shown in the debrief
  Expectation expect;
};

/// How the session is scored.
struct Rubric {
  double pass_score = 80.0;  // pass needs at least this and no critical error
  double hint_cost = 5.0;    // points per hint taken
  std::vector<std::string> hints;
  std::vector<RubricItem> items;
};

/// A course of care (format_version 2): the scenario is played once per session, and the
/// patient's state (resting pain, the force they tolerate, retained disc height) carries from
/// one session to the next with seeded day-to-day variation. course.h runs it.
struct CourseSpec {
  int sessions = 0;                      // 0: the scenario is a single session
  double days_between = 2.0;             // days off the table between sessions
  double target_force_n = 60.0 * units::kNewtonsPerLbf;  // the dose the course works up to
  double tolerance_n = 33.0 * units::kNewtonsPerLbf;     // force tolerated at the first session
                                                         // (both lbf in the file)
  double adapt_per_session = 0.10;       // a tolerated session raises the tolerance this share
  double max_step_fraction = 0.15;       // a bigger session-to-session rise earns no prescription credit
  double flare_margin = 0.20;            // a dose above tolerance x (1 + this) flares the back up
  double pain_start_0_10 = 5.0;          // resting back pain at the first session
  double pain_relief_per_session = 0.3;  // a tolerated session lowers the resting pain this much
  double pain_variation_0_10 = 1.0;      // seeded day-to-day swing of the pain, plus or minus
  double flare_pain_0_10 = 3.0;          // a flare-up adds this to the resting pain
  double flare_tolerance_drop = 0.25;    // and takes this share off the tolerance
};

/// A whole scenario.
struct Scenario {
  std::string id;
  int version = 1;
  std::string title;
  std::string category;  // routine, contraindication, precaution, reaction, fault, course
  /// How hard the case is within its category: 1 introductory, 2 standard, 3 advanced. A
  /// curriculum step whose remedial is "an easier case" picks by it (curriculum.h).
  int difficulty = kStandardDifficulty;
  std::string briefing;  // the hand-over a clinician would give
  PatientChart patient;
  std::vector<HiddenFinding> findings;
  Goal goal;
  Safety safety;
  std::vector<ScenarioEvent> events;
  Rubric rubric;
  double time_limit_s = 1200.0;  // the session ends on its own after this long
  CourseSpec course;             // sessions > 0: a course of care (format_version 2)
  /// The patient's own words for shared lines: line id ("sharp_pain") to the text said in
  /// its place. Lines not named here come from scenarios/dialogue/patient_lines.json.
  std::map<std::string, std::string> dialogue;
  std::string source_file;       // where it was read from
};

/// Reads a scenario from parsed JSON. file names the source in errors. Returns false and
/// fills error (file, JSON path, reason) at the first problem.
bool parse_scenario(const nlohmann::json& j, const std::string& file, Scenario& out,
                    LoadError& error);
/// Reads and parses a scenario file.
bool load_scenario_file(const std::string& file, Scenario& out, LoadError& error);

}  // namespace tractus::scenarios
