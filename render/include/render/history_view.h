// What the start screen shows of saved data beyond the history list: an import waiting for the
// user's confirmation, a running session left by a reload that can be resumed, and the user's
// answers to both. The host fills these in; the UI only draws them and reports the choice.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace tractus::render {

/// An import planned but not yet written: what it would add, skip and refuse.
struct ImportPreview {
  std::string file_name;               // as the browser names the picked file
  std::vector<std::string> adding;     // one line per session that would be added
  std::vector<std::string> skipping;   // one line per session already saved (identical)
  std::vector<std::string> differing;  // saved under the same id, but different in the file
  std::vector<std::string> refused;    // "PATH: REASON (title)" per refused entry
  int unknown_scenarios = 0;           // sessions of scenarios this library does not have
  bool trainee_differs = false;        // the file names another trainee
  std::string saved_trainee;
  std::string file_trainee;
  int serial = 0;                      // changes with every new preview
};

/// The user's answer to an ImportPreview.
struct ImportDecision {
  bool accept = false;             // false: cancel, nothing is written
  bool replace_trainee = false;    // take the file's trainee name
  bool replace_differing = false;  // take the file's copy of each differing session
};

/// A running session that was left by a reload and can be resumed.
struct ResumeOffer {
  std::string title;      // the scenario's title (a course's own title for a course)
  double left_at_s = 0.0; // session time it was left at
  // a course of care: the session the resume returns to (1-based) of how many, and how many
  // are finished; course_sessions is 0 for a single scenario
  int course_session = 0;
  int course_sessions = 0;
  int course_finished = 0;
  bool between_sessions = false;  // left on the debrief of course_session, the next not opened
};

/// Where a resume returns to, as the offer's button ends after the title: " at 01:15" for a
/// single session, ": Session 2 of 12 at 00:35" in a course, ": after Session 1 of 12" for a
/// course left between two sessions. Never clipped, so the session is always named.
std::string resume_offer_where(const ResumeOffer& offer);

/// One step of the curriculum as the start screen lists it.
struct CurriculumStepView {
  std::string scenario;     // the library id
  std::string title;        // the scenario's title
  std::string why;          // what the step teaches
  bool mastered = false;
  std::string mastered_at;  // ISO 8601 time of the mastering session
  int attempts = 0;         // counted attempts
};

/// The trainee's progress through the curriculum (scenarios/curriculum.h), with titles.
struct CurriculumView {
  enum class Next { Step, Remedial, Done };
  std::string title;
  std::vector<CurriculumStepView> steps;
  std::size_t mastered = 0;
  std::size_t current_step = 0;  // the first step not mastered (steps.size() when done)
  Next next = Next::Step;
  std::string next_scenario;     // the library id to play next ("" when done)
  std::string next_title;        // its title
  bool remedial_is_easier_case = false;  // the remedial was picked as an easier case of the step's category
};

}  // namespace tractus::render
