#include "render/table_scene.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <glm/gtc/matrix_transform.hpp>

#include "render/spine_scene.h"
#include "render/table_geometry.h"

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
const glm::vec4 kSlackCord{0.6f, 0.55f, 0.45f, 1.0f};
const glm::vec4 kSkin{0.80f, 0.58f, 0.45f, 1.0f};
const glm::vec4 kGown{0.45f, 0.62f, 0.70f, 1.0f};
const glm::vec4 kHarness{0.14f, 0.14f, 0.16f, 1.0f};
const glm::vec4 kWedge{0.30f, 0.32f, 0.36f, 1.0f};
// in x-ray the body is a faint ghost so the spine reads through it
constexpr float kGhostAlpha = 0.14f;
constexpr float kGhostHarnessAlpha = 0.2f;

// table layout along X, metres, at the rest height; the head end is at negative X
constexpr float kTopY = 0.74f;           // cushion top height
constexpr float kUpperStartX = -1.05f;   // head end of the upper (fixed) section
constexpr float kUpperEndX = -0.02f;
constexpr float kLowerLengthM = 0.95f;   // carriage section length
constexpr float kGapX = 0.02f;           // split between the sections at rest
constexpr float kBodyY = kTopY + 0.11f;  // patient's trunk centreline
// foot-end traction tower and its pull-angle arm
constexpr float kTowerX = 1.40f;
constexpr float kTowerTopY = 1.26f;
constexpr float kPulleyX = kTowerX - 0.13f;
constexpr float kSpreaderOffsetX = 1.0f;  // spreader bar beyond the pelvis, where the straps meet
// head-end cervical unit
constexpr float kCervicalPostX = -1.36f;
constexpr float kCervicalPulleyX = kCervicalPostX + 0.09f;
// where the spine's held end sits: L1's top for the lumbar chain, T1's bottom for the cervical
const glm::vec3 kLumbarFixedEnd{-0.27f, 0.80f, 0.0f};
const glm::vec3 kCervicalFixedEnd{-0.64f, 0.83f, 0.0f};

glm::vec4 ghost(const glm::vec4& c, bool xray, float alpha = kGhostAlpha) {
  return xray ? glm::vec4(c.r, c.g, c.b, alpha) : c;
}

void add_body(SceneInfo& info, const glm::vec3& a, const glm::vec3& b, float radius_m) {
  if (info.body_parts < SceneInfo::kMaxBodyParts) info.body[info.body_parts++] = BodyCapsule{a, b, radius_m};
}

void label(std::vector<SceneLabel>* labels, const glm::vec3& at_m, const std::string& text, int priority = 1) {
  if (labels != nullptr) labels->push_back(SceneLabel{at_m, text, priority});
}

// the arm that carries a pulley out from a tower's track, with the pulley on its end
void pull_arm(ShapeRenderer& s, float tower_face_x, const glm::vec3& pulley_m) {
  s.box({0.5f * (tower_face_x + pulley_m.x), pulley_m.y, 0.0f}, {std::fabs(tower_face_x - pulley_m.x), 0.035f, 0.12f},
        kFrame);
  s.cylinder(pulley_m + glm::vec3(0, 0, -0.05f), pulley_m + glm::vec3(0, 0, 0.05f), 0.045f, kChrome);
}

}  // namespace

