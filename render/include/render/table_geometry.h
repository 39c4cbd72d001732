// Pure geometry of the table's adjustable parts, shared by the 3D scene and its tests.
#pragma once

#include <cmath>

#include <glm/glm.hpp>

namespace tractus::render {

/// The twin's table_height_m at which the scene's table is modelled; the hi-lo column lifts
/// everything it carries by the difference.
constexpr float kSceneRestTableHeightM = 0.65f;

/// How far the hi-lo column lifts the table top above the modelled rest height, metres
/// (negative when lowered).
inline float hilo_lift_m(double table_height_m) {
  return static_cast<float>(table_height_m) - kSceneRestTableHeightM;
}

/// Height of a pulley standing at pulley_x_m that makes a cord from anchor_m rise at
/// angle_deg over the horizontal, metres; the pull-angle arm holds the pulley there.
inline float pulley_height_m(const glm::vec3& anchor_m, float pulley_x_m, float angle_deg) {
  return anchor_m.y + std::fabs(pulley_x_m - anchor_m.x) * std::tan(glm::radians(angle_deg));
}

}  // namespace tractus::render
