// Strict reading of numbers from text, for command-line options.
//
// The C library's strtod and strtoull accept more than a user means: leading spaces, a sign on
// an unsigned value ("-1" becomes 2^64 - 1), "nan" and "inf", values out of range (clamped
// with errno set to ERANGE), and trailing garbage unless the caller checks. These readers take
// only the whole text as one plain number and say why they refused anything else.
#pragma once

#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace tractus::scenarios {

/// Reads a non-negative decimal integer: digits only, no sign, no spaces, at most 2^64 - 1.
/// On false, why says what was wrong.
inline bool parse_u64_text(const char* text, uint64_t& out, std::string& why) {
  if (text == nullptr || *text == '\0') {
    why = "is empty";
    return false;
  }
  for (const char* c = text; *c != '\0'; ++c) {
    if (*c < '0' || *c > '9') {
      why = "is not a non-negative whole number (digits only)";
      return false;
    }
  }
  errno = 0;
  char* end = nullptr;
  const unsigned long long v = std::strtoull(text, &end, 10);
  if (errno == ERANGE || *end != '\0') {
    why = "is out of range (at most 18446744073709551615)";
    return false;
  }
  out = static_cast<uint64_t>(v);
  return true;
}

/// Reads a finite decimal number (strtod syntax, the whole text, no leading space). NaN,
/// infinities and values that overflow or underflow a double are refused.
inline bool parse_finite_text(const char* text, double& out, std::string& why) {
  if (text == nullptr || *text == '\0' || *text == ' ' || *text == '\t' || *text == '\n') {
    why = "is not a number";
    return false;
  }
  errno = 0;
  char* end = nullptr;
  const double v = std::strtod(text, &end);
  if (end == text || *end != '\0') {
    why = "is not a number";
    return false;
  }
  if (!std::isfinite(v)) {
    why = "is not a finite number";
    return false;
  }
  if (errno == ERANGE) {
    why = "is out of range for a double";
    return false;
  }
  out = v;
  return true;
}

/// Reads a finite number within [lo, hi]; NaN fails the range check as well.
inline bool parse_number_in(const char* text, double lo, double hi, double& out,
                            std::string& why) {
  double v = 0.0;
  if (!parse_finite_text(text, v, why)) return false;
  if (!(v >= lo && v <= hi)) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "must be between %g and %g", lo, hi);
    why = buf;
    return false;
  }
  out = v;
  return true;
}

/// Reads a whole number within [lo, hi] (both at most 2^63 - 1).
inline bool parse_count_in(const char* text, uint64_t lo, uint64_t hi, uint64_t& out,
                           std::string& why) {
  uint64_t v = 0;
  if (!parse_u64_text(text, v, why)) return false;
  if (v < lo || v > hi) {
    why = "must be between " + std::to_string(lo) + " and " + std::to_string(hi);
    return false;
  }
  out = v;
  return true;
}

/// Prints "PROGRAM: OPTION: 'TEXT' WHY" to stderr, the form every option error takes.
inline void print_option_error(const char* program, const char* option, const char* text,
                               const std::string& why) {
  std::fprintf(stderr, "%s: %s: '%s' %s\n", program, option, text, why.c_str());
}

/// parse_finite_text, printing the error as print_option_error does.
inline bool parse_finite_option(const char* program, const char* option, const char* text,
                                double& out) {
  std::string why;
  if (parse_finite_text(text, out, why)) return true;
  print_option_error(program, option, text, why);
  return false;
}

}  // namespace tractus::scenarios
