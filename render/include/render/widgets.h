// Small widgets shared by the trainer's panels.
#pragma once

#include <imgui.h>

namespace tractus::render {

/// A button filled with a solid colour and white text; greyed out and inert when !enabled.
/// Returns true when clicked.
bool coloured_button(const char* label, const ImVec4& colour, const ImVec2& size, bool enabled);

}  // namespace tractus::render
