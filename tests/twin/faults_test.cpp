// Fault injection: the catalogue, scheduling, and what each fault does at the HAL.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <set>
#include <string>

#include "test_util.h"
#include "twin/faults.h"
#include "twin/twin.h"

using namespace tractus;
using namespace tractus::twin;
using twin::testing::pulling;
using twin::testing::ramp_ms;
using twin::testing::cell_force_n;
using twin::testing::quiet_model;
using twin::testing::run_ms;

namespace {

FaultSpec named(const char* name, int64_t at_us = 0) {
  FaultSpec spec;
  const FaultResult r = make_fault_spec(name, &spec, at_us);
  EXPECT_TRUE(r.ok) << r.message;
  return spec;
}

}  // namespace

TEST(FaultCatalogue, EveryEntryHasAUniqueNameThatSchedules) {
  int n = 0;
  const FaultCatalogueEntry* rows = fault_catalogue(&n);
  // six faults on each of four analogue channels, three on each of five switches, and eight
  // actuator, mechanical and electrical faults (the console's link loss is the console's own)
  EXPECT_EQ(n, 6 * 4 + 3 * 5 + 8);
  for (int i = 0; i < n; ++i) EXPECT_STRNE(rows[i].name, "console.link_loss");
  std::set<std::string> names;
  for (int i = 0; i < n; ++i) {
    EXPECT_TRUE(names.insert(rows[i].name).second) << rows[i].name;
    EXPECT_GT(std::strlen(rows[i].description), 10u) << rows[i].name;
    FaultTable table;
    FaultSpec spec;
    const FaultResult r = make_fault_spec(rows[i].name, &spec);
    ASSERT_TRUE(r.ok) << rows[i].name << ": " << r.message;
    EXPECT_STREQ(fault_name(spec), rows[i].name);
    EXPECT_TRUE(schedule_fault(table, spec).ok) << rows[i].name;
  }
}

TEST(FaultCatalogue, AnUnknownNameIsRefusedWithAMessageNamingIt) {
  const FaultResult r = find_fault("load_cell.melted");
  EXPECT_FALSE(r.ok);
  EXPECT_NE(std::string(r.message).find("load_cell.melted"), std::string::npos) << r.message;
  EXPECT_FALSE(find_fault("").ok);
  EXPECT_FALSE(find_fault(nullptr).ok);
}

TEST(FaultCatalogue, OutOfRangeMagnitudesAndAFullTableAreRefused) {
  FaultTable table;
  FaultSpec weak = named("motor.weak");
  weak.magnitude = 1.5;
  const FaultResult r = schedule_fault(table, weak);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(std::string(r.message).find("motor.weak"), std::string::npos) << r.message;
  FaultSpec bogus;
  bogus.kind = FaultKind::SensorDrift;
  bogus.channel = SensorChannel::HomeLimit;  // drift on a switch is not a catalogue fault
  EXPECT_FALSE(schedule_fault(table, bogus).ok);
  for (int i = 0; i < kMaxFaults; ++i) ASSERT_TRUE(schedule_fault(table, named("cord.break")).ok);
  EXPECT_FALSE(schedule_fault(table, named("cord.break")).ok);
  clear_faults(table);
  EXPECT_TRUE(schedule_fault(table, named("cord.break")).ok);
}

TEST(FaultInjection, TimedFaultActsOnlyBetweenItsStartAndItsEnd) {
  TwinModel m = quiet_model();
  TwinState s = make_state(m);
  FaultSpec spec = named("load_cell.off", 100000);
  spec.duration_us = 50000;
  ASSERT_TRUE(schedule_fault(s.faults, spec).ok);
  Rng rng(1);
  run_ms(m, s, pulling(0.0f, true), 99);
  EXPECT_EQ(active_fault_count(s.faults), 0);
  EXPECT_GT(sense(m, s, rng).load_cell_counts, 1000);
  run_ms(m, s, pulling(0.0f, true), 2);
  EXPECT_TRUE(fault_active(s.faults, FaultKind::SensorOff, SensorChannel::LoadCell));
  EXPECT_EQ(sense(m, s, rng).load_cell_counts, 0);
  run_ms(m, s, pulling(0.0f, true), 60);
  EXPECT_EQ(active_fault_count(s.faults), 0);
  EXPECT_GT(sense(m, s, rng).load_cell_counts, 1000);
}

TEST(FaultInjection, ConditionTriggerFiresWhenTensionPassesItsThreshold) {
  TwinModel m = quiet_model();
  TwinState s = make_state(m);
  FaultSpec spec = named("cord.break");
  spec.trigger = FaultTrigger::TensionAboveN;
  spec.threshold = 200.0;
  ASSERT_TRUE(schedule_fault(s.faults, spec).ok);
  double peak_n = 0.0;
  for (int i = 0; i < 4000; ++i) {
    step(m, s, pulling(0.3f * static_cast<float>(i) / 4000.0f, true), 1000);
    peak_n = std::fmax(peak_n, s.cord_tension_n);
  }
  EXPECT_TRUE(s.cord_broken);
  EXPECT_EQ(s.cord_tension_n, 0.0);
  EXPECT_LT(peak_n, 200.0 + 5.0);  // fires within a step of the threshold
}

