// The trainer's visual style: a light clinical theme with one accent colour, and the
// colours used for states and alarms.
#pragma once

#include <imgui.h>

namespace tractus::render::theme {

/// Applies the style to the current ImGui context.
void apply();

// status colours, shared by chips, gauges and plots
inline const ImVec4 kAccent{0.05f, 0.45f, 0.62f, 1.0f};
inline const ImVec4 kOk{0.10f, 0.55f, 0.30f, 1.0f};
inline const ImVec4 kWarn{0.85f, 0.52f, 0.05f, 1.0f};
inline const ImVec4 kDanger{0.78f, 0.12f, 0.12f, 1.0f};
inline const ImVec4 kMuted{0.40f, 0.43f, 0.47f, 1.0f};
inline const ImVec4 kMeasured{0.93f, 0.45f, 0.10f, 1.0f};
inline const ImVec4 kTarget{0.15f, 0.40f, 0.75f, 1.0f};

}  // namespace tractus::render::theme
