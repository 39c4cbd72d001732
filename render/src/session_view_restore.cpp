#include "render/session_view_restore.h"

#include "render/units.h"

namespace tractus::render {

void fill_history_from_series(ForceHistory& history, const std::vector<scenarios::Sample>& series,
                              double table_start_s) {
  history.clear();
  for (const scenarios::Sample& s : series) {
    history.add(ForceSample{s.t_s + table_start_s, static_cast<float>(s.target_n), static_cast<float>(s.measured_n)});
  }
}

}  // namespace tractus::render
