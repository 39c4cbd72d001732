// [SECTION] text over the 3D view: part labels (toolbar "Labels") and the x-ray legend
#include <algorithm>
#include <cstdio>

#include <imgui.h>

#include "render/scene_label.h"
#include "render/scene_view.h"
#include "render/spine_layout.h"
#include "render/view_framing.h"

namespace tractus::render {


void SceneView::draw_view_labels(float aspect, float left_css_px) {
  framing_.label_px.clear();
  if (!labels_ && !xray_) return;
  const ImGuiIO& io = ImGui::GetIO();
  const float console_css = console_panel_width_px();
  const glm::vec2 view_min(left_css_px, kToolbarHeightPx);
  const glm::vec2 view_max(io.DisplaySize.x - console_css, io.DisplaySize.y);
  ScreenRects panels = panels_over_view();
  if (xray_) {
    // the note first: the labels then keep clear of it as of a panel
    char note[128];
    std::snprintf(note, sizeof note, "X-ray: disc colour = pressure (blue below zero); opening x%.0f, bulge x%.0f",
                  kSeparationExaggeration, kBulgeExaggeration);
    glm::vec4 box;
    bool shown = draw_view_note(note, view_min, view_max, panels, &box);
    if (!shown) {
      std::snprintf(note, sizeof note, "X-ray: opening x%.0f, bulge x%.0f", kSeparationExaggeration, kBulgeExaggeration);
      shown = draw_view_note(note, view_min, view_max, panels, &box);
    }
    if (shown) panels.push_back(box);
  }
  if (labels_) {
    framing_.label_px =
        draw_scene_labels(scene_labels_, camera_.projection(aspect) * camera_.view(), view_min, view_max, panels);
  }
}

}  // namespace tractus::render
