// The validation table of docs/twin.md (section 5b): one test per reference row of DESIGN.md
// sections 4 and 4b that the twin models, named after the row, so a failure names the row.
//
// Each test states the row's source and the tolerance it allows. The tolerances come from the
// source or DESIGN.md (widened only by the step of a sweep, and said so), never from the
// model's present value. Each test also prints what it measured as one line
//   [validation] ROW: measured ...
// so the table can be re-measured after a physics change:
//   build/native-release/tests/twin/validation_tests | grep '^\[validation\]'
//
// The doses run through the probe's ideal bench force servo (twin/probe.h) on the reference
// patient (70 kg man, relaxed, good harness fit, split table, 15 degrees, 30 s ramp unless a
// row says otherwise), so the firmware is not part of what is validated.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>

#include "hal/units.h"
#include "twin/anatomy.h"
#include "twin/probe.h"
#include "twin/twin.h"
#include "validation_print.h"

using namespace tractus;
using namespace tractus::twin;

namespace {

constexpr double kN = tractus::units::kNewtonsPerLbf;  // newtons per lbf
constexpr double kMmHgPerMpa = tractus::units::kMmHgPerMegapascal;
constexpr int kL45 = 3;
constexpr int kL5S1 = 4;
// "separation" as the imaging studies count it: a model choice [U] stated in docs/twin.md
constexpr double kLumbarDetectableMm = 0.5;
constexpr double kCervicalDetectableMm = 0.3;

double bw_n(const TwinModel& m) { return m.patient.body_mass_kg * 9.80665; }

// guarding above resting tone in units of strong guarding (PatientModel::guard_strong_activation,
// 10% of the extensors' maximal voluntary contraction): the unit the muscle rows are stated in
double guard_units(const TwinModel& m, double activation) {
  return (activation - m.patient.muscle_tone) / m.patient.guard_strong_activation;
}

using twin::testing::measured;

ProbeReport dose(const TwinModel& m, double force_n, double hold_s, bool split = true,
                 double angle_deg = 15.0, double ramp_s = 30.0) {
  ProbeProtocol p;
  p.force_n = force_n;
  p.ramp_s = ramp_s;
  p.hold_s = hold_s;
  p.split = split;
  p.angle_deg = angle_deg;
  return run_probe(m, p);
}

TwinModel cervical() {
  TwinModel m;
  m.setup = hal::Region::Cervical;
  return m;
}

ProbeReport cervical_dose(double force_n, double angle_deg, double hold_s = 300.0) {
  return dose(cervical(), force_n, hold_s, true, angle_deg, 20.0);
}

int most_separated(const ProbeReport& r) {
  int best = 0;
  for (int i = 1; i < r.level_count; ++i) {
    if (r.levels[i].separation_mm > r.levels[best].separation_mm) best = i;
  }
  return best;
}

// the cord tension at which a patient on a locked table first moves: the spine sees force
// once friction gives way. Ramped at 5 N/s from zero; sampled every 10 ms.
struct Breakaway {
  double force_n = -1.0;
};
void watch_breakaway(void* c, double, ProbePhase, double, const ProbeReport& r) {
  Breakaway& b = *static_cast<Breakaway*>(c);
  if (b.force_n < 0.0 && r.spine_force_n > 2.0) b.force_n = r.cord_tension_n;
}
double locked_breakaway_n(const TwinModel& m) {
  ProbeProtocol p;
  p.force_n = 0.4 * bw_n(m);
  p.ramp_s = p.force_n / 5.0;
  p.hold_s = 0.0;
  p.split = false;
  Breakaway b;
  ProbeSession s;
  s.profile = dose_profile(p);
  s.split = false;
  s.sample_every_s = 0.01;
  s.sink = watch_breakaway;
  s.sink_context = &b;
  run_probe_session(m, s);
  return b.force_n;
}

}  // namespace

// [SECTION] Force (DESIGN.md 4, "Force")

// Separation needs about 40-50% BW on a low-friction split table [M/S]. Tolerance: L4-5
// under the 0.5 mm threshold at 38% BW and at or over it at 52% BW (60 s hold): the band
// widened by the 2% step of the sweep. Prediction.
TEST(Validation, F1_SplitTableSeparationStartsAt40To50PercentBW) {
  const TwinModel m;
  double onset = -1.0;
  for (int pct = 36; pct <= 56 && onset < 0.0; pct += 2) {
    if (dose(m, pct / 100.0 * bw_n(m), 60.0).levels[kL45].separation_mm >= kLumbarDetectableMm) onset = pct;
  }
  const double at38 = dose(m, 0.38 * bw_n(m), 60.0).levels[kL45].separation_mm;
  const double at52 = dose(m, 0.52 * bw_n(m), 60.0).levels[kL45].separation_mm;
  measured("F1", "L4-L5 %.2f mm at 38%% BW, %.2f mm at 52%% BW; onset (>= 0.5 mm) at %.0f%% BW", at38,
           at52, onset);
  EXPECT_LT(at38, kLumbarDetectableMm);
  EXPECT_GE(at52, kLumbarDetectableMm);
}

