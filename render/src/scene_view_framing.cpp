// The 3D view's framing (scene_view.h): each frame, the preset's subject is kept inside the
// part of the view the panels leave free, from the preset's direction, until the user moves
// the camera; it is fitted again when that part changes (a panel folds, the window resizes).
#include <algorithm>
#include <cmath>

#include <imgui.h>
#include <imgui_internal.h>

#include "render/scene_view.h"
#include "render/view_framing.h"

namespace tractus::render {

namespace {

constexpr float kFill = 0.9f;             // the subject fills this much of the free part
constexpr float kRefitPx = 2.0f;          // a free part that moved this much is fitted again
constexpr float kBodyClearanceM = 0.04f;  // the camera keeps this far outside the body
constexpr float kBackOffStepM = 0.03f;

WorldBox subject_box(CameraPreset preset, const SceneInfo& info) {
  switch (preset) {
    case CameraPreset::FootEnd:
      return info.patient;
    case CameraPreset::Spine: {
      // the bodies' centres, padded to the processes behind them (down, the patient lies
      // supine) and the transverse processes to the sides
      WorldBox b{info.spine_min_m - glm::vec3(0.03f, 0.08f, 0.05f), info.spine_max_m + glm::vec3(0.03f, 0.03f, 0.05f)};
      return b;
    }
    default:
      return info.table;
  }
}

}  // namespace

ScreenRects panels_over_view() {
  ScreenRects out;
  for (const ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) {
    if (!w->Active || w->Hidden || w->IsFallbackWindow) continue;
    if ((w->Flags & (ImGuiWindowFlags_ChildWindow | ImGuiWindowFlags_Popup | ImGuiWindowFlags_Tooltip)) != 0) continue;
    out.emplace_back(w->Pos.x, w->Pos.y, w->Pos.x + w->Size.x, w->Pos.y + w->Size.y);
  }
  return out;
}

void SceneView::update_framing(const glm::vec4& view_px) {
  ViewFraming& f = framing_;
  const WorldBox box = subject_box(f.preset, scene_info_);
  if (box.empty()) return;  // no scene drawn yet
  bool behind = false;
  const glm::vec4 shown = project_box(camera_, view_px, box, &behind);
  const float aspect = behind ? 2.0f : (shown.z - shown.x) / std::max(shown.w - shown.y, 1.0f);
  f.panels_px = panels_over_view();
  const glm::vec4 free = free_view_rect(view_px, f.panels_px, aspect);
  const bool moved = glm::length(free - f.free_px) > kRefitPx || glm::length(view_px - f.view_px) > kRefitPx;
  if (f.framed && (frame_pending_ || moved || framed_cervical_ != scene_info_.cervical)) {
    camera_.apply(f.preset);  // the preset's direction
    frame_box(camera_, view_px, free, box, kFill, 0.0f);
    // a close shot (the cervical spine) backs off along its line of sight until outside the body
    for (int i = 0; i < 40 && inside_body(camera_.eye(), scene_info_.body, scene_info_.body_parts, kBodyClearanceM);
         ++i) {
      frame_box(camera_, view_px, free, box, kFill, camera_.distance_m + kBackOffStepM);
    }
    frame_pending_ = false;
    framed_cervical_ = scene_info_.cervical;
  }
  f.cervical_unit = scene_info_.cervical;
  f.view_px = view_px;
  f.free_px = free;
  f.subject_px = project_box(camera_, view_px, box, &behind);
  f.eye_m = camera_.eye();
  f.eye_in_body = inside_body(f.eye_m, scene_info_.body, scene_info_.body_parts, 0.0f);
  // sight lines from the eye to an 11 x 5 grid over the subject's middle plane: the share the tower cuts
  int blocked = 0, lines = 0;
  const float mid_y = 0.5f * (box.min_m.y + box.max_m.y);
  for (int i = 0; i <= 10; ++i) {
    for (int j = 0; j <= 4; ++j, ++lines) {
      const glm::vec3 p(box.min_m.x + 0.1f * static_cast<float>(i) * (box.max_m.x - box.min_m.x), mid_y,
                        box.min_m.z + 0.25f * static_cast<float>(j) * (box.max_m.z - box.min_m.z));
      if (segment_hits_box(f.eye_m, p, scene_info_.tower)) ++blocked;
    }
  }
  f.tower_blocks = f.preset == CameraPreset::FootEnd ? static_cast<float>(blocked) / static_cast<float>(lines) : 0.0f;
}

}  // namespace tractus::render
