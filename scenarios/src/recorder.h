// The session's recorder: the timeline, the patient's speech, the 100 ms series, the
// recorded actions and the table states reached. It only keeps what it is given, stamped
// with the session time the caller passes; it decides nothing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "hal/hal.h"
#include "scenarios/rig.h"
#include "scenarios/session_types.h"
#include "scenarios/timeline.h"

namespace tractus::scenarios {

class Recorder {
 public:
  /// Appends a timeline entry at t_us.
  void log(int64_t t_us, const std::string& kind, const std::string& tag, const std::string& text);
  /// The patient says text at t_us: into the speech log and onto the timeline.
  void say(int64_t t_us, const std::string& text);
  /// Records an action as accepted and returns its index (set_accepted changes its verdict).
  std::size_t record_action(int64_t t_us, const Action& action);
  void set_accepted(std::size_t index, bool accepted) { actions_[index].accepted = accepted; }
  /// Samples the series at t_us: forces in newtons, the goal level's separation and pressure in
  /// the twin's region, the carriage, and the pain the patient reports.
  void take_sample(int64_t t_us, const Rig& rig, hal::Region region, int level_index, int pain_0_10);
  /// Notes a table state as reached ("treating"); a state is kept once.
  void reach_state(const std::string& state);
  bool reached_state(const std::string& state) const;

  const std::vector<TimelineEntry>& timeline() const { return timeline_; }
  const std::vector<Utterance>& speech() const { return speech_; }
  const std::vector<RecordedAction>& actions() const { return actions_; }
  const std::vector<Sample>& series() const { return series_; }

 private:
  std::vector<TimelineEntry> timeline_;
  std::vector<Utterance> speech_;
  std::vector<RecordedAction> actions_;
  std::vector<Sample> series_;
  std::vector<std::string> states_reached_;
};

}  // namespace tractus::scenarios