// Body-to-table friction about 0.5, so at least 25% BW goes on friction alone without a split
// table [P]. Tolerance: on a locked table at 15, 20 and 24% BW no level separates (< 0.05 mm)
// and L4-5 stays above 90% of its lying pressure; the patient first moves at 25% +- 2% BW
// (the breakaway). Follows from the inputs (mu 0.5 [P] on 49% BW [U]); not fitted.
TEST(Validation, F2_NoSeparationWithoutTheSplitBelowAQuarterBW) {
  const TwinModel m;
  double worst_mm = 0.0, lowest_mmhg = 1e9;
  for (double f : {0.15, 0.20, 0.24}) {
    const ProbeReport r = dose(m, f * bw_n(m), 60.0, false);
    for (int i = 0; i < r.level_count; ++i) worst_mm = std::fmax(worst_mm, r.levels[i].separation_mm);
    lowest_mmhg = std::fmin(lowest_mmhg, r.levels[kL45].pressure_mpa * kMmHgPerMpa);
  }
  const double breakaway_bw = locked_breakaway_n(m) / bw_n(m);
  measured("F2", "locked 15-24%% BW: most separation %.3f mm, lowest L4-L5 %.0f mmHg; breakaway at %.3f BW",
           worst_mm, lowest_mmhg, breakaway_bw);
  EXPECT_LT(worst_mm, 0.05);
  EXPECT_GT(lowest_mmhg, 0.9 * 750.0);
  EXPECT_NEAR(breakaway_bw, 0.25, 0.02);
}

// The lower body is about 49% of BW (Judovich) [U]. Tolerance: the locked-table breakaway,
// divided by the friction coefficient 0.5, is 0.49 +- 0.02 BW: the mass the cord must drag.
// Model input (lower_body_fraction), checked through its effect.
TEST(Validation, F3_TheLowerBodyIsAbout49PercentBW) {
  const TwinModel m;
  const double dragged = locked_breakaway_n(m) / (m.patient.body_table_friction * bw_n(m));
  measured("F3", "breakaway / (0.5 BW) = %.3f (lower_body_fraction %.2f)", dragged,
           m.patient.lower_body_fraction);
  EXPECT_NEAR(dragged, 0.49, 0.02);
}

// Lumbar pull angle by target level: L5-S1 about 10, L4-5 15, L3-4 20, L2-3 25 degrees [U].
// Tolerance: at each angle the listed level or a neighbour separates most (one level, the
// resolution of an unverified table); L5-S1 leads at 10 degrees exactly. Calibrated at 10
// degrees (lumbar_top_axis_deg); the other three angles are predictions.
TEST(Validation, F4_PullAngleFavoursTheLevelOfTheAngleTable) {
  const TwinModel m;
  const struct { double angle_deg; int level; } rows[] = {{10.0, 4}, {15.0, 3}, {20.0, 2}, {25.0, 1}};
  const char* leaders[4] = {};
  for (int k = 0; k < 4; ++k) {
    const ProbeReport r = dose(m, 0.5 * bw_n(m), 60.0, true, rows[k].angle_deg);
    const int best = most_separated(r);
    leaders[k] = m.patient.lumbar[best].name;
    EXPECT_LE(std::abs(best - rows[k].level), 1) << rows[k].angle_deg << " deg: " << leaders[k];
    if (k == 0) {
      EXPECT_EQ(best, kL5S1);
    }
  }
  measured("F4", "most separated at 10/15/20/25 deg: %s, %s, %s, %s", leaders[0], leaders[1],
           leaders[2], leaders[3]);
}

// Cervical: no mid or lower separation below 20 lb [M]. Tolerance: at 18 lb, 15 degrees,
// 5 min, C4-5 .. C7-T1 under the 0.3 mm cervical threshold. Prediction.
TEST(Validation, C1_CervicalNoMidOrLowerSeparationBelow20Pounds) {
  const ProbeReport r = cervical_dose(18.0 * kN, 15.0);
  double most = 0.0;
  for (int i = 2; i < 6; ++i) {
    most = std::fmax(most, r.levels[i].separation_mm);
    EXPECT_LT(r.levels[i].separation_mm, kCervicalDetectableMm) << r.levels[i].name;
  }
  measured("C1", "C4-C5..C7-T1 at 18 lb: at most %.3f mm", most);
}

// Cervical: measurable change at 25-45 lb [M]. Tolerance: posterior C4-5, C5-6 and C6-7 at or
// over 0.3 mm at 25, 35 and 45 lb (15 degrees, 5 min). Prediction.
TEST(Validation, C2_CervicalMeasurableChangeAt25To45Pounds) {
  double least = 1e9;
  for (double lb : {25.0, 35.0, 45.0}) {
    const ProbeReport r = cervical_dose(lb * kN, 15.0);
    for (int i = 2; i <= 4; ++i) {
      least = std::fmin(least, r.levels[i].posterior_separation_mm);
      EXPECT_GE(r.levels[i].posterior_separation_mm, kCervicalDetectableMm) << lb << " lb " << r.levels[i].name;
    }
  }
  measured("C2", "posterior C4-C5..C6-C7 at 25/35/45 lb: at least %.2f mm", least);
}

