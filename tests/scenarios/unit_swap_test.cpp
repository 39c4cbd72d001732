// Fitting the traction unit on a rig: the sandbox's console starts a cervical treatment on a
// table built lumbar by fitting the cervical unit first (Rig::fit_unit). The swapped rig must
// pull exactly as a rig built cervical does, and the unit must never change under traction.
#include <gtest/gtest.h>

#include <cmath>

#include "scenarios/rig.h"

using namespace tractus;
using scenarios::Rig;

namespace {

constexpr int64_t kUsPerS = 1000000;
// 35 lb: inside DESIGN.md section 4's 25-45 lb band of measurable cervical separation [M]
constexpr float kThirtyFivePoundsN = 155.7f;
// the twin's separation detection threshold for a cervical level (docs/twin.md, a model choice)
constexpr double kCervicalDetectableMm = 0.3;

hal::Prescription cervical_static(float force_n, float treatment_s) {
  hal::Prescription p;
  p.region = hal::Region::Cervical;
  p.max_force_n = force_n;
  p.ramp_s = 5.0f;
  p.treatment_s = treatment_s;
  p.release_n_per_s = 20.0f;
  return p;
}

double largest_separation_mm(const twin::LevelState* levels, int count) {
  double most = 0.0;
  for (int i = 0; i < count; ++i) most = std::max(most, levels[i].separation_mm);
  return most;
}

}  // namespace

TEST(UnitSwap, ASwappedCervicalUnitPullsAsATableBuiltCervical) {
  scenarios::RigConfig built_cfg;
  built_cfg.twin.setup = hal::Region::Cervical;
  Rig built(built_cfg);
  Rig swapped{scenarios::RigConfig{}};
  ASSERT_EQ(swapped.model().setup, hal::Region::Lumbar);
  ASSERT_TRUE(swapped.fit_unit(hal::Region::Cervical));  // at power-on, at rest
  EXPECT_EQ(swapped.model().setup, hal::Region::Cervical);

  for (Rig* rig : {&built, &swapped}) {
    rig->advance_us(kUsPerS / 2);
    rig->prescribe_and_start(cervical_static(kThirtyFivePoundsN, 300.0f));
    rig->advance_us(20 * kUsPerS);
    ASSERT_EQ(rig->display().state, hal::TableState::Treating);
  }
  const twin::PatientState& b = built.twin_state().patient;
  const twin::PatientState& s = swapped.twin_state().patient;
  const double built_neck_mm = largest_separation_mm(b.cervical, twin::kCervicalLevels);
  // the neck opens measurably at 35 lb
  EXPECT_GE(built_neck_mm, kCervicalDetectableMm);
  // the same pull reaches the same discs: the swap is the built table, bit for bit in effect
  EXPECT_NEAR(largest_separation_mm(s.cervical, twin::kCervicalLevels), built_neck_mm, 0.01 * built_neck_mm);
  EXPECT_NEAR(swapped.twin_state().cord_tension_n, built.twin_state().cord_tension_n, 1.0);
  // and the low back, which the lumbar harness would have pulled, stays as it lay
  EXPECT_NEAR(largest_separation_mm(s.lumbar, twin::kLumbarLevels),
              largest_separation_mm(b.lumbar, twin::kLumbarLevels), 0.01);
}

TEST(UnitSwap, TheUnitIsNeverChangedUnderTraction) {
  Rig rig{scenarios::RigConfig{}};
  ASSERT_TRUE(rig.fit_unit(hal::Region::Cervical));
  rig.advance_us(kUsPerS / 2);
  rig.prescribe_and_start(cervical_static(kThirtyFivePoundsN, 60.0f));
  rig.advance_us(10 * kUsPerS);
  ASSERT_EQ(rig.display().state, hal::TableState::Treating);
  EXPECT_FALSE(rig.fit_unit(hal::Region::Lumbar));
  EXPECT_EQ(rig.model().setup, hal::Region::Cervical);

  // a patient stop leaves the table Stopped: still no swap until acknowledged and slack
  rig.set_patient_stop_pressed(true);
  rig.advance_us(kUsPerS);
  rig.set_patient_stop_pressed(false);
  ASSERT_EQ(rig.display().state, hal::TableState::Stopped);
  EXPECT_FALSE(rig.fit_unit(hal::Region::Lumbar));
  hal::ConsoleCommand ack;
  ack.kind = hal::CommandKind::Acknowledge;
  rig.send(ack);
  rig.advance_us(kUsPerS);
  ASSERT_LT(rig.twin_state().cord_tension_n, Rig::kUnitSwapMaxTensionN);
  EXPECT_TRUE(rig.fit_unit(hal::Region::Lumbar));
  EXPECT_EQ(rig.model().setup, hal::Region::Lumbar);
}
