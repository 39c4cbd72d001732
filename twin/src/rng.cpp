#include "twin/rng.h"

namespace tractus {

namespace {
uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

uint64_t splitmix64(uint64_t& x) {
  uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}
}  // namespace

Rng::Rng(uint64_t seed) {
  uint64_t x = seed;
  for (uint64_t& w : s_) w = splitmix64(x);
}

uint64_t Rng::next_u64() {
  const uint64_t result = rotl(s_[1] * 5, 7) * 9;
  const uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = rotl(s_[3], 45);
  return result;
}

double Rng::uniform01() {
  // top 53 bits scaled by 2^-53: exact in binary floating point
  return static_cast<double>(next_u64() >> 11) * (1.0 / 9007199254740992.0);
}

double Rng::normal01() {
  // Twelve 16-bit uniforms from three draws, summed as integers: the same Irwin-Hall shape as
  // twelve 53-bit uniforms at a quarter of the draws. Each piece stands for the centre of its
  // 1/65536 bin, hence the +6 (12 x 0.5) before scaling.
  uint64_t sum = 0;
  for (int draw = 0; draw < 3; ++draw) {
    const uint64_t x = next_u64();
    sum += (x & 0xffffu) + ((x >> 16) & 0xffffu) + ((x >> 32) & 0xffffu) + (x >> 48);
  }
  return (static_cast<double>(sum) + 6.0) * (1.0 / 65536.0) - 6.0;
}

uint64_t Rng::below(uint64_t n) {
  if (n <= 1) return 0;
  // reject the top partial block so every residue is equally likely
  const uint64_t limit = UINT64_MAX - (UINT64_MAX % n);
  uint64_t x = next_u64();
  while (x >= limit) x = next_u64();
  return x % n;
}

}  // namespace tractus
