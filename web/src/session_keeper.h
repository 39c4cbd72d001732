// Keeps the running training session in browser storage, so a reload can offer to resume it.
//
// The host saves the session's record about once a second while it runs, and at once when
// the page is hidden (pagehide), to /persist beside the history; it discards the file when the
// session ends or the user leaves it. On the next load the start screen offers the saved
// session: resume replays the record to the moment it was left, then play goes on live.
// A course of care is kept the same way with its finished sessions' records, and also between
// two sessions, until the course is done or left.
#pragma once

#include <cstddef>
#include <string>

#include "resume_point.h"
#include "scenarios/course.h"
#include "scenarios/session.h"

namespace tractus::web {

/// The saved running session.
class SessionKeeper {
 public:
  /// Wall time between periodic saves, milliseconds: a resume is at most this far behind the
  /// moment the page was left (times the simulation speed), when the pagehide save was lost.
  static constexpr double kSaveIntervalMs = 1000.0;

  /// Uses the file at path (e.g. "/persist/session.json").
  explicit SessionKeeper(std::string path) : path_(std::move(path)) {}

  /// Reads the saved session. Returns false when there is none; when there was one that
  /// cannot be used, why says what was wrong and the file is removed.
  bool load(ResumePoint& out, std::string& why);
  /// Saves now, under title: the running session (null for a course between two sessions)
  /// and the course of care it belongs to (null for a single scenario).
  void save(const scenarios::Session* session, const scenarios::CourseRun* course, const std::string& title);
  /// Saves when kSaveIntervalMs have passed since the last save, and at once when the session
  /// holds an action the last save did not (so a resume never loses an action, only at most
  /// the time since); wall_ms is the browser's clock.
  void save_if_due(const scenarios::Session& session, const scenarios::CourseRun* course, const std::string& title,
                   double wall_ms);
  /// Forgets the saved session.
  void discard();

 private:
  std::string path_;
  double last_save_ms_ = -1e300;  // browser clock of the last save
  std::size_t saved_actions_ = 0;  // actions the last save held
};

}  // namespace tractus::web
