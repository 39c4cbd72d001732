// The paraspinal muscles as a reflex (issue 12, step 5): latency, capacity, habituation, the
// ramp shape, and no collapse-then-suction at high forces. Each test names its source or states
// its tolerance as a model choice.
#include <gtest/gtest.h>

#include <cmath>

#include "hal/units.h"
#include "test_util.h"
#include "twin/probe.h"
#include "twin/twin.h"
#include "validation_print.h"

// the sources give disc pressures in mmHg: the tests read the twin's megapascals in them
constexpr double kMmHgPerMpa = tractus::units::kMmHgPerMegapascal;

using namespace tractus;
using namespace tractus::twin;
using tractus::twin::testing::measured;

namespace {

using tractus::units::kNewtonsPerLbf;
constexpr int kL45 = 3;

double bw_n(const TwinModel& m) { return m.patient.body_mass_kg * 9.80665; }

// guarding above tone in units of strong guarding (10% of MVC)
double guard_units(const TwinModel& m, double activation) {
  return (activation - m.patient.muscle_tone) / m.patient.guard_strong_activation;
}

ProbeProtocol ramp_to(double force_n, double ramp_s, RampShape shape, double hold_s = 5.0) {
  ProbeProtocol p;
  p.force_n = force_n;
  p.ramp_s = ramp_s;
  p.ramp_shape = shape;
  p.hold_s = hold_s;
  return p;
}

// The time from the first tick at which the stretch-rate reflex is provoked to the first tick at
// which the activation rises, for a sudden extra pull on a patient held quietly near the
// comfortable force.
double reflex_delay_s(const TwinModel& m) {
  TwinState s;
  run_probe(m, ramp_to(0.55 * bw_n(m), 60.0, RampShape::Linear, 30.0), &s);
  const double rest = s.patient.muscle_activation;
  const hal::ActuatorFrame jolt = twin::testing::pulling(static_cast<float>(s.motor_command + 0.2));
  double provoked_s = -1.0;
  for (int ms = 1; ms <= 500; ++ms) {
    step(m, s, jolt, 1000);
    if (provoked_s < 0.0 && s.patient.reflex_stimulus > 0.0) provoked_s = 1e-3 * ms;
    if (provoked_s >= 0.0 && s.patient.muscle_activation > rest + 1e-6) return 1e-3 * ms - provoked_s;
  }
  return -1.0;
}

}  // namespace

// Miller et al. 2010 (Clin Biomech 25:541) [S]: paraspinal reflex latency to a sudden trunk
// flexion perturbation 60 ms in men, 48 ms in women. Tolerance: the delay line's 4 ms slots and
// the 1 ms tick, so within 5 ms; nothing moves before it.
TEST(Muscles, TheReflexAnswersAfterItsLatencyShorterInWomen) {
  TwinModel man;
  TwinModel woman;
  woman.patient.female = true;
  const double man_s = reflex_delay_s(man);
  const double woman_s = reflex_delay_s(woman);
  measured("G3", "reflex answers %.0f ms (man), %.0f ms (woman) after the stretch", 1e3 * man_s, 1e3 * woman_s);
  EXPECT_NEAR(man_s, 0.060, 0.005);
  EXPECT_NEAR(woman_s, 0.048, 0.005);
}

// Trunk extensor capacity is in the kilonewton range: 288 N m at MVC (Chaffin et al. 1999,
// males [S, secondary]) over the 5 cm erector spinae lever arm biomechanical models use
// (Gungor 2013 [S]) is 5.76 kN of compression for the 70 kg reference; strength scales with
// body weight (sex differences vanish once normalised to it [S]). Tolerance: 0.1%.
TEST(Muscles, FullContractionCompressesTheChainByKilonewtons) {
  for (double kg : {70.0, 100.0}) {
    TwinModel m;
    m.patient.body_mass_kg = kg;
    TwinState s = make_state(m);
    s.patient.muscle_activation = 1.0;
    step(m, s, twin::testing::pulling(0.0f), 1000);
    const double expected_n = (1.0 - m.patient.muscle_tone) * 288.0 / 0.05 * kg / 70.0;
    measured("G4", "full contraction compresses the chain by %.0f N above tone at %.0f kg", s.patient.muscle_force_n, kg);
    EXPECT_NEAR(s.patient.muscle_force_n, expected_n, 0.002 * expected_n) << kg << " kg";
  }
}

