// The spine geometry table against its sources (DESIGN.md section 4b, docs/twin.md "Anatomy").
// Each test names the source; figures copied from a table are checked to the digit the
// source gives, directions and ranges against the statement the source makes.
#include <gtest/gtest.h>

#include <cmath>

#include "twin/anatomy.h"
#include "twin/model.h"

using namespace tractus::twin;
using namespace tractus::twin::anatomy;

static_assert(kLumbarLevelCount == kLumbarLevels, "one lumbar chain for the physics and the view");
static_assert(kCervicalLevelCount == kCervicalLevels, "one cervical chain");

namespace {
const BodyScale kReference = body_scale(kReferenceHeightM, false);
}

// Panjabi 1992 (Spine 17:299) [S]: upper endplate width, posterior body height, canal width and
// depth, pedicle width of L1..L5, to the 0.05 mm the paper's means are given to.
TEST(Anatomy, LumbarMatchesPanjabi1992) {
  const double width[] = {41.2, 42.6, 44.1, 46.6, 47.3};
  const double body[] = {23.8, 24.3, 23.8, 24.1, 22.9};
  const double canal_w[] = {23.7, 23.8, 24.3, 25.4, 27.1};
  const double canal_d[] = {19.0, 18.2, 17.5, 18.6, 19.7};
  const double pedicle[] = {8.6, 8.25, 10.15, 14.05, 18.6};
  for (int i = 0; i < kLumbarLevelCount; ++i) {
    const LevelGeometry& g = lumbar_reference(i);
    EXPECT_NEAR(g.endplate_width_mm, width[i], 0.05) << g.name;
    EXPECT_NEAR(g.body_height_mm, body[i], 0.05) << g.name;
    EXPECT_NEAR(g.canal_width_mm, canal_w[i], 0.05) << g.name;
    EXPECT_NEAR(g.canal_depth_mm, canal_d[i], 0.05) << g.name;
    EXPECT_NEAR(g.pedicle_width_mm, pedicle[i], 0.05) << g.name;
  }
}

// Zindrick 1987 [S] measured the pedicle widths independently: 8.7, 8.9, 10.3, 12.9, 18.0 mm.
// The table's (Panjabi) widths agree with them within 1.2 mm at every level.
TEST(Anatomy, LumbarPedicleWidthAgreesWithZindrick1987) {
  const double zindrick[] = {8.7, 8.9, 10.3, 12.9, 18.0};
  for (int i = 0; i < kLumbarLevelCount; ++i) {
    EXPECT_NEAR(lumbar_reference(i).pedicle_width_mm, zindrick[i], 1.2) << lumbar_reference(i).name;
  }
}

// Shin 2024 (CT of 700 adults) [S]: disc height L1/2 .. L5/S1 6.6, 7.9, 8.8, 9.3, 8.1 mm. The
// regression of DESIGN.md 4b [U] gives endplate depth 1.2326 h + 2.838 (about 32 mm at h = 24)
// and pedicle height 0.5528 h + 2.049 (about 15 mm).
TEST(Anatomy, LumbarDiscHeightShin2024AndDepthRegression) {
  const double disc[] = {6.6, 7.9, 8.8, 9.3, 8.1};
  for (int i = 0; i < kLumbarLevelCount; ++i) {
    const LevelGeometry& g = lumbar_reference(i);
    EXPECT_NEAR(g.disc_height_mm, disc[i], 0.05) << g.name;
    EXPECT_NEAR(g.endplate_depth_mm, 1.2326 * g.body_height_mm + 2.838, 1e-9) << g.name;
    EXPECT_NEAR(g.pedicle_height_mm, 0.5528 * g.body_height_mm + 2.049, 1e-9) << g.name;
    EXPECT_NEAR(g.endplate_depth_mm, 32.0, 1.5) << g.name;
    EXPECT_NEAR(g.pedicle_height_mm, 15.0, 0.5) << g.name;
  }
}

// Razzouk 2024 (Neurosurgery 94:813) [S]: segmental angulation increases from L1 to S1, so
// L5-S1 has the largest wedge. Hegazy 2014 [S]: normal lumbar lordosis spans 30-80 degrees.
// Andreasen 2007 [S]: supine with straight legs reproduces standing lordosis; flexed hips
// flatten it [U: 60%].
TEST(Anatomy, LumbarLordosisGrowsCaudallyWithinTheNormalRange) {
  for (int i = 1; i < kLumbarLevelCount; ++i) {
    EXPECT_GT(lumbar_reference(i).lordosis_hips_straight_deg,
              lumbar_reference(i - 1).lordosis_hips_straight_deg) << lumbar_reference(i).name;
    EXPECT_LT(lumbar_reference(i).lordosis_hips_flexed_deg,
              lumbar_reference(i).lordosis_hips_straight_deg) << lumbar_reference(i).name;
  }
  const double straight = lumbar_lordosis_deg(false, kReference);
  EXPECT_GE(straight, 30.0);
  EXPECT_LE(straight, 80.0);
  EXPECT_LT(lumbar_lordosis_deg(true, kReference), straight);
}

