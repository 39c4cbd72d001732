#include "render/force_history.h"

namespace tractus::render {

ForceHistory::ForceHistory(std::size_t capacity, double min_spacing_s)
    : samples_(capacity), min_spacing_s_(min_spacing_s) {}

void ForceHistory::add(const ForceSample& sample) {
  if (count_ > 0) {
    const double last_t_s = newest().t_s;
    if (sample.t_s < last_t_s) clear();
    else if (sample.t_s - last_t_s < min_spacing_s_) return;
  }
  if (count_ < samples_.size()) {
    samples_[(head_ + count_) % samples_.size()] = sample;
    ++count_;
  } else {
    samples_[head_] = sample;
    head_ = (head_ + 1) % samples_.size();
  }
}

const ForceSample& ForceHistory::at(std::size_t i) const {
  return samples_[(head_ + i) % samples_.size()];
}

}  // namespace tractus::render
