// [SECTION] text over the 3D view: part labels (toolbar "Labels") and the x-ray legend
#include <algorithm>
#include <cstdio>

#include <imgui.h>
#include <imgui_internal.h>

#include "render/scene_label.h"
#include "render/scene_view.h"
#include "render/spine_layout.h"

namespace tractus::render {

namespace {

// every top-level window drawn this frame: the panels that float over the view
ScreenRects panel_rects() {
  ScreenRects out;
  for (const ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) {
    if (!w->Active || w->Hidden || w->IsFallbackWindow || (w->Flags & ImGuiWindowFlags_ChildWindow) != 0) continue;
    out.emplace_back(w->Pos.x, w->Pos.y, w->Pos.x + w->Size.x, w->Pos.y + w->Size.y);
  }
  return out;
}

}  // namespace

void SceneView::draw_view_labels(float aspect, float left_css_px) {
  if (!labels_ && !xray_) return;
  const ImGuiIO& io = ImGui::GetIO();
  const float console_css = console_panel_width_px();
  const glm::vec2 view_min(left_css_px, kToolbarHeightPx);
  const glm::vec2 view_max(io.DisplaySize.x - console_css, io.DisplaySize.y);
  const ScreenRects panels = panel_rects();
  if (labels_) {
    draw_scene_labels(scene_labels_, camera_.projection(aspect) * camera_.view(), view_min, view_max, panels);
  }
  if (xray_) {
    char note[128];
    std::snprintf(note, sizeof note, "X-ray: disc colour = pressure (blue below zero); opening x%.0f, bulge x%.0f",
                  kSeparationExaggeration, kBulgeExaggeration);
    if (!draw_view_note(note, view_min, view_max, panels)) {
      std::snprintf(note, sizeof note, "X-ray: opening x%.0f, bulge x%.0f", kSeparationExaggeration, kBulgeExaggeration);
      draw_view_note(note, view_min, view_max, panels);
    }
  }
}

}  // namespace tractus::render
