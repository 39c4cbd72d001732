// Calibration of the patient model against published measurements (DESIGN.md section 4).
//
// One test per reference row. Each names its source, the source's quality tag, and the
// tolerance it allows. The doses run through the probe's ideal bench force servo on the
// reference patient (70 kg male, relaxed, good harness fit), so the firmware is not part of
// what is being calibrated.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>

#include "twin/probe.h"
#include "twin/twin.h"
#include "hal/units.h"

// the sources give disc pressures in mmHg: the tests read the twin's megapascals in them
constexpr double kMmHgPerMpa = tractus::units::kMmHgPerMegapascal;

using namespace tractus;
using namespace tractus::twin;

namespace {

using units::kNewtonsPerLbf;
constexpr int kL45 = 3;   // index of L4-L5 in the lumbar chain
constexpr int kL5S1 = 4;  // index of L5-S1

// Smallest separation counted as "separation" in the imaging studies the references summarise.
// A model choice [U], stated in docs/twin.md: lumbar 0.5 mm, cervical 0.3 mm. Below these the
// gain is the unloading of the resting preload (at most preload / compression stiffness,
// about 0.1 mm), which no study reports as separation.
constexpr double kLumbarDetectableMm = 0.5;
constexpr double kCervicalDetectableMm = 0.3;

double body_weight_n(const TwinModel& m) { return m.patient.body_mass_kg * 9.80665; }

// guarding above resting tone in units of strong guarding (PatientModel::guard_strong_activation,
// 10% of the extensors' maximal voluntary contraction)
double guard_units(const TwinModel& m, double activation) {
  return (activation - m.patient.muscle_tone) / m.patient.guard_strong_activation;
}

ProbeReport lumbar_dose(const TwinModel& m, double force_n, double hold_s, bool split = true,
                        double angle_deg = 15.0) {
  ProbeProtocol p;
  p.force_n = force_n;
  p.ramp_s = 30.0;  // slow enough to stay under the guarding rate threshold
  p.hold_s = hold_s;
  p.split = split;
  p.angle_deg = angle_deg;
  return run_probe(m, p);
}

}  // namespace

// Ramos & Martin 1994 (J Neurosurg) [S] with one practitioner's reading [P]: L4-5 pressure
// turns negative at about 35-40 lb. Tolerance: the crossing must lie in 34..41 lb (the stated
// band widened by 1 lb, the step of the sweep).
TEST(Calibration, L45PressureTurnsNegativeAt35To40Pounds) {
  TwinModel m;
  double crossing_lb = -1.0;
  double previous_mmhg = 1e9;
  for (double lb = 30.0; lb <= 45.0; lb += 1.0) {
    const double p_mmhg = lumbar_dose(m, lb * kNewtonsPerLbf, 10.0).levels[kL45].pressure_mpa * kMmHgPerMpa;
    EXPECT_LT(p_mmhg, previous_mmhg) << "pressure must fall as tension rises, at " << lb << " lb";
    previous_mmhg = p_mmhg;
    if (crossing_lb < 0.0 && p_mmhg < 0.0) crossing_lb = lb;
  }
  EXPECT_GE(crossing_lb, 34.0);
  EXPECT_LE(crossing_lb, 41.0);
}

// Ramos & Martin 1994 [S]: below -100 mmHg in the upper tension range with relaxed muscles.
// Tolerance: at 70-90 lb, relaxed, the pressure is below -100 mmHg (and above -200 mmHg, the
// lowest values the study reports being around -150 to -160 mmHg).
TEST(Calibration, L45PressureBelowMinus100MmHgInTheUpperRangeRelaxed) {
  TwinModel m;
  for (double lb : {70.0, 80.0, 90.0}) {
    const ProbeReport r = lumbar_dose(m, lb * kNewtonsPerLbf, 30.0);
    EXPECT_LT(r.levels[kL45].pressure_mpa * kMmHgPerMpa, -100.0) << lb << " lb";
    EXPECT_GT(r.levels[kL45].pressure_mpa * kMmHgPerMpa, -200.0) << lb << " lb";
    EXPECT_LT(guard_units(m, r.muscle_activation), 0.05) << "relaxed at " << lb << " lb";
  }
}

