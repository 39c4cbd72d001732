// Forces as text (render/force_text.h): a reading a hair below zero must not read "-0.0"
// (the debrief replay showed "Console -0.0 lbf" for a load cell's noise at rest).
#include <gtest/gtest.h>

#include <string>

#include "render/force_text.h"

using namespace tractus;
using render::ForceUnit;

TEST(ForceText, AHairBelowZeroReadsZeroNotNegativeZero) {
  // -0.04 lbf is -0.178 N: it rounds to zero at one decimal
  EXPECT_EQ(render::force_text(-0.04f * units::kNewtonsPerLbfF, ForceUnit::Lbf, 1, 5), "  0.0 lbf");
  EXPECT_EQ(render::force_number(-1e-6f, ForceUnit::Lbf), "0.0");
  EXPECT_EQ(render::force_number(-0.0f, ForceUnit::Kgf), "0.0");
  EXPECT_EQ(render::force_number(-0.4f, ForceUnit::Lbf, 0), "0");
  EXPECT_EQ(render::force_text(-0.01f, ForceUnit::Kgf, 2), "0.00 kgf");
}

TEST(ForceText, ARealNegativeReadingKeepsItsSign) {
  // -0.06 lbf rounds to -0.1, a nonzero reading: a tare offset the user should see
  EXPECT_EQ(render::force_number(-0.06f * units::kNewtonsPerLbfF, ForceUnit::Lbf), "-0.1");
  EXPECT_EQ(render::force_number(-2.5f * units::kNewtonsPerLbfF, ForceUnit::Lbf, 1, 6), "  -2.5");
}

TEST(ForceText, PositiveForcesConvertAndPad) {
  // 60 lbf is 266.89 N (hal/units.h: 4.4482216 N per lbf)
  EXPECT_EQ(render::force_text(266.893f, ForceUnit::Lbf, 1, 5), " 60.0 lbf");
  // 60 lbf is 27.2 kgf (0.45359237 kg per lb)
  EXPECT_EQ(render::force_text(266.893f, ForceUnit::Kgf, 1), "27.2 kgf");
  EXPECT_EQ(render::force_number(266.893f, ForceUnit::Lbf, 1, 3), "60.0");  // wider than width: not cut
}
