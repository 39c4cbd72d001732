// Scoring and debrief: turns a session into its report.
//
// The score is the weighted share of rubric items earned, as 0..100, less the points for hints
// taken. A session passes with at least the scenario's pass score and no critical error:
// an unsafe session never passes, whatever else went well.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "scenarios/session.h"

namespace tractus::scenarios {

/// One scored rubric item.
struct ItemScore {
  std::string id;
  std::string label;
  double weight = 0.0;
  double earned = 0.0;
  int64_t t_us = -1;      // when it was earned; -1 when missed or not applicable
  std::string expected;   // what the trainee should have done
  std::string why;
};

/// Time-to-stop after one sharp-pain report, stop request or stop-switch press.
struct StopMetric {
  std::string trigger;
  double t_s = 0.0;
  double time_to_stop_s = -1.0;  // -1 when traction never stopped
};

/// The whole report of a session, as the CLI prints it and the UI shows it.
struct Report {
  std::string scenario;
  int version = 0;
  uint64_t seed = 0;
  std::string mode;
  double score = 0.0;
  bool passed = false;
  std::vector<CriticalError> critical_errors;
  std::vector<ItemScore> items;
  double max_force_n = 0.0;
  double time_outside_safe_band_s = 0.0;
  std::vector<StopMetric> time_to_stop;
  double first_check_in_s = -1.0;  // after the first start; -1 when never
  int hints_used = 0;
  double hint_penalty = 0.0;
  std::vector<TimelineEntry> timeline;
  uint64_t timeline_hash = 0;
  double session_s = 0.0;
};

/// Ids and meanings of the engine's critical errors, for docs and the debrief.
struct CriticalErrorInfo {
  const char* id;
  const char* expected;  // what a safe clinician does instead
  const char* why;
};
const std::vector<CriticalErrorInfo>& critical_error_catalogue();

/// Scores the session as it stands (final once it has ended).
Report build_report(const Session& session);

/// The live score for the practice-mode performance indicator. Returns false (and leaves
/// score alone) in assessment mode, where it is hidden.
bool live_score(const Session& session, double& score);

/// Hash of a timeline (times, kinds, tags and texts), for replay checks.
uint64_t hash_timeline(const std::vector<TimelineEntry>& timeline);

/// The report as JSON: scenario, version, seed, mode, score, passed, critical_errors, items,
/// metrics, timeline and debrief; the plotted series too when with_series is true.
nlohmann::json report_to_json(const Report& report, const Session& session, bool with_series);

}  // namespace tractus::scenarios