// Cervical: 13.6 kg for 5 min at 15 degrees of flexion, supine, separated C2-C7 posteriorly
// [S]. Tolerance: posterior separation of C2-3 .. C6-7 at or over 0.3 mm and above the axial
// value. Calibrated (cervical_moment_share).
TEST(Validation, C3_CervicalPosteriorSeparationAt13_6KgAnd15Degrees) {
  const ProbeReport r = cervical_dose(13.6 * 9.80665, 15.0);
  double least = 1e9, most = 0.0;
  for (int i = 0; i < 5; ++i) {
    least = std::fmin(least, r.levels[i].posterior_separation_mm);
    most = std::fmax(most, r.levels[i].posterior_separation_mm);
    EXPECT_GE(r.levels[i].posterior_separation_mm, kCervicalDetectableMm) << r.levels[i].name;
    EXPECT_GT(r.levels[i].posterior_separation_mm, r.levels[i].separation_mm) << r.levels[i].name;
  }
  measured("C3", "posterior C2-C3..C6-C7: %.2f-%.2f mm", least, most);
}

// Cervical: forces above 30 lb increased discomfort [S, secondary]. Tolerance: local pain at
// 40 lb at least 1 point (of 10) above 30 lb; 25 to 30 lb changes it by less than 0.5.
// Prediction.
TEST(Validation, C4_CervicalDiscomfortRisesAbove30Pounds) {
  const double p25 = cervical_dose(25.0 * kN, 15.0, 60.0).pain_back;
  const double p30 = cervical_dose(30.0 * kN, 15.0, 60.0).pain_back;
  const double p40 = cervical_dose(40.0 * kN, 15.0, 60.0).pain_back;
  measured("C4", "local pain %.1f, %.1f, %.1f at 25, 30, 40 lb", p25, p30, p40);
  EXPECT_GE(p40, p30 + 1.0);
  EXPECT_LT(std::fabs(p30 - p25), 0.5);
}

// Cervical: neutral favours C4/5, about 30 degrees of flexion favours C6/7 [S, secondary].
// Tolerance: C6-7's posterior opening larger at 30 than at 0 degrees, C4-5's larger at 0 than
// at 30 degrees (25 lb, 5 min). Calibrated (cervical_c45_axis_deg, cervical_moment_share).
TEST(Validation, C5_CervicalNeutralFavoursC45AndFlexionC67) {
  const ProbeReport neutral = cervical_dose(25.0 * kN, 0.0);
  const ProbeReport flexed = cervical_dose(25.0 * kN, 30.0);
  measured("C5", "posterior C4-C5 %.2f -> %.2f mm, C6-C7 %.2f -> %.2f mm (0 -> 30 deg)",
           neutral.levels[2].posterior_separation_mm, flexed.levels[2].posterior_separation_mm,
           neutral.levels[4].posterior_separation_mm, flexed.levels[4].posterior_separation_mm);
  EXPECT_GT(flexed.levels[4].posterior_separation_mm, neutral.levels[4].posterior_separation_mm);
  EXPECT_GT(neutral.levels[2].posterior_separation_mm, flexed.levels[2].posterior_separation_mm);
}

// [SECTION] Intradiscal pressure (DESIGN.md 4)

// Wilke 1999, L4-5, 70 kg, lying 0.10 MPa [S]. Tolerance: 750 mmHg within 1% with no pull.
// Calibrated (the lying pressure and preload define the nucleus's effective area).
TEST(Validation, P1_LyingL45PressureIsWilkes010Mpa) {
  const double mmhg = dose(TwinModel{}, 0.0, 30.0, true, 15.0, 0.0).levels[kL45].pressure_mpa * kMmHgPerMpa;
  measured("P1", "L4-L5 %.1f mmHg (%.3f MPa) lying, no pull", mmhg, mmhg / kMmHgPerMpa);
  EXPECT_NEAR(mmhg, 0.10 * kMmHgPerMpa, 0.01 * 750.0);
}

// Wilke 1999: overnight the lying pressure rises from 0.10 to 0.24 MPa [S]. Tolerance: 0.10
// MPa within 1% on arrival; 0.24 +- 0.04 MPa after 8 h in bed. Calibrated
// (overnight_swelling_mpa).
TEST(Validation, P2_LyingPressureRisesOvernightTo024Mpa) {
  const TwinModel m;
  TwinState s = make_state(m);
  advance_off_table(m, s, 60.0, Posture::LyingInBed);
  const double arrival = s.patient.lumbar[kL45].pressure_mpa;
  advance_off_table(m, s, 8.0 * 3600.0, Posture::LyingInBed);
  const double morning = s.patient.lumbar[kL45].pressure_mpa;
  measured("P2", "L4-L5 %.3f MPa on arrival, %.3f MPa after 8 h in bed", arrival, morning);
  EXPECT_NEAR(arrival, 0.10, 0.001);
  EXPECT_NEAR(morning, 0.24, 0.04);
}

// Ramos & Martin 1994 [S], one reading [P]: the pressure turns negative at about 35-40 lb.
// Tolerance: the crossing lies in 34..41 lb (the band widened by the 1 lb step of the sweep).
// Calibrated (the lumbar preload P0).
TEST(Validation, P3_L45PressureTurnsNegativeAt35To40Pounds) {
  const TwinModel m;
  double crossing = -1.0, at35 = 0.0, at40 = 0.0;
  for (double lb = 30.0; lb <= 45.0; lb += 1.0) {
    const double p = dose(m, lb * kN, 10.0).levels[kL45].pressure_mpa * kMmHgPerMpa;
    if (lb == 35.0) at35 = p;
    if (lb == 40.0) at40 = p;
    if (crossing < 0.0 && p < 0.0) crossing = lb;
  }
  measured("P3", "L4-L5 %+.0f mmHg at 35 lb, %+.0f mmHg at 40 lb; first negative at %.0f lb", at35,
           at40, crossing);
  EXPECT_GE(crossing, 34.0);
  EXPECT_LE(crossing, 41.0);
}

