// Reading JSON text without exceptions: syntax errors come back as a LoadError with the line
// and column, so a malformed file never crashes the app or the command-line tool.
#pragma once

#include <cstddef>
#include <string>

#include <nlohmann/json.hpp>

#include "scenarios/input_limits.h"
#include "scenarios/load_error.h"

namespace tractus::scenarios {

/// Parses text as JSON. On a syntax error returns false with error.path "$" and the reason
/// naming the line and column; text over max_bytes, or nested deeper than kMaxJsonDepth, is
/// refused with the limit. file is copied into error.file. max_bytes is larger only for the
/// trainer's own saved history, which grows with every finished session.
bool parse_json_text(const std::string& text, const std::string& file, nlohmann::json& out,
                     LoadError& error, std::size_t max_bytes = kMaxFileBytes);
/// Reads a whole file and parses it; a missing or unreadable file is an error too.
bool read_json_file(const std::string& file, nlohmann::json& out, LoadError& error);
/// Reads a whole file into text; returns false if it cannot be opened.
bool read_text_file(const std::string& file, std::string& out);

}  // namespace tractus::scenarios
