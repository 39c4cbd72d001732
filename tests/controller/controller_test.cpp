// Open-loop tests of the firmware's state machine with hand-made sensor frames.
#include <gtest/gtest.h>

#include "controller/controller.h"

using namespace tractus;
using controller::Controller;
using controller::ControllerConfig;
using hal::CommandKind;
using hal::TableState;

namespace {

constexpr int32_t kTareCounts = 2000;

// A table at rest: sensors as the electronics report them with force_n on the cord.
hal::SensorFrame frame(float force_n, const ControllerConfig& c = ControllerConfig{}) {
  hal::SensorFrame f;
  f.load_cell_counts = kTareCounts + static_cast<int32_t>(force_n * c.load_cell_counts_per_n);
  f.supply_counts = 3276;  // 24 V
  f.patient_stop_connected = true;
  return f;
}

struct Bench {
  Controller fw;
  int64_t now_us = 0;
  hal::ActuatorFrame out;

  hal::ActuatorFrame tick(const hal::SensorFrame& s, CommandKind kind = CommandKind::None,
                          const hal::Prescription& p = hal::Prescription{}) {
    hal::ConsoleCommand cmd;
    cmd.kind = kind;
    cmd.prescription = p;
    out = fw.tick(s, cmd, now_us);
    now_us += 1000;
    return out;
  }
  void run(const hal::SensorFrame& s, int ticks) {
    for (int i = 0; i < ticks; ++i) tick(s);
  }
};

hal::Prescription prescription(float force_n) {
  hal::Prescription p;
  p.max_force_n = force_n;
  p.ramp_s = 10.0f;
  p.treatment_s = 120.0f;
  p.release_n_per_s = 50.0f;
  return p;
}

}  // namespace

TEST(Controller, SelfTestTaresTheLoadCellThenGoesIdle) {
  Bench b;
  EXPECT_EQ(b.fw.display().state, TableState::SelfTest);
  b.run(frame(0.0f), 200);
  EXPECT_EQ(b.fw.display().state, TableState::Idle);
  EXPECT_NEAR(b.fw.tare_offset_counts(), kTareCounts, 0.5f);
  EXPECT_FALSE(b.out.motor_enable);
  EXPECT_TRUE(b.out.brake_engaged);
}

TEST(Controller, SelfTestFailsWhenTheTareIsOutOfRange) {
  Bench b;
  hal::SensorFrame broken = frame(0.0f);
  broken.load_cell_counts = 0;  // a disconnected cell reads zero
  b.run(broken, 200);
  EXPECT_EQ(b.fw.display().state, TableState::Fault);
  EXPECT_EQ(b.fw.display().alarm_code, controller::kAlarmTareOutOfRange);
}

TEST(Controller, RefusedPrescriptionNamesTheFieldAndStaysIdle) {
  Bench b;
  b.run(frame(0.0f), 200);
  b.tick(frame(0.0f), CommandKind::SetPrescription, prescription(2000.0f));
  EXPECT_EQ(b.fw.display().state, TableState::Idle);
  EXPECT_TRUE(b.fw.display().prescription_rejected);
  EXPECT_STREQ(b.fw.display().reject_field, "max_force_n");
}

TEST(Controller, StartIsRefusedWithoutTheStopSwitchConnected) {
  // start interlock (Eltrac manual): no treatment unless the patient stop switch is plugged in
  Bench b;
  b.run(frame(0.0f), 200);
  b.tick(frame(0.0f), CommandKind::SetPrescription, prescription(300.0f));
  hal::SensorFrame unplugged = frame(0.0f);
  unplugged.patient_stop_connected = false;
  b.tick(unplugged, CommandKind::Start);
  EXPECT_EQ(b.fw.display().state, TableState::Ready);
  EXPECT_EQ(b.fw.display().alarm_code, controller::kAlarmStopSwitchNotConnected);
  EXPECT_FALSE(b.out.motor_enable);
}

