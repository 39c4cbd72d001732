// The rig wires its chips: each tick the console gives one command, the firmware ticks on the
// twin's sensors with it, and the twin steps; faults of the twin and of the console go in by
// one path and show in one list.
#include "scenarios/rig.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace tractus;
using scenarios::Rig;

namespace {

Rig idle_rig() {
  Rig rig(scenarios::RigConfig{});
  while (rig.display().state == hal::TableState::SelfTest) rig.tick();
  return rig;
}

bool listed(const Rig& rig, const std::string& name) {
  const std::vector<std::string> names = rig.active_fault_names();
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

TEST(Rig, TheConsolesCommandsReachTheFirmwareOneATick) {
  Rig rig = idle_rig();
  console::PrescriptionEntry e;
  e.max_force_n = 200.0;
  e.treatment_s = 120.0;
  rig.console().set_prescription(e);
  rig.console().press(hal::CommandKind::ConfirmHarness);
  rig.set_patient_stop_connected(true);
  rig.console().start_once_ready();
  EXPECT_EQ(rig.console().queued(), 3u);
  rig.tick();
  EXPECT_EQ(rig.firmware().prescription().max_force_n, 200.0f) << "the prescription went first";
  EXPECT_FALSE(rig.display().harness_confirmed) << "one command a tick";
  rig.tick();
  EXPECT_TRUE(rig.display().harness_confirmed);
  EXPECT_EQ(rig.display().state, hal::TableState::Ready);
  rig.tick();
  EXPECT_TRUE(rig.display().state == hal::TableState::Treating || rig.display().state == hal::TableState::Pretension)
      << "the Start went once the display read Ready";
  EXPECT_EQ(rig.console().queued(), 0u);
}

TEST(Rig, AStartWithTheTableNotReadyIsNotSent) {
  Rig rig = idle_rig();
  console::PrescriptionEntry bad;
  bad.max_force_n = 5000.0;  // beyond the device's maximum: refused by name
  rig.console().set_prescription(bad);
  rig.console().start_once_ready();
  rig.advance_us(5000);
  EXPECT_TRUE(rig.display().prescription_rejected);
  EXPECT_EQ(rig.display().state, hal::TableState::Idle);
  EXPECT_EQ(rig.console().queued(), 0u);
}

TEST(Rig, ConsoleAndTwinFaultsGoInByNameAndShowInOneList) {
  Rig rig = idle_rig();
  ASSERT_TRUE(rig.inject_fault("console.link_loss").ok);
  ASSERT_TRUE(rig.inject_fault("load_cell.noisy").ok);
  EXPECT_TRUE(rig.console().link_lost());
  EXPECT_TRUE(listed(rig, "console.link_loss"));
  EXPECT_TRUE(listed(rig, "load_cell.noisy"));
  EXPECT_EQ(rig.active_fault_names().size(), 2u);
  // cleared by name, one at a time
  EXPECT_TRUE(rig.clear_fault("load_cell.noisy"));
  EXPECT_FALSE(listed(rig, "load_cell.noisy"));
  EXPECT_FALSE(rig.clear_fault("load_cell.noisy")) << "nothing left of that name";
  EXPECT_TRUE(rig.clear_fault("console.link_loss"));
  EXPECT_FALSE(rig.console().link_lost());
  EXPECT_TRUE(rig.active_fault_names().empty());
  // and all at once
  ASSERT_TRUE(rig.inject_fault("console.link_loss").ok);
  ASSERT_TRUE(rig.inject_fault("cord.break").ok);
  rig.clear_faults();
  EXPECT_TRUE(rig.active_fault_names().empty());
  const twin::FaultResult unknown = rig.inject_fault("console.melted");
  EXPECT_FALSE(unknown.ok);
  EXPECT_NE(std::string(unknown.message).find("console.melted"), std::string::npos);
}

TEST(Rig, TheConsolesHeartbeatReachesTheFirmwareFromTheFirstTick) {
  Rig rig(scenarios::RigConfig{});
  rig.tick();
  EXPECT_EQ(rig.console().heartbeat(), 1u);
  rig.advance_us(Rig::kHeartbeatPeriodUs * 10);
  EXPECT_EQ(rig.console().heartbeat(), 11u) << "one beat every 100 ms";
}
