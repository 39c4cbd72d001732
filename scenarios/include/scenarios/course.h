// A course of care: one scenario played as 12-20 sessions over weeks, the patient's state
// carried from each session to the next.
//
// Each session is an ordinary Session of the course's scenario, driven by its own action
// script. Between sessions the course advances a small patient state: the resting back pain,
// the force the patient tolerates and the disc height they keep. A tolerated session lowers the
// pain and lifts the tolerance to about adapt_per_session above the dose given (adaptation); a
// dose past the tolerance by more than the course's flare margin flares the back up: the pain
// jumps, the tolerance falls, and the course records the critical error "flare_up". Day-to-day swings of pain and adaptation come from a
// generator seeded by the course seed, so one seed and one set of scripts give one report.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "scenarios/load_error.h"
#include "scenarios/record.h"
#include "scenarios/scenario.h"
#include "scenarios/script.h"
#include "scenarios/session.h"

namespace tractus::scenarios {

/// The patient's state carried between sessions.
struct CourseState {
  double pain_0_10 = 5.0;        // resting back pain, before the day's swing
  double tolerance_n = 33.0 * units::kNewtonsPerLbf;  // force the patient takes without a flare
  double last_dose_n = 0.0;      // highest cord tension of the last treated session, 0 if none
  double retained_height_mm = 0.0;  // disc height kept from session to session
};

/// One session of a course as it went.
struct CourseSession {
  int index = 0;                 // 0-based
  double day = 0.0;              // days since the first session
  double day_pain_0_10 = 0.0;    // resting pain on the day, with its swing
  double tolerance_n = 0.0;      // the tolerance going in
  double goal_min_n = 0.0, goal_max_n = 0.0;  // the prescription range for the session
  double dose_n = 0.0;           // highest true cord tension as the console shows it (to
                                 // 0.1 lbf), 0 when not treated
  double step_fraction = 0.0;    // dose over the last treated dose, less 1
  bool flare = false;            // the dose flared the back up
  double score = 0.0;
  bool passed = false;
  std::vector<CriticalError> critical_errors;
  double stature_gain_mm = 0.0;  // the twin's retained height gain at the session's end
};

/// The report of a whole course.
struct CourseReport {
  std::string scenario;
  int version = 0;
  uint64_t seed = 0;
  std::vector<CourseSession> sessions;
  double score = 0.0;            // mean of the session scores
  bool passed = false;           // score >= pass score and no critical error in any session
  std::vector<std::string> critical_errors;  // "session N: id", flare-ups included
  CourseState final_state;
};

/// A course action file: {"sessions": [ACTIONS, ACTIONS, ...]}, one action array (script.h)
/// per session, exactly as many as the course has sessions.
using CourseScript = std::vector<ActionScript>;

/// Reads a course action file from parsed JSON; errors name the file, the JSON path and why.
bool parse_course_script(const nlohmann::json& j, const std::string& file, int sessions,
                         CourseScript& out, LoadError& error);
/// Reads and parses a course action file.
bool load_course_script(const std::string& file, int sessions, CourseScript& out,
                        LoadError& error);

/// The scenario of session `index` given the state carried in: the chart and briefing tell of
/// the last session and today's pain, and the goal's force range runs from the last dose to
/// the course's largest step (the first session keeps the scenario's own range).
Scenario course_session_scenario(const Scenario& course, const CourseState& state, int index,
                                 double day_pain_0_10);

/// A course played one session at a time, as the trainer's screens play it: build the next
/// session from next_scenario() and next_options(), let the trainee play it, then hand it to
/// finish(), which scores it and carries the patient's state to the next one.
class CourseRun {
 public:
  CourseRun(const Scenario& course, uint64_t seed, Mode mode = Mode::Practice);

  /// True once every session of the course has been finished.
  bool done() const;
  /// The next session: its scenario (chart and goal for the day), its options (seed, mode,
  /// the day's pain) and what is known of it before it is played. Meaningless once done().
  const Scenario& next_scenario() const { return next_scenario_; }
  SessionOptions next_options() const;
  const CourseSession& next_session() const { return next_; }
  /// Scores a played session of next_scenario() and advances the course; returns its entry.
  const CourseSession& finish(const Session& session);

  const Scenario& course() const { return course_; }
  /// The seed and mode the course was started with.
  uint64_t seed() const { return report_.seed; }
  Mode mode() const { return mode_; }
  /// The record of each finished session, in order: with the course, seed and mode they are
  /// all a reload needs to rebuild the course exactly (course_replay.h).
  const std::vector<SessionRecord>& records() const { return records_; }
  /// The report so far (final once done()).
  const CourseReport& report() const { return report_; }
  const CourseState& state() const { return state_; }

 private:
  void plan_next();

  Scenario course_;
  Mode mode_;
  CourseReport report_;
  std::vector<SessionRecord> records_;
  CourseState state_;
  CourseSession next_;
  Scenario next_scenario_;
  double adapt_swing_ = 0.0;  // the next session's adaptation swing, -1..1
  double total_score_ = 0.0;
};

/// Plays every session of the course with its script and returns the report. The scenario
/// must carry a course (course.sessions > 0) and scripts one entry per session.
CourseReport run_course(const Scenario& course, const CourseScript& scripts, uint64_t seed,
                        Mode mode = Mode::Practice);

/// The report as JSON: scenario, version, seed, score, passed, critical_errors, sessions and
/// the final state.
nlohmann::json course_report_to_json(const CourseReport& report);

}  // namespace tractus::scenarios
