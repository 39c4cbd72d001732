// Closed-loop fault tests: every fault of the twin's catalogue that can act during a
// treatment is injected at a 400 N static hold (reference patient, lumbar). Each row states
// the alarm the firmware must raise, within what latency, and the safe state it must reach;
// all rows check that nothing unsafe happens on the way: the true cord tension stays under
// the prescription + 10% (and the device maximum), and, after a drive-off reaction, the
// drive relay stays open.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>

#include "scenarios/rig.h"

using namespace tractus;
using hal::TableState;
namespace fw = tractus::controller;

namespace {

constexpr int64_t kUsPerS = 1000000;
constexpr float kForceN = 400.0f;
constexpr double kCatalogueDefault = 1e30;

enum class Safe : uint8_t {
  DriveOff,     // relay open within one tick of the alarm
  ReleasedFast, // tension at most 15 N within 0.5 s of the alarm
  Releasing,    // changeover release under way (operator-stop behaviour)
  Tolerated,    // no alarm required; treatment may continue, nothing unsafe
};

struct FaultRow {
  const char* name;        // twin catalogue name
  uint16_t code;           // alarm expected (0 when tolerated)
  int64_t max_latency_us;  // from injection to the alarm's event-log entry
  Safe safe;
  double magnitude = kCatalogueDefault;  // overrides the catalogue default when set
  double peak_fraction = 1.10;            // true tension bound as a fraction of the prescription
  uint16_t also_code = 0;                 // a second alarm that equally proves the detection
};

// the stated latencies (docs/hazards.md quotes them)
const FaultRow kRows[] = {
    {"load_cell.off", fw::kAlarmLoadCellSaturated, 10000, Safe::DriveOff},
    {"load_cell.intermittent", fw::kAlarmLoadCellSaturated, 100000, Safe::DriveOff},
    {"load_cell.stuck", fw::kAlarmLoadCellStuck, 50000, Safe::DriveOff},
    {"load_cell.gain", fw::kAlarmLoadCellImplausible, 1500000, Safe::DriveOff, 0.8},
    {"load_cell.drift", fw::kAlarmLoadCellImplausible, 30000000, Safe::DriveOff, -2.0},
    {"encoder.off", fw::kAlarmEncoderLoss, 5000, Safe::DriveOff},
    {"encoder.noisy", fw::kAlarmEncoderLoss, 500000, Safe::DriveOff},
    {"motor_current.off", fw::kAlarmMotorRunaway, 50000, Safe::DriveOff},
    {"motor_current.gain", fw::kAlarmLoadCellImplausible, 1500000, Safe::DriveOff},
    // a runaway drive (720 N into a stiff cord) adds force faster than any 1 kHz loop can
    // see it: detection in 3 ms and the relay open bound the peak at 25% over
    {"motor.runaway", fw::kAlarmMotorRunaway, 10000, Safe::DriveOff, kCatalogueDefault, 1.25},
    {"motor.weak", fw::kAlarmLoadCellImplausible, 1500000, Safe::DriveOff},
    {"harness.slip", fw::kAlarmHarnessSlip, 1000000, Safe::ReleasedFast},
    {"cord.break", fw::kAlarmCordBreak, 50000, Safe::DriveOff},
    {"power.loss", fw::kAlarmPowerLoss, 5000, Safe::DriveOff},
    {"supply.off", fw::kAlarmPowerLoss, 5000, Safe::DriveOff},
    {"stop_switch.unplugged", fw::kAlarmStopSwitchUnplugged, 5000, Safe::ReleasedFast},
    // 20 N of noise at a 400 N hold may cross the raw over-force check (302) before the noise
    // monitor (315) has filled its window; which is first depends on the noise drawn, and both
    // open the drive. At low forces only 315 can (Monitors.ALoadCellWithTwentyNewtons...).
    {"load_cell.noisy", fw::kAlarmOverForce, 100000, Safe::DriveOff, kCatalogueDefault, 1.10,
     fw::kAlarmLoadCellNoisy},
    {"encoder.stuck", 0, 0, Safe::Tolerated},
    {"motor_current.stuck", 0, 0, Safe::Tolerated},
    {"motor.stall", 0, 0, Safe::Tolerated},
    {"carriage.jam", 0, 0, Safe::Tolerated},
    {"lock_sensor.off", 0, 0, Safe::Tolerated},
    {"home_limit.off", 0, 0, Safe::Tolerated},
};

struct Outcome {
  int64_t latency_us = -1;
  uint16_t first_code = 0;
  double peak_tension_n = 0.0;
  double tension_after_n = 0.0;
  bool drive_reclosed = false;
  TableState final_state = TableState::Idle;
};

Outcome run_fault(const FaultRow& row) {
  scenarios::Rig rig(scenarios::RigConfig{});
  rig.advance_us(kUsPerS / 2);
  hal::ConsoleCommand c;
  c.kind = hal::CommandKind::SetPrescription;
  c.prescription.max_force_n = kForceN;
  c.prescription.ramp_s = 15.0f;
  c.prescription.treatment_s = 600.0f;
  c.prescription.release_n_per_s = 40.0f;
  rig.send(c);
  rig.advance_us(1000);
  c.kind = hal::CommandKind::ConfirmHarness;
  rig.send(c);
  rig.advance_us(1000);
  c.kind = hal::CommandKind::Start;
  rig.send(c);
  rig.advance_us(25 * kUsPerS);  // settled on the hold

  twin::FaultSpec spec;
  const twin::FaultResult made = twin::make_fault_spec(row.name, &spec, rig.now_us());
  EXPECT_TRUE(made.ok) << row.name << ": " << made.message;
  if (row.magnitude != kCatalogueDefault) spec.magnitude = row.magnitude;
  const twin::FaultResult injected = rig.inject_fault(spec);
  EXPECT_TRUE(injected.ok) << row.name << ": " << injected.message;

  Outcome o;
  const int64_t t0_us = rig.now_us();
  const uint32_t log_before = rig.firmware().event_log().total();
  int64_t alarm_us = -1;
  const int64_t horizon_us = row.code == 0 ? 20 * kUsPerS : row.max_latency_us + 3 * kUsPerS;
  while (rig.now_us() - t0_us < horizon_us) {
    rig.advance_us(1000);
    const double tension_n = rig.twin_state().cord_tension_n;
    if (tension_n > o.peak_tension_n) o.peak_tension_n = tension_n;
    const fw::EventLog& log = rig.firmware().event_log();
    if (alarm_us < 0 && log.total() > log_before) {
      for (int i = 0; i < log.size(); ++i) {
        const fw::Event& e = log.at(i);
        if (e.kind == fw::EventKind::AlarmRaised && e.time_us >= t0_us && e.code >= 300 - 200 &&
            (row.code == 0 || e.code == row.code || (row.also_code != 0 && e.code == row.also_code))) {
          alarm_us = e.time_us;
          o.first_code = e.code;
          o.latency_us = e.time_us - t0_us;
          break;
        }
      }
    }
    if (alarm_us >= 0 && row.safe == Safe::DriveOff && rig.now_us() > alarm_us + 1000 &&
        rig.actuators().motor_enable) {
      o.drive_reclosed = true;
    }
  }
  o.tension_after_n = rig.twin_state().cord_tension_n;
  o.final_state = rig.display().state;
  return o;
}

// powers the rig up and starts the 400 N static hold ramping over ramp_s
void start_static_hold(scenarios::Rig& rig, float ramp_s) {
  rig.advance_us(kUsPerS / 2);
  hal::Prescription p;
  p.max_force_n = kForceN;
  p.ramp_s = ramp_s;
  p.treatment_s = 600.0f;
  p.release_n_per_s = 40.0f;
  rig.prescribe_and_start(p);
}

}  // namespace

