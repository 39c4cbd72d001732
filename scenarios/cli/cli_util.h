// Small helpers shared by the training-engine commands of the command-line tool.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include <nlohmann/json.hpp>

#include "scenarios/load_error.h"
#include "scenarios/number_text.h"

namespace tractus::cli {

/// Prints a load error as "tractus-cli COMMAND: FILE: PATH: REASON".
inline void print_error(const char* command, const scenarios::LoadError& e) {
  std::fprintf(stderr, "tractus-cli %s: %s\n", command, e.message().c_str());
}

/// Prints JSON the way every command does: two-space indent, invalid UTF-8 replaced.
inline void print_json(const nlohmann::json& j) {
  std::printf("%s\n", j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
}

/// Parses an unsigned decimal integer option strictly (scenarios/number_text.h: digits only,
/// at most 2^64 - 1); reports the option and the reason on failure.
inline bool parse_u64(const char* command, const char* option, const char* text, uint64_t& out) {
  std::string why;
  if (scenarios::parse_u64_text(text, out, why)) return true;
  const std::string program = std::string("tractus-cli ") + command;
  scenarios::print_option_error(program.c_str(), option, text, why);
  return false;
}

}  // namespace tractus::cli