// Ramos & Martin 1994 [S]: below -100 mmHg in the upper tension range, relaxed. Tolerance:
// below -100 and above -200 mmHg at 70, 80 and 90 lb, guarding under 0.05 units of strong
// guarding above tone (relaxed).
// Calibrated (suction_max_mmhg and suction_force_n).
TEST(Validation, P4_L45PressureBelowMinus100MmHgInTheUpperRange) {
  const TwinModel m;
  double p[3];
  const double lbs[3] = {70.0, 80.0, 90.0};
  for (int k = 0; k < 3; ++k) {
    const ProbeReport r = dose(m, lbs[k] * kN, 30.0);
    p[k] = r.levels[kL45].pressure_mpa * kMmHgPerMpa;
    EXPECT_LT(p[k], -100.0) << lbs[k];
    EXPECT_GT(p[k], -200.0) << lbs[k];
    EXPECT_LT(guard_units(m, r.muscle_activation), 0.05) << lbs[k];
  }
  measured("P4", "L4-L5 %.0f, %.0f, %.0f mmHg at 70, 80, 90 lb", p[0], p[1], p[2]);
}

// One reading of Ramos & Martin [P]: the pressure rises again above about 80-100 lb, which
// guarding would explain. Tolerance: at 150 lb at least 100 mmHg above its 90 lb value, with
// the muscles guarding (at least a quarter of strong guarding above tone). Calibrated (the
// protective guarding term above 0.58 BW, guard_force_gain_per_bw).
TEST(Validation, P5_L45PressureRisesAgainWhenPushedHigh) {
  const TwinModel m;
  const ProbeReport at90 = dose(m, 90.0 * kN, 30.0);
  const ProbeReport at150 = dose(m, 150.0 * kN, 30.0);
  const double guard = guard_units(m, at150.muscle_activation);
  measured("P5", "L4-L5 %.0f mmHg at 90 lb, %.0f mmHg at 150 lb (guarding %.2f units of strong guarding)",
           at90.levels[kL45].pressure_mpa * kMmHgPerMpa, at150.levels[kL45].pressure_mpa * kMmHgPerMpa, guard);
  EXPECT_GT(at150.levels[kL45].pressure_mpa * kMmHgPerMpa, at90.levels[kL45].pressure_mpa * kMmHgPerMpa + 100.0);
  EXPECT_GT(guard, 0.25);
}

// [SECTION] Distraction, creep and stature (DESIGN.md 4)

// 42 min at 0, 30 and 60% BW gave stature gains of 6.09, 5.70 and 7.01 mm; the 60% condition
// pulled ahead after about 21 min; the gain faded within about 1 h [S]. The study's table is
// taken as a conventional one (its 30% result, no better than 0%, implies it). Tolerance: 0%
// within 10% of 6.09 mm; 30% within 0.5 mm of 0% (the study's scatter between conditions);
// 60% ahead of 0% by 0.4-1.5 mm at 42 min and by less at 21 min; under 15% of each gain left
// after 1 h standing. Calibrated (the two hydration compartments) at 0%; 30%, 60% and the fade
// are predictions.
TEST(Validation, S1_StatureGainAfter42MinutesAt0To60PercentBW) {
  const TwinModel m;
  double g21[3], g42[3], left[3];
  const double f[3] = {0.0, 0.30, 0.60};
  for (int i = 0; i < 3; ++i) {
    ProbeProtocol p;
    p.force_n = f[i] * bw_n(m);
    p.split = false;
    p.ramp_s = 30.0;
    p.hold_s = 21.0 * 60.0 - 30.0;
    TwinState s;
    g21[i] = run_probe(m, p, &s).stature_gain_mm;
    p.ramp_s = 0.0;
    p.hold_s = 21.0 * 60.0;
    g42[i] = run_probe_on(m, p, s).stature_gain_mm;
    advance_off_table(m, s, 3600.0);
    left[i] = stature_gain_mm(m, s);
  }
  measured("S1", "%.2f / %.2f / %.2f mm at 0/30/60%% BW; 60%% lead %.2f mm at 21 min, %.2f mm at 42 min; "
           "after 1 h standing %.2f / %.2f / %.2f mm",
           g42[0], g42[1], g42[2], g21[2] - g21[0], g42[2] - g42[0], left[0], left[1], left[2]);
  EXPECT_NEAR(g42[0], 6.09, 0.61);
  EXPECT_NEAR(g42[1], g42[0], 0.5);
  EXPECT_GE(g42[2] - g42[0], 0.4);
  EXPECT_LE(g42[2] - g42[0], 1.5);
  EXPECT_LT(g21[2] - g21[0], g42[2] - g42[0]);
  for (int i = 0; i < 3; ++i) EXPECT_LT(left[i], 0.15 * g42[i]) << f[i];
}

// About 1 mm of L5-S1 separation in one session on fluoroscopy [M]. Tolerance: 0.5-2 mm at
// 50% BW, 10 degrees, 1 min ramp and 20 min hold (the order of 1 mm); L5-S1 opens most.
// Prediction.
TEST(Validation, S2_L5S1SeparatesAboutOneMillimetreInASession) {
  const TwinModel m;
  const ProbeReport r = dose(m, 0.5 * bw_n(m), 1200.0, true, 10.0, 60.0);
  measured("S2", "L5-S1 %.2f mm (L4-L5 %.2f, L1-L2 %.2f)", r.levels[kL5S1].separation_mm,
           r.levels[kL45].separation_mm, r.levels[0].separation_mm);
  EXPECT_GE(r.levels[kL5S1].separation_mm, 0.5);
  EXPECT_LE(r.levels[kL5S1].separation_mm, 2.0);
  EXPECT_EQ(most_separated(r), kL5S1);
}

