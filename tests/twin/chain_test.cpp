// The serial segmental chain (issue 12, step 2): the pull is carried through every level and
// resolved on each level's own axis into axial force, shear and a moment about its centre of
// rotation. Level selection comes from the lordosis and the moment, not from a per-level share.
#include <gtest/gtest.h>

#include <cmath>

#include "../../twin/src/chain.h"
#include "twin/det_math.h"
#include "twin/probe.h"
#include "twin/twin.h"

using namespace tractus;
using namespace tractus::twin;

namespace {

ProbeReport dose(const TwinModel& m, double force_n, double angle_deg, double hold_s = 60.0) {
  ProbeProtocol p;
  p.force_n = force_n;
  p.angle_deg = angle_deg;
  p.ramp_s = 30.0;
  p.hold_s = hold_s;
  return run_probe(m, p);
}

double bw_n(const TwinModel& m) { return m.patient.body_mass_kg * 9.80665; }

}  // namespace

// In series, every level carries the whole pull: resolved on its axis, the axial part and the
// shear make up the pull exactly (N^2 + S^2 = T^2), and the level whose axis lies along the pull
// takes it all as axial force.
TEST(SegmentalChain, EveryLevelCarriesTheWholePull) {
  const PatientModel p;
  for (bool cervical : {false, true}) {
    detail::ChainGeometry g;
    detail::chain_geometry(p, cervical, g);
    for (int i = 0; i < g.count; ++i) {
      const detail::LevelLoad l = detail::level_load(g, i, 300.0, 15.0, 0.4);
      EXPECT_NEAR(l.axial_n * l.axial_n + l.shear_n * l.shear_n, 300.0 * 300.0, 1e-6);
      const detail::LevelLoad along = detail::level_load(g, i, 300.0, g.axis_deg[i], 0.4);
      EXPECT_NEAR(along.axial_n, 300.0, 1e-9);
      EXPECT_NEAR(along.shear_n, 0.0, 1e-9);
    }
  }
}

// The lordosis turns each lumbar level's axis: with hips flexed the axes step down from L1-L2
// to L5-S1, so a steeper pull lines up with a higher level. Straightening the legs deepens the
// lordosis and turns the lower levels' axes further down (Andreasen 2007 [S]: straight legs
// restore the standing lordosis).
TEST(SegmentalChain, LordosisOrdersTheLevelsByPullAngle) {
  PatientModel p;
  detail::ChainGeometry flexed;
  detail::chain_geometry(p, false, flexed);
  for (int i = 1; i < kLumbarLevels; ++i) EXPECT_LT(flexed.axis_deg[i], flexed.axis_deg[i - 1]);
  EXPECT_NEAR(flexed.axis_deg[4], 10.0, 0.05);  // the calibrated anchor
  p.hips_flexed = false;
  detail::ChainGeometry straight;
  detail::chain_geometry(p, false, straight);
  EXPECT_LT(straight.axis_deg[4], flexed.axis_deg[4] - 5.0);
}

// The pull's moment about a level grows with the level's distance from the harness and with
// the angle: no moment along the table, more at the levels farther from the pelvis.
TEST(SegmentalChain, MomentGrowsWithAngleAndDistanceFromTheHarness) {
  const TwinModel m;
  const ProbeReport flat = dose(m, 0.5 * bw_n(m), 0.0);
  const ProbeReport steep = dose(m, 0.5 * bw_n(m), 25.0);
  for (int i = 0; i < kLumbarLevels; ++i) {
    EXPECT_NEAR(flat.levels[i].moment_nm, 0.0, 1e-9) << flat.levels[i].name;
    EXPECT_GT(steep.levels[i].moment_nm, 0.5) << steep.levels[i].name;
    if (i > 0) {
      EXPECT_GT(steep.levels[i - 1].moment_nm, steep.levels[i].moment_nm);
    }
    // flexion opens the back and closes the front about the centre of rotation
    EXPECT_GT(steep.levels[i].posterior_separation_mm, steep.levels[i].separation_mm);
    EXPECT_LT(steep.levels[i].anterior_separation_mm, steep.levels[i].separation_mm);
  }
}

// Inufusa 1996 [S]: foraminal height grows in flexion and shrinks in extension (here: under
// compression). Tolerance: at 50% BW, L4-5's foramen is taller at 25 than at 0 degrees and taller
// than lying unloaded; a guarded, compressed disc's foramen is below its unloaded height.
TEST(SegmentalChain, ForamenOpensInFlexionAndNarrowsUnderCompression) {
  const TwinModel m;
  const double unloaded = dose(m, 0.0, 15.0, 5.0).levels[3].foraminal_height_mm;
  const ProbeReport flat = dose(m, 0.5 * bw_n(m), 0.0);
  const ProbeReport steep = dose(m, 0.5 * bw_n(m), 25.0);
  EXPECT_GT(steep.levels[3].foraminal_height_mm, flat.levels[3].foraminal_height_mm);
  EXPECT_GT(flat.levels[3].foraminal_height_mm, unloaded);
  EXPECT_NEAR(unloaded, 13.9, 0.01);  // the anatomy's L4-L5 foramen, lying relaxed
  TwinModel anxious;
  anxious.patient.anxiety_baseline = 1.0;
  const ProbeReport guarded = dose(anxious, 60.0, 15.0);
  EXPECT_LT(guarded.levels[3].separation_mm, 0.0);
  EXPECT_LT(guarded.levels[3].foraminal_height_mm, 13.9);
}

// Force-controlled traction on a statically determinate chain: a fused level changes nothing
// about the loads on its neighbours (the old model handed them 1.3x), and the hardware carries
// the level's axial force and moment.
TEST(SegmentalChain, AFusedLevelHandsNoForceToItsNeighbours) {
  TwinModel ref;
  TwinModel fused;
  fused.patient.lumbar[3].fused = true;
  const ProbeReport a = dose(ref, 0.5 * bw_n(ref), 15.0);
  const ProbeReport b = dose(fused, 0.5 * bw_n(fused), 15.0);
  for (int i : {2, 4}) {
    EXPECT_NEAR(b.levels[i].axial_force_n, a.levels[i].axial_force_n, 0.01 * std::fabs(a.levels[i].axial_force_n));
    EXPECT_NEAR(b.levels[i].moment_nm, a.levels[i].moment_nm, 0.01 * a.levels[i].moment_nm);
  }
  EXPECT_EQ(b.levels[3].separation_mm, 0.0);
  const double expected = b.levels[3].axial_force_n / fused.patient.implant_rated_n +
                          b.levels[3].moment_nm / fused.patient.implant_rated_moment_nm;
  EXPECT_NEAR(b.implant_stress, expected, 0.02 * expected);
}

// Height scales the geometry the chain is built from: a taller patient's levers are longer in
// proportion, so the same pull at the same angle bends each level more.
TEST(SegmentalChain, HeightScalesTheLevers) {
  PatientModel p;
  detail::ChainGeometry ref;
  detail::chain_geometry(p, false, ref);
  p.height_m = 1.925;
  detail::ChainGeometry tall;
  detail::chain_geometry(p, false, tall);
  for (int i = 0; i < kLumbarLevels - 1; ++i) EXPECT_GT(tall.lever_m[i], ref.lever_m[i]);
  EXPECT_NEAR(tall.posterior_mm[3], 1.1 * ref.posterior_mm[3], 1e-9);
}
