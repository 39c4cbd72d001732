// Errors found while reading a scenario, an action file or a session record.
//
// Every error names the file, the JSON path inside it (written `$.events[2].when`, where `$`
// is the document root) and the reason, so an instructor can find and fix the mistake without
// reading source code.
#pragma once

#include <string>

namespace tractus::scenarios {

/// The first problem found in one input file.
struct LoadError {
  std::string file;    // the file as the user named it, or "<memory>" for in-memory text
  std::string path;    // JSON path of the offending value, `$` for the whole document
  std::string reason;  // why the value was refused, in one short sentence fragment

  /// True when an error was recorded.
  bool failed() const { return !reason.empty(); }
  /// The message shown to the user: "FILE: PATH: REASON".
  std::string message() const { return file + ": " + path + ": " + reason; }
};

}  // namespace tractus::scenarios
