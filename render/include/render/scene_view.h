// The 3D view behind the panels: the orbit camera, the x-ray and label toggles, and drawing
// the live table or a replay film's frame into the part of the canvas no panel covers.
#pragma once

#include <vector>

#include "render/anatomy_renderer.h"
#include "render/camera.h"
#include "render/scene_label.h"
#include "render/screen_context.h"
#include "render/shape_renderer.h"
#include "render/table_scene.h"

namespace tractus::scenarios {
class Rig;
class ReplayTrace;
}  // namespace tractus::scenarios

namespace tractus::render {

/// Where the live 3D view sits on the canvas this frame.
struct LiveViewArea {
  bool full_view = false;     // the whole canvas (no toolbar or console beside it)
  float left_css_px = 0.0f;   // a panel column on the left takes this much
  bool cervical_unit = false; // draw the cervical set-up (the sandbox console's region)
};

/// How the view frames its camera preset's subject, measured in the last frame (CSS pixels,
/// x0, y0, x1, y1): what the browser tests check.
struct ViewFraming {
  bool framed = true;  // the camera is where the preset's framing put it (no drag since); the view starts framed
  CameraPreset preset = CameraPreset::Overview;
  bool cervical_unit = false;  // the scene drew the cervical set-up (the overviews widen to it)
  glm::vec4 view_px{0.0f};     // the 3D view's part of the canvas
  glm::vec4 free_px{0.0f};     // the largest part of it no panel covers
  glm::vec4 subject_px{0.0f};  // where the preset's subject projects now
  glm::vec3 eye_m{0.0f};
  bool eye_in_body = false;   // the camera sits inside the patient's body
  float tower_blocks = 0.0f;  // "Foot end": the share of sight lines to the patient the tower cuts
  ScreenRects panels_px;      // the panels over the canvas
  ScreenRects label_px;       // the part labels drawn
};

/// The 3D view. The router owns it and applies screens' ViewRequests to it; screens read it
/// through const access.
class SceneView {
 public:
  /// Creates the GPU resources; call once a GL context is current. Returns false on failure.
  bool init() { return shapes_.init() && anatomy_.init(); }
  void shutdown() {
    shapes_.shutdown();
    anatomy_.shutdown();
  }

  const OrbitCamera& camera() const { return camera_; }
  OrbitCamera& camera() { return camera_; }
  bool xray() const { return xray_; }
  bool labels() const { return labels_; }
  /// What the last scene reported (the middle of the spine on show).
  const SceneInfo& info() const { return scene_info_; }
  /// Draw calls the scene issued in the last frame.
  int draw_calls() const { return shapes_.last_draw_calls() + (anatomy_.last_triangles() > 0 ? 1 : 0); }
  /// Triangles the scene drew in the last frame; the x-ray spine's alone.
  int triangles() const { return shapes_.last_triangles() + anatomy_.last_triangles(); }
  int spine_triangles() const { return anatomy_.last_triangles(); }
  /// Labels the scene queued in the last frame (0 with labels off).
  int label_count() const { return labels_ ? static_cast<int>(scene_labels_.size()) : 0; }
  /// With bare set, the live view only clears the canvas: no table, patient or spine.
  void set_bare(bool bare) { bare_ = bare; }
  /// How the last frame framed the preset's subject.
  const ViewFraming& framing() const { return framing_; }

  /// Applies what a screen asked of the view: its camera and toggles.
  void apply(const ViewRequests& r);
  /// Orbits, pans and zooms with the mouse wherever no panel takes it.
  void handle_input();
  /// Draws the live table into the framebuffer of fb_w x fb_h pixels.
  void draw_live(const scenarios::Rig& rig, int fb_w, int fb_h, const LiveViewArea& area);
  /// Draws a replay film's frame at t_s into the rectangle rect_css (x, y, w, h, CSS pixels);
  /// with no usable film only clears the framebuffer.
  void draw_replay(const scenarios::ReplayTrace* film, double t_s, const float rect_css[4], int fb_w, int fb_h);

 private:
  // labels and the x-ray note over the 3D view (view3d_overlay.cpp)
  void draw_view_labels(float aspect, float left_css_px);
  // draws what the scene queued: opaque shapes, the spine, translucent shapes
  void flush(float aspect);
  // keeps the preset's subject framed in the free part of view_px (view_framing.cpp's fit)
  void update_framing(const glm::vec4& view_px);

  ShapeRenderer shapes_;
  AnatomyRenderer anatomy_;             // the x-ray spine, one static buffer
  OrbitCamera camera_;
  bool xray_ = false;                // translucent body with the spine inside
  bool labels_ = false;              // labels on the main parts
  SceneInfo scene_info_;             // what the last scene reported (spine centre)
  std::vector<SceneLabel> scene_labels_;  // labels queued by the last scene
  ViewFraming framing_;              // the first live frame frames the overview
  bool frame_pending_ = true;        // fit the camera at the next live frame
  bool framed_cervical_ = false;     // the unit on show when the camera was last fitted
  bool bare_ = false;                // draw no scene (the frame benchmark's baseline)
};

}  // namespace tractus::render
