#include "recorder.h"

#include <algorithm>


namespace tractus::scenarios {

void Recorder::log(int64_t t_us, const std::string& kind, const std::string& tag,
                   const std::string& text) {
  timeline_.push_back(TimelineEntry{t_us, kind, tag, text});
}

void Recorder::say(int64_t t_us, const std::string& text) {
  speech_.push_back(Utterance{t_us, text});
  log(t_us, "patient_says", "patient_says", text);
}

std::size_t Recorder::record_action(int64_t t_us, const Action& action) {
  actions_.push_back(RecordedAction{t_us, action, true});
  return actions_.size() - 1;
}

void Recorder::take_sample(int64_t t_us, const Rig& rig, hal::Region region, int level_index,
                           int pain_0_10) {
  Sample s;
  s.t_s = static_cast<double>(t_us) * 1e-6;
  s.force_n = rig.twin_state().cord_tension_n;
  s.measured_n = rig.display().measured_force_n;
  s.target_n = rig.display().target_force_n;
  const twin::PatientState& body = rig.twin_state().patient;
  const twin::LevelState& level =
      region == hal::Region::Cervical ? body.cervical[level_index] : body.lumbar[level_index];
  s.separation_mm = level.separation_mm;
  s.pressure_mpa = level.pressure_mpa;
  s.carriage_mm = rig.twin_state().carriage_pos_m * 1000.0;
  s.pain_0_10 = pain_0_10;
  series_.push_back(s);
}

void Recorder::reach_state(const std::string& state) {
  if (!reached_state(state)) states_reached_.push_back(state);
}

bool Recorder::reached_state(const std::string& state) const {
  return std::find(states_reached_.begin(), states_reached_.end(), state) != states_reached_.end();
}

}  // namespace tractus::scenarios
