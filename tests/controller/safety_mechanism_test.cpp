// The generic safety mechanism and the event log, with time passed in.
#include <gtest/gtest.h>

#include "controller/event_log.h"
#include "controller/safety_mechanism.h"
#include "controller/table_safety_policy.h"

using namespace tractus::controller;

namespace {
const SafetyRule kRules[] = {
    {101, SafetyAction::ReleaseFast, Latch::UntilAcknowledged, 0, "stop"},
    {205, SafetyAction::HoldRamp, Latch::WhileActive, 100000, "hold"},
    {301, SafetyAction::PowerCut, Latch::UntilServiceReset, 0, "cut"},
    {302, SafetyAction::DriveOff, Latch::UntilServiceReset, 20000, "off"},
};
}  // namespace

TEST(EventLog, KeepsTheNewestEntriesInOrderWhenItWraps) {
  EventLog log;
  for (int i = 0; i < EventLog::kCapacity + 10; ++i) {
    log.push(i * 1000, EventKind::AlarmRaised, static_cast<uint16_t>(i));
  }
  EXPECT_EQ(log.size(), EventLog::kCapacity);
  EXPECT_EQ(log.total(), static_cast<uint32_t>(EventLog::kCapacity + 10));
  EXPECT_EQ(log.at(0).code, 10);  // the ten oldest were overwritten
  EXPECT_EQ(log.at(EventLog::kCapacity - 1).code, EventLog::kCapacity + 9);
  EXPECT_EQ(log.at(0).time_us, 10000);
  EXPECT_EQ(log.find_last(EventKind::AlarmRaised, 20), 10);
  EXPECT_EQ(log.find_last(EventKind::AlarmRaised, 5), -1);
}

TEST(SafetySupervisor, TripsOnlyAfterTheConfirmationTime) {
  SafetySupervisor s;
  EventLog log;
  s.configure(kRules, 4, &log);
  s.update(1, true, 0);
  s.update(1, true, 99000);
  EXPECT_FALSE(s.tripped(1));  // 99 ms < 100 ms
  s.update(1, true, 100000);
  EXPECT_TRUE(s.tripped(1));
  EXPECT_EQ(s.action(), SafetyAction::HoldRamp);
  // a WhileActive rule clears by itself, and both edges are logged with their time
  s.update(1, false, 150000);
  EXPECT_FALSE(s.tripped(1));
  ASSERT_EQ(log.size(), 2);
  EXPECT_EQ(log.at(0).kind, EventKind::AlarmRaised);
  EXPECT_EQ(log.at(0).time_us, 100000);
  EXPECT_EQ(log.at(1).kind, EventKind::AlarmCleared);
}

TEST(SafetySupervisor, AnInterruptedConditionRestartsItsConfirmation) {
  SafetySupervisor s;
  s.configure(kRules, 4, nullptr);
  s.update(3, true, 0);
  s.update(3, false, 10000);
  s.update(3, true, 15000);
  s.update(3, true, 30000);  // 15 ms since it came back: not yet 20 ms
  EXPECT_FALSE(s.tripped(3));
  s.update(3, true, 35000);
  EXPECT_TRUE(s.tripped(3));
}

TEST(SafetySupervisor, TheMostSevereActionWinsAndTheLockingAlarmIsShown) {
  SafetySupervisor s;
  s.configure(kRules, 4, nullptr);
  s.update(0, true, 0);
  EXPECT_EQ(s.action(), SafetyAction::ReleaseFast);
  EXPECT_EQ(s.rule(s.headline()).code, 101);
  s.update(2, true, 1000);
  EXPECT_EQ(s.action(), SafetyAction::PowerCut);
  EXPECT_EQ(s.rule(s.headline()).code, 301);
  EXPECT_TRUE(s.locked());
}

TEST(SafetySupervisor, LatchesClearOnlyByTheirOwnResetAndOnlyOnceTheCauseHasGone) {
  SafetySupervisor s;
  s.configure(kRules, 4, nullptr);
  s.update(0, true, 0);
  s.update(2, true, 0);
  s.acknowledge(1000);  // causes still present: nothing clears
  EXPECT_TRUE(s.tripped(0));
  s.update(0, false, 2000);
  s.update(2, false, 2000);
  EXPECT_TRUE(s.tripped(0));  // latched past its cause
  s.acknowledge(3000);
  EXPECT_FALSE(s.tripped(0));
  EXPECT_TRUE(s.tripped(2));  // acknowledge never clears a critical lock
  s.service_reset(4000);
  EXPECT_FALSE(s.tripped(2));
  EXPECT_EQ(s.action(), SafetyAction::None);
  EXPECT_EQ(s.headline(), -1);
}

TEST(SafetySupervisor, OutOfRangeIndicesAreIgnored) {
  SafetySupervisor s;
  s.configure(kRules, 4, nullptr);
  s.update(-1, true, 0);
  s.update(4, true, 0);
  EXPECT_EQ(s.action(), SafetyAction::None);
}

TEST(TablePolicy, OnlyOneLostSensorLetsTheDriveFinishAFastRelease) {
  // campaign seeds 13097, 76561: the fast release reads the load cell alone, so a lost encoder
  // leaves the drive able to pay out; seed 13884: a failed cell leaves it able to pay out on
  // the encoder, to where the treatment started. Every other drive-off cause does not
  int count = 0;
  const SafetyRule* rules = table_safety_rules(&count);
  auto with = [&](FaultId a, FaultId b) {
    SafetySupervisor s;
    s.configure(rules, count, nullptr);
    // held for a second: past every rule's confirmation time
    for (int64_t t_us : {int64_t{0}, int64_t{1000000}}) {
      s.update(a, true, t_us);
      s.update(b, true, t_us);
    }
    return fast_release_may_finish(s);
  };
  EXPECT_TRUE(with(kFaultPatientStop, kFaultEncoderLoss));
  EXPECT_TRUE(with(kFaultStopSwitchUnplugged, kFaultEncoderLoss));
  EXPECT_FALSE(with(kFaultEncoderLoss, kFaultEncoderLoss));       // no fast release under way
  EXPECT_FALSE(with(kFaultPatientStop, kFaultMotorRunaway));      // the drive itself is wrong
  EXPECT_TRUE(with(kFaultPatientStop, kFaultLoadCellStuck));      // pays out on the encoder
  EXPECT_TRUE(with(kFaultPatientStop, kFaultLoadCellSaturated));
  EXPECT_TRUE(with(kFaultPatientStop, kFaultLoadCellNoisy));
  EXPECT_FALSE(with(kFaultPatientStop, kFaultLoadCellImplausible));  // the drive may be the wrong one
  EXPECT_FALSE(with(kFaultPatientStop, kFaultPowerLoss));
  EXPECT_FALSE(with(kFaultPatientStop, kFaultWatchdog));
  SafetySupervisor both;  // an encoder loss together with a runaway: the drive is not trusted
  both.configure(rules, count, nullptr);
  both.update(kFaultPatientStop, true, 0);
  both.update(kFaultEncoderLoss, true, 0);
  both.update(kFaultMotorRunaway, true, 0);
  EXPECT_FALSE(fast_release_may_finish(both));
  SafetySupervisor blind;  // both sensors lost: nothing left to pay out on
  blind.configure(rules, count, nullptr);
  blind.update(kFaultPatientStop, true, 0);
  blind.update(kFaultEncoderLoss, true, 0);
  blind.update(kFaultLoadCellStuck, true, 0);
  EXPECT_FALSE(fast_release_may_finish(blind));
}
