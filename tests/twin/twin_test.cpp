// The foundation twin: drive, cord, carriage, compliant patient and sensors.
#include <gtest/gtest.h>

#include <cmath>

#include "twin/twin.h"

using namespace tractus;
using twin::TwinModel;
using twin::TwinState;

namespace {
hal::ActuatorFrame pulling(float command) {
  hal::ActuatorFrame a;
  a.motor_enable = true;
  a.brake_engaged = false;
  a.carriage_lock = false;
  a.motor_command = command;
  return a;
}
void run_ms(const TwinModel& m, TwinState& s, const hal::ActuatorFrame& a, int ms) {
  for (int i = 0; i < ms; ++i) twin::step(m, s, a, 1000);
}
}  // namespace

TEST(Twin, SteadyPullBalancesDriveForceAgainstThePatientSpring) {
  TwinModel m;
  TwinState s = twin::make_state(m);
  run_ms(m, s, pulling(0.25f), 5000);
  // at rest the cord carries the drive force less the motor's breakaway friction, and the
  // carriage has moved until the patient spring carries the tension less bearing friction
  const double drive_n = 0.25 * m.table.motor_rated_force_n;
  EXPECT_NEAR(s.cord_tension_n, drive_n, m.table.motor_coulomb_n + 1.0);
  EXPECT_NEAR(s.carriage_pos_m * m.patient.stretch_stiffness_n_per_m, s.cord_tension_n,
              m.table.carriage_coulomb_n + 1.0);
  EXPECT_NEAR(s.motor_vel_m_per_s, 0.0, 1e-4);
}

TEST(Twin, LockedCarriageDoesNotMoveAndTheBrakeHoldsTheDrum) {
  TwinModel m;
  TwinState s = twin::make_state(m);
  hal::ActuatorFrame a = pulling(0.3f);
  a.carriage_lock = true;
  run_ms(m, s, a, 2000);
  EXPECT_EQ(s.carriage_pos_m, 0.0);
  EXPECT_NEAR(s.cord_tension_n, 0.3 * m.table.motor_rated_force_n, m.table.motor_coulomb_n + 1.0);
  const double wound_m = s.motor_pos_m;
  a.brake_engaged = true;
  a.motor_enable = false;
  run_ms(m, s, a, 1000);
  EXPECT_EQ(s.motor_pos_m, wound_m);
}

TEST(Twin, CordCannotPush) {
  TwinModel m;
  TwinState s = twin::make_state(m);
  run_ms(m, s, pulling(-0.2f), 500);
  EXPECT_LT(s.motor_pos_m, 0.0);
  EXPECT_EQ(s.cord_tension_n, 0.0);
  EXPECT_EQ(s.carriage_pos_m, 0.0);
}

TEST(Twin, CarriageStopsAtTheEndOfItsTravel) {
  TwinModel m;
  m.patient.stretch_stiffness_n_per_m = 1000.0;  // a very soft patient lets the carriage run
  TwinState s = twin::make_state(m);
  run_ms(m, s, pulling(0.5f), 3000);
  EXPECT_DOUBLE_EQ(s.carriage_pos_m, m.table.carriage_travel_m);
}

TEST(Twin, LoadCellReadsTensionThroughGainOffsetAndQuantisation) {
  TwinModel m;
  m.table.load_cell_noise_n = 0.0;
  TwinState s = twin::make_state(m);
  hal::ActuatorFrame a = pulling(0.25f);
  a.carriage_lock = true;
  run_ms(m, s, a, 3000);
  Rng rng(1);
  const hal::SensorFrame f = twin::sense(m, s, rng);
  const double expected = m.table.load_cell_offset_counts +
                          s.load_cell_filtered_n * m.table.load_cell_counts_per_n;
  EXPECT_LE(std::fabs(f.load_cell_counts - expected), 0.5);  // rounding to a whole count
  EXPECT_EQ(f.load_cell_counts, static_cast<int32_t>(f.load_cell_counts));
}

TEST(Twin, LoadCellNoiseHasTheModelledSpread) {
  TwinModel m;
  TwinState s = twin::make_state(m);
  Rng rng(3);
  double sum = 0.0, sum2 = 0.0;
  const int n = 20000;
  for (int i = 0; i < n; ++i) {
    const double force_n =
        (twin::sense(m, s, rng).load_cell_counts - m.table.load_cell_offset_counts) /
        m.table.load_cell_counts_per_n;
    sum += force_n;
    sum2 += force_n * force_n;
  }
  const double sd = std::sqrt(sum2 / n - (sum / n) * (sum / n));
  // 0.3 N of noise plus quantisation of 1/30 N (sd 0.0096 N), within 5% sampling tolerance
  EXPECT_NEAR(sd, std::sqrt(0.3 * 0.3 + 0.0096 * 0.0096), 0.015);
}

TEST(Twin, SnapshotAndRestoreReproduceTheFuture) {
  TwinModel m;
  TwinState s = twin::make_state(m);
  run_ms(m, s, pulling(0.2f), 700);
  const TwinState snapshot = s;
  run_ms(m, s, pulling(0.4f), 700);
  const uint64_t first = twin::hash_state(s);
  s = snapshot;
  EXPECT_EQ(s.layout_version, twin::kTwinStateLayoutVersion);
  run_ms(m, s, pulling(0.4f), 700);
  EXPECT_EQ(twin::hash_state(s), first);
}

TEST(Twin, EmergencyStopRemovesDrivePowerWhateverTheCommand) {
  TwinModel m;
  TwinState s = twin::make_state(m);
  s.inputs.emergency_stop = true;
  run_ms(m, s, pulling(0.8f), 500);
  EXPECT_FALSE(s.motor_enabled);
  EXPECT_EQ(s.cord_tension_n, 0.0);
}
