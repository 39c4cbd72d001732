// Protocol force profiles as pure functions of time (DESIGN.md section 4, table modes).
#include <gtest/gtest.h>

#include <cmath>

#include "controller/protocol.h"

using namespace tractus;
using controller::build_profile;
using controller::profile_force_n;

namespace {
hal::Prescription base(hal::Protocol protocol) {
  hal::Prescription p;
  p.protocol = protocol;
  p.max_force_n = 400.0f;
  p.base_force_n = 100.0f;
  p.ramp_s = 20.0f;
  p.hold_s = 30.0f;
  p.rest_s = 15.0f;
  p.ramp_down_s = 10.0f;
  p.release_n_per_s = 50.0f;
  p.treatment_s = 1200.0f;
  return p;
}
float at(const controller::ProfilePlan& plan, float t_s) { return profile_force_n(plan, t_s, t_s); }
}  // namespace

TEST(Protocol, DeterministicLogMatchesTheLibraryLog) {
  for (float x = 1.0f; x <= 16.0f; x += 0.37f) EXPECT_NEAR(controller::det_log(x), std::log(x), 2e-6f) << x;
}

TEST(Protocol, StaticRampsThenHoldsForTheWholeTreatment) {
  const auto plan = build_profile(base(hal::Protocol::Static));
  EXPECT_NEAR(at(plan, 10.0f), 200.0f, 1e-3f);  // 400 N over 20 s
  EXPECT_NEAR(at(plan, 20.0f), 400.0f, 1e-3f);
  EXPECT_NEAR(at(plan, 900.0f), 400.0f, 1e-3f);
  EXPECT_FLOAT_EQ(plan.total_s, 1200.0f);
  EXPECT_FLOAT_EQ(plan.final_release_s, 8.0f);  // 400 N at 50 N/s
}

TEST(Protocol, IntermittentSwitchesBetweenForcesAtTheChangeoverSpeed) {
  const auto plan = build_profile(base(hal::Protocol::Intermittent));
  // ramp-in to the base 100 N at 20 N/s takes 5 s; then the 300 N rise at 50 N/s takes 6 s
  EXPECT_NEAR(at(plan, 5.0f), 100.0f, 1e-3f);
  EXPECT_NEAR(at(plan, 8.0f), 250.0f, 1e-3f);
  EXPECT_NEAR(at(plan, 11.0f + 15.0f), 400.0f, 1e-3f);      // traction hold
  EXPECT_NEAR(at(plan, 11.0f + 30.0f + 3.0f), 250.0f, 1e-3f);  // changeover down
  EXPECT_NEAR(at(plan, 11.0f + 30.0f + 6.0f + 7.0f), 100.0f, 1e-3f);  // base hold
  EXPECT_FLOAT_EQ(plan.cycle.duration_s, 6.0f + 30.0f + 6.0f + 15.0f);
  // the next cycle repeats the first
  EXPECT_NEAR(at(plan, 8.0f + plan.cycle.duration_s), 250.0f, 1e-2f);
}

TEST(Protocol, CyclicUsesItsOwnRampUpAndRampDownTimes) {
  const auto plan = build_profile(base(hal::Protocol::Cyclic));
  const float c0 = plan.prologue.duration_s;  // 5 s to the base force
  EXPECT_NEAR(at(plan, c0 + 10.0f), 250.0f, 1e-3f);               // half way up 20 s
  EXPECT_NEAR(at(plan, c0 + 20.0f + 30.0f + 5.0f), 250.0f, 1e-3f);  // half way down 10 s
  EXPECT_NEAR(at(plan, c0 + 20.0f + 30.0f + 10.0f + 5.0f), 100.0f, 1e-3f);
}

