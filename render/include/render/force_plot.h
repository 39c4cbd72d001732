// The target-against-measured force plot, drawn with ImGui's draw lists.
#pragma once

#include <imgui.h>

#include "render/force_history.h"
#include "render/units.h"

namespace tractus::render {

/// Draws the last window_s seconds of history in a box of the given size at the cursor,
/// with the force axis from 0 to at least axis_max_n, labelled in unit.
void draw_force_plot(const ForceHistory& history, float axis_max_n, ForceUnit unit,
                     float window_s, ImVec2 size);

}  // namespace tractus::render