// Ramos & Martin [S] / practitioner reading [P]: the pressure rises again above about
// 80-100 lb, which muscle guarding would explain. Tolerance: at 150 lb the pressure is at least
// 100 mmHg above its value at 90 lb, and the muscles are guarding (at least a quarter of strong
// guarding above tone).
TEST(Calibration, L45PressureRisesAgainWhenForceIsPushedHigh) {
  TwinModel m;
  const ProbeReport at90 = lumbar_dose(m, 90.0 * kNewtonsPerLbf, 30.0);
  const ProbeReport at150 = lumbar_dose(m, 150.0 * kNewtonsPerLbf, 30.0);
  EXPECT_GT(at150.levels[kL45].pressure_mpa * kMmHgPerMpa, at90.levels[kL45].pressure_mpa * kMmHgPerMpa + 100.0);
  EXPECT_GT(guard_units(m, at150.muscle_activation), 0.25);
}

// DESIGN.md section 4, muscle guarding [M, S]: guarding compresses the segments, so a
// guarding patient has a higher L4-5 pressure and less separation at the same force.
// Tolerance: at 80 lb, an anxious guarding patient is at least 50 mmHg above the relaxed one
// and separates at least 0.1 mm less.
TEST(Calibration, GuardingRaisesPressureAndReducesSeparation) {
  TwinModel relaxed;
  TwinModel guarding;
  guarding.patient.anxiety_baseline = 0.9;
  guarding.patient.conditions.claustrophobia = true;
  const ProbeReport a = lumbar_dose(relaxed, 80.0 * kNewtonsPerLbf, 60.0);
  const ProbeReport b = lumbar_dose(guarding, 80.0 * kNewtonsPerLbf, 60.0);
  EXPECT_GT(guard_units(guarding, b.muscle_activation), guard_units(relaxed, a.muscle_activation) + 0.1);
  EXPECT_GT(b.levels[kL45].pressure_mpa * kMmHgPerMpa, a.levels[kL45].pressure_mpa * kMmHgPerMpa + 50.0);
  EXPECT_LT(b.levels[kL45].separation_mm, a.levels[kL45].separation_mm - 0.1);
}

// DESIGN.md section 4 [P]: body-to-table friction about 0.5 on the lower body, so without a
// split table at least 25% BW goes on friction. Tolerance: up to 24% BW on a locked table, no
// level separates by more than 0.05 mm and L4-5 pressure stays above 90% of its lying value;
// the same force on the split table does reach the spine (pressure below half of lying).
TEST(Calibration, NoLumbarSeparationWithoutTheSplitBelowAQuarterOfBodyWeight) {
  TwinModel m;
  const double lying_mmhg = 0.10 * kMmHgPerMpa;
  for (double fraction : {0.15, 0.20, 0.24}) {
    const double f_n = fraction * body_weight_n(m);
    const ProbeReport locked = lumbar_dose(m, f_n, 60.0, false);
    for (int i = 0; i < locked.level_count; ++i) {
      EXPECT_LT(locked.levels[i].separation_mm, 0.05) << fraction << " BW, " << locked.levels[i].name;
    }
    EXPECT_GT(locked.levels[kL45].pressure_mpa * kMmHgPerMpa, 0.9 * lying_mmhg) << fraction << " BW";
    const ProbeReport split = lumbar_dose(m, f_n, 60.0, true);
    EXPECT_LT(split.levels[kL45].pressure_mpa * kMmHgPerMpa, 0.5 * lying_mmhg) << fraction << " BW";
  }
}

// DESIGN.md section 4 [M/S]: separation needs about 40-50% BW on a low-friction split table.
// Tolerance: L4-5 separation after a 60 s hold stays under the detection threshold at 38% BW
// and exceeds it at 52% BW (the band widened by 2% BW either side).
TEST(Calibration, SplitTableSeparationStartsAt40To50PercentOfBodyWeight) {
  TwinModel m;
  const ProbeReport below = lumbar_dose(m, 0.38 * body_weight_n(m), 60.0);
  const ProbeReport above = lumbar_dose(m, 0.52 * body_weight_n(m), 60.0);
  EXPECT_LT(below.levels[kL45].separation_mm, kLumbarDetectableMm);
  EXPECT_GE(above.levels[kL45].separation_mm, kLumbarDetectableMm);
}

