// A curriculum: an ordered set of scenarios that a trainee masters one at a time, the way
// clinical skills programmes run mastery learning (docs/scenarios.md, section 10).
//
// A step is mastered by a pass with no critical error in assessment mode. A failed attempt at
// a step that names a remedial scenario sends the trainee to it: the step cannot be retried
// until the remedial scenario has been passed, in either mode. Steps are taken in order, so a
// session of a later step, or of any scenario outside the curriculum, does not count.
//
// The file: {"format": "tractus-curriculum", "format_version": 1, "id", "version", "title",
// "description" (optional), "steps": [{"scenario": ID, "remedial": ID (optional) or
// "remedial_by": "difficulty" (optional: the hardest case of the same category below the
// step's own difficulty), "why": TEXT (optional)}, ...]}.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "scenarios/load_error.h"

namespace tractus::scenarios {

/// One step of a curriculum.
struct CurriculumStep {
  std::string scenario;  // the library id to master
  std::string remedial;  // the library id a failed attempt leads to, or "" for a plain retry
  bool remedial_by_difficulty = false;  // remedial was picked as an easier case of the same category
  std::string why;       // what the step teaches, for the trainee
};

/// What a curriculum knows of a scenario it may name: its id, and the category and
/// difficulty (scenario.h) an "easier case" remedial is picked by.
struct CurriculumCandidate {
  std::string id;
  std::string category;
  int difficulty = 2;
};

/// A curriculum as its file holds it.
struct Curriculum {
  std::string id;
  int version = 1;
  std::string title;
  std::string description;
  std::vector<CurriculumStep> steps;
};

/// The most steps a curriculum may have.
constexpr std::size_t kMaxCurriculumSteps = 64;

/// The remedial an "easier case" step gets: among known, the scenario of scenario's category
/// with the highest difficulty below its own (the first id on a tie), or "" when there is none.
std::string easier_case(const std::vector<CurriculumCandidate>& known, const CurriculumCandidate& scenario);

/// Reads a curriculum from parsed JSON; errors name the file, the JSON path and why. Every
/// scenario and remedial id must be among known (the library's scenarios), a scenario may be
/// a step only once, and a step cannot be its own remedial. A "remedial_by": "difficulty"
/// step is resolved here, to the scenario easier_case() picks.
bool parse_curriculum(const nlohmann::json& j, const std::string& file, const std::vector<CurriculumCandidate>& known,
                      Curriculum& out, LoadError& error);
/// Reads and parses a curriculum file against known.
bool load_curriculum_file(const std::string& file, const std::vector<CurriculumCandidate>& known, Curriculum& out,
                          LoadError& error);

/// A finished session, as the history keeps it: what a curriculum's progress is read from.
struct SessionOutcome {
  std::string scenario;
  bool assessment = false;  // played in assessment mode
  bool passed = false;      // the session's pass (scoring.h): the pass score and no critical error
  int critical_errors = 0;
  std::string finished_at;  // ISO 8601 wall-clock time it ended
};

/// True when the outcome masters its scenario: an assessment passed with no critical error.
bool is_mastery(const SessionOutcome& outcome);

/// Where one step stands.
struct StepProgress {
  std::string scenario;
  bool mastered = false;
  std::string mastered_at;  // the finished_at of the mastering session
  int attempts = 0;         // counted attempts (sessions of this step while it was the current one)
  int remediations = 0;     // remedial scenarios passed for this step
};

/// What the trainee is to play next.
enum class NextKind { Step, Remedial, Done };

/// A curriculum's progress for one trainee.
struct CurriculumProgress {
  std::vector<StepProgress> steps;
  NextKind next = NextKind::Step;
  std::size_t current_step = 0;  // the first step not mastered (steps.size() when done)
  std::string next_scenario;     // the scenario to play next ("" when done)
  std::size_t mastered = 0;      // steps mastered
};

/// Reads a curriculum's progress from the trainee's finished sessions, oldest first.
CurriculumProgress curriculum_progress(const Curriculum& curriculum, const std::vector<SessionOutcome>& history);

/// True when the trainee may start scenario_id as an attempt at the current step now: false
/// while a remedial scenario is owed (the remedial itself may be played).
bool may_attempt(const CurriculumProgress& progress, const std::string& scenario_id);

}  // namespace tractus::scenarios
