// Framing the 3D view's camera presets around the panels: the part of the view no panel
// covers, and a camera fit that puts a world box inside it.
#pragma once

#include <glm/glm.hpp>

#include "render/camera.h"
#include "render/scene_label.h"

namespace tractus::render {

/// An axis-aligned world box, metres.
struct WorldBox {
  glm::vec3 min_m{0.0f};
  glm::vec3 max_m{0.0f};
  bool empty() const { return !(max_m.x > min_m.x && max_m.y > min_m.y && max_m.z > min_m.z); }
};

/// A capsule of the patient's body (a sphere when a_m equals b_m), metres.
struct BodyCapsule {
  glm::vec3 a_m{0.0f}, b_m{0.0f};
  float radius_m = 0.0f;
};

/// The rectangles of the panels (top-level ImGui windows, popups and tooltips left out) drawn
/// so far this frame, CSS pixels.
ScreenRects panels_over_view();

/// Whether two screen rectangles (x0, y0, x1, y1) overlap with positive area.
bool rects_overlap(const glm::vec4& a, const glm::vec4& b);

/// The rectangle inside view (x0, y0, x1, y1, CSS pixels) that no obstacle overlaps and that
/// holds the largest copy of a subject whose screen width over height is subject_aspect. Its
/// edges come from the view's and the obstacles' edges. Returns view when no obstacle touches it.
glm::vec4 free_view_rect(const glm::vec4& view, const ScreenRects& obstacles, float subject_aspect);

/// The screen rectangle (CSS pixels) the box's corners project to when the camera draws into
/// view. Sets *behind when a corner lies behind the camera (the rectangle is then meaningless).
glm::vec4 project_box(const OrbitCamera& camera, const glm::vec4& view, const WorldBox& box, bool* behind);

/// Moves the camera's target and distance, keeping its yaw and pitch, so the box's projection
/// is centred in free and fills `fill` of it in its tighter direction, or less when that
/// would bring the camera closer than min_distance_m.
void frame_box(OrbitCamera& camera, const glm::vec4& view, const glm::vec4& free, const WorldBox& box, float fill,
               float min_distance_m);

/// Whether point p (metres) lies within margin_m of any of the capsules.
bool inside_body(const glm::vec3& p, const BodyCapsule* parts, int count, float margin_m);

/// Whether the segment from a to b passes through the box.
bool segment_hits_box(const glm::vec3& a, const glm::vec3& b, const WorldBox& box);

}  // namespace tractus::render
