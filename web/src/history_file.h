// Reading an exported history file: plain C++ with no Emscripten, so the native fuzzer
// (tests/fuzz/fuzz_history.cpp) and the page share one parser.
#pragma once

#include <string>
#include <vector>

namespace tractus::web {

/// One finished training session, as the history lists it.
struct HistoryEntry {
  std::string scenario_id;
  std::string title;
  std::string mode;        // "practice" or "assessment"
  double score = 0.0;
  bool passed = false;
  int critical_errors = 0;
  std::string finished_at; // ISO 8601 wall-clock time from the browser
};

/// The history file format version this build writes and reads.
constexpr int kHistoryFormatVersion = 1;

/// Parses a history file's text within the input limits (scenarios/input_limits.h: size,
/// nesting depth, at most kMaxHistoryEntries sessions). On bad input returns false with why
/// naming the field and the reason; trainee and entries are then unspecified.
bool parse_history_text(const std::string& text, std::string& trainee,
                        std::vector<HistoryEntry>& entries, std::string& why);

}  // namespace tractus::web