TEST(FaultCatalogue, EveryInjectedFaultIsDetectedInTimeAndHandledSafely) {
  std::printf("[faults] %-24s %-6s %-10s %-10s %-9s %s\n", "fault", "code", "latency_ms", "bound_ms",
              "peak_N", "final state");
  for (const FaultRow& row : kRows) {
    const Outcome o = run_fault(row);
    std::printf("[faults] %-24s %-6u %-10.1f %-10.1f %-9.1f %d\n", row.name, o.first_code,
                o.latency_us / 1000.0, row.max_latency_us / 1000.0, o.peak_tension_n,
                static_cast<int>(o.final_state));
    // nothing unsafe on the way: issue 4, force never above prescription + 10%
    EXPECT_LE(o.peak_tension_n, row.peak_fraction * kForceN) << row.name;
    if (row.code == 0) continue;
    ASSERT_GE(o.latency_us, 0) << row.name << ": alarm " << row.code << " never raised";
    EXPECT_LE(o.latency_us, row.max_latency_us) << row.name;
    switch (row.safe) {
      case Safe::DriveOff:
        EXPECT_EQ(o.final_state, TableState::Fault) << row.name;
        EXPECT_FALSE(o.drive_reclosed) << row.name;
        break;
      case Safe::ReleasedFast:
        EXPECT_EQ(o.final_state, TableState::Stopped) << row.name;
        EXPECT_LE(o.tension_after_n, 15.0) << row.name;
        break;
      case Safe::Releasing:
      case Safe::Tolerated:
        break;
    }
  }
}