// Disc creep under compression has time constants of hours [S]. Tolerance: a time constant
// of at least an hour: standing after a night in bed, under 63% of the 16 h loss is gone after
// the first hour, and more than half of it after 8 hours. Prediction: the slow compartment's
// upright time constant (2.75 h) was set inside the window this row and S1's fade leave
// together (S1's fade needs it below about 3.3 h), not fitted to either value.
TEST(Validation, S3_CompressionCreepTakesHours) {
  const TwinModel m;
  TwinState s = make_state(m);
  advance_off_table(m, s, 8.0 * 3600.0, Posture::LyingInBed);
  const double night = stature_gain_mm(m, s);
  advance_off_table(m, s, 3600.0, Posture::Standing);
  const double after1 = stature_gain_mm(m, s);
  advance_off_table(m, s, 7.0 * 3600.0, Posture::Standing);
  const double after8 = stature_gain_mm(m, s);
  advance_off_table(m, s, 8.0 * 3600.0, Posture::Standing);
  const double after16 = stature_gain_mm(m, s);
  const double loss16 = night - after16;
  measured("S3", "of the %.1f mm lost in 16 h upright: %.0f%% after 1 h, %.0f%% after 8 h", loss16,
           100.0 * (night - after1) / loss16, 100.0 * (night - after8) / loss16);
  EXPECT_LT(night - after1, 0.63 * loss16);
  EXPECT_GT(night - after8, 0.5 * loss16);
}

// The response to distraction in a session shows minutes-scale creep [S]. Tolerance: at 50%
// BW the L4-5 separation grows by at least 0.1 mm after the ramp and reaches 63% of its
// 30-minute growth between 2 and 10 minutes into the hold. Calibrated (creep_tau_s).
TEST(Validation, S4_DistractionCreepsOverMinutes) {
  const TwinModel m;
  ProbeProtocol p;
  p.force_n = 0.5 * bw_n(m);
  p.ramp_s = 30.0;
  p.hold_s = 0.0;
  TwinState s;
  const double start = run_probe(m, p, &s).levels[kL45].separation_mm;
  p.ramp_s = 0.0;
  p.hold_s = 60.0;
  double at[31] = {start};
  for (int k = 1; k <= 30; ++k) at[k] = run_probe_on(m, p, s).levels[kL45].separation_mm;
  const double growth = at[30] - start;
  int t63 = -1;
  for (int k = 1; k <= 30 && t63 < 0; ++k) {
    if (at[k] - start >= 0.63 * growth) t63 = k;
  }
  measured("S4", "L4-L5 grows %.2f mm over 30 min; 63%% of it by minute %d", growth, t63);
  EXPECT_GE(growth, 0.1);
  EXPECT_GE(t63, 2);
  EXPECT_LE(t63, 10);
}

// People lose and regain 1-2 cm of stature a day [S]. Tolerance: 8 h in bed regains 10-20 mm;
// the next 16 h upright leave less than 2 mm. Calibrated (the slow compartment).
TEST(Validation, S5_StatureComesAndGoesByOneToTwoCentimetresADay) {
  const TwinModel m;
  TwinState s = make_state(m);
  advance_off_table(m, s, 8.0 * 3600.0, Posture::LyingInBed);
  const double night = stature_gain_mm(m, s);
  advance_off_table(m, s, 16.0 * 3600.0, Posture::Standing);
  const double day = stature_gain_mm(m, s);
  measured("S5", "%.2f mm regained in 8 h in bed, %.2f mm left after 16 h upright", night, day);
  EXPECT_GE(night, 10.0);
  EXPECT_LE(night, 20.0);
  EXPECT_LT(day, 2.0);
}

// [SECTION] Muscle guarding (DESIGN.md 4)

// Slow, logarithmic ramps avoid the reflex paraspinal contraction a fast rise provokes (VAX-D
// US 6,039,737 [S as a patent], the manufacturers' claim [M]). Tolerance: to the same 100 lb
// peak, a 3 s linear ramp drives peak guarding at least 0.4 units of strong guarding above a
// 60 s logarithmic ramp.
// Calibrated (the rate threshold, 0.04 BW/s).
TEST(Validation, G1_ASlowLogarithmicRampGuardsLessThanAFastOne) {
  const TwinModel m;
  ProbeProtocol fast;
  fast.force_n = 100.0 * kN;
  fast.ramp_s = 3.0;
  fast.hold_s = 10.0;
  ProbeProtocol slow = fast;
  slow.ramp_s = 60.0;
  slow.ramp_shape = RampShape::Logarithmic;
  const double a = guard_units(m, run_probe(m, fast).peak_muscle_activation);
  const double b = guard_units(m, run_probe(m, slow).peak_muscle_activation);
  measured("G1", "peak guarding %.2f (3 s linear) against %.2f (60 s logarithmic) units of strong guarding",
           a, b);
  EXPECT_GT(a, b + 0.4);
}

