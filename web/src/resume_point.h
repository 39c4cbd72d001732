// The running training session, saved so that a reload can resume it.
//
// The session record (scenario id and version, seed, mode, every action at its exact
// microsecond, and the session time reached) is all a resume needs: replaying it on a fresh
// session rebuilds the table, the patient and the score timeline as they were, because the
// session is deterministic. The file is {"format": "tractus-resume", "version": 1,
// "title": ..., "saved_at": ..., "record": RECORD}.
//
// A course of care adds a course block and is version 2: {..., "version": 2, "course": {"id",
// "version", "seed", "mode", "sessions": [RECORD, ...]}, "record": RECORD}, the finished
// sessions' records in order (scenarios/course_replay.h). Between two sessions (one finished,
// the next not opened) there is no running session and the file has no "record".
#pragma once

#include <optional>
#include <string>

#include "scenarios/course_replay.h"
#include "scenarios/record.h"

namespace tractus::web {

/// One saved running session.
struct ResumePoint {
  std::string title;               // the scenario's (or the course's) title, for the offer
  std::string saved_at;            // ISO 8601 wall-clock time of the save
  bool in_session = true;          // false: a course left between two sessions, no record
  scenarios::SessionRecord record; // record.end_us is the session time it was left at
  std::optional<scenarios::CourseProgress> course;  // the course of care it belongs to, if any
};

/// True when a is a later point than b of the same session or course (more sessions of the
/// course finished, or the same and further into the running one), or not of the same one
/// at all: of two copies of the resume file the later one is kept.
bool resume_is_later(const ResumePoint& a, const ResumePoint& b);

/// The resume file as JSON text.
std::string resume_to_json(const ResumePoint& point);

/// Reads a resume file. Returns false with why (the JSON path and the reason) when it cannot
/// be used.
bool parse_resume(const std::string& text, ResumePoint& out, std::string& why);

}  // namespace tractus::web
