// Deterministic elementary functions for the twin.
//
// The C library's exp, log, sin and friends may differ in their last bit between glibc and
// Emscripten's musl, which would split native and WebAssembly runs apart. These versions use
// only +, -, *, /, std::floor and bit manipulation of IEEE-754 doubles, so with
// -ffp-contract=off they give the same bits on every platform. They are accurate to a few
// units in the last place over the ranges the twin uses (tests/twin/det_math_test.cpp).
#pragma once

#include <cmath>
#include <cstdint>
#include <cstring>

namespace tractus::twin::det {

constexpr double kPi = 3.14159265358979323846;
constexpr double kLn2 = 0.69314718055994530942;

/// Returns 2^k as a double for integer k in [-1022, 1023], built from its bit pattern.
inline double pow2i(int k) {
  if (k < -1022) k = -1022;
  if (k > 1023) k = 1023;
  const uint64_t bits = static_cast<uint64_t>(k + 1023) << 52;
  double d;
  std::memcpy(&d, &bits, sizeof d);
  return d;
}

/// e^x. Arguments are clamped to [-700, 700], far outside anything physical in the twin.
inline double exp(double x) {
  if (x > 700.0) x = 700.0;
  if (x < -700.0) x = -700.0;
  // split x = k ln2 + r with |r| <= ln2/2; ln2 in two parts keeps r exact
  const double k = std::floor(x / kLn2 + 0.5);
  const double ln2_hi = 6.93147180369123816490e-01;
  const double ln2_lo = 1.90821492927058770002e-10;
  const double r = (x - k * ln2_hi) - k * ln2_lo;
  // taylor series of e^r to r^13 in Horner form: the remainder is below 1e-17 for
  // |r| <= 0.35; the coefficients are 1/n! rounded once
  constexpr double c[14] = {1.0, 1.0, 1.0 / 2, 1.0 / 6, 1.0 / 24, 1.0 / 120, 1.0 / 720,
                            1.0 / 5040, 1.0 / 40320, 1.0 / 362880, 1.0 / 3628800,
                            1.0 / 39916800, 1.0 / 479001600, 1.0 / 6227020800.0};
  double sum = c[13];
  for (int n = 12; n >= 0; --n) sum = sum * r + c[n];
  return sum * pow2i(static_cast<int>(k));
}

/// Natural logarithm for x > 0; returns -745 for x <= 0 (the log of the smallest double).
inline double log(double x) {
  if (!(x > 0.0)) return -745.0;
  // split x = m 2^e with m in [sqrt(1/2), sqrt(2))
  uint64_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  int e = static_cast<int>((bits >> 52) & 0x7ff) - 1023;
  if (e == -1023) {  // subnormal: scale into the normal range first
    x *= 18014398509481984.0;  // 2^54
    std::memcpy(&bits, &x, sizeof bits);
    e = static_cast<int>((bits >> 52) & 0x7ff) - 1023 - 54;
  }
  bits = (bits & 0x000fffffffffffffULL) | 0x3ff0000000000000ULL;
  double m;
  std::memcpy(&m, &bits, sizeof m);
  if (m > 1.41421356237309504880) {
    m *= 0.5;
    e += 1;
  }
  // log(m) = 2 atanh(s) with s = (m-1)/(m+1), |s| < 0.172
  const double s = (m - 1.0) / (m + 1.0);
  const double s2 = s * s;
  // odd series s (1 + s^2/3 + s^4/5 + ... + s^22/23) in Horner form
  constexpr double c[12] = {1.0,      1.0 / 3,  1.0 / 5,  1.0 / 7,  1.0 / 9,  1.0 / 11,
                            1.0 / 13, 1.0 / 15, 1.0 / 17, 1.0 / 19, 1.0 / 21, 1.0 / 23};
  double sum = c[11];
  for (int n = 10; n >= 0; --n) sum = sum * s2 + c[n];
  return 2.0 * s * sum + static_cast<double>(e) * kLn2;
}

/// Hyperbolic tangent.
inline double tanh(double x) {
  const double ax = std::fabs(x);
  if (ax > 20.0) return x > 0.0 ? 1.0 : -1.0;
  const double e = exp(-2.0 * ax);
  const double t = (1.0 - e) / (1.0 + e);
  return x < 0.0 ? -t : t;
}

/// x^y for x > 0.
inline double pow(double x, double y) { return exp(y * log(x)); }

namespace detail {
// sine and cosine series on |r| <= pi/4, good to about 1e-16
inline double sin_series(double r) {
  const double r2 = r * r;
  double term = r, sum = r;
  for (int n = 1; n <= 9; ++n) {
    term = -term * r2 / static_cast<double>((2 * n) * (2 * n + 1));
    sum += term;
  }
  return sum;
}
inline double cos_series(double r) {
  const double r2 = r * r;
  double term = 1.0, sum = 1.0;
  for (int n = 1; n <= 9; ++n) {
    term = -term * r2 / static_cast<double>((2 * n - 1) * (2 * n));
    sum += term;
  }
  return sum;
}
}  // namespace detail

/// Sine of x radians, for |x| up to about 1e6.
inline double sin(double x) {
  const double q = std::floor(x / (kPi / 2.0) + 0.5);
  const double r = x - q * (kPi / 2.0);
  const int quadrant = static_cast<int>(q - 4.0 * std::floor(q / 4.0));
  switch (quadrant) {
    case 0: return detail::sin_series(r);
    case 1: return detail::cos_series(r);
    case 2: return -detail::sin_series(r);
    default: return -detail::cos_series(r);
  }
}

/// Cosine of x radians, for |x| up to about 1e6.
inline double cos(double x) { return sin(x + kPi / 2.0); }

/// Degrees to radians.
inline double radians(double deg) { return deg * (kPi / 180.0); }

/// Clamps x to [lo, hi].
inline double clamp(double x, double lo, double hi) { return x < lo ? lo : (x > hi ? hi : x); }

/// Smooth positive part: max(0, x) with its corner rounded over a width w (w > 0).
inline double soft_plus_part(double x, double w) {
  return 0.5 * (x + std::sqrt(x * x + w * w)) - 0.5 * w;
}

/// One step of a first-order lag toward target with time constant tau_s, exact for a
/// constant target over dt_s: value + (1 - e^(-dt/tau)) (target - value).
inline double lag(double value, double target, double tau_s, double dt_s) {
  if (tau_s <= 0.0) return target;
  return value + (1.0 - exp(-dt_s / tau_s)) * (target - value);
}

}  // namespace tractus::twin::det