// Stature study (DESIGN.md section 4) [S]: 42 min at 0, 30 and 60% BW gave stature gains of
// 6.09, 5.70 and 7.01 mm; the 60% condition pulled ahead only after about 21 min, and the gain
// faded within about 1 h. The study's table is taken as a conventional (non-split) one, which
// its 30% result (no better than 0%) implies. Tolerances: the 0% gain within 10% of 6.09 mm;
// 30% within 0.5 mm of 0% (the study's between-condition scatter); 60% ahead of 0% by
// 0.4..1.5 mm at 42 min and by less at 21 min; after 1 h standing under 15% of the gain left.
TEST(Calibration, StatureGainOver42MinutesIsAbout6To7Millimetres) {
  TwinModel m;
  double gain21[3], gain42[3], after_hour[3];
  const double fractions[3] = {0.0, 0.30, 0.60};
  for (int i = 0; i < 3; ++i) {
    ProbeProtocol p;
    p.force_n = fractions[i] * body_weight_n(m);
    p.split = false;
    p.ramp_s = 30.0;
    p.hold_s = 21.0 * 60.0 - 30.0;
    TwinState s;
    gain21[i] = run_probe(m, p, &s).stature_gain_mm;
    p.ramp_s = 0.0;
    p.hold_s = 21.0 * 60.0;
    gain42[i] = run_probe_on(m, p, s).stature_gain_mm;
    advance_off_table(m, s, 3600.0);
    after_hour[i] = stature_gain_mm(m, s);
  }
  EXPECT_NEAR(gain42[0], 6.09, 0.61);
  EXPECT_NEAR(gain42[1], gain42[0], 0.5);
  EXPECT_GE(gain42[2] - gain42[0], 0.4);
  EXPECT_LE(gain42[2] - gain42[0], 1.5);
  EXPECT_LT(gain21[2] - gain21[0], gain42[2] - gain42[0]);
  for (int i = 0; i < 3; ++i) EXPECT_LT(after_hour[i], 0.15 * gain42[i]) << fractions[i];
}

// DESIGN.md section 4 [M]: about 1 mm of L5-S1 separation in one session on fluoroscopy.
// Session: split table, 10 degrees (the L5-S1 angle), 50% BW, 1 min ramp, 20 min hold.
// Tolerance: "on the order of 1 mm", taken as 0.5..2 mm; and L5-S1 opens most at its angle.
TEST(Calibration, L5S1SeparatesAboutOneMillimetreInASession) {
  TwinModel m;
  ProbeProtocol p;
  p.force_n = 0.5 * body_weight_n(m);
  p.angle_deg = 10.0;
  p.ramp_s = 60.0;
  p.hold_s = 20.0 * 60.0;
  const ProbeReport r = run_probe(m, p);
  EXPECT_GE(r.levels[kL5S1].separation_mm, 0.5);
  EXPECT_LE(r.levels[kL5S1].separation_mm, 2.0);
  for (int i = 0; i < kL5S1; ++i) EXPECT_LT(r.levels[i].separation_mm, r.levels[kL5S1].separation_mm);
}

