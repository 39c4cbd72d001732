#include "station_mirror.h"

#include <algorithm>

#include "scenarios/action.h"
#include "scenarios/library.h"

namespace tractus::web {

namespace {

// the same action at the same time, in the form both sides write
bool same(const scenarios::RecordedAction& a, const scenarios::RecordedAction& b) {
  return a.t_us == b.t_us && scenarios::action_to_json(a.action) == scenarios::action_to_json(b.action);
}

}  // namespace

bool StationMirror::feed(const nlohmann::json& record_json, std::string& why) {
  scenarios::SessionRecord r;
  scenarios::LoadError e;
  if (!scenarios::parse_record(record_json, "station", r, e)) {
    why = e.path + ": " + e.reason;
    return false;
  }
  bool fresh = session_ == nullptr || r.scenario_id != known_.scenario_id ||
               r.scenario_version != known_.scenario_version || r.seed != known_.seed || r.mode != known_.mode ||
               r.actions.size() < applied_ || r.end_us < session_->now_us();
  for (std::size_t i = 0; !fresh && i < applied_; ++i) fresh = !same(r.actions[i], known_.actions[i]);
  if (fresh) {
    scenarios::Scenario sc;
    if (!scenarios::load_scenario_by_ref(r.scenario_id, sc, e)) {
      why = "scenario.id: \"" + r.scenario_id + "\" is not in this library";
      return false;
    }
    if (sc.version != r.scenario_version) {
      why = "scenario.version: the station plays version " + std::to_string(r.scenario_version) + ", this library has " +
            std::to_string(sc.version);
      return false;
    }
    scenario_ = sc;
    session_ = std::make_unique<scenarios::Session>(scenario_, scenarios::record_options(r));
    applied_ = 0;
    ++rebuilds_;
  }
  known_ = r;
  return true;
}

void StationMirror::advance(int64_t max_step_us) {
  if (!session_) return;
  int64_t budget = std::max<int64_t>(0, max_step_us);
  while (!session_->ended()) {
    // every action due now goes in before the clock moves on, as in the station's session
    while (applied_ < known_.actions.size() && known_.actions[applied_].t_us <= session_->now_us()) {
      session_->apply(known_.actions[applied_].action);
      ++applied_;
    }
    int64_t next_us = known_.end_us;
    if (applied_ < known_.actions.size()) next_us = std::min(next_us, known_.actions[applied_].t_us);
    const int64_t step_us = std::min(next_us - session_->now_us(), budget);
    if (step_us <= 0) break;
    session_->advance_us(step_us);
    budget -= step_us;
  }
}

int64_t StationMirror::behind_us() const {
  return session_ ? std::max<int64_t>(0, known_.end_us - session_->now_us()) : 0;
}

}  // namespace tractus::web
