// Determinism: one seed and one input sequence give one bit-exact run, natively and in
// WebAssembly alike. The golden hash pins the whole pipeline; if a deliberate model change
// moves it, update the value here in the same commit and say so in the message.
#include <gtest/gtest.h>

#include "scenarios/rig.h"

using namespace tractus;
using scenarios::Rig;
using scenarios::RigConfig;

namespace {

// A fixed script: power-up, a 300 N static prescription, a stop-switch press at 20 s.
uint64_t scripted_run(uint64_t seed, int64_t total_us) {
  RigConfig cfg;
  cfg.seed = seed;
  Rig rig(cfg);
  rig.advance_us(500000);
  hal::Prescription p;
  p.max_force_n = 300.0f;
  p.ramp_s = 10.0f;
  p.treatment_s = 120.0f;
  p.release_n_per_s = 40.0f;
  rig.prescribe_and_start(p);
  while (rig.now_us() < total_us) {
    if (rig.now_us() == 20000000) rig.set_patient_stop_pressed(true);
    rig.advance_us(1000);
  }
  return rig.state_hash();
}

}  // namespace

TEST(Determinism, TwoRunsWithOneSeedAreHashIdentical) {
  EXPECT_EQ(scripted_run(1234, 25000000), scripted_run(1234, 25000000));
}

TEST(Determinism, ADifferentSeedGivesADifferentRun) {
  EXPECT_NE(scripted_run(1234, 5000000), scripted_run(1235, 5000000));
}

TEST(Determinism, GoldenHashAfter25Seconds) {
  constexpr uint64_t kGolden = 0x9fdc4573f5e463feULL;
  const uint64_t h = scripted_run(1234, 25000000);
  EXPECT_EQ(h, kGolden) << "state hash 0x" << std::hex << h;
}
