// The session's random generator: fixed sequences and distribution moments.
#include <gtest/gtest.h>

#include <cmath>

#include "twin/rng.h"

using tractus::Rng;

TEST(Rng, SameSeedSameSequenceOtherSeedOtherSequence) {
  Rng a(42), b(42), c(43);
  for (int i = 0; i < 1000; ++i) {
    const uint64_t x = a.next_u64();
    EXPECT_EQ(x, b.next_u64());
    (void)c;
  }
  Rng d(42);
  EXPECT_NE(d.next_u64(), c.next_u64());
}

TEST(Rng, GoldenFirstOutputsMatchOnEveryPlatform) {
  // golden values: any change to the generator or its seeding changes every replay
  Rng r(1);
  uint64_t x = 0;
  for (int i = 0; i < 100; ++i) x ^= r.next_u64();
  EXPECT_EQ(x, 0x8d804d0dd4c27539ULL) << "golden xor of the first 100 outputs for seed 1: 0x" << std::hex << x;
}

TEST(Rng, Uniform01MomentsWithinSamplingTolerance) {
  Rng r(7);
  const int n = 200000;
  double sum = 0.0, sum2 = 0.0;
  for (int i = 0; i < n; ++i) {
    const double u = r.uniform01();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    sum += u;
    sum2 += u * u;
  }
  const double mean = sum / n, var = sum2 / n - mean * mean;
  // standard error of the mean is sqrt(1/12/n) = 0.00065; allow 5 sigma
  EXPECT_NEAR(mean, 0.5, 0.0033);
  EXPECT_NEAR(var, 1.0 / 12.0, 0.001);
}

TEST(Rng, NormalHasUnitVarianceAndZeroMean) {
  Rng r(9);
  const int n = 200000;
  double sum = 0.0, sum2 = 0.0;
  for (int i = 0; i < n; ++i) {
    const double z = r.normal01();
    ASSERT_LE(std::fabs(z), 6.0);
    sum += z;
    sum2 += z * z;
  }
  const double mean = sum / n, var = sum2 / n - mean * mean;
  // 5-sigma sampling tolerances for n = 200000
  EXPECT_NEAR(mean, 0.0, 0.012);
  EXPECT_NEAR(var, 1.0, 0.016);
}

TEST(Rng, BelowCoversTheRangeEvenly) {
  Rng r(11);
  int counts[6] = {0, 0, 0, 0, 0, 0};
  for (int i = 0; i < 60000; ++i) ++counts[r.below(6)];
  for (int c : counts) EXPECT_NEAR(c, 10000, 500);  // about 5 sigma of a binomial
}
