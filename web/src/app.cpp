#include "app.h"

#include <algorithm>

namespace tractus::web {

namespace {
// a tapped stop switch is held this long in simulated time, as a hand press would be
constexpr int64_t kStopTapUs = 300000;
constexpr std::size_t kFrameWindow = 600;
}  // namespace

App::App() { reset_session(); }

void App::reset_session() {
  scenarios::RigConfig cfg;
  cfg.seed = 1;
  rig_ = std::make_unique<scenarios::Rig>(cfg);
  stop_release_at_us_ = -1;
  owed_us_ = 0.0;
}

void App::advance_sim_us(int64_t dt_us) {
  // stop at the moment a tapped stop switch is released, so the press lasts exactly its time
  while (dt_us > 0) {
    int64_t chunk = dt_us;
    if (stop_release_at_us_ >= 0) chunk = std::min(chunk, std::max<int64_t>(stop_release_at_us_ - rig_->now_us(), 0));
    if (chunk > 0) {
      const int64_t before = rig_->now_us();
      rig_->advance_us(chunk);
      dt_us -= rig_->now_us() - before;
      if (rig_->now_us() == before) break;  // less than a tick owed
    }
    if (stop_release_at_us_ >= 0 && rig_->now_us() >= stop_release_at_us_) {
      rig_->set_patient_stop_pressed(false);
      stop_release_at_us_ = -1;
    }
  }
}

void App::apply_and_advance(const render::UiRequests& r, double real_dt_s) {
  if (r.reset) {
    reset_session();
    return;
  }
  if (r.speed) clock_.speed = *r.speed;
  if (r.paused) clock_.paused = *r.paused;
  if (r.stop_switch_connected) rig_->set_patient_stop_connected(*r.stop_switch_connected);
  if (r.emergency_stop) rig_->set_emergency_stop(*r.emergency_stop);
  if (r.patient_stop_tap) {
    rig_->set_patient_stop_pressed(true);
    stop_release_at_us_ = rig_->now_us() + kStopTapUs;
  }
  // console commands reach the firmware one per tick, in order
  for (const hal::ConsoleCommand& c : r.commands) {
    rig_->send(c);
    rig_->tick();
  }
  if (r.single_step) rig_->tick();
  if (clock_.paused) return;

  const double capped_s = std::min(std::max(real_dt_s, 0.0), kMaxCatchUpS);
  owed_us_ += capped_s * 1e6 * static_cast<double>(clock_.speed);
  const int64_t tick_us = 1000;
  const int64_t whole_us = static_cast<int64_t>(owed_us_ / tick_us) * tick_us;
  owed_us_ -= static_cast<double>(whole_us);
  advance_sim_us(whole_us);
}

void App::record_frame(const FrameCost& cost) {
  if (frame_costs_.size() < kFrameWindow) {
    frame_costs_.push_back(cost);
  } else {
    frame_costs_[frame_head_] = cost;
    frame_head_ = (frame_head_ + 1) % kFrameWindow;
  }
  ++frames_;
}

namespace {
// the q-quantile (0..1) of one phase over the recorded frames
double quantile(const std::vector<FrameCost>& costs, double FrameCost::*phase, double q) {
  std::vector<double> v;
  v.reserve(costs.size());
  for (const FrameCost& c : costs) v.push_back(c.*phase);
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(q * static_cast<double>(v.size())))];
}
}  // namespace

FrameStats App::frame_stats() const {
  FrameStats s;
  s.samples = static_cast<int>(frame_costs_.size());
  if (frame_costs_.empty()) return s;
  s.last_ms = frame_costs_[(frame_head_ + frame_costs_.size() - 1) % frame_costs_.size()].total_ms;
  s.p50_ms = quantile(frame_costs_, &FrameCost::total_ms, 0.5);
  s.p95_ms = quantile(frame_costs_, &FrameCost::total_ms, 0.95);
  s.p50_phase.ui_scene_ms = quantile(frame_costs_, &FrameCost::ui_scene_ms, 0.5);
  s.p50_phase.sim_ms = quantile(frame_costs_, &FrameCost::sim_ms, 0.5);
  s.p50_phase.draw_ms = quantile(frame_costs_, &FrameCost::draw_ms, 0.5);
  return s;
}

}  // namespace tractus::web