TEST(Protocol, DecompressionRisesQuicklyToHalfThenLogarithmicallyToTheMaximum) {
  // VAX-D patent US 6,039,737: quick rise to about 50%, approximately logarithmic rise after
  const auto plan = build_profile(base(hal::Protocol::Decompression));
  const float c0 = plan.prologue.duration_s;
  EXPECT_NEAR(at(plan, c0 + 4.0f), 200.0f, 1e-3f);  // 20% of the 20 s ramp reaches half
  const float quarter = at(plan, c0 + 4.0f + 4.0f);  // a quarter into the 16 s log rise
  const float half = at(plan, c0 + 4.0f + 8.0f);
  // concave: more than the linear share early on (ln(1+9u)/ln 10 at u = 0.25 is 0.512)
  EXPECT_NEAR(quarter, 200.0f + 200.0f * 0.5119f, 0.5f);
  EXPECT_GT(half - 200.0f, 0.5f * 200.0f);
  EXPECT_NEAR(at(plan, c0 + 20.0f + 15.0f), 400.0f, 1e-3f);  // hold
  EXPECT_NEAR(at(plan, c0 + 20.0f + 30.0f + 5.0f), 250.0f, 1e-3f);  // linear release
  EXPECT_NEAR(at(plan, c0 + 20.0f + 30.0f + 10.0f + 7.0f), 100.0f, 1e-3f);  // rest at baseline
}

TEST(Protocol, CyclesComputeTheTotalTime) {
  // typical decompression session: 15 cycles of 60 s pull and 30 s rest [M]
  hal::Prescription p = base(hal::Protocol::Decompression);
  p.ramp_s = 20.0f;
  p.hold_s = 30.0f;
  p.ramp_down_s = 10.0f;
  p.rest_s = 30.0f;
  p.cycles = 15;
  const auto plan = build_profile(p);
  EXPECT_FLOAT_EQ(plan.cycle.duration_s, 90.0f);
  // 5 s ramp-in + 15 x 90 s + 2 s release from the 100 N base at 50 N/s
  EXPECT_NEAR(plan.total_s, 5.0f + 1350.0f + 2.0f, 1e-2f);
}

TEST(Protocol, ProgressiveStepsHoldThenRestAtHalf) {
  // Triton: progressive phase holds at each step force, then rests at 50% of it
  hal::Prescription p = base(hal::Protocol::Static);
  p.progressive_steps = 4;
  const auto plan = build_profile(p);
  // step 1: 100 N reached at 20 N/s after 5 s, held 30 s, down to 50 N in 1 s, rest 15 s
  EXPECT_NEAR(at(plan, 5.0f + 10.0f), 100.0f, 1e-3f);
  EXPECT_NEAR(at(plan, 5.0f + 30.0f + 1.0f + 5.0f), 50.0f, 1e-3f);
  // step 2 rises from 50 N to 200 N at 20 N/s
  EXPECT_NEAR(at(plan, 51.0f + 7.5f + 10.0f), 200.0f, 1e-3f);
  EXPECT_NEAR(at(plan, plan.prologue.duration_s + 100.0f), 400.0f, 1e-3f);
}

TEST(Protocol, RegressiveStepsComeDownBeforeTheEnd) {
  hal::Prescription p = base(hal::Protocol::Static);
  p.regressive_steps = 2;
  const auto plan = build_profile(p);
  const float epi_start = plan.total_s - plan.final_release_s - plan.epilogue.duration_s;
  EXPECT_NEAR(profile_force_n(plan, epi_start + 10.0f, epi_start + 10.0f), 400.0f, 1e-3f);
  // after the 400 N hold and rest at 200 N, the 200 N step holds
  const float t = epi_start + 30.0f + 4.0f + 15.0f + 0.0f + 10.0f;
  EXPECT_NEAR(profile_force_n(plan, t, t), 200.0f, 1e-3f);
  EXPECT_NEAR(plan.final_release_s, 100.0f / 50.0f, 1e-4f);  // released from half the last step
}

TEST(Protocol, TheRateBoundsCoverEverySegment) {
  const auto plan = build_profile(base(hal::Protocol::Decompression));
  float worst_rise = 0.0f;
  for (float t = 0.0f; t < 200.0f; t += 0.001f) {
    const float rate = (at(plan, t + 0.001f) - at(plan, t)) / 0.001f;
    if (rate > worst_rise) worst_rise = rate;
  }
  EXPECT_LE(worst_rise, plan.max_rise_n_per_s * 1.01f);
  EXPECT_GT(worst_rise, plan.max_rise_n_per_s * 0.9f);
}
