// What a resumed training session's console shows: the prescription the firmware is running,
// and the plot of the whole session so far. After a reload the session is rebuilt by replaying
// its record; without these the console would show its power-on defaults and the plot would
// start at the resume point (issue 11, section 4).
#pragma once

#include <vector>

#include "hal/hal.h"
#include "render/force_history.h"
#include "render/trainer_ui.h"
#include "scenarios/session.h"

namespace tractus::render {

/// The console inputs that show prescription p in the display unit: region, protocol, forces
/// (converted from newtons), times and cycles.
ConsoleInputs console_inputs_for(const hal::Prescription& p, ForceUnit unit);

/// Replaces the plot's history with a session's recorded series (a sample every 100 ms of
/// session time: the firmware's setpoint and the force the console showed).
void fill_history_from_series(ForceHistory& history, const std::vector<scenarios::Sample>& series);

}  // namespace tractus::render
