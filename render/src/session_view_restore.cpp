#include "render/session_view_restore.h"

#include "render/units.h"

namespace tractus::render {

void fill_history_from_series(ForceHistory& history, const std::vector<scenarios::Sample>& series,
                              double table_start_s) {
  history.clear();
  for (const scenarios::Sample& s : series) {
    // the series keeps the clinicians' unit (the session report's); the plot works in newtons
    history.add(ForceSample{s.t_s + table_start_s, static_cast<float>(s.target_lbf) * kNewtonsPerLbf,
                            static_cast<float>(s.measured_lbf) * kNewtonsPerLbf});
  }
}

}  // namespace tractus::render
