// The browser host: owns the session (rig), the simulation clock and the UI, and runs one
// frame at a time from the browser's animation callback. It never owns the main loop.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "render/trainer_ui.h"
#include "scenarios/rig.h"

namespace tractus::web {

/// One frame's CPU cost in milliseconds, split by phase.
struct FrameCost {
  double total_ms = 0.0;
  double ui_scene_ms = 0.0;  // ImGui panels built and the 3D scene submitted
  double sim_ms = 0.0;       // requests applied and the simulation advanced
  double draw_ms = 0.0;      // ImGui draw lists submitted to WebGL
};

/// Per-frame CPU cost statistics over the most recent frames, in milliseconds.
struct FrameStats {
  double last_ms = 0.0;
  double p50_ms = 0.0;
  double p95_ms = 0.0;
  FrameCost p50_phase;  // median of each phase on its own
  int samples = 0;
};

/// Everything the page runs.
class App {
 public:
  /// Builds a fresh session with the reference table and patient.
  App();

  /// Applies the UI's requests, then advances the simulation by real_dt_s times the speed,
  /// capped so a slow frame never makes the next one slower (no death spiral).
  void apply_and_advance(const render::UiRequests& requests, double real_dt_s);

  /// Records one frame's CPU time (simulation, UI and draw submission).
  void record_frame(const FrameCost& cost);
  /// Median and 95th percentile of the recorded frames.
  FrameStats frame_stats() const;

  const scenarios::Rig& rig() const { return *rig_; }
  render::TrainerUi& ui() { return ui_; }
  const render::TrainerUi& ui() const { return ui_; }
  const render::ClockView& clock() const { return clock_; }
  int64_t frames() const { return frames_; }

  /// The longest simulated time one frame may advance at 1x, seconds.
  static constexpr double kMaxCatchUpS = 0.1;

 private:
  void reset_session();
  void advance_sim_us(int64_t dt_us);

  std::unique_ptr<scenarios::Rig> rig_;
  render::TrainerUi ui_;
  render::ClockView clock_;
  int64_t stop_release_at_us_ = -1;  // when a tapped stop switch is let go again
  double owed_us_ = 0.0;             // fraction of a tick carried to the next frame
  std::vector<FrameCost> frame_costs_;  // ring of recent frame costs
  std::size_t frame_head_ = 0;
  int64_t frames_ = 0;
};

}  // namespace tractus::web
