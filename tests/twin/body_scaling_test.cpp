// Preload and geometry scale with the patient (issue 12, step 4): resting tone and the gravity
// components lying scale with body weight, the anatomy with height and sex; age acts nowhere,
// since no source at hand says how it would.
#include <gtest/gtest.h>

#include "hal/units.h"
#include "twin/probe.h"
#include "twin/twin.h"

using namespace tractus;
using namespace tractus::twin;

namespace {

constexpr int kL45 = 3;
constexpr double kMmHgPerMpa = tractus::units::kMmHgPerMegapascal;

double lying_l45_mpa(const TwinModel& m) {
  TwinState s = make_state(m);
  advance_off_table(m, s, 1.0, Posture::LyingInBed);
  return s.patient.lumbar[kL45].pressure_mpa;
}

TwinModel patient(double mass_kg, double height_m, bool female) {
  TwinModel m;
  m.patient.body_mass_kg = mass_kg;
  m.patient.height_m = height_m;
  m.patient.female = female;
  return m;
}

// the smallest force, in body weights, at which L4-5 separates by the detection threshold
// (0.5 mm, docs/twin.md) after a 60 s hold on a split table at 15 degrees
double separation_onset_bw(const TwinModel& m) {
  const double bw_n = m.patient.body_mass_kg * 9.80665;
  for (double f = 0.30; f <= 0.70; f += 0.02) {
    ProbeProtocol p;
    p.force_n = f * bw_n;
    p.ramp_s = 30.0;
    p.hold_s = 60.0;
    if (run_probe(m, p).levels[kL45].separation_mm >= 0.5) return f;
  }
  return 1.0;
}

}  // namespace

// The lying pressure goes as body weight over endplate area: Wilke's 0.10 MPa for the 70 kg,
// 1.75 m reference man; 100 kg at the same height lies at 0.10 x 100/70; a 10% taller man of
// 70 kg at 0.10 / 1.21; a woman of the reference height and weight at 0.10 / 0.94^2.
// Tolerance: 1%.
TEST(BodyScaling, LyingPressureGoesAsWeightOverEndplateArea) {
  EXPECT_NEAR(lying_l45_mpa(patient(70.0, 1.75, false)), 0.10, 0.001);
  EXPECT_NEAR(lying_l45_mpa(patient(100.0, 1.75, false)), 0.10 * 100.0 / 70.0, 0.0015);
  EXPECT_NEAR(lying_l45_mpa(patient(70.0, 1.925, false)), 0.10 / 1.21, 0.001);
  EXPECT_NEAR(lying_l45_mpa(patient(70.0, 1.75, true)), 0.10 / (0.94 * 0.94), 0.0012);
}

// DESIGN.md section 4 [M/S]: separation needs about 40-50% of body weight on a split table;
// only the 70 kg row was calibrated. A prediction for other weights: the preload goes with body
// weight but the disc's tensile toe goes with its area (height), so the onset force grows with
// weight more slowly than weight does. Tolerance: the onset force (N) rises from 55 to 70 to
// 95 kg, the onset as a share of body weight falls, and every onset lies within 30-60% BW (the
// reference band widened by one 2% step and a further 8% each side for the weight range).
TEST(BodyScaling, SeparationOnsetForceGrowsWithWeightLessThanInProportion) {
  const double kg[3] = {55.0, 70.0, 95.0};
  double onset_bw[3], onset_n[3];
  for (int i = 0; i < 3; ++i) {
    onset_bw[i] = separation_onset_bw(patient(kg[i], 1.75, false));
    onset_n[i] = onset_bw[i] * kg[i] * 9.80665;
    EXPECT_GE(onset_bw[i], 0.30) << kg[i] << " kg";
    EXPECT_LE(onset_bw[i], 0.60) << kg[i] << " kg";
  }
  EXPECT_LT(onset_n[0], onset_n[1]);
  EXPECT_LT(onset_n[1], onset_n[2]);
  EXPECT_GT(onset_bw[0], onset_bw[1]);
  EXPECT_GT(onset_bw[1], onset_bw[2]);
}

// The preload, and with it the zero crossing of the pressure, scales with body weight: a
// 100 kg patient needs 100/70 of the traction for the same net load. Tolerance: at the
// reference patient's crossing force the heavy patient's pressure is still well positive, and at
// 100/70 of it within 30 mmHg of the reference's value there.
TEST(BodyScaling, PreloadScalesWithBodyWeight) {
  const TwinModel light = patient(70.0, 1.75, false);
  const TwinModel heavy = patient(100.0, 1.75, false);
  ProbeProtocol p;
  p.force_n = 37.0 * tractus::units::kNewtonsPerLbf;
  p.ramp_s = 30.0;
  p.hold_s = 10.0;
  const double at_light = run_probe(light, p).levels[kL45].pressure_mpa * kMmHgPerMpa;
  EXPECT_GT(run_probe(heavy, p).levels[kL45].pressure_mpa * kMmHgPerMpa, at_light + 150.0);
  p.force_n *= 100.0 / 70.0;
  EXPECT_NEAR(run_probe(heavy, p).levels[kL45].pressure_mpa * kMmHgPerMpa / (100.0 / 70.0), at_light, 30.0);
}

// Age acts nowhere in the mechanics (no source at hand says how): a 25- and an 80-year-old of
// the same build give the same bits.
TEST(BodyScaling, AgeChangesNothing) {
  TwinModel young;
  TwinModel old;
  young.patient.age_years = 25.0;
  old.patient.age_years = 80.0;
  ProbeProtocol p;
  p.force_n = 300.0;
  TwinState a, b;
  run_probe(young, p, &a);
  run_probe(old, p, &b);
  EXPECT_EQ(hash_state(a), hash_state(b));
}
