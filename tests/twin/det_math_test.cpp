// The deterministic elementary functions agree with the C library within a few ulps.
#include <gtest/gtest.h>

#include <cmath>

#include "twin/det_math.h"

namespace det = tractus::twin::det;

namespace {
// relative error with a floor so values near zero compare absolutely
double rel_err(double got, double want) {
  return std::fabs(got - want) / std::fmax(std::fabs(want), 1e-300);
}
}  // namespace

TEST(DetMath, ExpMatchesTheCLibraryToFourUlps) {
  // tolerance: 4 ulps of double (2^-52 = 2.2e-16) relative
  double worst = 0.0;
  for (double x = -700.0; x <= 700.0; x += 0.0371) worst = std::fmax(worst, rel_err(det::exp(x), std::exp(x)));
  EXPECT_LT(worst, 4.0 * 2.2e-16);
  EXPECT_EQ(det::exp(0.0), 1.0);
}

TEST(DetMath, LogMatchesTheCLibraryToFourUlps) {
  double worst = 0.0;
  for (double x = 1e-300; x < 1e300; x *= 1.37) worst = std::fmax(worst, std::fabs(det::log(x) - std::log(x)) / std::fmax(1.0, std::fabs(std::log(x))));
  for (double x = 0.01; x < 10.0; x += 0.00713) worst = std::fmax(worst, std::fabs(det::log(x) - std::log(x)));
  EXPECT_LT(worst, 4.0 * 2.2e-16);
  EXPECT_EQ(det::log(1.0), 0.0);
  EXPECT_EQ(det::log(0.0), -745.0);  // documented floor instead of -inf
}

TEST(DetMath, SinCosMatchTheCLibraryToSixE15) {
  // absolute tolerance 6e-15 over four turns either side of zero: reducing by a one-part
  // pi/2 costs about |x| * 1e-16
  double worst = 0.0;
  for (double x = -25.0; x <= 25.0; x += 0.00917) {
    worst = std::fmax(worst, std::fabs(det::sin(x) - std::sin(x)));
    worst = std::fmax(worst, std::fabs(det::cos(x) - std::cos(x)));
  }
  EXPECT_LT(worst, 6e-15);
}

TEST(DetMath, TanhAndPowMatchTheCLibrary) {
  double worst = 0.0;
  for (double x = -25.0; x <= 25.0; x += 0.0113) worst = std::fmax(worst, std::fabs(det::tanh(x) - std::tanh(x)));
  EXPECT_LT(worst, 4e-16);
  worst = 0.0;
  for (double x = 0.01; x < 50.0; x *= 1.11)
    for (double y = -6.0; y <= 6.0; y += 0.75) worst = std::fmax(worst, rel_err(det::pow(x, y), std::pow(x, y)));
  EXPECT_LT(worst, 1e-13);  // pow compounds log and exp errors times |y log x|
}

TEST(DetMath, LagIsExactForAConstantTarget) {
  // two half steps equal one whole step, as the exact discretisation requires
  const double one = det::lag(0.0, 1.0, 2.0, 1.0);
  const double two = det::lag(det::lag(0.0, 1.0, 2.0, 0.5), 1.0, 2.0, 0.5);
  EXPECT_NEAR(one, 1.0 - std::exp(-0.5), 1e-15);
  EXPECT_NEAR(two, one, 1e-15);
}
