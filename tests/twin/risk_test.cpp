// Risk (issue 12, step 6): osteoporotic fracture risk from the harness contacts on the ribs and
// the pelvis and from bending, not from the tensile traction along the spine; the stress of
// fused hardware from the force and moment its level actually carries.
#include <gtest/gtest.h>

#include <cmath>

#include "hal/units.h"
#include "twin/probe.h"
#include "twin/twin.h"
#include "validation_print.h"

using namespace tractus;
using namespace tractus::twin;
using tractus::twin::testing::measured;

namespace {

using tractus::units::kNewtonsPerLbf;
constexpr int kL45 = 3;

ProbeReport dose(const TwinModel& m, double lb, double angle_deg, double hold_s = 30.0) {
  ProbeProtocol p;
  p.force_n = lb * kNewtonsPerLbf;
  p.angle_deg = angle_deg;
  p.ramp_s = 30.0;
  p.hold_s = hold_s;
  return run_probe(m, p);
}

TwinModel osteoporotic() {
  TwinModel m;
  m.patient.conditions.bone_strength = 0.35;
  return m;
}

}  // namespace

// Issue 12: traction pulls the vertebrae apart; it does not crush them. With the harness
// contacts made unbreakable and a flat (0 degree) pull that bends nothing, an osteoporotic
// patient at 150 lb has no fracture risk at all (the old model counted the spinal force plus the
// guarding as a crushing load). Tolerance: exactly 0.
TEST(Risk, TractionAlongTheSpineCarriesNoFractureRisk) {
  TwinModel m = osteoporotic();
  m.patient.rib_contact_strength_n = 1e9;
  m.patient.pelvic_contact_strength_n = 1e9;
  const double risk = dose(m, 150.0, 0.0).fracture_risk;
  measured("K4", "risk %.1e at 150 lb, flat, 35%% bone, harness contacts unbreakable", risk);
  EXPECT_EQ(risk, 0.0);
}

// The thoracic harness bears on the lower ribs with the pull that crosses the spine, the pelvic
// harness on the iliac crests with the cord's pull [U: Weibull scales 3 kN and 6 kN for normal
// bone]. Tolerance: at a flat 100 lb pull the risk (the highest so far) is at least
// 1 - (survival of the ribs) x (survival of the pelvis) for the forces at the end of the hold and
// at most 25% above it (the servo's overshoot of about 4%, to the sixth power), and the ribs
// carry most of it.
TEST(Risk, TheHarnessContactsOnRibsAndPelvisCarryTheFractureRisk) {
  const TwinModel m = osteoporotic();
  const ProbeReport r = dose(m, 100.0, 0.0);
  const double k = m.patient.fracture_weibull_exponent;
  const double rib = std::pow(r.spine_force_n / (3000.0 * 0.35), k);
  const double pelvis = std::pow(r.cord_tension_n / (6000.0 * 0.35), k);
  const double expected = 1.0 - std::exp(-rib - pelvis);
  measured("K5", "risk %.2e at a flat 100 lb, 35%% bone (ribs %.2e, pelvis %.2e of the Weibull sum)", r.fracture_risk,
           rib, pelvis);
  EXPECT_GE(r.fracture_risk, 0.99 * expected);
  EXPECT_LE(r.fracture_risk, 1.25 * expected);
  EXPECT_GT(rib, 10.0 * pelvis);
}

// Bending: a steeper pull bends the chain more, so it loads weak vertebrae that a flat pull
// leaves alone [U: Weibull scale 100 N m for a normal lumbar vertebra]. Tolerance: with the
// harness contacts unbreakable, the risk at 35 degrees is above that at 15 degrees, which is
// above 0; normal bone at 35 degrees stays under a fiftieth of the osteoporotic risk.
TEST(Risk, BendingRaisesTheFractureRiskOfWeakBone) {
  TwinModel m = osteoporotic();
  m.patient.rib_contact_strength_n = 1e9;
  m.patient.pelvic_contact_strength_n = 1e9;
  TwinModel normal = m;
  normal.patient.conditions.bone_strength = 1.0;
  const double at15 = dose(m, 150.0, 15.0).fracture_risk;
  const double at35 = dose(m, 150.0, 35.0).fracture_risk;
  const double normal35 = dose(normal, 150.0, 35.0).fracture_risk;
  measured("K6", "bending risk at 150 lb, 35%% bone: %.1e at 15 deg, %.1e at 35 deg; normal bone %.1e at 35 deg", at15,
           at35, normal35);
  EXPECT_GT(at15, 0.0);
  EXPECT_GT(at35, at15);
  EXPECT_LT(normal35, 0.02 * at35);
}

// The fused level's hardware carries the net axial load (the pull's axial part less the resting
// preload and the guarding) and the whole moment [U ratings: 600 N tension, 2000 N compression,
// 7.5 N m]. Tolerance: at a flat pull (no moment) the stress equals the fused level's net axial
// load over its rating within 1%; an anxious, guarding patient's compresses the hardware, so its
// stress is lower at the same dose; a steeper pull adds the moment.
TEST(Risk, ImplantStressFollowsTheLoadItsLevelCarries) {
  TwinModel fused;
  fused.patient.lumbar[kL45].fused = true;
  const ProbeReport flat = dose(fused, 80.0, 0.0);
  const double net_n = flat.levels[kL45].axial_force_n;
  ASSERT_GT(net_n, 0.0) << "80 lb puts the fused level in tension";
  EXPECT_NEAR(flat.levels[kL45].moment_nm, 0.0, 1e-9);
  EXPECT_NEAR(flat.implant_stress, net_n / 600.0, 0.01 * net_n / 600.0);
  TwinModel guarding = fused;
  guarding.patient.anxiety_baseline = 1.0;
  guarding.patient.conditions.claustrophobia = true;
  const double guarded = dose(guarding, 80.0, 0.0).implant_stress;
  const double steep = dose(fused, 80.0, 25.0).implant_stress;
  measured("K7", "implant stress at 80 lb %.3f flat (net %.0f N), %.3f guarding, %.3f at 25 deg", flat.implant_stress,
           net_n, guarded, steep);
  EXPECT_LT(guarded, flat.implant_stress);
  EXPECT_GT(steep, flat.implant_stress);
}
