// The 3D view: camera input, and the live table or a replay film's frame drawn into the part
// of the canvas the panels leave open.
#include "render/scene_view.h"

#include <algorithm>

#include <imgui.h>

#include "render/gl.h"
#include "scenarios/replay_trace.h"
#include "scenarios/rig.h"

namespace tractus::render {

float console_width_px() { return ImGui::GetIO().DisplaySize.x < 1100.0f ? 400.0f : 430.0f; }

float console_panel_width_px() { return std::min(console_width_px(), ImGui::GetIO().DisplaySize.x * 0.45f); }

void SceneView::apply(const ViewRequests& r) {
  if (r.camera) {
    camera_ = *r.camera;
    framing_.framed = false;  // a screen placed the camera itself
  }
  if (r.frame) {
    framing_.preset = *r.frame;
    framing_.framed = true;
    frame_pending_ = true;
    if (!r.camera) camera_.apply(*r.frame);
  }
  if (r.xray) xray_ = *r.xray;
  if (r.labels) labels_ = *r.labels;
}

void SceneView::handle_input() {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantCaptureMouse) return;
  const bool orbit = ImGui::IsMouseDragging(ImGuiMouseButton_Left);
  const bool pan = ImGui::IsMouseDragging(ImGuiMouseButton_Right) || ImGui::IsMouseDragging(ImGuiMouseButton_Middle);
  if (orbit) camera_.orbit(io.MouseDelta.x, io.MouseDelta.y);
  if (pan) camera_.pan(io.MouseDelta.x, io.MouseDelta.y, io.DisplaySize.y);
  if (io.MouseWheel != 0.0f) camera_.zoom(io.MouseWheel);
  if (orbit || pan || io.MouseWheel != 0.0f) framing_.framed = false;  // the user's camera now
}

void SceneView::draw_live(const scenarios::Rig& rig, int fb_w, int fb_h, const LiveViewArea& area) {
  glViewport(0, 0, fb_w, fb_h);
  glClearColor(0.86f, 0.88f, 0.90f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
  if (fb_w <= 0 || fb_h <= 0 || bare_) return;
  // the 3D view fills the area left of the console; off-centre projection keeps it simple
  const ImGuiIO& io = ImGui::GetIO();
  const float scale = io.DisplaySize.x > 0.0f ? static_cast<float>(fb_w) / io.DisplaySize.x : 1.0f;
  const int console_px = area.full_view ? 0 : static_cast<int>(console_panel_width_px() * scale);
  const int top_px = area.full_view ? 0 : static_cast<int>(kToolbarHeightPx * scale);
  const int left_px = static_cast<int>(area.left_css_px * scale);
  const int view_w = std::max(1, fb_w - console_px - left_px);
  const int view_h = std::max(1, fb_h - top_px);
  update_framing(glm::vec4(static_cast<float>(left_px), static_cast<float>(top_px),
                           static_cast<float>(left_px + view_w), static_cast<float>(fb_h)) / scale);
  glViewport(left_px, 0, view_w, view_h);
  shapes_.begin(camera_.view(), camera_.projection(static_cast<float>(view_w) / static_cast<float>(view_h)),
                camera_.eye());
  SceneOptions options;
  options.xray = xray_;
  options.cervical_unit = area.cervical_unit;
  scene_labels_.clear();
  options.labels = labels_ ? &scene_labels_ : nullptr;
  options.anatomy = &anatomy_;
  scene_info_ = draw_table_scene(shapes_, rig.model(), rig.twin_state(), options);
  flush(static_cast<float>(view_w) / static_cast<float>(view_h));
  if (!area.full_view) draw_view_labels(static_cast<float>(view_w) / static_cast<float>(view_h), area.left_css_px);
  glViewport(0, 0, fb_w, fb_h);
}

void SceneView::flush(float aspect) {
  // the opaque table, then the spine, then the ghosted body over both
  shapes_.flush_opaque();
  anatomy_.flush(camera_.projection(aspect) * camera_.view(), camera_.eye());
  shapes_.flush_translucent();
}

void SceneView::draw_replay(const scenarios::ReplayTrace* film, double t_s, const float rect_css[4], int fb_w,
                            int fb_h) {
  glViewport(0, 0, fb_w, fb_h);
  glClearColor(0.86f, 0.88f, 0.90f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
  if (fb_w <= 0 || fb_h <= 0 || film == nullptr || !film->ok() || film->frames().empty()) return;
  const scenarios::TraceFrame* frame = film->frame_at(static_cast<int64_t>(t_s * 1e6));
  const ImGuiIO& io = ImGui::GetIO();
  const float scale = io.DisplaySize.x > 0.0f ? static_cast<float>(fb_w) / io.DisplaySize.x : 1.0f;
  const int x = static_cast<int>(rect_css[0] * scale);
  const int w = std::max(1, static_cast<int>(rect_css[2] * scale));
  const int h = std::max(1, static_cast<int>(rect_css[3] * scale));
  const int y_gl = fb_h - static_cast<int>((rect_css[1] + rect_css[3]) * scale);
  glViewport(x, y_gl, w, h);
  shapes_.begin(camera_.view(), camera_.projection(static_cast<float>(w) / static_cast<float>(h)), camera_.eye());
  SceneOptions options;
  options.xray = xray_;
  options.anatomy = &anatomy_;
  scene_info_ = draw_table_scene(shapes_, film->session().rig().model(), frame->twin, options);
  flush(static_cast<float>(w) / static_cast<float>(h));
  glViewport(0, 0, fb_w, fb_h);
}

}  // namespace tractus::render