// Guarding compresses the segments and shows at the load cell as fluctuation (DESIGN.md 4,
// the model to build [M, S]). Tolerance: an anxious patient (baseline 0.9) at 80 lb reads at
// least 50 mmHg more at L4-5 and at least 0.1 mm less separation than a relaxed one; the cord
// tension's standard deviation over the hold is at least 3 times the load cell's own noise
// (0.3 N rms, TableModel::load_cell_noise_n), so the fluctuation stands out at the load cell.
// Prediction.
namespace {
struct Spread {
  double n = 0.0, sum = 0.0, sum2 = 0.0;
};
void spread_of_cord(void* c, double t_s, ProbePhase, double, const ProbeReport& r) {
  Spread& s = *static_cast<Spread*>(c);
  if (t_s < 40.0) return;  // the hold only
  s.n += 1.0;
  s.sum += r.cord_tension_n;
  s.sum2 += r.cord_tension_n * r.cord_tension_n;
}
double cord_sd_n(const TwinModel& m, const ProbeProtocol& p) {
  Spread sp;
  ProbeSession s;
  s.profile = dose_profile(p);
  s.sample_every_s = 0.01;
  s.sink = spread_of_cord;
  s.sink_context = &sp;
  run_probe_session(m, s);
  const double mean = sp.sum / sp.n;
  return std::sqrt(std::fmax(0.0, sp.sum2 / sp.n - mean * mean));
}
}  // namespace
TEST(Validation, G2_GuardingCompressesTheSegmentsAndShowsAtTheLoadCell) {
  const TwinModel relaxed;
  TwinModel anxious;
  anxious.patient.anxiety_baseline = 0.9;
  const ProbeReport a = dose(relaxed, 80.0 * kN, 60.0);
  const ProbeReport b = dose(anxious, 80.0 * kN, 60.0);
  ProbeProtocol p;
  p.force_n = 80.0 * kN;
  p.hold_s = 60.0;
  const double sd_a = cord_sd_n(relaxed, p);
  const double sd_b = cord_sd_n(anxious, p);
  measured("G2", "anxious vs relaxed at 80 lb: L4-L5 %+.0f mmHg, %+.2f mm; cord sd %.2f N (relaxed %.2f N)",
           b.levels[kL45].pressure_mpa * kMmHgPerMpa - a.levels[kL45].pressure_mpa * kMmHgPerMpa,
           b.levels[kL45].separation_mm - a.levels[kL45].separation_mm, sd_b, sd_a);
  EXPECT_GE(b.levels[kL45].pressure_mpa * kMmHgPerMpa, a.levels[kL45].pressure_mpa * kMmHgPerMpa + 50.0);
  EXPECT_LE(b.levels[kL45].separation_mm, a.levels[kL45].separation_mm - 0.1);
  EXPECT_GE(sd_b, 3.0 * relaxed.table.load_cell_noise_n);
}

// [SECTION] Courses of care and contraindications (DESIGN.md 4)

// Mild soreness that passes in a day or two is normal (the seed articles). Tolerance: the
// soreness a 30-minute 50% BW session leaves is under 20% of itself after two days upright.
// Prediction (soreness_tau_s is one day [U]).
TEST(Validation, K1_SorenessPassesInADayOrTwo) {
  const TwinModel m;
  ProbeProtocol p;
  p.force_n = 0.5 * bw_n(m);
  p.hold_s = 1770.0;  // with the 30 s ramp, 30 minutes
  TwinState s;
  const double after = run_probe(m, p, &s).soreness;
  advance_off_table(m, s, 2.0 * 86400.0);
  measured("K1", "soreness %.2f after the session, %.2f two days later", after, s.patient.soreness);
  EXPECT_GT(after, 0.0);
  EXPECT_LT(s.patient.soreness, 0.2 * after);
}

// Advanced osteoporosis is a contraindication [S/P]: the fracture risk grows with force.
// Tolerance: strictly rising over 30, 60, 100 and 150 lb at 35% bone strength; at 100 lb at
// least 10 times the normal-bone risk. Prediction (an assumed Weibull law [U]).
TEST(Validation, K2_OsteoporoticFractureRiskRisesWithForce) {
  TwinModel osteo;
  osteo.patient.conditions.bone_strength = 0.35;
  double risk[4];
  const double lbs[4] = {30.0, 60.0, 100.0, 150.0};
  for (int k = 0; k < 4; ++k) {
    risk[k] = dose(osteo, lbs[k] * kN, 10.0).fracture_risk;
    if (k > 0) {
      EXPECT_GT(risk[k], risk[k - 1]) << lbs[k];
    }
  }
  const double normal100 = dose(TwinModel{}, 100.0 * kN, 10.0).fracture_risk;
  measured("K2", "risk %.1e, %.1e, %.1e, %.1e at 30/60/100/150 lb; normal bone %.1e at 100 lb", risk[0],
           risk[1], risk[2], risk[3], normal100);
  EXPECT_GT(risk[2], 10.0 * normal100);
}

