// The pull-angle arm and the hi-lo column in the 3D scene follow the twin's inputs.
#include <cmath>

#include <gtest/gtest.h>

#include "render/table_geometry.h"
#include "twin/state.h"

namespace tractus::render {
namespace {

TEST(TableGeometry, CordFromTheAnchorRisesAtTheSetPullAngle) {
  const glm::vec3 anchor{0.98f, 0.90f, 0.0f};
  const float pulley_x = 1.27f;
  for (float angle_deg : {0.0f, 15.0f, 35.0f}) {
    const float y = pulley_height_m(anchor, pulley_x, angle_deg);
    const float rise_deg = glm::degrees(std::atan2(y - anchor.y, pulley_x - anchor.x));
    EXPECT_NEAR(rise_deg, angle_deg, 1e-3f) << angle_deg;
  }
  // the head-end pulley sits at negative X from its anchor: the rise is the same
  EXPECT_NEAR(pulley_height_m(anchor, anchor.x - 0.29f, 15.0f), pulley_height_m(anchor, pulley_x, 15.0f), 1e-5f);
}

TEST(TableGeometry, HiLoLiftIsTheTwinsHeightAboveTheModelledRest) {
  const twin::TwinState s;  // the twin starts at its rest height: nothing lifted
  EXPECT_FLOAT_EQ(hilo_lift_m(s.inputs.table_height_m), 0.0f);
  EXPECT_NEAR(hilo_lift_m(0.95), 0.30f, 1e-6f);   // top of the column's range
  EXPECT_NEAR(hilo_lift_m(0.45), -0.20f, 1e-6f);  // bottom of the range
}

}  // namespace
}  // namespace tractus::render