// DESIGN.md section 4 [U], angle-to-level table: L5-S1 ~10, L4-5 ~15, L3-4 ~20, L2-3 ~25
// degrees. The serial chain has no per-level share: the level whose axis (from the lordosis of
// twin/anatomy.h, hips flexed) lies along the pull carries the most axial force. Only the L5-S1
// row is fitted (PatientModel::lumbar_top_axis_deg); the other rows are predictions. Tolerance:
// at each listed angle its level or a neighbour separates most (one level, the resolution of an
// unverified table).
TEST(Calibration, PullAngleFavoursTheLevelOfTheAngleTable) {
  TwinModel m;
  const struct { double angle_deg; int level; } rows[] = {{10.0, 4}, {15.0, 3}, {20.0, 2}, {25.0, 1}};
  for (const auto& row : rows) {
    const ProbeReport r = lumbar_dose(m, 0.5 * body_weight_n(m), 60.0, true, row.angle_deg);
    int best = 0;
    for (int i = 1; i < r.level_count; ++i) {
      if (r.levels[i].separation_mm > r.levels[best].separation_mm) best = i;
    }
    EXPECT_LE(std::abs(best - row.level), 1)
        << row.angle_deg << " deg: " << r.levels[best].name << " separates most";
  }
  // the fitted row holds exactly: at 10 degrees L5-S1 leads
  const ProbeReport r10 = lumbar_dose(m, 0.5 * body_weight_n(m), 60.0, true, 10.0);
  for (int i = 0; i < kL5S1; ++i) EXPECT_LT(r10.levels[i].separation_mm, r10.levels[kL5S1].separation_mm);
}

// DESIGN.md section 4, cervical [M]: no mid or lower separation below 20 lb. Tolerance: at
// 18 lb, 15 degrees, 5 min, C4-5 to C7-T1 stay under the cervical detection threshold.
TEST(Calibration, CervicalNoMidOrLowerSeparationBelow20Pounds) {
  TwinModel m;
  m.setup = hal::Region::Cervical;
  ProbeProtocol p;
  p.force_n = 18.0 * kNewtonsPerLbf;
  p.angle_deg = 15.0;
  p.ramp_s = 20.0;
  p.hold_s = 300.0;
  const ProbeReport r = run_probe(m, p);
  ASSERT_EQ(r.level_count, 6);
  for (int i = 2; i < 6; ++i) {
    EXPECT_LT(r.levels[i].separation_mm, kCervicalDetectableMm) << r.levels[i].name;
  }
}

// DESIGN.md section 4, cervical [S]: 13.6 kg (30 lb) for 5 min at 15 degrees of flexion,
// supine, separated C2-C7 posteriorly. Tolerance: posterior separation of C2-3 .. C6-7 at or
// above the cervical detection threshold, and larger than the axial separation.
TEST(Calibration, CervicalPosteriorSeparationAt30PoundsAnd15Degrees) {
  TwinModel m;
  m.setup = hal::Region::Cervical;
  ProbeProtocol p;
  p.force_n = 13.6 * 9.80665;
  p.angle_deg = 15.0;
  p.ramp_s = 20.0;
  p.hold_s = 300.0;
  const ProbeReport r = run_probe(m, p);
  for (int i = 0; i < 5; ++i) {
    EXPECT_GE(r.levels[i].posterior_separation_mm, kCervicalDetectableMm) << r.levels[i].name;
    EXPECT_GT(r.levels[i].posterior_separation_mm, r.levels[i].separation_mm) << r.levels[i].name;
  }
}

// DESIGN.md section 4, cervical [S, secondary]: neutral favours C4/5, about 30 degrees of
// flexion favours C6/7. The flexion moment of the pull grows with each level's distance from
// the halter, so flexion opens the back of the lower levels most, while the axial part falls
// as the pull turns off the upper levels' axes. Tolerance: C6-7's posterior opening is larger
// at 30 than at 0 degrees, C4-5's larger at 0 than at 30 degrees (25 lb, 5 min). Calibrated:
// PatientModel::cervical_c45_axis_deg (neutral) and cervical_moment_share.
TEST(Calibration, CervicalAngleMovesDistractionDownTheNeck) {
  TwinModel m;
  m.setup = hal::Region::Cervical;
  ProbeProtocol p;
  p.force_n = 25.0 * kNewtonsPerLbf;
  p.ramp_s = 20.0;
  p.hold_s = 300.0;
  p.angle_deg = 0.0;
  const ProbeReport neutral = run_probe(m, p);
  p.angle_deg = 30.0;
  const ProbeReport flexed = run_probe(m, p);
  EXPECT_GT(flexed.levels[4].posterior_separation_mm, neutral.levels[4].posterior_separation_mm);
  EXPECT_GT(neutral.levels[2].posterior_separation_mm, flexed.levels[2].posterior_separation_mm);
}