TEST(Controller, SetpointRampsAtForceOverRampTime) {
  Bench b;
  b.run(frame(0.0f), 200);
  b.tick(frame(0.0f), CommandKind::SetPrescription, prescription(300.0f));
  b.tick(frame(0.0f), CommandKind::Start);
  b.run(frame(0.0f), 4999);  // 5 s in all: half of a 10 s ramp
  EXPECT_NEAR(b.fw.display().target_force_n, 150.0f, 0.5f);
  EXPECT_TRUE(b.out.motor_enable);
  EXPECT_FALSE(b.out.brake_engaged);
  EXPECT_GT(b.out.motor_command, 0.0f);
}

TEST(Controller, PatientStopPaysOutThenHoldsWithTheAlarmAndTimeKept) {
  Bench b;
  b.run(frame(0.0f), 200);
  b.tick(frame(0.0f), CommandKind::SetPrescription, prescription(300.0f));
  b.tick(frame(0.0f), CommandKind::Start);
  b.run(frame(300.0f), 15000);
  const float remaining_s = b.fw.display().remaining_s;
  hal::SensorFrame pressed = frame(300.0f);
  pressed.patient_stop_pressed = true;
  b.tick(pressed);
  EXPECT_EQ(b.fw.display().state, TableState::Stopped);
  EXPECT_EQ(b.fw.display().alarm_code, controller::kAlarmPatientStop);
  EXPECT_LT(b.out.motor_command, 0.0f);  // paying out
  EXPECT_TRUE(b.out.buzzer);
  // once the cord has read slack for half a second the brake holds and the motor is off;
  // the alarm keeps sounding
  b.run(frame(2.0f), 400);
  EXPECT_TRUE(b.out.motor_enable);  // still coasting so the carriage can spring back
  EXPECT_EQ(b.out.motor_command, 0.0f);
  b.run(frame(2.0f), 200);
  EXPECT_FALSE(b.out.motor_enable);
  EXPECT_TRUE(b.out.brake_engaged);
  EXPECT_TRUE(b.out.buzzer);
  EXPECT_NEAR(b.fw.display().remaining_s, remaining_s, 0.01f);
  b.tick(frame(2.0f), CommandKind::Acknowledge);
  EXPECT_EQ(b.fw.display().state, TableState::Ready);
  EXPECT_FALSE(b.tick(frame(2.0f)).buzzer);
}

TEST(Controller, EmergencyStopCutsDrivePowerAtOnceAndLocks) {
  Bench b;
  b.run(frame(0.0f), 200);
  b.tick(frame(0.0f), CommandKind::SetPrescription, prescription(300.0f));
  b.tick(frame(0.0f), CommandKind::Start);
  b.run(frame(100.0f), 1000);
  hal::SensorFrame estop = frame(100.0f);
  estop.emergency_stop = true;
  b.tick(estop);
  EXPECT_FALSE(b.out.motor_enable);
  EXPECT_TRUE(b.out.brake_engaged);
  EXPECT_EQ(b.fw.display().alarm_code, controller::kAlarmEmergencyStop);
  // a critical fault does not clear on reset
  b.tick(frame(0.0f), CommandKind::ResetFault);
  EXPECT_EQ(b.fw.display().state, TableState::Fault);
}

TEST(Controller, CompleteToneRepeatsEvery30SecondsUntilAcknowledged) {
  // Triton manual: end-of-treatment tone repeats every 30 s until acknowledged
  Bench b;
  b.run(frame(0.0f), 200);
  hal::Prescription p = prescription(100.0f);
  p.treatment_s = 60.0f;
  b.tick(frame(0.0f), CommandKind::SetPrescription, p);
  b.tick(frame(0.0f), CommandKind::Start);
  // the fake sensor follows the target so the release completes
  while (b.fw.display().state != TableState::Complete && b.now_us < 200000000) {
    b.tick(frame(b.fw.display().target_force_n));
  }
  ASSERT_EQ(b.fw.display().state, TableState::Complete);
  EXPECT_TRUE(b.tick(frame(0.0f)).buzzer);
  b.run(frame(0.0f), 2000);
  EXPECT_FALSE(b.out.buzzer);
  b.run(frame(0.0f), 28000);  // 30 s after completion the tone sounds again
  EXPECT_TRUE(b.out.buzzer);
  b.tick(frame(0.0f), CommandKind::Acknowledge);
  b.run(frame(0.0f), 31000);
  EXPECT_FALSE(b.out.buzzer);
  EXPECT_EQ(b.fw.display().state, TableState::Ready);
}
