// A course of care rebuilt from its session records, as a reload resumes it.
//
// A course is deterministic given its scenario, seed, mode and each session's actions: replaying
// the finished sessions' records in order through CourseRun::finish() rebuilds the patient's
// between-session state, the scores and the progress exactly, and the running session's record
// then replays on the next session's scenario as a single session's does. Each record is checked
// on the way: it must be for the course, carry the seed and mode the course gives that session,
// and (for a finished one) reproduce its recorded result.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "scenarios/course.h"
#include "scenarios/load_error.h"
#include "scenarios/record.h"
#include "scenarios/scoring.h"
#include "scenarios/session.h"

namespace tractus::scenarios {

/// The most finished sessions a saved course may hold: the scenario format's largest course.
constexpr std::size_t kMaxCourseSessions = 40;

/// A course of care in progress, as it is saved.
struct CourseProgress {
  std::string course_id;             // the course scenario's id
  int course_version = 0;            // and its version
  uint64_t seed = 1;                 // the course seed (CourseRun's)
  Mode mode = Mode::Practice;
  std::vector<SessionRecord> finished;  // the finished sessions' records, in order
};

/// The progress of a running course: its scenario, seed, mode and finished records.
CourseProgress course_progress(const CourseRun& run);

/// Checks, without replaying anything, that progress is for this course (its id and version)
/// and leaves a session to play. Returns false with why ("$.course.FIELD: reason").
bool course_progress_fits(const Scenario& course, const CourseProgress& progress, std::string& why);

/// A course rebuilt from its progress.
struct RebuiltCourse {
  std::unique_ptr<CourseRun> run;
  /// The last finished session as replayed (its debrief is where a reload between two
  /// sessions returns to); null when no session had finished.
  std::unique_ptr<Session> last;
};

/// Rebuilds the course from progress on the course scenario (loaded from the library). Returns
/// false with why ("$.course.FIELD: reason", the field in the resume file's course block) when
/// the progress is not for this course or a record does not replay as it was saved.
bool rebuild_course(const Scenario& course, const CourseProgress& progress, RebuiltCourse& out,
                    std::string& why);

/// One step of rebuild_course, so a host can spread a rebuild over frames: replays record (the
/// finished session at place index of the block) on run's next session, checks it and finishes
/// it; last receives the replayed session. Returns false with why as rebuild_course does.
bool replay_finished_session(CourseRun& run, const SessionRecord& record, std::size_t index,
                             std::unique_ptr<Session>& last, std::string& why);

/// Replays the running session's record on the course's next session, to the moment it was
/// left. Returns false with why ("$.record.FIELD: reason") when the record is not the next
/// session of this course.
bool replay_course_session(const CourseRun& run, const SessionRecord& record,
                           std::unique_ptr<Session>& out, std::string& why);

/// The debrief report of a finished course session: the session's own report, with the
/// course's flare-up (the dose past what the patient tolerated) as a critical error that fails it.
Report course_session_report(const Session& session, const CourseSession& entry);

/// The progress as JSON: {"id", "version", "seed", "mode", "sessions": [RECORD, ...]}.
nlohmann::json course_progress_to_json(const CourseProgress& progress);
/// Reads a saved course block; errors carry the JSON path (under "$") and the reason.
bool parse_course_progress(const nlohmann::json& j, const std::string& file, CourseProgress& out,
                           LoadError& error);

}  // namespace tractus::scenarios