TEST(FaultCatalogue, ARunawayDrumIsBrakedUntilItStopsThenLetsTheCordPayOut) {
  // campaign seed 3626: after a runaway the relay opened with the drum still winding in, and
  // its momentum went on pulling; the drive-off now brakes a drum that is still winding in,
  // and lets go once it has stopped so the tension pays the cord out
  const FaultRow runaway = {"motor.runaway", fw::kAlarmMotorRunaway, 10000, Safe::DriveOff};
  scenarios::Rig rig(scenarios::RigConfig{});
  start_static_hold(rig, 15.0f);
  rig.advance_us(25 * kUsPerS);
  ASSERT_TRUE(rig.inject_fault(runaway.name).ok);
  double tension_at_alarm_n = -1.0;
  double drum_at_alarm_mm = 0.0;
  double peak_after_alarm_n = 0.0;
  double drum_peak_after_alarm_mm = -1e9;
  int braked_ticks = 0;
  for (int i = 0; i < 3000; ++i) {
    rig.advance_us(1000);
    const double tension_n = rig.twin_state().cord_tension_n;
    const double drum_mm = rig.twin_state().motor_pos_m * 1000.0;
    if (tension_at_alarm_n < 0.0 && rig.display().alarm_code == fw::kAlarmMotorRunaway) {
      tension_at_alarm_n = tension_n;
      drum_at_alarm_mm = drum_mm;
    }
    if (tension_at_alarm_n < 0.0) continue;
    if (tension_n > peak_after_alarm_n) peak_after_alarm_n = tension_n;
    if (drum_mm > drum_peak_after_alarm_mm) drum_peak_after_alarm_mm = drum_mm;
    if (i < 200 && rig.actuators().brake_engaged) ++braked_ticks;
  }
  ASSERT_GE(tension_at_alarm_n, 0.0) << "runaway never detected";
  std::printf("[runaway] tension at alarm %.1f N, peak after %.1f N, drum after alarm +%.3f mm, braked %d ms\n",
              tension_at_alarm_n, peak_after_alarm_n, drum_peak_after_alarm_mm - drum_at_alarm_mm, braked_ticks);
  // no uncommanded rise (campaign invariant 4): at most 10 N over the level at the alarm
  EXPECT_LE(peak_after_alarm_n, tension_at_alarm_n + 10.0);
  // the brake caught the drum, but only briefly: the cord then paid out to slack
  EXPECT_GT(braked_ticks, 0);
  EXPECT_LE(braked_ticks, 50);
  EXPECT_LT(rig.twin_state().cord_tension_n, 15.0);
  EXPECT_EQ(rig.display().state, TableState::Fault);
}

