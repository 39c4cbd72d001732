#include "render/session_view_restore.h"

#include "render/units.h"

namespace tractus::render {

ConsoleInputs console_inputs_for(const hal::Prescription& p, ForceUnit unit) {
  ConsoleInputs in;
  in.unit = unit;
  in.region = p.region == hal::Region::Cervical ? 1 : 0;
  in.protocol = static_cast<int>(p.protocol);
  in.max_force = to_display(p.max_force_n, unit);
  in.base_force = to_display(p.base_force_n, unit);
  in.release_per_s = to_display(p.release_n_per_s, unit);
  in.hold_s = p.hold_s;
  in.rest_s = p.rest_s;
  in.cycles = p.cycles;
  in.ramp_s = p.ramp_s;
  in.treatment_min = p.treatment_s / 60.0f;
  return in;
}

void fill_history_from_series(ForceHistory& history, const std::vector<scenarios::Sample>& series) {
  history.clear();
  for (const scenarios::Sample& s : series) {
    // the series keeps the clinicians' unit (the session report's); the plot works in newtons
    history.add(ForceSample{s.t_s, static_cast<float>(s.target_lbf) * kNewtonsPerLbf,
                            static_cast<float>(s.measured_lbf) * kNewtonsPerLbf});
  }
}

}  // namespace tractus::render
