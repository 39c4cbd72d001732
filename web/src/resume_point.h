// The running training session, saved so that a reload can resume it.
//
// The session record (scenario id and version, seed, mode, every action at its exact
// microsecond, and the session time reached) is all a resume needs: replaying it on a fresh
// session rebuilds the table, the patient and the score timeline as they were, because the
// session is deterministic. The file is {"format": "tractus-resume", "version": 1,
// "title": ..., "saved_at": ..., "record": RECORD}.
#pragma once

#include <string>

#include "scenarios/record.h"

namespace tractus::web {

/// One saved running session.
struct ResumePoint {
  std::string title;               // the scenario's title, for the start screen's offer
  std::string saved_at;            // ISO 8601 wall-clock time of the save
  scenarios::SessionRecord record; // record.end_us is the session time it was left at
};

/// The resume file as JSON text.
std::string resume_to_json(const ResumePoint& point);

/// Reads a resume file. Returns false with why (the JSON path and the reason) when it cannot
/// be used.
bool parse_resume(const std::string& text, ResumePoint& out, std::string& why);

}  // namespace tractus::web
