// [SECTION] the spine view: a sagittal schematic of the treated chain, drawn from the twin.
// Discs are coloured by nucleus pressure, their height opens with separation (exaggerated and
// labelled so), a herniation bulges into the canal, and the nerve root reddens as it is
// compressed.
#include <algorithm>
#include <cstdio>

#include <imgui.h>

#include "render/panel_fold.h"
#include "render/screen_context.h"
#include "render/spine_layout.h"
#include "render/spine_panel.h"
#include "render/theme.h"
#include "render/units.h"
#include "scenarios/disc_levels.h"
#include "scenarios/rig.h"

namespace tractus::render {

namespace {

// the colour scale is shared with the 3D x-ray spine (spine_layout.h)
ImU32 pressure_colour(double pressure_mpa) {
  const glm::vec4 c = disc_pressure_colour(pressure_mpa);
  return ImGui::GetColorU32(ImVec4(c.r, c.g, c.b, c.a));
}

}  // namespace

void draw_spine_panel(const scenarios::Rig& rig, bool cervical_console, float right_edge_px, UiRegistry& widgets,
                      bool* open) {
  const twin::TwinState& s = rig.twin_state();
  // the sandbox keeps one lumbar twin; its console's region picks the chain on show, as in 3D
  const bool cervical = rig.model().setup == hal::Region::Cervical || cervical_console;
  const int n = cervical ? twin::kCervicalLevels : twin::kLumbarLevels;
  const twin::LevelState* levels = cervical ? s.patient.cervical : s.patient.lumbar;
  const hal::Region chain = cervical ? hal::Region::Cervical : hal::Region::Lumbar;

  const float width = 266.0f;  // the title and its "Hide" button on one line
  if (open != nullptr && !*open) {
    if (folded_panel("Spine view (folded)", "Spine view", ImVec2(right_edge_px - 10.0f, kToolbarHeightPx + 10.0f),
                     ImVec2(1.0f, 0.0f), "spine.expand", widgets)) {
      *open = true;
    }
    return;
  }
  ImGui::SetNextWindowPos(ImVec2(right_edge_px - width - 10.0f, kToolbarHeightPx + 10.0f));
  ImGui::SetNextWindowSize(ImVec2(width, 0.0f));
  ImGui::SetNextWindowBgAlpha(0.92f);
  ImGui::Begin("Spine view", nullptr,
               ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoTitleBar |
                   ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
  ImGui::TextDisabled("%s spine, side view", cervical ? "Cervical" : "Lumbar");
  if (open != nullptr && fold_button("spine.collapse", widgets)) *open = false;

  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float body_w = 70.0f, body_h = 24.0f, disc_h = 9.0f;
  const float x0 = origin.x + 56.0f;  // left edge of the vertebral bodies (anterior)
  float y = origin.y + 2.0f;
  const ImU32 bone = IM_COL32(236, 228, 210, 255), bone_edge = IM_COL32(160, 150, 130, 255);
  const ImU32 label = ImGui::GetColorU32(theme::kMuted);
  for (int i = 0; i <= n; ++i) {
    // vertebral body with its posterior arch
    dl->AddRectFilled(ImVec2(x0, y), ImVec2(x0 + body_w, y + body_h), bone, 4.0f);
    dl->AddRect(ImVec2(x0, y), ImVec2(x0 + body_w, y + body_h), bone_edge, 4.0f);
    dl->AddRectFilled(ImVec2(x0 + body_w + 22.0f, y + 4.0f), ImVec2(x0 + body_w + 44.0f, y + body_h - 4.0f), bone, 3.0f);
    y += body_h;
    if (i == n) break;
    const twin::LevelState& l = levels[i];
    const float open_px = std::max(0.0f, static_cast<float>(l.separation_mm) * kSeparationExaggeration);
    const float h = disc_h + open_px;
    // disc
    dl->AddRectFilled(ImVec2(x0 + 3.0f, y), ImVec2(x0 + body_w - 3.0f, y + h), pressure_colour(l.pressure_mpa), 3.0f);
    // herniation bulging back into the canal
    const float bulge_px = std::clamp(static_cast<float>(l.protrusion_mm) * 3.0f, 0.0f, 18.0f);
    if (bulge_px > 0.5f) {
      dl->AddCircleFilled(ImVec2(x0 + body_w - 2.0f, y + 0.5f * h), bulge_px * 0.6f + 2.0f,
                          pressure_colour(l.pressure_mpa), 16);
      dl->AddCircle(ImVec2(x0 + body_w - 2.0f, y + 0.5f * h), bulge_px * 0.6f + 2.0f, IM_COL32(150, 90, 60, 255), 16);
    }
    // nerve root leaving behind the disc, red as it is compressed
    const float c = std::clamp(static_cast<float>(l.nerve_compression), 0.0f, 1.0f);
    const glm::vec4 nc = nerve_root_colour(c);
    const ImU32 nerve = ImGui::GetColorU32(ImVec4(nc.r, nc.g, nc.b, nc.a));
    dl->AddLine(ImVec2(x0 + body_w + 12.0f, y + 0.5f * h), ImVec2(x0 + body_w + 34.0f, y + 0.5f * h + 10.0f), nerve,
                3.0f + 2.0f * c);
    // level name and pressure
    dl->AddText(ImVec2(origin.x, y + 0.5f * h - 7.0f), label, scenarios::disc_level_label(chain, i));
    char text[24];
    std::snprintf(text, sizeof text, "%+.0f", units::mmhg_from_mpa(l.pressure_mpa));
    dl->AddText(ImVec2(x0 + body_w + 48.0f, y + 0.5f * h - 7.0f), label, text);
    y += h;
  }
  ImGui::Dummy(ImVec2(width - 28.0f, y - origin.y + 4.0f));
  ImGui::TextDisabled("Disc pressure in mmHg;");
  ImGui::TextDisabled("blue below zero. Opening x%.0f.", kSeparationExaggeration);
  widgets.record_last_item("spine.view");
  ImGui::End();
}

}  // namespace tractus::render
