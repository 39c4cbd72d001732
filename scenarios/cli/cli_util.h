// Small helpers shared by the training-engine commands of the command-line tool.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include <nlohmann/json.hpp>

#include "scenarios/load_error.h"

namespace tractus::cli {

/// Prints a load error as "tractus-cli COMMAND: FILE: PATH: REASON".
inline void print_error(const char* command, const scenarios::LoadError& e) {
  std::fprintf(stderr, "tractus-cli %s: %s\n", command, e.message().c_str());
}

/// Prints JSON the way every command does: two-space indent, invalid UTF-8 replaced.
inline void print_json(const nlohmann::json& j) {
  std::printf("%s\n", j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
}

/// Parses an unsigned decimal integer option; reports the option and the reason on failure.
inline bool parse_u64(const char* command, const char* option, const char* text, uint64_t& out) {
  char* end = nullptr;
  if (*text == '\0' || *text == '-') end = const_cast<char*>(text);
  else out = std::strtoull(text, &end, 10);
  if (end == text || *end != '\0') {
    std::fprintf(stderr, "tractus-cli %s: %s: '%s' is not a non-negative integer\n", command,
                 option, text);
    return false;
  }
  return true;
}

}  // namespace tractus::cli
