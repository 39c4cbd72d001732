// An orbit camera around a target point, with preset views. Y is up; the table runs along X
// with the head end at negative X and the traction tower at positive X.
#pragma once

#include <glm/glm.hpp>

namespace tractus::render {

/// Preset viewpoints offered in the view menu.
enum class CameraPreset { Overview, Side, FootEnd, Top, Spine };

/// Orbit camera: yaw and pitch about a target, at a distance. Angles in radians.
struct OrbitCamera {
  glm::vec3 target_m{0.1f, 0.7f, 0.0f};
  float yaw_rad = 0.6f;        // rotation about +Y, 0 looks along -Z
  float pitch_rad = 0.35f;     // elevation above the horizontal
  float distance_m = 3.9f;
  float fov_y_rad = 0.75f;

  /// Rotates by pixel deltas of a drag (one pixel turns about 0.3 degrees).
  void orbit(float dx_px, float dy_px);
  /// Moves the target in the view plane by pixel deltas of a drag.
  void pan(float dx_px, float dy_px, float viewport_h_px);
  /// Moves closer (steps > 0) or further (steps < 0); each step is about 10%.
  void zoom(float steps);
  /// Jumps to a preset viewpoint.
  void apply(CameraPreset preset);

  /// Eye position in world coordinates.
  glm::vec3 eye() const;
  /// View matrix (world to camera).
  glm::mat4 view() const;
  /// Projection matrix for a viewport aspect ratio (width over height).
  glm::mat4 projection(float aspect) const;
};

}  // namespace tractus::render
