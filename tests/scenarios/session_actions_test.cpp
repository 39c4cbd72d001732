// The console's Start in training: select_protocol and start pressed together wait for the
// firmware to take the prescription, then start as a start made at Ready would; a refused
// prescription leaves the start refused and recorded so.
#include <gtest/gtest.h>

#include <string>

#include "library_fixture.h"
#include "scenarios/session.h"

using namespace tractus;
using namespace tractus::scenarios;

namespace {

Action act(ActionKind kind) {
  Action a;
  a.kind = kind;
  return a;
}

Action protocol(double force_lbf) {
  Action a = act(ActionKind::SelectProtocol);
  a.protocol.force_n = force_lbf * units::kNewtonsPerLbf;
  a.protocol.ramp_s = 30.0;
  a.protocol.treatment_min = 10.0;
  return a;
}

// fitted, the stop switch in hand: only the prescription and the start are missing
Session ready_to_prescribe() {
  Session s(test::library_scenario("routine-lumbar-l45"), SessionOptions{});
  Action fit = act(ActionKind::FitHarness);
  fit.quality = "good";
  EXPECT_TRUE(s.apply(fit).accepted);
  EXPECT_TRUE(s.apply(act(ActionKind::GiveStopSwitch)).accepted);
  s.advance_us(10000);
  return s;
}

}  // namespace

TEST(SessionActions, StartPressedWithThePrescriptionWaitsForTheFirmware) {
  Session s = ready_to_prescribe();
  ASSERT_EQ(s.rig().display().state, hal::TableState::Idle);
  ASSERT_TRUE(s.apply(protocol(40.0)).accepted);
  const ApplyResult start = s.apply(act(ActionKind::Start));
  EXPECT_TRUE(start.accepted) << start.message;
  EXPECT_FALSE(s.first_start().started) << "nothing starts before the firmware took the prescription";
  s.advance_us(10000);
  EXPECT_TRUE(s.reached_state("treating") || s.reached_state("pretension"));
  EXPECT_TRUE(s.first_start().started);
  EXPECT_TRUE(s.actions().back().accepted);
  EXPECT_TRUE(s.critical_errors().empty());
}

TEST(SessionActions, AStartOnARefusedPrescriptionIsRefused) {
  Session s = ready_to_prescribe();
  ASSERT_TRUE(s.apply(protocol(500.0)).accepted) << "the console takes it; the firmware refuses it";
  ASSERT_TRUE(s.apply(act(ActionKind::Start)).accepted);
  s.advance_us(10000);
  EXPECT_FALSE(s.reached_state("treating"));
  EXPECT_FALSE(s.first_start().started);
  EXPECT_FALSE(s.actions().back().accepted) << "the record says the start did not happen";
  bool said = false;
  for (const TimelineEntry& e : s.timeline()) said = said || e.text.find("the start was not sent") != std::string::npos;
  EXPECT_TRUE(said);
}

TEST(SessionActions, AStartFromIdleWithNoPrescriptionIsRefusedAtOnce) {
  Session s = ready_to_prescribe();
  const ApplyResult start = s.apply(act(ActionKind::Start));
  EXPECT_FALSE(start.accepted);
  EXPECT_EQ(start.message, "the table is not ready: select a protocol first");
}
