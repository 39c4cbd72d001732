// A fixed-capacity history of target and measured force for the live plot.
#pragma once

#include <cstddef>
#include <vector>

namespace tractus::render {

/// One sample of the force plot.
struct ForceSample {
  double t_s = 0.0;
  float target_n = 0.0f;
  float measured_n = 0.0f;
};

/// Ring buffer of force samples, oldest overwritten first. Samples closer together than
/// min_spacing_s are dropped, so the plot covers the same span at any simulation speed.
class ForceHistory {
 public:
  explicit ForceHistory(std::size_t capacity = 2400, double min_spacing_s = 0.05);

  /// Appends a sample unless it is too close to the last one; a sample earlier than the last
  /// (the simulation was reset) clears the history first.
  void add(const ForceSample& sample);
  void clear() { count_ = 0; head_ = 0; }

  std::size_t size() const { return count_; }
  /// The i-th oldest sample, 0 <= i < size().
  const ForceSample& at(std::size_t i) const;
  /// The newest sample; only valid when size() > 0.
  const ForceSample& newest() const { return at(count_ - 1); }

 private:
  std::vector<ForceSample> samples_;
  std::size_t head_ = 0;   // index of the oldest sample
  std::size_t count_ = 0;
  double min_spacing_s_;
};

}  // namespace tractus::render
