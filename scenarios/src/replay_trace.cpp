#include "scenarios/replay_trace.h"

#include <algorithm>

namespace tractus::scenarios {

namespace {
constexpr int64_t kTickUs = 1000;
}

ReplayTrace::ReplayTrace(const Scenario& scenario, const SessionRecord& record, int64_t interval_us)
    : record_(record), interval_us_(std::max<int64_t>(kTickUs, interval_us / kTickUs * kTickUs)) {
  if (scenario.id != record.scenario_id || scenario.version != record.scenario_version) {
    error_ = "the record is for scenario " + record.scenario_id + " version " +
             std::to_string(record.scenario_version) + ", not " + scenario.id + " version " +
             std::to_string(scenario.version);
    done_ = true;
    return;
  }
  session_ = std::make_unique<Session>(scenario, record_options(record));
  // the film holds end/interval frames; reserving keeps a long session from reallocating
  frames_.reserve(static_cast<std::size_t>(std::max<int64_t>(record.end_us, 0) / interval_us_ + 2));
  capture();
  plan_next_step();
}

void ReplayTrace::capture() {
  TraceFrame f;
  f.t_us = session_->now_us();
  f.twin = session_->rig().twin_state();
  const hal::DisplayState& d = session_->rig().display();
  f.table_state = d.state;
  f.measured_force_n = d.measured_force_n;
  f.target_force_n = d.target_force_n;
  f.alarm_code = d.alarm_code;
  frames_.push_back(f);
  next_frame_us_ = f.t_us + interval_us_;
}

void ReplayTrace::plan_next_step() {
  if (next_action_ < record_.actions.size()) {
    pending_us_ = record_.actions[next_action_].t_us - session_->now_us();
  } else {
    pending_us_ = session_->ended() ? 0 : record_.end_us - session_->now_us();
  }
}

bool ReplayTrace::advance(int64_t budget_us) {
  if (done_) return true;
  int64_t budget_left_us = std::max<int64_t>(budget_us, 0);
  for (;;) {
    if (pending_us_ <= 0 || session_->ended()) {
      // a step due in the past still reaches the session, as replay()'s advance would
      if (pending_us_ < 0 && !session_->ended()) session_->advance_us(pending_us_);
      pending_us_ = 0;
      if (next_action_ == record_.actions.size()) {
        if (frames_.back().t_us != session_->now_us()) capture();
        done_ = true;
        return true;
      }
      // replay() applies every recorded action, even after the session has ended
      session_->apply(record_.actions[next_action_].action);
      ++next_action_;
      plan_next_step();
      continue;
    }
    if (budget_left_us <= 0) return false;
    // slices that add up to replay()'s advance give the same ticks: the session carries
    // any part of a tick over to its next call
    const int64_t to_frame_us = std::max<int64_t>(next_frame_us_ - session_->now_us(), kTickUs);
    const int64_t slice_us = std::min({pending_us_, budget_left_us, to_frame_us});
    session_->advance_us(slice_us);
    pending_us_ -= slice_us;
    budget_left_us -= slice_us;
    if (session_->now_us() >= next_frame_us_) capture();
  }
}

double ReplayTrace::progress() const {
  if (done_) return 1.0;
  if (record_.end_us <= 0 || !session_) return 0.0;
  return std::clamp(static_cast<double>(session_->now_us()) / static_cast<double>(record_.end_us), 0.0, 1.0);
}

const TraceFrame* ReplayTrace::frame_at(int64_t t_us) const {
  if (frames_.empty()) return nullptr;
  auto it = std::upper_bound(frames_.begin(), frames_.end(), t_us,
                             [](int64_t t, const TraceFrame& f) { return t < f.t_us; });
  return it == frames_.begin() ? &frames_.front() : &*(it - 1);
}

}  // namespace tractus::scenarios
