// The page's simulation clock: turns each frame's wall-clock interval into simulated time and
// steps it in slices, bounded by the CPU time the stepping itself takes rather than by a fixed
// cap on the frame's interval. Plain C++ (no Emscripten), so its unit tests run on their own.
//
// Why: a fixed cap (0.1 s a frame) made simulated time fall behind wall time whenever the page
// drew fewer than 10 frames a second (software GL at 1920x1080 turned a 10-minute treatment into
// 16 minutes). The simulation costs a few microseconds a tick, so a 2 fps frame's 0.5 s of
// simulated time takes a few milliseconds: the clock steps all of it. Only when stepping itself
// is slow (a pathological cost, or a high speed on a slow machine) does the budget stop it; the
// rest is carried to the next frame, so a slow step can never make the next frame slower in turn
// (no death spiral).
#pragma once

#include <cstdint>
#include <functional>

namespace tractus::web {

/// How the clock hands out simulated time and bounds the work of one frame.
struct SimClockConfig {
  /// The simulation's step, microseconds; time is handed out in whole ticks and the remainder
  /// carries to the next frame.
  int64_t tick_us = 1000;
  /// Simulated time stepped between two looks at the CPU clock, microseconds.
  int64_t slice_us = 10000;
  /// Share of the frame's wall interval the step loop may spend stepping.
  double budget_fraction = 0.5;
  /// The step loop's CPU budget is never below this, however short the frame, milliseconds.
  double min_budget_ms = 4.0;
  /// Nor above this, however long the frame, milliseconds.
  double max_budget_ms = 50.0;
  /// Owed time beyond this many seconds of wall time (times the speed) is dropped, not stepped:
  /// after a tab was hidden for minutes the page resumes instead of racing through them.
  double max_backlog_wall_s = 10.0;
};

/// What one frame's advance did.
struct SimFrame {
  int64_t stepped_us = 0;    // simulated time advanced this frame
  double step_cpu_ms = 0.0;  // the step loop's own measured time, milliseconds
  double budget_ms = 0.0;    // what it was allowed, milliseconds
  bool budget_hit = false;   // it stopped on the budget with whole ticks still owed
};

/// Simulated time owed to the simulation, and the slice-by-slice loop that pays it.
class SimClock {
 public:
  /// Advances the simulation by us (whole ticks) and returns the simulated time it really
  /// advanced, microseconds (less when it cannot go on, e.g. a session that has ended).
  using StepFn = std::function<int64_t(int64_t us)>;
  /// Reads a monotonic clock in milliseconds (emscripten_get_now in the page, a fake in tests).
  using NowMsFn = std::function<double()>;

  explicit SimClock(const SimClockConfig& config = SimClockConfig{});

  /// Owes wall_dt_s times speed of simulated time, then steps whole ticks of what is owed in
  /// slices until nothing whole is owed or the step loop's measured time reaches its budget
  /// (budget_fraction of wall_dt_s, within min_budget_ms..max_budget_ms). A negative or
  /// non-finite interval counts as zero.
  SimFrame advance(double wall_dt_s, double speed, const StepFn& step, const NowMsFn& now_ms);

  /// Forgets what is owed (paused, or a new screen or session): nothing is stepped for it later.
  void discard() { owed_us_ = 0.0; }

  /// Simulated time owed and not yet stepped, seconds (under a tick when the clock keeps up).
  double owed_s() const { return owed_us_ * 1e-6; }
  /// Total simulated time dropped by the backlog limit since construction, seconds.
  double dropped_s() const { return dropped_us_ * 1e-6; }
  /// What the last advance did.
  const SimFrame& last() const { return last_; }
  const SimClockConfig& config() const { return config_; }

 private:
  SimClockConfig config_;
  double owed_us_ = 0.0;
  double dropped_us_ = 0.0;
  SimFrame last_;
};

}  // namespace tractus::web
