// Framing the camera presets around the panels (render/view_framing.h): the free part of the
// view, the fit that puts a box inside it, and the body and sight-line checks.
#include <algorithm>

#include <gtest/gtest.h>

#include "render/view_framing.h"

namespace tractus::render {
namespace {

// the sandbox at 1280x720: the 3D view left of the console, the patient panel bottom left and
// the spine panel top right (CSS pixels, as the hook reports them)
const glm::vec4 kView(0.0f, 44.0f, 850.0f, 720.0f);
const ScreenRects kPanels{{12.0f, 395.0f, 342.0f, 708.0f}, {590.0f, 54.0f, 840.0f, 344.0f}};

bool inside(const glm::vec4& in, const glm::vec4& out, float slack) {
  return in.x >= out.x - slack && in.y >= out.y - slack && in.z <= out.z + slack && in.w <= out.w + slack;
}

TEST(ViewFraming, WithNoPanelTheWholeViewIsFree) {
  EXPECT_EQ(free_view_rect(kView, {}, 2.0f), kView);
  // a panel outside the view (the console beside it) changes nothing
  EXPECT_EQ(free_view_rect(kView, {{850.0f, 44.0f, 1280.0f, 720.0f}}, 2.0f), kView);
}

TEST(ViewFraming, TheFreePartMissesEveryPanelAndSuitsTheSubject) {
  for (float aspect : {0.5f, 1.0f, 3.0f}) {
    const glm::vec4 f = free_view_rect(kView, kPanels, aspect);
    EXPECT_TRUE(inside(f, kView, 0.0f));
    for (const glm::vec4& p : kPanels) EXPECT_FALSE(rects_overlap(f, p)) << aspect;
  }
  // a wide subject gets the band under the spine panel and right of the patient panel's
  // column or above it; a tall one the full-height column between the panels
  const glm::vec4 tall = free_view_rect(kView, kPanels, 0.3f);
  EXPECT_FLOAT_EQ(tall.x, 342.0f);
  EXPECT_FLOAT_EQ(tall.z, 590.0f);
  EXPECT_FLOAT_EQ(tall.w - tall.y, 676.0f);
}

TEST(ViewFraming, AFramedBoxLiesCentredInTheFreePartAndFillsIt) {
  const WorldBox table{{-1.1f, 0.0f, -0.31f}, {1.55f, 1.41f, 0.31f}};
  OrbitCamera camera;
  camera.apply(CameraPreset::Side);
  const glm::vec4 free(342.0f, 344.0f, 850.0f, 720.0f);
  frame_box(camera, kView, free, table, 0.9f, 0.0f);
  bool behind = true;
  const glm::vec4 r = project_box(camera, kView, table, &behind);
  EXPECT_FALSE(behind);
  EXPECT_TRUE(inside(r, free, 1.0f)) << r.x << " " << r.y << " " << r.z << " " << r.w;
  const float fill = std::max((r.z - r.x) / (free.z - free.x), (r.w - r.y) / (free.w - free.y));
  EXPECT_NEAR(fill, 0.9f, 0.02f);
  EXPECT_NEAR(0.5f * (r.x + r.z), 0.5f * (free.x + free.z), 2.0f);
  EXPECT_NEAR(0.5f * (r.y + r.w), 0.5f * (free.y + free.w), 2.0f);
  // the preset's direction is kept
  OrbitCamera side;
  side.apply(CameraPreset::Side);
  EXPECT_FLOAT_EQ(camera.yaw_rad, side.yaw_rad);
  EXPECT_FLOAT_EQ(camera.pitch_rad, side.pitch_rad);
}

TEST(ViewFraming, AMinimumDistanceKeepsTheCameraBack) {
  const WorldBox neck{{-0.78f, 0.76f, -0.05f}, {-0.62f, 0.86f, 0.05f}};
  OrbitCamera camera;
  camera.apply(CameraPreset::Spine);
  frame_box(camera, kView, kView, neck, 0.9f, 1.5f);
  EXPECT_FLOAT_EQ(camera.distance_m, 1.5f);
  const glm::vec4 r = project_box(camera, kView, neck, nullptr);
  EXPECT_TRUE(inside(r, kView, 1.0f));
}

TEST(ViewFraming, BodyAndSightLineChecks) {
  const BodyCapsule trunk{{-0.6f, 0.85f, 0.0f}, {-0.2f, 0.85f, 0.0f}, 0.15f};
  EXPECT_TRUE(inside_body({-0.4f, 0.95f, 0.05f}, &trunk, 1, 0.0f));
  EXPECT_FALSE(inside_body({-0.4f, 1.05f, 0.0f}, &trunk, 1, 0.0f));
  EXPECT_TRUE(inside_body({-0.4f, 1.05f, 0.0f}, &trunk, 1, 0.06f));
  EXPECT_FALSE(inside_body({-0.9f, 0.85f, 0.0f}, &trunk, 1, 0.1f));  // past the rounded end
  const WorldBox tower{{1.25f, 0.6f, -0.15f}, {1.55f, 1.41f, 0.15f}};
  EXPECT_TRUE(segment_hits_box({3.0f, 1.0f, 0.0f}, {0.0f, 1.0f, 0.0f}, tower));
  EXPECT_FALSE(segment_hits_box({3.0f, 2.0f, 0.0f}, {0.0f, 1.5f, 0.0f}, tower));
  EXPECT_FALSE(segment_hits_box({3.0f, 1.0f, 0.0f}, {2.0f, 1.0f, 0.0f}, tower));  // stops short
}

}  // namespace
}  // namespace tractus::render