// VAX-D patent US 6,039,737 [S as a patent] and the manufacturers' claim [M]: a slow,
// logarithmic rise avoids the reflex paraspinal contraction that a fast rise provokes.
// Tolerance: to the same 100 lb peak, a 3 s linear ramp drives peak guarding at least 0.4 units
// of strong guarding above a 60 s logarithmic ramp.
TEST(Calibration, FastRampProvokesMoreGuardingThanASlowLogarithmicOne) {
  TwinModel m;
  ProbeProtocol fast;
  fast.force_n = 100.0 * kNewtonsPerLbf;
  fast.ramp_s = 3.0;
  fast.hold_s = 10.0;
  ProbeProtocol slow = fast;
  slow.ramp_s = 60.0;
  slow.ramp_shape = RampShape::Logarithmic;
  const ProbeReport a = run_probe(m, fast);
  const ProbeReport b = run_probe(m, slow);
  EXPECT_GT(guard_units(m, a.peak_muscle_activation), guard_units(m, b.peak_muscle_activation) + 0.4);
}

// Issue 3, conditions: a fused level does not separate. Issue 12: under force-controlled
// traction a serial chain is statically determinate, so the fusion hands its neighbours no extra
// force (the old model's 1.3x share contradicted this). Tolerance: fused L4-5 separation
// exactly 0; L3-4 and L5-S1 within 2% of the reference patient's separation at the same dose
// (only the slack the fused disc no longer creeps differs); the hardware carries the pull's
// force and moment (implant stress > 0.3).
TEST(Calibration, AFusedLevelDoesNotSeparate) {
  TwinModel reference;
  TwinModel fused;
  fused.patient.lumbar[kL45].fused = true;
  const double f_n = 0.5 * body_weight_n(reference);
  const ProbeReport a = lumbar_dose(reference, f_n, 120.0);
  const ProbeReport b = lumbar_dose(fused, f_n, 120.0);
  EXPECT_EQ(b.levels[kL45].separation_mm, 0.0);
  for (int i : {kL45 - 1, kL5S1}) {
    EXPECT_NEAR(b.levels[i].separation_mm, a.levels[i].separation_mm, 0.02 * a.levels[i].separation_mm)
        << a.levels[i].name;
  }
  EXPECT_GT(b.implant_stress, 0.3);
}

// Issue 3 and DESIGN.md contraindications [S/P]: advanced osteoporosis; the fracture risk
// grows with force. Tolerance: strictly increasing over 30, 60, 100, 150 lb for bone at 35%
// strength, and at 100 lb at least ten times the normal-bone risk.
TEST(Calibration, OsteoporoticFractureRiskRisesWithForce) {
  TwinModel normal;
  TwinModel osteo;
  osteo.patient.conditions.bone_strength = 0.35;
  double previous = -1.0;
  for (double lb : {30.0, 60.0, 100.0, 150.0}) {
    const double risk = lumbar_dose(osteo, lb * kNewtonsPerLbf, 10.0).fracture_risk;
    EXPECT_GT(risk, previous) << lb << " lb";
    previous = risk;
  }
  const double osteo100 = lumbar_dose(osteo, 100.0 * kNewtonsPerLbf, 10.0).fracture_risk;
  const double normal100 = lumbar_dose(normal, 100.0 * kNewtonsPerLbf, 10.0).fracture_risk;
  EXPECT_GT(osteo100, 10.0 * normal100);
}

// Wilke 1999 (L4-5, 70 kg) [S]: 0.10 MPa lying. Tolerance: a relaxed patient on the table
// with no pull reads 0.10 MPa (750 mmHg) within 1% at L4-5.
TEST(Calibration, RelaxedLyingL45PressureIsWilkes010Mpa) {
  TwinModel m;
  ProbeProtocol p;
  p.force_n = 0.0;
  p.ramp_s = 0.0;
  p.hold_s = 30.0;
  const ProbeReport r = run_probe(m, p);
  EXPECT_NEAR(r.levels[kL45].pressure_mpa * kMmHgPerMpa, 0.10 * kMmHgPerMpa, 0.01 * 750.0);
}

