// What a resumed training session's plot shows: the whole session so far. After a reload the
// session is rebuilt by replaying its record; without this the plot would start at the resume
// point (issue 11, section 4). The console's fields show the running prescription through
// ConsolePanel::show_prescription.
#pragma once

#include <vector>

#include "render/force_history.h"
#include "scenarios/session.h"

namespace tractus::render {

/// Replaces the plot's history with a session's recorded series (a sample every 100 ms of
/// session time: the firmware's setpoint and the force the console showed). The live plot runs
/// on the table's clock, which reads table_start_s when the session's clock reads 0 (the
/// power-on self-test), so each sample is moved by it: the plot reads as it did before.
void fill_history_from_series(ForceHistory& history, const std::vector<scenarios::Sample>& series,
                              double table_start_s = 0.0);

}  // namespace tractus::render
