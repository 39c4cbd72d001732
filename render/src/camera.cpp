#include "render/camera.h"

#include <algorithm>
#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

namespace tractus::render {

namespace {
constexpr float kRadPerPx = 0.005f;
constexpr float kMinPitchRad = -0.2f;
constexpr float kMaxPitchRad = 1.55f;
constexpr float kMinDistanceM = 0.4f;
constexpr float kMaxDistanceM = 9.0f;
}  // namespace

void OrbitCamera::orbit(float dx_px, float dy_px) {
  yaw_rad -= dx_px * kRadPerPx;
  pitch_rad = std::clamp(pitch_rad + dy_px * kRadPerPx, kMinPitchRad, kMaxPitchRad);
}

void OrbitCamera::pan(float dx_px, float dy_px, float viewport_h_px) {
  // one viewport height of drag moves the target by the visible height at the target
  const float visible_h_m = 2.0f * distance_m * std::tan(fov_y_rad * 0.5f);
  const float m_per_px = visible_h_m / std::max(viewport_h_px, 1.0f);
  const glm::vec3 forward = glm::normalize(target_m - eye());
  const glm::vec3 right = glm::normalize(glm::cross(forward, glm::vec3(0, 1, 0)));
  const glm::vec3 up = glm::cross(right, forward);
  target_m += (-dx_px * right + dy_px * up) * m_per_px;
}

void OrbitCamera::zoom(float steps) {
  distance_m = std::clamp(distance_m * std::pow(0.9f, steps), kMinDistanceM, kMaxDistanceM);
}

void OrbitCamera::apply(CameraPreset preset) {
  switch (preset) {
    case CameraPreset::Overview:
      *this = OrbitCamera{};
      break;
    case CameraPreset::Side:
      target_m = {0.1f, 0.8f, 0.0f};
      yaw_rad = 0.0f;
      pitch_rad = 0.12f;
      distance_m = 2.8f;
      break;
    case CameraPreset::FootEnd:
      // from beyond the tower, 27 degrees off the table's axis and 40 degrees up, so the tower
      // stands beside the patient's feet rather than in front of them
      target_m = {-0.05f, 0.85f, 0.0f};
      yaw_rad = 1.10f;
      pitch_rad = 0.70f;
      distance_m = 3.0f;
      break;
    case CameraPreset::Top:
      target_m = {0.1f, 0.8f, 0.0f};
      yaw_rad = 0.0f;
      pitch_rad = 1.5f;
      distance_m = 3.0f;
      break;
    case CameraPreset::Spine:
      // a side (sagittal) view of the spine; the view frames the chain on show (lumbar or cervical)
      target_m = {-0.16f, 0.80f, 0.0f};
      yaw_rad = 0.12f;
      pitch_rad = 0.42f;  // from above the arm that lies between the camera and the spine
      distance_m = 0.48f;
      break;
  }
}

glm::vec3 OrbitCamera::eye() const {
  const float c = std::cos(pitch_rad);
  return target_m + distance_m * glm::vec3(c * std::sin(yaw_rad), std::sin(pitch_rad),
                                           c * std::cos(yaw_rad));
}

glm::mat4 OrbitCamera::view() const { return glm::lookAt(eye(), target_m, glm::vec3(0, 1, 0)); }

glm::mat4 OrbitCamera::projection(float aspect) const {
  return glm::perspective(fov_y_rad, aspect, 0.05f, 50.0f);
}

}  // namespace tractus::render