// DESIGN.md section 4 [S]: the response to distraction in a session shows minutes-scale
// creep. Tolerance: at 50% BW the L4-5 separation keeps growing after the ramp by at least
// 0.1 mm, and reaches 63% of its 30-minute growth between 2 and 10 minutes into the hold.
TEST(Calibration, SeparationCreepsOverMinutes) {
  TwinModel m;
  ProbeProtocol p;
  p.force_n = 0.5 * body_weight_n(m);
  p.ramp_s = 30.0;
  p.hold_s = 0.0;
  TwinState s;
  const double start_mm = run_probe(m, p, &s).levels[kL45].separation_mm;
  p.ramp_s = 0.0;
  p.hold_s = 60.0;
  double t63_min = -1.0;
  double at_min[31] = {start_mm};
  for (int minute = 1; minute <= 30; ++minute) at_min[minute] = run_probe_on(m, p, s).levels[kL45].separation_mm;
  const double growth_mm = at_min[30] - start_mm;
  EXPECT_GE(growth_mm, 0.1);
  for (int minute = 1; minute <= 30 && t63_min < 0.0; ++minute) {
    if (at_min[minute] - start_mm >= 0.63 * growth_mm) t63_min = minute;
  }
  EXPECT_GE(t63_min, 2.0);
  EXPECT_LE(t63_min, 10.0);
}

namespace {
ProbeReport cervical_dose(double lb) {
  TwinModel m;
  m.setup = hal::Region::Cervical;
  ProbeProtocol p;
  p.force_n = lb * kNewtonsPerLbf;
  p.angle_deg = 15.0;
  p.ramp_s = 20.0;
  p.hold_s = 300.0;
  return run_probe(m, p);
}
}  // namespace

// DESIGN.md section 4, cervical [M]: measurable change at 25-45 lb. Tolerance: posterior
// separation of C4-5, C5-6 and C6-7 at or above the cervical detection threshold at 25, 35 and
// 45 lb (15 degrees, 5 min).
TEST(Calibration, CervicalMeasurableChangeAt25To45Pounds) {
  for (double lb : {25.0, 35.0, 45.0}) {
    const ProbeReport r = cervical_dose(lb);
    for (int i = 2; i <= 4; ++i) {
      EXPECT_GE(r.levels[i].posterior_separation_mm, kCervicalDetectableMm) << lb << " lb, " << r.levels[i].name;
    }
  }
}

// DESIGN.md section 4, cervical [S, secondary]: forces above 30 lb increased discomfort.
// Tolerance: local pain at 40 lb at least 1 point (of 10) above its value at 30 lb, while from
// 25 to 30 lb it changes by less than half a point.
TEST(Calibration, CervicalDiscomfortRisesAbove30Pounds) {
  const double at25 = cervical_dose(25.0).pain_back;
  const double at30 = cervical_dose(30.0).pain_back;
  const double at40 = cervical_dose(40.0).pain_back;
  EXPECT_LT(std::fabs(at30 - at25), 0.5);
  EXPECT_GE(at40, at30 + 1.0);
}

// DESIGN.md section 4 [S]: people lose and regain 1-2 cm of stature a day. Tolerance: a night
// of 8 h in bed after a day upright regains 10..20 mm, and 16 h upright afterwards loses all
// but 2 mm of it again.
TEST(Calibration, StatureComesAndGoesByOneToTwoCentimetresADay) {
  TwinModel m;
  TwinState s = make_state(m);
  advance_off_table(m, s, 8.0 * 3600.0, Posture::LyingInBed);
  const double night_mm = stature_gain_mm(m, s);
  EXPECT_GE(night_mm, 10.0);
  EXPECT_LE(night_mm, 20.0);
  advance_off_table(m, s, 16.0 * 3600.0, Posture::Standing);
  EXPECT_LT(stature_gain_mm(m, s), 2.0);
}