// Issue 12: the old 600 N cap let the pull overpower a guarding patient, so separation
// collapsed and then, at higher forces still, suction returned. With kilonewton capacity the
// guarding keeps pace. Tolerance: from 90 to 200 lb (the device maximum) in 10 lb steps, once
// the L4-5 pressure has started to rise it never falls by more than 10 mmHg, it is positive
// (no suction) from 150 lb on, and the separation at 200 lb is below that at 100 lb.
TEST(Muscles, NoSuctionReturnsAtHighForces) {
  const TwinModel m;
  double previous = -1e9, lowest = 1e9, sep100 = 0.0;
  bool rising = false;
  for (double lb = 90.0; lb <= 200.0; lb += 10.0) {
    const ProbeReport r = run_probe(m, ramp_to(lb * kNewtonsPerLbf, 30.0, RampShape::Linear, 30.0));
    const double p = r.levels[kL45].pressure_mpa * kMmHgPerMpa;
    if (rising) {
      EXPECT_GT(p, previous - 10.0) << lb << " lb";
    }
    if (p > lowest + 10.0) rising = true;
    lowest = std::fmin(lowest, p);
    previous = p;
    if (lb >= 150.0) {
      EXPECT_GT(p, 0.0) << lb << " lb";
    }
    if (lb == 100.0) sep100 = r.levels[kL45].separation_mm;
    if (lb == 90.0 || lb == 150.0 || lb == 200.0) {
      measured("G5", "L4-L5 %.0f mmHg, %.3f mm, axial %.0f N at %.0f lb", p, r.levels[kL45].separation_mm,
               r.levels[kL45].axial_force_n, lb);
    }
    if (lb == 200.0) {
      EXPECT_LT(r.levels[kL45].separation_mm, sep100);
      EXPECT_LT(r.levels[kL45].axial_force_n, 0.0) << "the guarded disc stays compressed";
    }
  }
  EXPECT_TRUE(rising);
}

// VAX-D US 6,039,737 [S as a patent], the manufacturers' claim [M], and issue 12: a logarithmic
// ramp provokes less reflex guarding than a linear ramp of the same duration, because its force
// rate near the peak is lower. Tolerance: to 100 lb (0.65 BW, past the comfortable force but
// short of stretch pain), over 5 and 10 s ramps, the logarithmic ramp's peak guarding is below
// the linear ramp's for each of eight patients who differ only in their tremor's seed, and their
// mean is at least 0.05 units of strong guarding below. The mean is the claim: tremor feeds the
// force rate the reflex answers, so one patient's linear peak moves by up to 0.16 units (5 s)
// and 0.07 (10 s) with the noise drawn. Over the eight the 10 s margin is 0.085 (standard error
// 0.007); an earlier 0.1 bound had been set on a single draw. (From about 15 s on, neither
// ramp's rate near the peak passes the comfortable rate, and both draw only the protective part.)
TEST(Muscles, ALogarithmicRampGuardsLessThanALinearRampOfTheSameDuration) {
  constexpr int kPatients = 8;
  for (double ramp_s : {5.0, 10.0}) {
    double lin_sum = 0.0, log_sum = 0.0;
    for (int i = 0; i < kPatients; ++i) {
      TwinModel m;
      m.patient_seed += static_cast<uint64_t>(i);
      const double lin =
          guard_units(m, run_probe(m, ramp_to(100.0 * kNewtonsPerLbf, ramp_s, RampShape::Linear)).peak_muscle_activation);
      const double log = guard_units(
          m, run_probe(m, ramp_to(100.0 * kNewtonsPerLbf, ramp_s, RampShape::Logarithmic)).peak_muscle_activation);
      EXPECT_LT(log, lin) << ramp_s << " s, patient " << i;
      lin_sum += lin;
      log_sum += log;
    }
    const double lin = lin_sum / kPatients, log = log_sum / kPatients;
    measured("G6", "%.0f s ramps to 100 lb: peak guarding %.2f linear, %.2f logarithmic (mean of %d)", ramp_s, lin, log,
             kPatients);
    EXPECT_LT(log, lin - 0.05) << ramp_s << " s";
  }
}

