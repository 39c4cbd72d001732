// A replay kept as a film: the session a record describes, re-run a slice at a time with a
// snapshot of the twin and the console every interval, so the debrief can scrub through the
// session in 3D without the UI ever stalling on a long replay.
//
// The trace drives a fresh Session exactly as replay() does (advance to each action's time,
// apply it, run to the record's end), so its final session has the recorded score and
// timeline. Cutting the run into slices changes nothing: Session::advance_us carries any
// remainder over to the next call.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "hal/hal.h"
#include "scenarios/record.h"
#include "scenarios/scenario.h"
#include "scenarios/session.h"
#include "twin/state.h"

namespace tractus::scenarios {

/// One moment of the replayed session: enough to redraw the 3D view and the console readout.
struct TraceFrame {
  int64_t t_us = 0;              // session time
  twin::TwinState twin;          // the table and patient at that moment
  hal::TableState table_state = hal::TableState::Idle;
  float measured_force_n = 0.0f;  // what the console showed
  float target_force_n = 0.0f;
  uint16_t alarm_code = 0;
};

/// Replays a record in slices and keeps a frame every interval.
class ReplayTrace {
 public:
  /// Prepares the replay of record on scenario, keeping a frame every interval_us (rounded
  /// to whole milliseconds, at least 1 ms). If the record does not belong to the scenario,
  /// ok() is false and error() says why; nothing is run.
  ReplayTrace(const Scenario& scenario, const SessionRecord& record, int64_t interval_us);

  /// Runs at most budget_us of session time. Returns true once the whole record has run.
  bool advance(int64_t budget_us);

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  bool done() const { return done_; }
  /// Share of the record's session time replayed so far, 0..1.
  double progress() const;

  const SessionRecord& record() const { return record_; }
  /// The replayed session; final once done().
  const Session& session() const { return *session_; }
  /// Frames so far, oldest first, interval apart from t = 0.
  const std::vector<TraceFrame>& frames() const { return frames_; }
  /// The last frame at or before t_us (the first frame for earlier times); null when none.
  const TraceFrame* frame_at(int64_t t_us) const;
  /// Session time the film ends at, microseconds.
  int64_t end_us() const { return record_.end_us; }

 private:
  void capture();
  // what replay() would advance before its next step, measured when the step before it ran
  void plan_next_step();

  SessionRecord record_;
  std::unique_ptr<Session> session_;
  std::string error_;
  int64_t interval_us_ = 1000;
  int64_t next_frame_us_ = 0;
  std::size_t next_action_ = 0;  // record_.actions.size(): only the run to the end is left
  int64_t pending_us_ = 0;       // session time still to run before the next step
  bool done_ = false;
  std::vector<TraceFrame> frames_;
};

}  // namespace tractus::scenarios