TEST(FaultCatalogue, ARunawayPullingJustAboveTheCommandIsCaughtByItsExcessPull) {
  // campaign seed 62176: a runaway 0.13 units over the command (under the 0.3 current rule)
  // winding in under 60 mm/s (the speed rule), during an operator stop's release; it rose
  // 66 N before over-force (302) caught it, past 10 N for 13 ms. The excess-pull rule must
  // name it a runaway on the hold and in the release, keep the peak within the runaway row's
  // 25% and the rise past 10 N within campaign invariant 4's 10 ms.
  for (const bool in_release : {false, true}) {
    scenarios::Rig rig(scenarios::RigConfig{});
    start_static_hold(rig, 15.0f);
    rig.advance_us(25 * kUsPerS);
    if (in_release) {
      hal::ConsoleCommand stop;
      stop.kind = hal::CommandKind::Stop;
      rig.send(stop);
      rig.advance_us(kUsPerS);
      ASSERT_EQ(rig.display().state, TableState::Releasing);
    }
    twin::FaultSpec spec;
    ASSERT_TRUE(twin::make_fault_spec("motor.runaway", &spec, rig.now_us()).ok);
    spec.magnitude = rig.actuators().motor_command + 0.13;
    const double tension_before_n = rig.twin_state().cord_tension_n;
    ASSERT_TRUE(rig.inject_fault(spec).ok);
    int64_t alarm_ms = -1;
    int risen_ms = 0;
    double peak_n = 0.0;
    for (int i = 1; i <= 200; ++i) {
      rig.advance_us(1000);
      const double tension_n = rig.twin_state().cord_tension_n;
      if (tension_n > peak_n) peak_n = tension_n;
      if (tension_n > tension_before_n + 10.0) ++risen_ms;
      if (alarm_ms < 0 && rig.display().alarm_code >= 300) alarm_ms = i;
    }
    std::printf("[runaway near the command, %s] alarm %u after %lld ms, rise %.1f N, past 10 N for %d ms\n",
                in_release ? "release" : "hold", rig.display().alarm_code,
                static_cast<long long>(alarm_ms), peak_n - tension_before_n, risen_ms);
    EXPECT_EQ(rig.display().alarm_code, fw::kAlarmMotorRunaway);
    EXPECT_GE(alarm_ms, 0);
    EXPECT_LE(alarm_ms, 10);
    EXPECT_LE(peak_n, 1.25 * kForceN);
    EXPECT_LE(risen_ms, 10);
  }
}

TEST(FaultCatalogue, AnEncoderLostDuringAPatientStopLetsTheDriveFinishTheStopsRelease) {
  // campaign seeds 13097, 76561: a stuck encoder is declared lost (310) when the patient stop's
  // own fast release moves the force 60 N; the drive-off then swapped the active pay-out for
  // the unpowered drum's slower coast and missed 15 N within 0.5 s. The fast release reads
  // only the load cell, so the drive now goes on with it (paying out again should the carriage
  // spring back onto the cord: seed 37352) for 0.45 s from the stop, then opens the relay.
  scenarios::Rig rig(scenarios::RigConfig{});
  start_static_hold(rig, 5.0f);
  rig.advance_us(15 * kUsPerS);
  ASSERT_TRUE(rig.inject_fault("encoder.stuck").ok);
  rig.advance_us(kUsPerS);
  ASSERT_EQ(rig.display().state, TableState::Treating);
  rig.set_patient_stop_pressed(true);
  int64_t alarm_at_us = -1, relay_open_at_us = -1;
  double measured_at_relay_open_n = -1.0;
  bool pulled_with_relay_closed = false;
  for (int i = 1; i <= 500; ++i) {
    rig.advance_us(1000);
    const bool fault = rig.display().alarm_code == fw::kAlarmEncoderLoss;
    if (fault && alarm_at_us < 0) alarm_at_us = i * 1000;
    if (fault && rig.actuators().motor_enable && rig.actuators().motor_command > 0.0f) pulled_with_relay_closed = true;
    if (fault && !rig.actuators().motor_enable && relay_open_at_us < 0) {
      relay_open_at_us = i * 1000;
      measured_at_relay_open_n = rig.display().measured_force_n;
    }
  }
  std::printf("[encoder lost in a stop] alarm %lld ms, relay open %lld ms at %.1f N measured, tension at 0.5 s %.1f N\n",
              static_cast<long long>(alarm_at_us / 1000), static_cast<long long>(relay_open_at_us / 1000),
              measured_at_relay_open_n, rig.twin_state().cord_tension_n);
  ASSERT_GE(alarm_at_us, 0) << "the fast release did not reveal the stuck encoder";
  EXPECT_EQ(rig.display().state, TableState::Fault);
  EXPECT_FALSE(pulled_with_relay_closed);  // after the alarm the closed relay only paid out
  ASSERT_GE(relay_open_at_us, 0) << "the relay never opened";
  EXPECT_LE(relay_open_at_us, 452000);  // 0.45 s from the stop, and the tick the relay takes
  EXPECT_LE(measured_at_relay_open_n, fw::kPatientStopReleaseN);
  EXPECT_LE(rig.twin_state().cord_tension_n, 15.0);  // the patient stop's bound at 0.5 s
}

TEST(FaultCatalogue, AnUnknownFaultNameIsRefused) {
  scenarios::Rig rig(scenarios::RigConfig{});
  const twin::FaultResult r = rig.inject_fault("load_cell.melted");
  EXPECT_FALSE(r.ok);
  EXPECT_NE(std::strlen(r.message), 0u);
}
