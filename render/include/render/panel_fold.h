// Folding the panels that float over the 3D view: a "Hide" button on a panel's first line,
// and the folded panel as one button that opens it again.
#pragma once

#include <imgui.h>

#include "render/ui_registry.h"

namespace tractus::render {

/// Draws a small "Hide" button at the right end of the panel's current line and records it
/// as widget id. Returns true when pressed (the caller folds the panel).
bool fold_button(const char* id, UiRegistry& widgets);

/// Draws a folded panel: a window named window_name holding one button "label >" at pos
/// (placed by pivot, as ImGui::SetNextWindowPos), recorded as widget id. Returns true when
/// pressed (the caller opens the panel again).
bool folded_panel(const char* window_name, const char* label, const ImVec2& pos, const ImVec2& pivot, const char* id,
                  UiRegistry& widgets);

}  // namespace tractus::render