// Spinal implant or fusion hardware is a contraindication [S/P]; a fused level does not
// separate and, in a serial chain under force control, hands its neighbours nothing (issue 12).
// Tolerance: fused L4-5 exactly 0 mm; L3-4 and L5-S1 within 2% of the reference; implant
// stress above 0.3 at 50% BW. Prediction.
TEST(Validation, K3_AFusedLevelDoesNotSeparateAndLoadsItsHardware) {
  const TwinModel reference;
  TwinModel fused;
  fused.patient.lumbar[kL45].fused = true;
  const ProbeReport a = dose(reference, 0.5 * bw_n(reference), 120.0);
  const ProbeReport b = dose(fused, 0.5 * bw_n(reference), 120.0);
  measured("K3", "fused L4-L5 %.3f mm; L3-L4 %.3f vs %.3f mm, L5-S1 %.3f vs %.3f mm; implant stress %.2f",
           b.levels[kL45].separation_mm, b.levels[2].separation_mm, a.levels[2].separation_mm,
           b.levels[kL5S1].separation_mm, a.levels[kL5S1].separation_mm, b.implant_stress);
  EXPECT_EQ(b.levels[kL45].separation_mm, 0.0);
  for (int i : {2, kL5S1}) {
    EXPECT_NEAR(b.levels[i].separation_mm, a.levels[i].separation_mm, 0.02 * a.levels[i].separation_mm);
  }
  EXPECT_GT(b.implant_stress, 0.3);
}

// [SECTION] Spine geometry (DESIGN.md 4b)

// Panjabi 1992 (Spine 17:299), L1-L5 means [S]: upper endplate width, posterior body height,
// canal width and depth, pedicle width. Tolerance: each figure to the digit the paper gives
// (half a unit of its last digit). Source data.
TEST(Validation, A1_LumbarDimensionsArePanjabi1992s) {
  const double width[5] = {41.2, 42.6, 44.1, 46.6, 47.3};
  const double height[5] = {23.8, 24.3, 23.8, 24.1, 22.9};
  const double canal_w[5] = {23.7, 23.8, 24.3, 25.4, 27.1};
  const double canal_d[5] = {19.0, 18.2, 17.5, 18.6, 19.7};
  const double pedicle[5] = {8.6, 8.25, 10.15, 14.05, 18.6};
  double worst = 0.0;
  for (int i = 0; i < 5; ++i) {
    const anatomy::LevelGeometry& g = anatomy::lumbar_reference(i);
    const double d[5] = {g.endplate_width_mm - width[i], g.body_height_mm - height[i],
                         g.canal_width_mm - canal_w[i], g.canal_depth_mm - canal_d[i],
                         g.pedicle_width_mm - pedicle[i]};
    for (double x : d) worst = std::fmax(worst, std::fabs(x));
    EXPECT_NEAR(g.endplate_width_mm, width[i], 0.05) << i;
    EXPECT_NEAR(g.body_height_mm, height[i], 0.05) << i;
    EXPECT_NEAR(g.canal_width_mm, canal_w[i], 0.05) << i;
    EXPECT_NEAR(g.canal_depth_mm, canal_d[i], 0.05) << i;
    EXPECT_NEAR(g.pedicle_width_mm, pedicle[i], 0.005) << i;
  }
  measured("A1", "largest difference from the table %.3f mm", worst);
}

// Pedicle width, Zindrick 1987 [S]: 8.7, 8.9, 10.3, 12.9, 18.0 mm. Tolerance: within 1.2 mm
// (the two studies differ by up to 1.15 mm at L4). Source data (Panjabi's are used).
TEST(Validation, A2_PedicleWidthWithinZindrick1987) {
  const double z[5] = {8.7, 8.9, 10.3, 12.9, 18.0};
  double worst = 0.0;
  for (int i = 0; i < 5; ++i) {
    const double d = std::fabs(anatomy::lumbar_reference(i).pedicle_width_mm - z[i]);
    worst = std::fmax(worst, d);
    EXPECT_LE(d, 1.2) << i;
  }
  measured("A2", "largest difference from Zindrick %.2f mm", worst);
}

// Disc height L1/2 .. L5/S1, CT of 700 adults (Shin 2024) [S]: 6.6, 7.9, 8.8, 9.3, 8.1 mm.
// Tolerance: to the digit given. Source data.
TEST(Validation, A3_DiscHeightsAreShin2024s) {
  const double h[5] = {6.6, 7.9, 8.8, 9.3, 8.1};
  for (int i = 0; i < 5; ++i) EXPECT_NEAR(anatomy::lumbar_reference(i).disc_height_mm, h[i], 0.05) << i;
  measured("A3", "%.1f, %.1f, %.1f, %.1f, %.1f mm", anatomy::lumbar_reference(0).disc_height_mm,
           anatomy::lumbar_reference(1).disc_height_mm, anatomy::lumbar_reference(2).disc_height_mm,
           anatomy::lumbar_reference(3).disc_height_mm, anatomy::lumbar_reference(4).disc_height_mm);
}

// Endplate depth and pedicle height from body height h (a published regression used by open
// lumbar shape models) [U]: depth 1.2326 h + 2.838, pedicle height 0.5528 h + 2.049.
// Tolerance: within 0.05 mm of the regression at each level's body height. Source data.
TEST(Validation, A4_EndplateDepthAndPedicleHeightFollowTheRegression) {
  double worst = 0.0;
  for (int i = 0; i < 5; ++i) {
    const anatomy::LevelGeometry& g = anatomy::lumbar_reference(i);
    const double d1 = g.endplate_depth_mm - (1.2326 * g.body_height_mm + 2.838);
    const double d2 = g.pedicle_height_mm - (0.5528 * g.body_height_mm + 2.049);
    worst = std::fmax(worst, std::fmax(std::fabs(d1), std::fabs(d2)));
    EXPECT_NEAR(d1, 0.0, 0.05) << i;
    EXPECT_NEAR(d2, 0.0, 0.05) << i;
  }
  measured("A4", "largest difference from the regression %.3f mm (L4 depth %.1f mm)", worst,
           anatomy::lumbar_reference(3).endplate_depth_mm);
}

