#include "render/table_scene.h"

#include <glm/glm.hpp>

namespace tractus::render {

namespace {

// palette, linear RGB
const glm::vec4 kFloor{0.55f, 0.56f, 0.58f, 1.0f};
const glm::vec4 kWall{0.78f, 0.80f, 0.82f, 1.0f};
const glm::vec4 kFrame{0.28f, 0.30f, 0.33f, 1.0f};
const glm::vec4 kChrome{0.62f, 0.64f, 0.68f, 1.0f};
const glm::vec4 kCushion{0.10f, 0.24f, 0.38f, 1.0f};
const glm::vec4 kCarriage{0.12f, 0.30f, 0.46f, 1.0f};
const glm::vec4 kTower{0.86f, 0.87f, 0.89f, 1.0f};
const glm::vec4 kCord{0.95f, 0.72f, 0.15f, 1.0f};
const glm::vec4 kSkin{0.80f, 0.58f, 0.45f, 1.0f};
const glm::vec4 kGown{0.45f, 0.62f, 0.70f, 1.0f};
const glm::vec4 kHarness{0.14f, 0.14f, 0.16f, 1.0f};

// table layout along X, metres; the head end is at negative X
constexpr float kTopY = 0.74f;           // cushion top height
constexpr float kUpperStartX = -1.05f;   // head end of the upper (fixed) section
constexpr float kUpperEndX = -0.02f;
constexpr float kLowerLengthM = 0.95f;   // carriage section length
constexpr float kGapX = 0.02f;           // split between the sections at rest
constexpr float kTowerX = 1.28f;
constexpr float kPulleyY = 0.93f;

}  // namespace

void draw_table_scene(ShapeRenderer& s, const twin::TwinModel& model, const twin::TwinState& state,
                      const SceneOptions& options) {
  (void)model;
  const float carriage_m = static_cast<float>(state.carriage_pos_m);

  // room
  if (options.show_room) {
    s.box({0.0f, -0.01f, 0.0f}, {7.0f, 0.02f, 6.0f}, kFloor);
    s.box({0.0f, 1.5f, -2.6f}, {7.0f, 3.0f, 0.05f}, kWall);
  }

  // base and column of the hi-lo frame
  s.box({0.0f, 0.04f, 0.0f}, {1.6f, 0.08f, 0.55f}, kFrame);
  s.box({0.0f, 0.35f, 0.0f}, {0.3f, 0.55f, 0.3f}, kChrome);
  s.box({0.05f, 0.63f, 0.0f}, {2.1f, 0.06f, 0.5f}, kFrame);

  // upper (thoracic) section, fixed
  const float upper_len = kUpperEndX - kUpperStartX;
  s.box({kUpperStartX + 0.5f * upper_len, kTopY - 0.04f, 0.0f}, {upper_len, 0.08f, 0.62f}, kCushion);

  // lower (pelvic) section rides on the carriage
  const float lower_start = kUpperEndX + kGapX + carriage_m;
  s.box({lower_start + 0.5f * kLowerLengthM, kTopY - 0.04f, 0.0f}, {kLowerLengthM, 0.08f, 0.62f},
        kCarriage);
  // carriage rails
  for (float z : {-0.2f, 0.2f}) {
    s.box({0.45f, 0.675f, z}, {1.05f, 0.025f, 0.04f}, kChrome);
  }

  // traction tower with the motor housing and pulley
  s.box({kTowerX, 0.5f, 0.0f}, {0.16f, 1.0f, 0.24f}, kTower);
  s.box({kTowerX, 1.02f, 0.0f}, {0.3f, 0.18f, 0.3f}, kTower);
  s.cylinder({kTowerX - 0.08f, kPulleyY, -0.05f}, {kTowerX - 0.08f, kPulleyY, 0.05f}, 0.045f, kChrome);

  // patient lying supine, head at negative X; the pelvis and legs ride with the carriage
  float pelvis_x = -0.02f + carriage_m;
  if (options.show_patient) {
    const float body_y = kTopY + 0.11f;
    s.sphere({-0.93f, body_y + 0.02f, 0.0f}, {0.1f, 0.11f, 0.095f}, kSkin);        // head
    s.capsule({-0.78f, body_y, 0.0f}, {-0.72f, body_y, 0.0f}, 0.05f, kSkin);       // neck
    s.capsule({-0.62f, body_y, 0.0f}, {-0.18f, body_y, 0.0f}, 0.15f, kGown);       // trunk
    // arms along the sides
    for (float z : {-0.21f, 0.21f}) {
      s.capsule({-0.62f, body_y - 0.03f, z}, {-0.08f, body_y - 0.05f, z}, 0.045f, kGown);
    }
    // lumbar region and pelvis: stretched by the carriage travel
    s.capsule({-0.18f, body_y - 0.01f, 0.0f}, {pelvis_x, body_y - 0.01f, 0.0f}, 0.13f, kGown);
    s.sphere({pelvis_x + 0.05f, body_y - 0.01f, 0.0f}, {0.14f, 0.12f, 0.18f}, kGown);
    // legs
    for (float z : {-0.09f, 0.09f}) {
      s.capsule({pelvis_x + 0.14f, body_y - 0.02f, z}, {pelvis_x + 0.92f, body_y - 0.05f, z * 0.8f},
                0.065f, kSkin);
    }
    // thoracic harness (fixed to the upper section) and pelvic harness (pulled by the cord)
    // harness belts are short bands around the trunk and the pelvis
    s.cylinder({-0.40f, body_y, 0.0f}, {-0.28f, body_y, 0.0f}, 0.158f, kHarness);
    s.cylinder({pelvis_x - 0.04f, body_y - 0.01f, 0.0f}, {pelvis_x + 0.08f, body_y - 0.01f, 0.0f},
               0.15f, kHarness);
  }

  // harness straps run along the legs to a spreader bar; the cord runs from it over the pulley
  const float tension = static_cast<float>(state.cord_tension_n);
  const glm::vec4 cord = tension > 1.0f ? kCord : glm::vec4(0.6f, 0.55f, 0.45f, 1.0f);
  const glm::vec3 spreader{pelvis_x + 1.04f, kTopY + 0.16f, 0.0f};
  s.cylinder(spreader + glm::vec3(0, 0, -0.16f), spreader + glm::vec3(0, 0, 0.16f), 0.012f, kChrome);
  for (float z : {-0.16f, 0.16f}) {
    s.cylinder({pelvis_x + 0.06f, kTopY + 0.13f, z * 1.05f}, spreader + glm::vec3(0, 0, z), 0.006f,
               kHarness);
  }
  const glm::vec3 pulley_point{kTowerX - 0.08f, kPulleyY, 0.0f};
  s.cylinder(spreader, pulley_point, 0.007f, cord);
  s.cylinder(pulley_point, {kTowerX - 0.08f, 0.6f, 0.0f}, 0.007f, cord);
}

}  // namespace tractus::render
