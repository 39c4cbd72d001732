// The emergency stop in training (issue 11, section 1): the trainee presses and releases the
// e-stop, acknowledges, and the table holds the tension (tension_held) until the console's
// Release tension (release_tension) takes it off at the changeover speed. The press is a
// trainee action, so scoring and the record's replay see it; leaving the patient held is the
// critical error patient_left_loaded. Plays the routine lumbar scenario's patient.
#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "scenarios/library.h"
#include "scenarios/record.h"
#include "scenarios/scoring.h"
#include "scenarios/session.h"
#include "test_paths.h"
#include "hal/units.h"

using namespace tractus;
using namespace tractus::scenarios;

namespace {

constexpr int64_t kUsPerS = 1000000;
using units::kNewtonsPerLbf;

Scenario routine() {
  Scenario s;
  LoadError e;
  EXPECT_TRUE(load_scenario_file(test::repo_path("scenarios/library/routine-lumbar-l45.json"), s, e))
      << e.message();
  return s;
}

Action act(ActionKind kind) {
  Action a;
  a.kind = kind;
  return a;
}

bool run_until(Session& s, const std::function<bool()>& pred, double limit_s) {
  const int64_t end = s.now_us() + static_cast<int64_t>(limit_s * kUsPerS);
  while (!pred() && s.now_us() < end && !s.ended()) s.advance_us(1000);
  return pred();
}

bool has_critical(const Session& s, const std::string& id) {
  for (const CriticalError& c : s.critical_errors())
    if (c.id == id) return true;
  return false;
}

double tension_n(const Session& s) { return s.rig().twin_state().cord_tension_n; }
hal::TableState table(const Session& s) { return s.rig().display().state; }

// a careful start at 45 lbf, then 40 s of traction; the e-stop pressed for 3 s, released and
// acknowledged: the table holds the pull
void estop_under_traction(Session& s) {
  s.apply(act(ActionKind::ReviewChart));
  Action fit = act(ActionKind::FitHarness);
  fit.quality = "good";
  s.apply(fit);
  s.apply(act(ActionKind::GiveStopSwitch));
  s.apply(act(ActionKind::ExplainProcedure));
  Action p = act(ActionKind::SelectProtocol);
  p.protocol.force_n = 45.0 * units::kNewtonsPerLbf;
  p.protocol.ramp_s = 20.0;
  p.protocol.treatment_min = 10.0;
  s.apply(p);
  s.advance_us(kUsPerS / 10);
  ASSERT_TRUE(s.apply(act(ActionKind::Start)).accepted);
  s.advance_us(40 * kUsPerS);
  ASSERT_EQ(table(s), hal::TableState::Treating);
  ASSERT_TRUE(s.apply(act(ActionKind::EmergencyStop)).accepted);
  s.advance_us(3 * kUsPerS);
  ASSERT_EQ(table(s), hal::TableState::EmergencyStop);
  ASSERT_TRUE(s.apply(act(ActionKind::ReleaseEmergencyStop)).accepted);
  s.advance_us(kUsPerS);
  ASSERT_TRUE(s.apply(act(ActionKind::Acknowledge)).accepted);
  s.advance_us(kUsPerS / 10);
}

}  // namespace

TEST(EstopTraining, AnEmergencyStopUnderTractionHoldsThePullUntilReleaseTension) {
  Session s(routine(), SessionOptions{});
  estop_under_traction(s);
  EXPECT_EQ(table(s), hal::TableState::TensionHeld);
  EXPECT_TRUE(s.reached_state("tension_held"));
  EXPECT_GT(tension_n(s), 0.8 * 45.0 * kNewtonsPerLbf);  // the brake holds the pull
  EXPECT_FALSE(s.apply(act(ActionKind::Start)).accepted);  // not before the tension is off
  s.advance_us(5 * kUsPerS);
  EXPECT_NE(s.rig().display().alarm_code, 203);  // the real force is no load-cell offset
  ASSERT_TRUE(s.apply(act(ActionKind::ReleaseTension)).accepted);
  ASSERT_TRUE(run_until(s, [&] { return table(s) == hal::TableState::Complete; }, 60.0));
  EXPECT_LT(tension_n(s), 20.0);
  s.advance_us(kUsPerS);
  s.apply(act(ActionKind::Acknowledge));
  s.apply(act(ActionKind::RemoveHarness));
  s.apply(act(ActionKind::EndSession));
  EXPECT_FALSE(has_critical(s, "patient_left_loaded"));
  EXPECT_FALSE(has_critical(s, "harness_under_tension"));

  // the presses are in the record, and its replay reproduces the score and the timeline
  const SessionRecord record = make_record(s);
  bool recorded = false;
  for (const RecordedAction& a : record.actions) recorded = recorded || a.action.kind == ActionKind::ReleaseTension;
  EXPECT_TRUE(recorded);
  Session replayed(routine(), record_options(record));
  std::string why;
  ASSERT_TRUE(replay(routine(), record, replayed, why)) << why;
  const Report a = build_report(s), b = build_report(replayed);
  EXPECT_EQ(b.score, a.score);
  EXPECT_EQ(b.timeline_hash, a.timeline_hash);
  EXPECT_EQ(replayed.rig().state_hash(), s.rig().state_hash());
}

TEST(EstopTraining, LeavingTheHeldPullOnThePatientIsTheCriticalErrorPatientLeftLoaded) {
  Scenario sc = routine();
  sc.safety.unpowered_load_window_s = 30.0;
  Session s(sc, SessionOptions{});
  estop_under_traction(s);
  ASSERT_EQ(table(s), hal::TableState::TensionHeld);
  s.advance_us(29 * kUsPerS);
  EXPECT_FALSE(has_critical(s, "patient_left_loaded"));
  s.advance_us(2 * kUsPerS);
  EXPECT_TRUE(has_critical(s, "patient_left_loaded"));
}

TEST(EstopTraining, ReleaseTensionIsRefusedWithNothingHeld) {
  Session s(routine(), SessionOptions{});
  s.advance_us(kUsPerS);
  EXPECT_FALSE(s.apply(act(ActionKind::ReleaseTension)).accepted);
  EXPECT_FALSE(s.apply(act(ActionKind::ReleaseEmergencyStop)).accepted);
}