// Segmental lordosis grows caudally, L5-S1 the largest [U until sourced; direction Razzouk
// 2024 [S]]; the total within 30-80 degrees (Hegazy 2014 [S]). Tolerance: each disc's wedge,
// legs straight, at least the one above; the sum inside 30..80 degrees. Source data.
TEST(Validation, A5_LumbarLordosisGrowsCaudally) {
  double sum = 0.0;
  for (int i = 0; i < 5; ++i) {
    const double w = anatomy::lumbar_reference(i).lordosis_hips_straight_deg;
    sum += w;
    if (i > 0) {
      EXPECT_GE(w, anatomy::lumbar_reference(i - 1).lordosis_hips_straight_deg) << i;
    }
  }
  measured("A5", "L1-L2..L5-S1 wedges sum to %.1f deg, L5-S1 %.1f deg", sum,
           anatomy::lumbar_reference(4).lordosis_hips_straight_deg);
  EXPECT_GE(sum, 30.0);
  EXPECT_LE(sum, 80.0);
}

// Cervical C2-T1 dimensions and lordosis: find and cite [U until sourced]. What is sourced is
// a direction: endplate width and depth grow C3 -> C7 (Korean CT, Spine 2007 32:E376 [S]), and
// C2-C7 lordosis sums to 12.7 degrees (Guo 2018, Cobb [S]). Tolerance: width and depth rise
// from C3-C4 to C6-C7; the C2-C7 wedges sum to 12.7 +- 0.05 degrees. Source data.
TEST(Validation, A6_CervicalEndplatesGrowDownTheNeckAndLordosisIsGuo2018s) {
  double sum = 0.0;
  for (int i = 0; i < 5; ++i) sum += anatomy::cervical_reference(i).lordosis_hips_straight_deg;
  for (int i = 2; i <= 4; ++i) {
    EXPECT_GT(anatomy::cervical_reference(i).endplate_width_mm, anatomy::cervical_reference(i - 1).endplate_width_mm) << i;
    EXPECT_GT(anatomy::cervical_reference(i).endplate_depth_mm, anatomy::cervical_reference(i - 1).endplate_depth_mm) << i;
  }
  measured("A6", "C3-C4 -> C6-C7 width %.1f -> %.1f mm, depth %.1f -> %.1f mm; C2-C7 lordosis %.1f deg",
           anatomy::cervical_reference(1).endplate_width_mm, anatomy::cervical_reference(4).endplate_width_mm,
           anatomy::cervical_reference(1).endplate_depth_mm, anatomy::cervical_reference(4).endplate_depth_mm, sum);
  EXPECT_NEAR(sum, 12.7, 0.05);
}

// Intervertebral centres of rotation lie in the posterior third of the disc, near the lower
// endplate [P]. Tolerance: each lumbar centre in the back third of the depth (2/3 rounded to
// 0.65, the precision of a practitioner's statement) and within
// 3 mm of the lower endplate. Source data.
TEST(Validation, A7_CentresOfRotationInThePosteriorThird) {
  double lo = 1.0, hi = 0.0;
  for (int i = 0; i < 5; ++i) {
    const anatomy::LevelGeometry& g = anatomy::lumbar_reference(i);
    lo = std::fmin(lo, g.rotation_centre_depth_fraction);
    hi = std::fmax(hi, g.rotation_centre_depth_fraction);
    // "the posterior third" to the 0.05 of depth a practitioner's round figure carries
    EXPECT_GE(g.rotation_centre_depth_fraction, 0.65) << i;
    EXPECT_LE(g.rotation_centre_depth_fraction, 1.0) << i;
    EXPECT_LE(std::fabs(g.rotation_centre_height_mm), 3.0) << i;
  }
  measured("A7", "lumbar centres at %.2f-%.2f of the depth from the front", lo, hi);
}

// Foraminal height shrinks in extension and grows in flexion (Inufusa 1996 [S], direction).
// Tolerance: L4-5's foramen is higher at a 25 degree pull (more flexion moment) than at 0
// degrees, and lower under guarding (compression) than relaxed, at the same 60 lb. Prediction.
TEST(Validation, A8_ForamenGrowsInFlexionAndShrinksUnderCompression) {
  const TwinModel relaxed;
  TwinModel guarding;
  guarding.patient.anxiety_baseline = 0.9;
  const double lying = anatomy::lumbar_reference(kL45).foramen_height_mm;
  const double at0 = dose(relaxed, 60.0 * kN, 60.0, true, 0.0).levels[kL45].foraminal_height_mm;
  const double at25 = dose(relaxed, 60.0 * kN, 60.0, true, 25.0).levels[kL45].foraminal_height_mm;
  const double guarded = dose(guarding, 60.0 * kN, 60.0, true, 25.0).levels[kL45].foraminal_height_mm;
  measured("A8", "L4-L5 foramen %.2f mm lying; %.2f mm at 0 deg, %.2f at 25 deg, %.2f guarded at 25 deg",
           lying, at0, at25, guarded);
  EXPECT_GT(at25, at0);
  EXPECT_LT(guarded, at25);
}
