// A person's hands and body on the twin: the harness fit the clinician chose, a cough, and the
// drive's hand brake release. Numbers follow from the model's defaults (docs/twin.md).
#include <gtest/gtest.h>

#include <cmath>

#include "hal/units.h"
#include "test_util.h"
#include "twin/det_math.h"
#include "twin/faults.h"
#include "twin/twin.h"

// the sources give disc pressures in mmHg: the tests read the twin's megapascals in them
constexpr double kMmHgPerMpa = tractus::units::kMmHgPerMegapascal;

using namespace tractus;
using namespace tractus::twin;
using twin::testing::pulling;
using twin::testing::ramp_ms;
using twin::testing::run_ms;

namespace {

TwinModel fitted(HarnessFitting fitting) {
  TwinModel m;
  m.patient.pelvic_harness_fit = harness_fit_for(fitting, m.patient.pelvic_harness_fit);
  m.patient.thoracic_harness_fit = harness_fit_for(fitting, m.patient.thoracic_harness_fit);
  return m;
}

void run_with(const TwinModel& m, TwinState& s, const hal::ActuatorFrame& a, int ms,
              const StepInputs& in) {
  for (int i = 0; i < ms; ++i) step(m, s, a, 1000, in);
}

}  // namespace

TEST(StepInputs, NoInputsStepsExactlyAsBefore) {
  // the defaults are "nothing happening": bit-identical to the four-argument step
  TwinModel m;
  TwinState a = make_state(m), b = make_state(m);
  for (int i = 0; i < 3000; ++i) {
    const hal::ActuatorFrame f = pulling(0.2f * static_cast<float>(i) / 3000.0f);
    step(m, a, f, 1000);
    step(m, b, f, 1000, StepInputs{});
  }
  EXPECT_EQ(hash_state(a), hash_state(b));
}

TEST(HarnessFitting, GoodKeepsThePatientsFitAndLooseOrTightSetTheirs) {
  EXPECT_EQ(harness_fit_for(HarnessFitting::Good, 0.9), 0.9);
  EXPECT_EQ(harness_fit_for(HarnessFitting::Good, 0.7), 0.7);
  EXPECT_EQ(harness_fit_for(HarnessFitting::Loose, 0.9), kLooseHarnessFit);
  EXPECT_EQ(harness_fit_for(HarnessFitting::Tight, 0.9), kTightHarnessFit);
}

TEST(HarnessFitting, ALooseHarnessSlipsAt300NWhereAGoodOneHolds) {
  // grip = 1500 N x fit: 1350 N good, 300 N loose; the drive pulls 0.35 x 1200 = 420 N
  for (const HarnessFitting f : {HarnessFitting::Good, HarnessFitting::Loose}) {
    const TwinModel m = fitted(f);
    TwinState s = make_state(m);
    ramp_ms(m, s, 0.35f, 5000);
    run_ms(m, s, pulling(0.35f), 3000);
    if (f == HarnessFitting::Loose) {
      EXPECT_GT(s.harness_slip_m, 0.005);
      EXPECT_LE(s.harness_force_n, 0.2 * m.patient.harness_grip_n + 1e-9);
    } else {
      EXPECT_EQ(s.harness_slip_m, 0.0);
      EXPECT_NEAR(s.harness_force_n, 420.0, 25.0);
    }
  }
}

TEST(HarnessFitting, ALooseHarnessPassesLessForceAndCreepsFurther) {
  // below the grip (0.15 x 1200 = 180 N): transmission 1 - 0.25 x (0.9 - 0.2) = 0.825, and the
  // tissue creeps toward 0.2 x (1 + 2 x 0.7) = 0.48 of its elastic stretch instead of 0.2
  for (const HarnessFitting f : {HarnessFitting::Good, HarnessFitting::Loose}) {
    const TwinModel m = fitted(f);
    TwinState s = make_state(m);
    ramp_ms(m, s, 0.15f, 5000);
    run_ms(m, s, pulling(0.15f), 900000);  // 15 min: 7.5 creep time constants
    const bool loose = f == HarnessFitting::Loose;
    const double share = loose ? 0.825 : 1.0;
    EXPECT_NEAR(s.patient.spine_force_n / s.harness_force_n, share, 1e-9);
    const double fit = loose ? 0.2 : 0.9;
    const double k_n_per_m = 30000.0 * (0.5 + 0.5 * fit) * (0.5 + 0.5 * fit) / 0.95;
    const double ratio = loose ? 0.48 : 0.2;
    EXPECT_NEAR(s.patient.tissue_creep_m, ratio * s.patient.spine_force_n / k_n_per_m,
                0.02 * ratio * s.patient.spine_force_n / k_n_per_m);
  }
}