TEST(FaultInjection, StuckLoadCellHoldsItsReadingWhileTensionChanges) {
  TwinModel m = quiet_model();
  TwinState s = make_state(m);
  Rng rng(1);
  ramp_ms(m, s, 0.2f, 2000, true);
  run_ms(m, s, pulling(0.2f, true), 1000);
  ASSERT_TRUE(schedule_fault(s.faults, named("load_cell.stuck", s.time_us)).ok);
  run_ms(m, s, pulling(0.2f, true), 1);
  const double held_n = cell_force_n(m, sense(m, s, rng));
  run_ms(m, s, pulling(0.4f, true), 2000);
  EXPECT_GT(s.cord_tension_n, held_n + 150.0);
  EXPECT_NEAR(cell_force_n(m, sense(m, s, rng)), held_n, 1.0 / 30.0);
}

TEST(FaultInjection, DriftingLoadCellGainsTwoNewtonsASecond) {
  TwinModel m = quiet_model();
  TwinState s = make_state(m);
  Rng rng(1);
  ASSERT_TRUE(schedule_fault(s.faults, named("load_cell.drift")).ok);
  run_ms(m, s, pulling(0.0f, true), 10000);
  // catalogue default 2 N/s for 10 s, within one ADC count
  EXPECT_NEAR(cell_force_n(m, sense(m, s, rng)), 20.0, 1.0 / 30.0 + 0.01);
}

TEST(FaultInjection, WrongGainScalesTheLoadCellAboutItsZero) {
  TwinModel m = quiet_model();
  TwinState s = make_state(m);
  Rng rng(1);
  ramp_ms(m, s, 0.25f, 2000, true);
  run_ms(m, s, pulling(0.25f, true), 1000);
  const double true_n = cell_force_n(m, sense(m, s, rng));
  ASSERT_TRUE(schedule_fault(s.faults, named("load_cell.gain", s.time_us)).ok);
  run_ms(m, s, pulling(0.25f, true), 1);
  EXPECT_NEAR(cell_force_n(m, sense(m, s, rng)), 1.2 * true_n, 0.5);
}

TEST(FaultInjection, IntermittentAndNoisySensorsHaveTheirStatedRates) {
  TwinModel m = quiet_model();
  TwinState s = make_state(m);
  ASSERT_TRUE(schedule_fault(s.faults, named("encoder.intermittent")).ok);
  FaultSpec noisy = named("load_cell.noisy");
  ASSERT_TRUE(schedule_fault(s.faults, noisy).ok);
  run_ms(m, s, pulling(0.0f, true), 1);
  ramp_ms(m, s, 0.1f, 1000, true);  // wind some cord in so the encoder reads non-zero
  run_ms(m, s, pulling(0.1f, true), 1000);
  Rng rng(5);
  const int n = 10000;
  int dropped = 0;
  double sum = 0.0, sum2 = 0.0;
  for (int i = 0; i < n; ++i) {
    const hal::SensorFrame f = sense(m, s, rng);
    dropped += f.encoder_counts == 0 ? 1 : 0;
    const double x = cell_force_n(m, f);
    sum += x;
    sum2 += x * x;
  }
  // binomial 5-sigma band around 20% of 10000 samples: +-200
  EXPECT_NEAR(dropped, 2000, 200);
  // 20 N of noise: 5% sampling tolerance on the standard deviation
  EXPECT_NEAR(std::sqrt(sum2 / n - (sum / n) * (sum / n)), 20.0, 1.0);
}

TEST(FaultInjection, CordBreakDropsTensionForGoodEvenAfterClearing) {
  TwinModel m = quiet_model();
  TwinState s = make_state(m);
  ramp_ms(m, s, 0.3f, 3000);
  ASSERT_GT(s.cord_tension_n, 300.0);
  ASSERT_TRUE(schedule_fault(s.faults, named("cord.break", s.time_us)).ok);
  run_ms(m, s, pulling(0.3f), 5);
  EXPECT_EQ(s.cord_tension_n, 0.0);
  clear_faults(s.faults);
  run_ms(m, s, pulling(0.3f), 1000);
  EXPECT_EQ(s.cord_tension_n, 0.0);
}

TEST(FaultInjection, StalledMotorCannotWindCordIn) {
  TwinModel m = quiet_model();
  TwinState s = make_state(m);
  ASSERT_TRUE(schedule_fault(s.faults, named("motor.stall")).ok);
  run_ms(m, s, pulling(0.5f), 1000);
  EXPECT_EQ(s.motor_pos_m, 0.0);
  EXPECT_EQ(s.cord_tension_n, 0.0);
}

