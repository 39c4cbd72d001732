// The x-ray spine's layout and colours follow the twin's state: discs stack in order and open
// with separation, the bulge maps the herniation, the nerve root reddens with compression.
#include <gtest/gtest.h>

#include "render/spine_layout.h"

namespace tractus::render {
namespace {

const glm::vec3 kFixed{-0.27f, 0.8f, 0.0f};

TEST(SpineLayout, LumbarChainStacksCranialToCaudalFromTheHeldEnd) {
  const twin::TwinModel model;
  const twin::TwinState state;
  const SpineLayout s = layout_spine(model, state, false, kFixed);
  ASSERT_EQ(s.vertebrae.size(), 6u);  // L1..L5 and S1
  ASSERT_EQ(s.discs.size(), 5u);
  EXPECT_STREQ(s.vertebrae.front().name, "L1");
  EXPECT_STREQ(s.vertebrae.back().name, "S1");
  EXPECT_STREQ(s.discs[3].name, "L4-5");
  EXPECT_FLOAT_EQ(s.vertebrae.front().x0_m, kFixed.x);  // L1 is held
  for (size_t i = 0; i < s.discs.size(); ++i) {
    // every disc sits between its two vertebrae, and positions rise monotonically
    EXPECT_FLOAT_EQ(s.discs[i].x0_m, s.vertebrae[i].x1_m);
    EXPECT_FLOAT_EQ(s.discs[i].x1_m, s.vertebrae[i + 1].x0_m);
    EXPECT_GT(s.discs[i].x1_m, s.discs[i].x0_m);
  }
}

TEST(SpineLayout, CervicalChainHoldsT1AndGrowsTowardsTheHead) {
  const twin::TwinModel model;
  twin::TwinState state;
  const glm::vec3 fixed{-0.64f, 0.83f, 0.0f};
  const SpineLayout rest = layout_spine(model, state, true, fixed);
  ASSERT_EQ(rest.vertebrae.size(), 7u);  // C2..C7 and T1
  EXPECT_STREQ(rest.vertebrae.back().name, "T1");
  EXPECT_FLOAT_EQ(rest.vertebrae.back().x1_m, fixed.x);
  state.patient.cervical[2].separation_mm = 1.0;
  const SpineLayout pulled = layout_spine(model, state, true, fixed);
  EXPECT_FLOAT_EQ(pulled.vertebrae.back().x1_m, fixed.x);
  // C2 moves 1 mm x 10 towards the head (negative X)
  EXPECT_NEAR(pulled.vertebrae.front().x0_m - rest.vertebrae.front().x0_m, -0.001f * kSeparationExaggeration, 1e-6f);
}

TEST(SpineLayout, SeparationOpensTheDiscByTheStatedExaggeration) {
  const twin::TwinModel model;
  twin::TwinState state;
  const SpineLayout rest = layout_spine(model, state, false, kFixed);
  state.patient.lumbar[3].separation_mm = 1.5;
  const SpineLayout pulled = layout_spine(model, state, false, kFixed);
  const float rest_h = rest.discs[3].x1_m - rest.discs[3].x0_m;
  const float pulled_h = pulled.discs[3].x1_m - pulled.discs[3].x0_m;
  EXPECT_NEAR(pulled_h - rest_h, 1.5e-3f * kSeparationExaggeration, 1e-6f);
  // the levels above stay where they were; S1 moves caudally by the same amount
  EXPECT_FLOAT_EQ(pulled.discs[2].x0_m, rest.discs[2].x0_m);
  EXPECT_NEAR(pulled.vertebrae.back().x0_m - rest.vertebrae.back().x0_m, 0.015f, 1e-6f);
  // a squeezed disc keeps a visible sliver
  state.patient.lumbar[3].separation_mm = -50.0;
  const SpineLayout squeezed = layout_spine(model, state, false, kFixed);
  EXPECT_GT(squeezed.discs[3].x1_m - squeezed.discs[3].x0_m, 0.3f * rest_h);
}

TEST(SpineLayout, BulgeMapsTheTwinsProtrusionTimesTheExaggeration) {
  const twin::TwinModel model;
  twin::TwinState state;
  state.patient.lumbar[3].protrusion_mm = 4.0;
  EXPECT_NEAR(layout_spine(model, state, false, kFixed).discs[3].bulge_m, 0.004f * kBulgeExaggeration, 1e-7f);
  state.patient.lumbar[3].protrusion_mm = 2.0;  // retracted under suction
  EXPECT_NEAR(layout_spine(model, state, false, kFixed).discs[3].bulge_m, 0.002f * kBulgeExaggeration, 1e-7f);
  state.patient.lumbar[3].protrusion_mm = 0.0;
  EXPECT_EQ(layout_spine(model, state, false, kFixed).discs[3].bulge_m, 0.0f);
}

TEST(SpineLayout, TreatedLevelIsTheHerniatedDiscElseTheMostCompressedRoot) {
  twin::TwinModel model;
  twin::TwinState state;
  EXPECT_EQ(treated_level(model, state, false), 3);  // nothing herniated: L4-5
  state.patient.lumbar[1].nerve_compression = 0.4;
  EXPECT_EQ(treated_level(model, state, false), 1);
  model.patient.lumbar[4].protrusion_mm = 5.0;
  EXPECT_EQ(treated_level(model, state, false), 4);
}

TEST(SpineColours, DiscPressureScaleIsBlueUnderSuctionAndRedUnderLoad) {
  const glm::vec4 zero = disc_pressure_colour(0.0);
  const glm::vec4 suction = disc_pressure_colour(-150.0);
  const glm::vec4 loaded = disc_pressure_colour(1200.0);
  EXPECT_GT(suction.b, suction.r + 0.5f);  // blue
  EXPECT_GT(loaded.r, loaded.b + 0.7f);    // red
  EXPECT_NEAR(zero.r, zero.b, 0.1f);       // pale at zero
  // saturates beyond the ends of the scale
  EXPECT_EQ(disc_pressure_colour(-1000.0), suction);
  EXPECT_EQ(disc_pressure_colour(5000.0), loaded);
}

TEST(SpineColours, NerveRootTurnsRedWithCompression) {
  const glm::vec4 free_root = nerve_root_colour(0.0);
  const glm::vec4 half = nerve_root_colour(0.5);
  const glm::vec4 crushed = nerve_root_colour(1.0);
  EXPECT_GT(free_root.g, 0.8f);  // pale yellow when free
  EXPECT_LT(crushed.g, 0.15f);   // red when fully compressed
  EXPECT_GT(crushed.r, 0.9f);
  EXPECT_LT(half.g, free_root.g);
  EXPECT_GT(half.g, crushed.g);
}

}  // namespace
}  // namespace tractus::render
