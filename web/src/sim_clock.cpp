#include "sim_clock.h"

#include <algorithm>
#include <cmath>

namespace tractus::web {

SimClock::SimClock(const SimClockConfig& config) : config_(config) {
  config_.tick_us = std::max<int64_t>(1, config_.tick_us);
  config_.slice_us = std::max(config_.tick_us, config_.slice_us / config_.tick_us * config_.tick_us);
}

SimFrame SimClock::advance(double wall_dt_s, double speed, const StepFn& step, const NowMsFn& now_ms) {
  SimFrame f;
  const double dt_s = std::isfinite(wall_dt_s) && wall_dt_s > 0.0 ? wall_dt_s : 0.0;
  const double rate = std::isfinite(speed) && speed > 0.0 ? speed : 0.0;

  // owe this frame's time; a backlog longer than the limit (a hidden tab) is dropped
  owed_us_ += dt_s * rate * 1e6;
  const double max_owed_us = config_.max_backlog_wall_s * rate * 1e6;
  if (owed_us_ > max_owed_us) {
    dropped_us_ += owed_us_ - max_owed_us;
    owed_us_ = max_owed_us;
  }

  // pay it slice by slice while the step loop's own time is within its budget
  f.budget_ms = std::clamp(config_.budget_fraction * dt_s * 1e3, config_.min_budget_ms, config_.max_budget_ms);
  const double tick = static_cast<double>(config_.tick_us);
  const double start_ms = now_ms();
  while (owed_us_ >= tick) {
    if (now_ms() - start_ms >= f.budget_ms) {
      f.budget_hit = true;
      break;
    }
    const int64_t whole_us = static_cast<int64_t>(owed_us_ / tick) * config_.tick_us;
    const int64_t slice_us = std::min(config_.slice_us, whole_us);
    const int64_t done_us = std::clamp<int64_t>(step(slice_us), 0, slice_us);
    if (done_us == 0) {
      owed_us_ = 0.0;  // the simulation cannot go on (an ended session): nothing stays owed
      break;
    }
    owed_us_ -= static_cast<double>(done_us);
    f.stepped_us += done_us;
  }
  f.step_cpu_ms = now_ms() - start_ms;
  last_ = f;
  return f;
}

}  // namespace tractus::web
