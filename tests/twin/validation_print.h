// The validation table's measured values (docs/twin.md, section 5b): every row's test prints
// what it measured as one line
//   [validation] ROW: measured ...
// and records it in the test's XML output, so the table can be re-measured after a physics
// change with
//   build/native-release/tests/twin/validation_tests | grep '^\[validation\]'
#pragma once

#include <gtest/gtest.h>

#include <cstdarg>
#include <cstdio>

namespace tractus::twin::testing {

/// Prints and records the measured values of the validation row named row (printf format).
inline void measured(const char* row, const char* format, ...) {
  char text[512];
  va_list args;
  va_start(args, format);
  std::vsnprintf(text, sizeof text, format, args);
  va_end(args);
  std::printf("[validation] %s: %s\n", row, text);
  ::testing::Test::RecordProperty("measured", text);
}

}  // namespace tractus::twin::testing
