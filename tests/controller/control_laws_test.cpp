// Tests of the pure control laws, with time passed in.
#include <gtest/gtest.h>

#include "controller/control_laws.h"

using namespace tractus::control;

TEST(RateLimiter, RisesAtTheRiseRateAndFallsAtTheFallRate) {
  RateLimiter r;
  // 100 units/s up for 0.5 s of 1 ms steps reaches 50
  for (int i = 0; i < 500; ++i) r.update(1000.0f, 100.0f, 20.0f, 0.001f);
  EXPECT_NEAR(r.value, 50.0f, 1e-3f);
  // 20 units/s down for 1 s reaches 30
  for (int i = 0; i < 1000; ++i) r.update(0.0f, 100.0f, 20.0f, 0.001f);
  EXPECT_NEAR(r.value, 30.0f, 1e-3f);
}

TEST(RateLimiter, SettlesExactlyOnTheTarget) {
  RateLimiter r;
  for (int i = 0; i < 2000; ++i) r.update(7.5f, 100.0f, 100.0f, 0.001f);
  EXPECT_EQ(r.value, 7.5f);
}

TEST(LowPass, StepResponseReachesOneTimeConstantAt63Percent) {
  LowPass f;
  f.update(0.0f, 10.0f, 0.001f);  // prime at zero
  // time constant of a 10 Hz first-order filter: 1/(2*pi*10) = 15.9 ms
  float y = 0.0f;
  for (int i = 0; i < 16; ++i) y = f.update(1.0f, 10.0f, 0.001f);
  EXPECT_NEAR(y, 0.632f, 0.03f);
}

TEST(LowPass, FirstSamplePrimesTheOutput) {
  LowPass f;
  EXPECT_EQ(f.update(42.0f, 1.0f, 0.001f), 42.0f);
}

TEST(PiController, IntegralRemovesAConstantDisturbance) {
  // plant: y = u - 0.2 (a constant load the feedforward does not know)
  PiGains g{0.5f, 5.0f, -1.0f, 1.0f};
  PiController pi;
  float y = 0.0f;
  for (int i = 0; i < 5000; ++i) {
    const float u = pi.update(g, 0.5f - y, 0.5f, 0.001f);
    y = u - 0.2f;
  }
  EXPECT_NEAR(y, 0.5f, 1e-3f);
}

TEST(PiController, AntiWindupStopsIntegrationWhileSaturated) {
  PiGains g{0.0f, 10.0f, -1.0f, 1.0f};
  PiController pi;
  // a large error saturates the output; the integral must not grow without bound
  for (int i = 0; i < 10000; ++i) EXPECT_LE(pi.update(g, 100.0f, 0.9f, 0.001f), 1.0f);
  EXPECT_LE(pi.integral, 0.11f + 1e-3f);
  // so the output leaves saturation as soon as the error reverses
  EXPECT_LT(pi.update(g, -1.0f, 0.0f, 0.001f), 1.0f);
}
