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

void App::record_frame_ms(double ms) {
  if (frame_ms_.size() < kFrameWindow) {
    frame_ms_.push_back(ms);
  } else {
    frame_ms_[frame_head_] = ms;
    frame_head_ = (frame_head_ + 1) % kFrameWindow;
  }
  ++frames_;
}

FrameStats App::frame_stats() const {
  FrameStats s;
  s.samples = static_cast<int>(frame_ms_.size());
  if (frame_ms_.empty()) return s;
  s.last_ms = frame_ms_[(frame_head_ + frame_ms_.size() - 1) % frame_ms_.size()];
  std::vector<double> sorted = frame_ms_;
  std::sort(sorted.begin(), sorted.end());
  s.p50_ms = sorted[sorted.size() / 2];
  s.p95_ms = sorted[std::min(sorted.size() - 1, (sorted.size() * 95) / 100)];
  return s;
}

}  // namespace tractus::web