TEST(Cough, APulseOfTrunkMuscleActivationOverFourTenthsOfASecond) {
  const PatientModel p;
  EXPECT_EQ(cough_activation_at(p, -1.0), 0.0);
  // 0.035 of the extensors' MVC: about 200 N of compression for the 70 kg reference
  EXPECT_NEAR(cough_activation_at(p, 0.1), 0.035 * std::sin(det::kPi / 4.0), 1e-12);
  EXPECT_NEAR(cough_activation_at(p, 0.2), 0.035, 1e-12);
  EXPECT_EQ(cough_activation_at(p, 0.4), 0.0);
  EXPECT_EQ(cough_activation_at(p, 5.0), 0.0);
}

TEST(Cough, TheCordTensionAndDiscPressureSpikeAndSettle) {
  // open loop, the drive holding 0.15 x 1200 = 180 N: the trunk draws 0.35 x 4 mm = 1.4 mm
  // back against the harness (0.035 of MVC is 0.35 of strong guarding) and presses
  // 0.035 x 5760 N = 202 N through the discs
  TwinModel m;
  TwinState quiet = make_state(m);
  ramp_ms(m, quiet, 0.15f, 5000);
  run_ms(m, quiet, pulling(0.15f), 5000);
  TwinState cough = quiet;
  double spike_n = 0.0, pressure_rise_mmhg = 0.0;
  StepInputs in;
  for (int i = 0; i < 600; ++i) {
    in.cough_elapsed_s = 0.001 * i;
    step(m, cough, pulling(0.15f), 1000, in);
    step(m, quiet, pulling(0.15f), 1000);
    spike_n = std::fmax(spike_n, cough.cord_tension_n - quiet.cord_tension_n);
    pressure_rise_mmhg = std::fmax(pressure_rise_mmhg, cough.patient.lumbar[3].pressure_mpa * kMmHgPerMpa -
                                                           quiet.patient.lumbar[3].pressure_mpa * kMmHgPerMpa);
  }
  EXPECT_GT(spike_n, 5.0);
  EXPECT_LT(spike_n, 60.0);
  // 202 N more compression turns the nucleus's suction back toward its lying 0.1 MPa (750 mmHg)
  EXPECT_GT(pressure_rise_mmhg, 500.0);
  // a second later the pulse has gone
  in.cough_elapsed_s = -1.0;
  run_with(m, cough, pulling(0.15f), 1500, in);
  run_ms(m, quiet, pulling(0.15f), 1500);
  EXPECT_NEAR(cough.cord_tension_n, quiet.cord_tension_n, 1.0);
}

TEST(HandRelease, WithoutPowerTheBrakeHoldsUntilTheLeverLetsTheDrumPayOutAtTheGovernedSpeed) {
  TwinModel m;
  TwinState s = make_state(m);
  ramp_ms(m, s, 0.15f, 5000);
  run_ms(m, s, pulling(0.15f), 2000);
  FaultSpec loss;
  ASSERT_TRUE(make_fault_spec("power.loss", &loss, s.time_us).ok);
  ASSERT_TRUE(schedule_fault(s.faults, loss).ok);
  // the firmware still asks for the pull; without power the relay drops and the brake sets
  run_ms(m, s, pulling(0.15f), 10000);
  EXPECT_FALSE(drive_powered(m, s));
  EXPECT_TRUE(s.brake_engaged);
  const double held_n = s.cord_tension_n;
  EXPECT_GT(held_n, 150.0);
  TwinState untouched = s;
  run_ms(m, untouched, pulling(0.15f), 10000);
  EXPECT_NEAR(untouched.cord_tension_n, held_n, 0.02 * held_n);
  StepInputs lever;
  lever.manual_brake_release = true;
  double fastest = 0.0;
  for (int i = 0; i < 10000; ++i) {
    step(m, s, pulling(0.15f), 1000, lever);
    fastest = std::fmax(fastest, std::fabs(s.motor_vel_m_per_s));
  }
  EXPECT_FALSE(s.brake_engaged);
  EXPECT_LE(fastest, m.table.manual_release_speed_m_per_s);
  EXPECT_LT(s.cord_tension_n, 20.0);
}
