// A text label pinned to a point of the 3D scene, drawn over the view when labels are on.
#pragma once

#include <string>
#include <vector>

#include <glm/glm.hpp>

namespace tractus::render {

/// One label: the world point it names (metres) and its text. Labels with a lower priority
/// number are placed first and win when two would overlap on screen.
struct SceneLabel {
  glm::vec3 world_m{0.0f};
  std::string text;
  int priority = 1;
  /// When above zero, the label shows only once this many metres at its point span enough
  /// pixels to read it by (vertebra names appear when the camera is close to the spine).
  float detail_m = 0.0f;
};

}  // namespace tractus::render

namespace tractus::render {

/// Screen rectangles (x0, y0, x1, y1 in ImGui pixels) that text over the 3D view must keep
/// clear of, such as the panels floating over it.
using ScreenRects = std::vector<glm::vec4>;

/// Draws labels over the 3D view with ImGui's background draw list: each on a backing
/// rectangle with a leader line to its point, placed in priority order and nudged up or down
/// (or left out) rather than drawn over another label or one of the obstacles. A label whose
/// point is hidden under an obstacle is left out. view_proj maps world to clip space; the view
/// occupies the screen rectangle view_min..view_max in ImGui (CSS) pixels. Returns the boxes
/// of the labels drawn.
ScreenRects draw_scene_labels(const std::vector<SceneLabel>& labels, const glm::mat4& view_proj,
                       const glm::vec2& view_min, const glm::vec2& view_max, const ScreenRects& obstacles);

/// Draws a short note on a backing rectangle along the bottom (else the top) of the 3D view,
/// clear of the obstacles, e.g. what the x-ray colours mean and how much they are exaggerated.
/// Returns false, drawing nothing, when no such spot is wide enough; else true, with the
/// note's box in *box when box is not null.
bool draw_view_note(const char* text, const glm::vec2& view_min, const glm::vec2& view_max,
                    const ScreenRects& obstacles, glm::vec4* box = nullptr);

}  // namespace tractus::render
