// The touchscreen console alone, against a display the test writes: one command a tick in the
// order the operator made them, Start only once the display reads Ready or Setup, the
// heartbeat every 100 ms of the times passed in, and a lost link that lets nothing through.
#include "console/console.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace tractus;
using console::Console;
using hal::CommandKind;

namespace {

constexpr int64_t kTickUs = 1000;

hal::DisplayState showing(hal::TableState state) {
  hal::DisplayState d;
  d.state = state;
  return d;
}

// runs n ticks from t0_us against one display and returns what reached the firmware
std::vector<hal::ConsoleCommand> run(Console& c, int n, const hal::DisplayState& d, int64_t t0_us = 0) {
  std::vector<hal::ConsoleCommand> out;
  for (int i = 0; i < n; ++i) out.push_back(c.tick(t0_us + i * kTickUs, d));
  return out;
}

}  // namespace

TEST(Console, SendsOneCommandATickInTheOrderPressed) {
  Console c;
  console::PrescriptionEntry e;
  e.max_force_n = 300.0;
  c.set_prescription(e);
  c.press(CommandKind::ConfirmHarness);
  c.press(CommandKind::Start);
  EXPECT_EQ(c.queued(), 3u);
  const std::vector<hal::ConsoleCommand> sent = run(c, 4, showing(hal::TableState::Ready));
  EXPECT_EQ(sent[0].kind, CommandKind::SetPrescription);
  EXPECT_FLOAT_EQ(sent[0].prescription.max_force_n, 300.0f);
  EXPECT_EQ(sent[1].kind, CommandKind::ConfirmHarness);
  EXPECT_EQ(sent[2].kind, CommandKind::Start);
  EXPECT_EQ(sent[3].kind, CommandKind::None) << "nothing left to send";
  EXPECT_EQ(c.queued(), 0u);
}

TEST(Console, ReportsTheKindTakenEachTick) {
  Console c;
  c.set_prescription(console::PrescriptionEntry{});
  EXPECT_TRUE(c.has_queued(CommandKind::SetPrescription));
  c.tick(0, showing(hal::TableState::Idle));
  EXPECT_EQ(c.last_taken(), CommandKind::SetPrescription);
  EXPECT_FALSE(c.has_queued(CommandKind::SetPrescription));
  c.tick(kTickUs, showing(hal::TableState::Ready));
  EXPECT_EQ(c.last_taken(), CommandKind::None);
}

TEST(Console, StartOnceReadyWaitsForReadyOrSetup) {
  for (const hal::TableState ok : {hal::TableState::Ready, hal::TableState::Setup}) {
    Console c;
    c.start_once_ready();
    EXPECT_EQ(c.tick(0, showing(ok)).kind, CommandKind::Start) << static_cast<int>(ok);
  }
  // the prescription refused (the table stays Idle) or the table busy: the Start is dropped
  for (const hal::TableState busy : {hal::TableState::Idle, hal::TableState::Treating, hal::TableState::Stopped,
                                     hal::TableState::TensionHeld, hal::TableState::Fault}) {
    Console c;
    c.start_once_ready();
    EXPECT_EQ(c.tick(0, showing(busy)).kind, CommandKind::None) << static_cast<int>(busy);
    EXPECT_EQ(c.last_taken(), CommandKind::Start) << "taken from the queue, not kept for later";
    EXPECT_EQ(c.queued(), 0u);
  }
}

TEST(Console, StartOnceReadyReadsTheDisplayAfterThePrescription) {
  // the console's Start button: prescription one tick, Start the next, judged on what the
  // firmware showed after taking the prescription
  Console c;
  c.set_prescription(console::PrescriptionEntry{});
  c.start_once_ready();
  EXPECT_EQ(c.tick(0, showing(hal::TableState::Idle)).kind, CommandKind::SetPrescription);
  EXPECT_EQ(c.tick(kTickUs, showing(hal::TableState::Setup)).kind, CommandKind::Start);
}

TEST(Console, HeartbeatEveryHundredMilliseconds) {
  Console c;
  EXPECT_EQ(c.heartbeat(), 0u) << "none sent before the first tick";
  std::vector<int64_t> beats_us;
  uint32_t last = 0;
  for (int64_t t = 0; t <= 1000000; t += kTickUs) {
    const hal::ConsoleCommand cmd = c.tick(t, showing(hal::TableState::Idle));
    if (cmd.heartbeat != 0) {
      EXPECT_EQ(cmd.heartbeat, last + 1) << "the counter advances by one each beat";
      last = cmd.heartbeat;
      beats_us.push_back(t);
    }
  }
  // the first tick, then every 100 ms: 0, 100, ..., 1000 ms
  ASSERT_EQ(beats_us.size(), 11u);
  for (std::size_t i = 0; i < beats_us.size(); ++i) EXPECT_EQ(beats_us[i], static_cast<int64_t>(i) * 100000);
  EXPECT_EQ(c.heartbeat(), 11u);
}

TEST(Console, HeartbeatRidesOnTheCommandOfItsTick) {
  Console c;
  c.press(CommandKind::Stop);
  const hal::ConsoleCommand first = c.tick(0, showing(hal::TableState::Treating));
  EXPECT_EQ(first.kind, CommandKind::Stop);
  EXPECT_EQ(first.heartbeat, 1u);
  c.press(CommandKind::Pause);
  const hal::ConsoleCommand second = c.tick(kTickUs, showing(hal::TableState::Treating));
  EXPECT_EQ(second.kind, CommandKind::Pause);
  EXPECT_EQ(second.heartbeat, 0u) << "not due for 100 ms";
}

TEST(Console, LinkLossLetsNoCommandOrHeartbeatThrough) {
  Console c;
  c.tick(0, showing(hal::TableState::Treating));  // heartbeat 1
  c.set_link_lost(true);
  EXPECT_TRUE(c.link_lost());
  c.press(CommandKind::Stop);
  for (int64_t t = kTickUs; t <= 600000; t += kTickUs) {
    const hal::ConsoleCommand cmd = c.tick(t, showing(hal::TableState::Treating));
    EXPECT_EQ(cmd.kind, CommandKind::None) << t;
    EXPECT_EQ(cmd.heartbeat, 0u) << t;
  }
  EXPECT_EQ(c.queued(), 0u) << "a press made while the link is down is lost, not sent later";
  // restored: the overdue heartbeat goes at once, and commands get through again
  c.set_link_lost(false);
  c.press(CommandKind::Pause);
  const hal::ConsoleCommand back = c.tick(601000, showing(hal::TableState::Treating));
  EXPECT_EQ(back.kind, CommandKind::Pause);
  EXPECT_EQ(back.heartbeat, 2u);
}

TEST(Console, LinkLossIsTheConsolesOwnFault) {
  int count = 0;
  const console::ConsoleFault* rows = console::fault_catalogue(&count);
  ASSERT_EQ(count, 1);
  EXPECT_STREQ(rows[0].name, "console.link_loss");
  EXPECT_GT(std::string(rows[0].description).size(), 20u);
  EXPECT_TRUE(console::is_console_fault("console.link_loss"));
  EXPECT_FALSE(console::is_console_fault("cord.break"));
  EXPECT_FALSE(console::is_console_fault(nullptr));
}
