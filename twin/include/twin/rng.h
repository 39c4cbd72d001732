// The one seeded random generator of a session, with its own distribution code.
//
// Standard-library distributions differ between libstdc++ and Emscripten's libc++, and
// transcendental functions may differ in their last bit between C libraries, so every
// distribution here uses only integer operations, +, -, * and /. A given seed yields the same
// sequence natively and in WebAssembly.
#pragma once

#include <cstdint>

namespace tractus {

/// xoshiro256** generator (Blackman and Vigna's published algorithm) seeded through splitmix64.
class Rng {
 public:
  /// Creates a generator whose whole sequence is determined by seed.
  explicit Rng(uint64_t seed = 1);

  /// Next raw 64-bit output.
  uint64_t next_u64();
  /// Uniform double in [0, 1) with 53 random bits.
  double uniform01();
  /// Uniform double in [lo, hi).
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform01(); }
  /// Approximately standard-normal deviate: the Irwin-Hall sum of 12 uniforms minus 6, each
  /// uniform of 16 bits taken from a quarter of a raw draw. It has mean 0, variance 1 (less
  /// 1/65536^2, negligible) and is bounded to [-6, 6], which suits sensor noise.
  double normal01();
  /// Normal deviate with the given mean and standard deviation.
  double normal(double mean, double stddev) { return mean + stddev * normal01(); }
  /// Uniform integer in [0, n) for n >= 1, by rejection so there is no modulo bias.
  uint64_t below(uint64_t n);

  /// The four state words, for hashing and snapshots.
  const uint64_t* state_words() const { return s_; }

 private:
  uint64_t s_[4];
};

}  // namespace tractus