// Habituation over repeated cycles: the postural response falls over repeated perturbations,
// sharply after the first, then gradually, without vanishing [S, direction; magnitudes U].
// Tolerance: five fast (3 s) pulls to 100 lb, one a minute with a rest at 20 lb between, on a patient whose pain and
// anxiety do not drive guarding (so the reflex shows alone): the reflex part of the fifth
// cycle's peak (above the protective part a slow ramp to the same force draws) is at most 75%
// of the first's and at least 30% of it, every later cycle under 90% of the first; after an hour off the table it is
// back to at least 85%.
TEST(Muscles, TheReflexHabituatesOverRepeatedCyclesAndRecoversWithRest) {
  TwinModel m;
  m.patient.guard_pain_gain = 0.0;
  m.patient.guard_anxiety_gain = 0.0;
  const double f_n = 100.0 * kNewtonsPerLbf;
  const double protective = guard_units(m, run_probe(m, ramp_to(f_n, 60.0, RampShape::Linear, 3.0)).muscle_activation);
  TwinState s = make_state(m);
  double reflex[5];
  for (int cycle = 0; cycle < 5; ++cycle) {
    reflex[cycle] = guard_units(m, run_probe_on(m, ramp_to(f_n, 3.0, RampShape::Linear, 10.0), s).peak_muscle_activation) - protective;
    run_probe_on(m, ramp_to(20.0 * kNewtonsPerLbf, 0.0, RampShape::Linear, 47.0), s);  // the rest
  }
  EXPECT_GT(reflex[0], 0.3);
  EXPECT_LE(reflex[4], 0.75 * reflex[0]);
  EXPECT_GE(reflex[4], 0.30 * reflex[0]);
  for (int c = 1; c < 5; ++c) EXPECT_LT(reflex[c], 0.9 * reflex[0]) << "cycle " << c;
  advance_off_table(m, s, 3600.0);
  const double rested = guard_units(m, run_probe_on(m, ramp_to(f_n, 3.0, RampShape::Linear, 10.0), s).peak_muscle_activation) - protective;
  measured("G7", "reflex part of the peak %.2f, %.2f, %.2f, %.2f, %.2f over five cycles; %.2f after 1 h off the table",
           reflex[0], reflex[1], reflex[2], reflex[3], reflex[4], rested);
  EXPECT_GE(rested, 0.85 * reflex[0]);
}

// Habituation over a session: open-loop traction lowered paraspinal EMG by 50% (Lee 1996,
// J Biomech Eng) [S]. Tolerance: an anxious patient held at 50 lb (no reflex, no protective
// guarding) guards 35-55% less after 30 minutes than after 2 minutes.
TEST(Muscles, TonicGuardingSettlesOverASession) {
  TwinModel m;
  m.patient.anxiety_baseline = 0.9;
  TwinState s = make_state(m);
  const double at2 = guard_units(m, run_probe_on(m, ramp_to(50.0 * kNewtonsPerLbf, 60.0, RampShape::Linear, 60.0), s).muscle_activation);
  const double at30 = guard_units(m, run_probe_on(m, ramp_to(50.0 * kNewtonsPerLbf, 0.0, RampShape::Linear, 1680.0), s).muscle_activation);
  measured("G8", "tonic guarding %.3f at 2 min, %.3f at 30 min (%.0f%% less)", at2, at30, 100.0 * (1.0 - at30 / at2));
  EXPECT_GT(at2, 0.1);
  EXPECT_LE(at30, 0.65 * at2);
  EXPECT_GE(at30, 0.45 * at2);
}

// DESIGN.md section 4: guarding is driven by pain as well as anxiety. Tolerance: at 40 lb, a
// patient with a 6 mm L4-5 protrusion (radicular pain past moderate) guards at least 0.1 units
// more than one without.
TEST(Muscles, PainDrivesGuarding) {
  const TwinModel calm;
  TwinModel sore;
  sore.patient.lumbar[kL45].protrusion_mm = 6.0;
  const ProbeProtocol dose = ramp_to(40.0 * kNewtonsPerLbf, 60.0, RampShape::Linear, 60.0);
  const double with_pain = guard_units(sore, run_probe(sore, dose).muscle_activation);
  const double without = guard_units(calm, run_probe(calm, dose).muscle_activation);
  measured("G9", "guarding at 40 lb %.2f with a 6 mm L4-L5 protrusion, %.2f without", with_pain, without);
  EXPECT_GT(with_pain, without + 0.1);
}