TEST(FaultInjection, RunawayDrivePullsWhateverTheCommandUntilTheRelayOpens) {
  TwinModel m = quiet_model();
  TwinState s = make_state(m);
  ASSERT_TRUE(schedule_fault(s.faults, named("motor.runaway")).ok);
  run_ms(m, s, pulling(0.0f, true), 3000);
  // 0.6 of the 1200 N rating, less the gearbox breakaway friction
  EXPECT_NEAR(s.cord_tension_n, 720.0, m.table.motor_coulomb_n + 2.0);
  // the current sense reads the current the drive really draws, not the command (0)
  Rng rng(1);
  EXPECT_EQ(sense(m, s, rng).motor_current_counts,
            static_cast<int32_t>(2048.0 + 0.6 * m.table.current_adc_counts_per_unit));
  hal::ActuatorFrame off = pulling(0.0f, true);
  off.motor_enable = false;
  off.brake_engaged = false;
  run_ms(m, s, off, 3000);
  EXPECT_LT(s.cord_tension_n, 20.0);
}

TEST(FaultInjection, WeakDriveDeliversItsFractionOfTheCommand) {
  TwinModel m = quiet_model();
  TwinState s = make_state(m);
  ASSERT_TRUE(schedule_fault(s.faults, named("motor.weak")).ok);
  ramp_ms(m, s, 0.5f, 2000, true);
  run_ms(m, s, pulling(0.5f, true), 2000);
  EXPECT_NEAR(s.cord_tension_n, 0.4 * 0.5 * 1200.0, m.table.motor_coulomb_n + 2.0);
}

TEST(FaultInjection, SlippingHarnessCapsTheForceIntoTheBodyAtItsGrip) {
  TwinModel m = quiet_model();
  TwinState s = make_state(m);
  ASSERT_TRUE(schedule_fault(s.faults, named("harness.slip")).ok);  // 150 N grip
  ramp_ms(m, s, 0.3f, 3000);
  run_ms(m, s, pulling(0.3f), 500);
  EXPECT_GT(s.harness_slip_m, 0.0);
  // the harness passes no more than its grip (plus its damping while sliding)
  EXPECT_LT(s.harness_force_n, 150.0 + 20.0);
  EXPECT_LT(s.patient.spine_force_n, 170.0);
}

TEST(FaultInjection, JammedCarriageStaysPutAndItsLockSensorStillReadsUnlocked) {
  TwinModel m = quiet_model();
  TwinState s = make_state(m);
  ramp_ms(m, s, 0.1f, 1000);
  const double at_m = s.carriage_pos_m;
  ASSERT_GT(at_m, 0.001);
  ASSERT_TRUE(schedule_fault(s.faults, named("carriage.jam", s.time_us)).ok);
  ramp_ms(m, s, 0.4f, 2000);
  EXPECT_EQ(s.carriage_pos_m, at_m);
  Rng rng(1);
  EXPECT_FALSE(sense(m, s, rng).carriage_locked);
}

TEST(FaultInjection, PowerLossCutsTheDriveSetsTheBrakeAndShowsAtTheSupplyMonitor) {
  TwinModel m = quiet_model();
  TwinState s = make_state(m);
  ASSERT_TRUE(schedule_fault(s.faults, named("power.loss")).ok);
  run_ms(m, s, pulling(0.3f), 100);
  EXPECT_FALSE(s.motor_enabled);
  EXPECT_TRUE(s.brake_engaged);
  Rng rng(1);
  EXPECT_EQ(sense(m, s, rng).supply_counts, 0);
}

TEST(FaultInjection, UnpluggedStopSwitchReadsDisconnectedAndCannotBePressed) {
  TwinModel m = quiet_model();
  TwinState s = make_state(m);
  s.inputs.patient_stop_pressed = true;
  ASSERT_TRUE(schedule_fault(s.faults, named("stop_switch.unplugged")).ok);
  run_ms(m, s, pulling(0.0f, true), 1);
  Rng rng(1);
  const hal::SensorFrame f = sense(m, s, rng);
  EXPECT_FALSE(f.patient_stop_connected);
  EXPECT_FALSE(f.patient_stop_pressed);
}

TEST(FaultInjection, FaultsAreInTheSnapshotAndTheHash) {
  TwinModel m;
  TwinState a = make_state(m), b = make_state(m);
  ASSERT_TRUE(schedule_fault(b.faults, named("load_cell.noisy", 5000000)).ok);
  EXPECT_NE(hash_state(a), hash_state(b));
  const TwinState snapshot = b;
  run_ms(m, b, pulling(0.0f, true), 6000);
  EXPECT_EQ(active_fault_count(b.faults), 1);
  EXPECT_EQ(active_fault_count(snapshot.faults), 0);
}