SceneInfo draw_table_scene(ShapeRenderer& s, const twin::TwinModel& model, const twin::TwinState& state,
                           const SceneOptions& options) {
  SceneInfo info;
  const bool cervical = model.setup == hal::Region::Cervical || options.cervical_unit;
  info.cervical = cervical;
  const bool xray = options.xray && options.show_patient;
  std::vector<SceneLabel>* labels = options.labels;
  const twin::TableModel& t = model.table;
  // the split carriage slides in the lumbar set-up; in the cervical one the head cradle does
  const float carriage_m = cervical ? 0.0f : static_cast<float>(state.carriage_pos_m);
  const float cradle_m = cervical ? static_cast<float>(state.carriage_pos_m) : 0.0f;
  const float angle_deg = static_cast<float>(
      cervical ? std::clamp(state.inputs.pull_angle_deg, t.cervical_angle_min_deg, t.cervical_angle_max_deg)
               : std::clamp(state.inputs.pull_angle_deg, t.lumbar_angle_min_deg, t.lumbar_angle_max_deg));
  const float height_m = static_cast<float>(state.inputs.table_height_m);
  const float lift_m = hilo_lift_m(state.inputs.table_height_m);
  char text[96];

  // room
  if (options.show_room) {
    s.box({0.0f, -0.01f, 0.0f}, {7.0f, 0.02f, 6.0f}, kFloor);
    s.box({0.0f, 1.5f, -2.6f}, {7.0f, 3.0f, 0.05f}, kWall);
  }

  // hi-lo base on the floor, its fixed outer column and the inner column that rises with the table
  s.box({0.0f, 0.04f, 0.0f}, {1.6f, 0.08f, 0.55f}, kFrame);
  s.box({0.0f, 0.22f, 0.0f}, {0.34f, 0.30f, 0.34f}, kFrame);
  const float column_top = 0.60f + lift_m;
  s.box({0.0f, 0.5f * (0.30f + column_top), 0.0f}, {0.26f, column_top - 0.30f, 0.26f}, kChrome);
  std::snprintf(text, sizeof text, "Hi-lo base: table at %.0f mm", 1000.0 * height_m);
  label(labels, {0.0f, 0.3f, 0.17f}, text);

  // everything above the column rides up and down with it
  s.set_parent(glm::translate(glm::mat4(1.0f), glm::vec3(0.0f, lift_m, 0.0f)));
  const glm::vec3 lift{0.0f, lift_m, 0.0f};
  s.box({0.2f, 0.63f, 0.0f}, {2.4f, 0.06f, 0.5f}, kFrame);  // frame, out to the tower

  // upper (thoracic) section, fixed
  const float upper_len = kUpperEndX - kUpperStartX;
  s.box({kUpperStartX + 0.5f * upper_len, kTopY - 0.04f, 0.0f}, {upper_len, 0.08f, 0.62f}, kCushion);

  // lower (pelvic) section rides on the carriage
  const float lower_start = kUpperEndX + kGapX + carriage_m;
  s.box({lower_start + 0.5f * kLowerLengthM, kTopY - 0.04f, 0.0f}, {kLowerLengthM, 0.08f, 0.62f}, kCarriage);
  for (float z : {-0.2f, 0.2f}) s.box({0.45f, 0.675f, z}, {1.05f, 0.025f, 0.04f}, kChrome);  // rails
  label(labels, glm::vec3(lower_start + 0.55f, kTopY, 0.31f) + lift,
        cervical ? "Split carriage (locked)" : "Split carriage (pelvic section)");

  // foot-end traction tower with the motor housing and the track the pull-angle arm slides on
  s.box({kTowerX, 0.5f * (0.60f + kTowerTopY), 0.0f}, {0.16f, kTowerTopY - 0.60f, 0.24f}, kTower);
  s.box({kTowerX, kTowerTopY + 0.06f, 0.0f}, {0.3f, 0.18f, 0.3f}, kTower);
  s.box({kTowerX - 0.085f, 0.95f, 0.0f}, {0.012f, 0.5f, 0.05f}, kChrome);
  label(labels, glm::vec3(kTowerX, kTowerTopY + 0.15f, 0.0f) + lift, "Pull tower");

  // patient lying supine, head at negative X; the pelvis and legs ride with the carriage and the
  // head with the cradle
  const float pelvis_x = -0.02f + carriage_m;
  const float head_x = -0.93f - cradle_m;
  if (options.show_patient) {
    const glm::vec4 skin = ghost(kSkin, xray), gown = ghost(kGown, xray);
    s.sphere({head_x, kBodyY + 0.02f, 0.0f}, {0.1f, 0.11f, 0.095f}, skin);
    s.capsule({head_x + 0.15f, kBodyY, 0.0f}, {-0.72f, kBodyY, 0.0f}, 0.05f, skin);  // neck
    s.capsule({-0.62f, kBodyY, 0.0f}, {-0.18f, kBodyY, 0.0f}, 0.15f, gown);         // trunk
    for (float z : {-0.21f, 0.21f}) {
      s.capsule({-0.62f, kBodyY - 0.03f, z}, {-0.08f, kBodyY - 0.05f, z}, 0.045f, gown);  // arms
    }
    // lumbar region and pelvis: stretched by the carriage travel
    s.capsule({-0.18f, kBodyY - 0.01f, 0.0f}, {pelvis_x, kBodyY - 0.01f, 0.0f}, 0.13f, gown);
    s.sphere({pelvis_x + 0.05f, kBodyY - 0.01f, 0.0f}, {0.14f, 0.12f, 0.18f}, gown);
    for (float z : {-0.09f, 0.09f}) {
      s.capsule({pelvis_x + 0.14f, kBodyY - 0.02f, z}, {pelvis_x + 0.92f, kBodyY - 0.05f, z * 0.8f}, 0.065f, skin);
    }
    // the same body for the view's framing, in world metres (the sphere's largest radius)
    add_body(info, glm::vec3(head_x, kBodyY + 0.02f, 0.0f) + lift, glm::vec3(head_x, kBodyY + 0.02f, 0.0f) + lift, 0.11f);
    add_body(info, glm::vec3(head_x + 0.15f, kBodyY, 0.0f) + lift, glm::vec3(-0.72f, kBodyY, 0.0f) + lift, 0.05f);
    add_body(info, glm::vec3(-0.62f, kBodyY, 0.0f) + lift, glm::vec3(-0.18f, kBodyY, 0.0f) + lift, 0.15f);
    for (float z : {-0.21f, 0.21f}) {
      add_body(info, glm::vec3(-0.62f, kBodyY - 0.03f, z) + lift, glm::vec3(-0.08f, kBodyY - 0.05f, z) + lift, 0.045f);
    }
    add_body(info, glm::vec3(-0.18f, kBodyY - 0.01f, 0.0f) + lift, glm::vec3(pelvis_x, kBodyY - 0.01f, 0.0f) + lift,
             0.13f);
    const glm::vec3 hip = glm::vec3(pelvis_x + 0.05f, kBodyY - 0.01f, 0.0f) + lift;
    add_body(info, hip, hip, 0.18f);
    for (float z : {-0.09f, 0.09f}) {
      add_body(info, glm::vec3(pelvis_x + 0.14f, kBodyY - 0.02f, z) + lift,
               glm::vec3(pelvis_x + 0.92f, kBodyY - 0.05f, z * 0.8f) + lift, 0.065f);
    }
  }
  // what the camera presets frame: the patient from the top of the head to the feet, the
  // tower with its motor housing, and the whole table from the head-end unit to the tower
  info.patient = WorldBox{glm::vec3(head_x - 0.11f, kBodyY - 0.16f, -0.26f) + lift,
                          glm::vec3(pelvis_x + 0.99f, kBodyY + 0.16f, 0.26f) + lift};
  info.tower = WorldBox{glm::vec3(kTowerX - 0.15f, 0.60f, -0.15f) + lift, glm::vec3(kTowerX + 0.15f, kTowerTopY + 0.15f, 0.15f) + lift};
  info.table = WorldBox{glm::vec3(cervical ? kCervicalPostX - 0.06f : kUpperStartX - 0.02f, 0.0f, -0.31f),
                        glm::vec3(kTowerX + 0.15f, kTowerTopY + 0.15f + lift_m, 0.31f)};

  const float tension = static_cast<float>(state.cord_tension_n);
  const glm::vec4 cord = tension > 1.0f ? kCord : kSlackCord;
  if (!cervical) {
    // thoracic harness (fixed to the upper section) and pelvic harness (pulled by the cord)
    if (options.show_patient) {
      const glm::vec4 harness = ghost(kHarness, xray, kGhostHarnessAlpha);
      s.cylinder({-0.40f, kBodyY, 0.0f}, {-0.28f, kBodyY, 0.0f}, 0.158f, harness);
      s.cylinder({pelvis_x - 0.04f, kBodyY - 0.01f, 0.0f}, {pelvis_x + 0.08f, kBodyY - 0.01f, 0.0f}, 0.15f, harness);
      label(labels, glm::vec3(-0.34f, kBodyY + 0.16f, 0.0f) + lift, "Thoracic harness");
      label(labels, glm::vec3(pelvis_x + 0.02f, kBodyY + 0.15f, 0.0f) + lift, "Pelvic harness");
    }
    // straps run along the legs to a spreader bar; the cord runs from it up to the pulley. The
    // arm holds the pulley where the cord leaves the resting spreader at the set pull angle.
    const glm::vec3 spreader{pelvis_x + kSpreaderOffsetX, kTopY + 0.16f, 0.0f};
    const glm::vec3 rest_spreader{-0.02f + kSpreaderOffsetX, spreader.y, 0.0f};
    const glm::vec3 pulley{kPulleyX, pulley_height_m(rest_spreader, kPulleyX, angle_deg), 0.0f};
    s.cylinder(spreader + glm::vec3(0, 0, -0.16f), spreader + glm::vec3(0, 0, 0.16f), 0.012f, kChrome);
    for (float z : {-0.16f, 0.16f}) {
      s.cylinder({pelvis_x + 0.06f, kTopY + 0.13f, z * 1.05f}, spreader + glm::vec3(0, 0, z), 0.006f, kHarness);
    }
    pull_arm(s, kTowerX - 0.08f, pulley);
    s.cylinder(spreader, pulley, 0.007f, cord);
    s.cylinder(pulley, {kTowerX, pulley.y, 0.0f}, 0.007f, cord);
    std::snprintf(text, sizeof text, "Pull-angle arm %.0f deg", angle_deg);
    label(labels, pulley + glm::vec3(0.0f, 0.05f, 0.0f) + lift, text, 0);
  } else {
    // cervical unit at the head end: a cradle on its own slide with occipital wedges under the
    // skull, pulled by a cord over the head-end post's pulley at the set flexion angle
    const float cradle_x = -0.93f - cradle_m;
    s.box({-1.0f, kTopY + 0.01f, 0.0f}, {0.42f, 0.02f, 0.14f}, kChrome);  // slide
    s.box({cradle_x, kTopY + 0.035f, 0.0f}, {0.30f, 0.03f, 0.28f}, kFrame);
    for (float z : {-0.045f, 0.045f}) {
      const glm::mat4 wedge = glm::rotate(glm::translate(glm::mat4(1.0f), {cradle_x + 0.05f, kTopY + 0.075f, z}),
                                          glm::radians(35.0f), glm::vec3(0, 0, 1));
      s.draw(Shape::Box, glm::scale(wedge, glm::vec3(0.07f, 0.05f, 0.035f)), kWedge);
    }
    label(labels, glm::vec3(cradle_x, kTopY + 0.05f, 0.16f) + lift, "Head cradle, occipital wedges");
    s.box({kCervicalPostX, 0.5f * (0.60f + 1.05f), 0.0f}, {0.08f, 0.45f, 0.12f}, kTower);
    const glm::vec3 anchor{cradle_x - 0.15f, kTopY + 0.05f, 0.0f};
    const glm::vec3 rest_anchor{-0.93f - 0.15f, anchor.y, 0.0f};
    const glm::vec3 pulley{kCervicalPulleyX, pulley_height_m(rest_anchor, kCervicalPulleyX, angle_deg), 0.0f};
    pull_arm(s, kCervicalPostX + 0.04f, pulley);
    s.cylinder(anchor, pulley, 0.006f, cord);
    s.cylinder(pulley, {kCervicalPostX, 0.62f, 0.0f}, 0.006f, cord);
    std::snprintf(text, sizeof text, "Cervical unit %.0f deg", angle_deg);
    label(labels, pulley + glm::vec3(0.0f, 0.06f, 0.0f) + lift, text, 0);
  }

  // the spine inside the ghosted body
  if (options.anatomy != nullptr) {
    const glm::mat4 world_from_table = glm::translate(glm::mat4(1.0f), lift);
    const ChainFrame spine = draw_spine(*options.anatomy, model, state, cervical,
                                        cervical ? kCervicalFixedEnd : kLumbarFixedEnd, world_from_table, xray, labels);
    info.spine_centre_m = spine.centre_m;
    info.spine_min_m = spine.min_m;
    info.spine_max_m = spine.max_m;
  }
  s.set_parent(glm::mat4(1.0f));
  return info;
}

}  // namespace tractus::render
