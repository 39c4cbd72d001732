// A small FNV-1a hasher for determinism checks. Values are hashed by their bit pattern, so two
// states hash alike only if every bit of every field agrees.
#pragma once

#include <cstdint>
#include <cstring>

namespace tractus {

/// Incremental 64-bit FNV-1a over explicit fields (never over raw structs, whose padding
/// bytes are unspecified).
class Fnv1a {
 public:
  explicit Fnv1a(uint64_t basis = 14695981039346656037ULL) : h_(basis) {}

  void bytes(const void* data, std::size_t n) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < n; ++i) {
      h_ ^= p[i];
      h_ *= 1099511628211ULL;
    }
  }
  void u64(uint64_t v) { bytes(&v, sizeof v); }
  void i64(int64_t v) { bytes(&v, sizeof v); }
  void u32(uint32_t v) { bytes(&v, sizeof v); }
  void boolean(bool v) { const unsigned char b = v ? 1 : 0; bytes(&b, 1); }
  void f64(double v) { uint64_t bits; std::memcpy(&bits, &v, sizeof bits); u64(bits); }
  void f32(float v) { uint32_t bits; std::memcpy(&bits, &v, sizeof bits); u32(bits); }

  uint64_t value() const { return h_; }

 private:
  uint64_t h_;
};

}  // namespace tractus
