// Shared pieces of the libFuzzer targets: the fuzzed bytes as text, and a check that stops
// the run (libFuzzer then saves the input) when an invariant of the code under test breaks.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

#include "scenarios/input_limits.h"
#include "scenarios/json_file.h"
#include "scenarios/load_error.h"

namespace tractus::fuzz {

/// The input as a string (it may hold any bytes, NUL included).
inline std::string text(const uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

/// Aborts with a message when ok is false: a broken invariant is a finding like a crash.
inline void require(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
  std::abort();
}

/// A refused input must say where and why, as every loader promises.
inline void require_message(const scenarios::LoadError& e) {
  require(e.failed() && !e.path.empty() && e.path[0] == '$', "a refusal names a JSON path");
}

/// Parses the input as JSON text with the shared reader; false when it is refused.
inline bool parse(const uint8_t* data, std::size_t size, nlohmann::json& j) {
  scenarios::LoadError e;
  if (scenarios::parse_json_text(text(data, size), "fuzz", j, e)) return true;
  require_message(e);
  return false;
}

}  // namespace tractus::fuzz