// Masharawi 2004 (Spine 29:1755, as quoted) [S, secondary]: transverse facet angles to the
// mid-sagittal plane are 25.9-33.9 degrees at T12-L2 and 40.4-56.3 degrees at L3-L5.
TEST(Anatomy, LumbarFacetOrientationWithinMasharawi2004) {
  for (int i = 0; i < 2; ++i) {
    EXPECT_GE(lumbar_reference(i).facet_transverse_deg, 25.9);
    EXPECT_LE(lumbar_reference(i).facet_transverse_deg, 33.9);
  }
  for (int i = 2; i < kLumbarLevelCount; ++i) {
    EXPECT_GE(lumbar_reference(i).facet_transverse_deg, 40.4);
    EXPECT_LE(lumbar_reference(i).facet_transverse_deg, 56.3);
  }
}

// Cadaver morphometry of lumbar foramina [S]: vertical diameter L1 14.83, L2 15.52, L3 15.29,
// L5 12.48 mm; it exceeds the transverse diameter at every level except L5-S1.
TEST(Anatomy, LumbarForamenMatchesCadaverMorphometry) {
  EXPECT_NEAR(lumbar_reference(0).foramen_height_mm, 14.83, 0.005);
  EXPECT_NEAR(lumbar_reference(1).foramen_height_mm, 15.52, 0.005);
  EXPECT_NEAR(lumbar_reference(2).foramen_height_mm, 15.29, 0.005);
  EXPECT_NEAR(lumbar_reference(4).foramen_height_mm, 12.48, 0.005);
  for (int i = 0; i < 4; ++i) {
    EXPECT_GT(lumbar_reference(i).foramen_height_mm, lumbar_reference(i).foramen_width_mm);
  }
  EXPECT_LT(lumbar_reference(4).foramen_height_mm, lumbar_reference(4).foramen_width_mm);
}

// DESIGN.md 4b [P]: centres of rotation lie in the posterior third of the disc, near the lower
// endplate.
TEST(Anatomy, LumbarCentreOfRotationInThePosteriorThird) {
  for (int i = 0; i < kLumbarLevelCount; ++i) {
    EXPECT_GE(lumbar_reference(i).rotation_centre_depth_fraction, 2.0 / 3.0 - 0.02);
    EXPECT_LE(lumbar_reference(i).rotation_centre_depth_fraction, 1.0);
    EXPECT_NEAR(lumbar_reference(i).rotation_centre_height_mm, 0.0, 1.0);
  }
}

// Guo 2018 (meta-analysis, 15,364 adults) [S]: C2-C7 Cobb lordosis 12.7 degrees, higher in men.
// Korean CT (Spine 2007 32:E376) [S]: endplate width and depth increase from C3 to C7.
TEST(Anatomy, CervicalLordosisAndEndplatesFollowTheirSources) {
  double c2c7 = 0.0;
  for (int i = 0; i < 5; ++i) c2c7 += cervical_reference(i).lordosis_hips_straight_deg;
  EXPECT_NEAR(c2c7, 12.7, 0.05);
  EXPECT_LT(cervical_lordosis_deg(body_scale(1.75, true)), cervical_lordosis_deg(kReference));
  for (int i = 2; i < kCervicalLevelCount; ++i) {
    EXPECT_GT(cervical_reference(i).endplate_width_mm, cervical_reference(i - 1).endplate_width_mm);
    EXPECT_GE(cervical_reference(i).endplate_depth_mm, cervical_reference(i - 1).endplate_depth_mm);
  }
}

// Every length scales with height; angles do not; a woman's endplates are smaller and her
// lumbar lordosis larger than a man's of the same height (directions of Ezra 2019, Razzouk
// 2024, Hegazy 2014; magnitudes [U]).
TEST(Anatomy, ScalesWithHeightAndSex) {
  const BodyScale tall = body_scale(1.925, false);  // 10% taller
  const LevelGeometry& r = lumbar_reference(3);
  const LevelGeometry g = scaled_level(r, tall);
  EXPECT_NEAR(g.disc_height_mm, 1.1 * r.disc_height_mm, 1e-9);
  EXPECT_NEAR(g.foramen_height_mm, 1.1 * r.foramen_height_mm, 1e-9);
  EXPECT_NEAR(endplate_area_mm2(g), 1.21 * endplate_area_mm2(r), 1e-6);
  EXPECT_DOUBLE_EQ(g.lordosis_hips_straight_deg, r.lordosis_hips_straight_deg);
  const LevelGeometry f = scaled_level(r, body_scale(1.75, true));
  EXPECT_LT(f.endplate_width_mm, r.endplate_width_mm);
  EXPECT_EQ(f.disc_height_mm, r.disc_height_mm);
  EXPECT_GT(f.lordosis_hips_straight_deg, r.lordosis_hips_straight_deg);
  // the L4 endplate is about 1,170 mm^2 and its nucleus about 500 mm^2
  EXPECT_NEAR(endplate_area_mm2(r), 1187.0, 20.0);
  EXPECT_NEAR(nucleus_area_mm2(r), 0.43 * endplate_area_mm2(r), 1e-9);
}

// A height outside 1.2-2.2 m, or not a number, cannot produce a zero or negative length.
TEST(Anatomy, OutOfRangeHeightsAreHeld) {
  EXPECT_NEAR(body_scale(0.0, false).length, 1.2 / 1.75, 1e-12);
  EXPECT_NEAR(body_scale(9.0, false).length, 2.2 / 1.75, 1e-12);
  EXPECT_DOUBLE_EQ(body_scale(std::nan(""), false).length, 1.0);
  EXPECT_STREQ(lumbar_reference(-3).name, "L1-L2");
  EXPECT_STREQ(cervical_reference(99).name, "C7-T1");
}
