// The session engine on the routine scenario: each critical error the engine enforces, the
// time-to-stop metric, findings, hints and modes. Times are simulated; nothing sleeps.
#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "scenarios/library.h"
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

Action protocol(double force_lbf, double ramp_s, double minutes) {
  Action a = act(ActionKind::SelectProtocol);
  a.protocol.force_n = force_lbf * units::kNewtonsPerLbf;
  a.protocol.ramp_s = ramp_s;
  a.protocol.treatment_min = minutes;
  return a;
}

Action reaction(const std::string& name) {
  Action a = act(ActionKind::TriggerReaction);
  a.name = name;
  return a;
}

// advances in 1 ms steps until pred holds or limit_s of session time pass
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

// harness, protocol and (optionally) the stop switch, then start; returns once treating
void start_treatment(Session& s, double force_lbf, bool give_switch = true) {
  Action harness = act(ActionKind::FitHarness);
  harness.quality = "good";
  s.apply(harness);
  s.apply(protocol(force_lbf, 30.0, 10.0));
  s.advance_us(10000);
  if (give_switch) s.apply(act(ActionKind::GiveStopSwitch));
  s.apply(act(ActionKind::Start));
  ASSERT_TRUE(run_until(s, [&] { return s.rig().display().state == hal::TableState::Treating; }, 1.0));
}

double tension_lbf(const Session& s) { return s.rig().twin_state().cord_tension_n / kNewtonsPerLbf; }

}  // namespace

TEST(Session, StartsAtZeroWithTheTableIdleAfterSelfTest) {
  Session s(routine(), SessionOptions{});
  EXPECT_EQ(s.now_us(), 0);
  EXPECT_EQ(s.rig().display().state, hal::TableState::Idle);
  EXPECT_FALSE(s.ended());
}

TEST(Session, StartingWithoutTheStopSwitchInHandIsCritical) {
  Session s(routine(), SessionOptions{});
  start_treatment(s, 45.0, false);
  ASSERT_TRUE(has_critical(s, "no_stop_switch"));
  EXPECT_EQ(s.critical_errors().front().t_us, s.first_start().t_us - 2000)
      << "raised at the start action, two console ticks before traction";
  EXPECT_FALSE(build_report(s).passed);
}

TEST(Session, TheFirmwareRefusesToStartWithoutTheHarnessConfirmed) {
  Session s(routine(), SessionOptions{});
  s.apply(protocol(45.0, 30.0, 10.0));
  s.advance_us(10000);
  s.apply(act(ActionKind::GiveStopSwitch));
  s.apply(act(ActionKind::Start));
  s.advance_us(kUsPerS);
  EXPECT_FALSE(s.reached_state("treating"));
  bool refused = false;
  for (const TimelineEntry& e : s.timeline()) refused = refused || e.tag == "alarm:104";
  EXPECT_TRUE(refused) << "start interlock alarm 104 expected on the timeline";
  EXPECT_TRUE(s.critical_errors().empty());
}

TEST(Session, ForceAboveTheSafeLimitForOverASecondIsCritical) {
  Scenario sc = routine();
  sc.safety.max_safe_force_n = 40.0 * units::kNewtonsPerLbf;  // the patient's limit is below the 45 lbf prescribed
  Session s(sc, SessionOptions{});
  start_treatment(s, 45.0);
  ASSERT_TRUE(run_until(s, [&] { return tension_lbf(s) > 40.0; }, 60.0));
  const int64_t crossed_us = s.now_us();
  ASSERT_TRUE(run_until(s, [&] { return has_critical(s, "force_over_safe_limit"); }, 10.0));
  // a 30 s ramp to 45 lbf stays above 40 lbf once crossed, so the critical comes 1 s later
  EXPECT_NEAR(static_cast<double>(s.now_us() - crossed_us) * 1e-6, 1.0, 0.01);
  EXPECT_GT(s.time_outside_safe_band_s(), 1.0);
  s.advance_us(30 * kUsPerS);  // the ramp ends at the prescribed force
  EXPECT_NEAR(s.max_force_n() / units::kNewtonsPerLbf, 45.0, 45.0 * 0.05);
  EXPECT_GT(s.time_outside_safe_band_s(), 30.0);
}

TEST(Session, StoppingWithinTheWindowAfterSharpPainIsMeasuredAndNotCritical) {
  Session s(routine(), SessionOptions{});
  start_treatment(s, 45.0);
  s.advance_us(20 * kUsPerS);
  s.apply(reaction("sharp_pain"));
  ASSERT_EQ(s.stop_responses().size(), 1u);
  s.advance_us(2 * kUsPerS);
  s.apply(act(ActionKind::Stop));
  s.advance_us(kUsPerS);
  const Report r = build_report(s);
  ASSERT_EQ(r.time_to_stop.size(), 1u);
  EXPECT_EQ(r.time_to_stop[0].trigger, "sharp_pain");
  EXPECT_NEAR(r.time_to_stop[0].time_to_stop_s, 2.0, 0.005);  // one console tick of latency
  EXPECT_FALSE(has_critical(s, "late_stop"));
}

TEST(Session, IgnoringSharpPainPastTheWindowIsCritical) {
  Session s(routine(), SessionOptions{});
  start_treatment(s, 45.0);
  s.advance_us(20 * kUsPerS);
  const int64_t pain_us = s.now_us();
  s.apply(reaction("sharp_pain"));
  ASSERT_TRUE(run_until(s, [&] { return has_critical(s, "late_stop"); }, 10.0));
  EXPECT_NEAR(static_cast<double>(s.now_us() - pain_us) * 1e-6, 5.0, 0.002);  // stop_window_s
  EXPECT_EQ(build_report(s).time_to_stop[0].time_to_stop_s, -1.0);
}

TEST(Session, APanicPressWithTheSwitchInHandReleasesAtOnce) {
  Session s(routine(), SessionOptions{});
  start_treatment(s, 45.0);
  s.advance_us(40 * kUsPerS);
  ASSERT_GT(tension_lbf(s), 40.0);
  s.apply(reaction("panic"));
  s.advance_us(kUsPerS / 2);
  // Eltrac: patient stop gives the fastest release to a minimum of 15 N
  EXPECT_LE(s.rig().twin_state().cord_tension_n, 15.0);
  const Report r = build_report(s);
  ASSERT_EQ(r.time_to_stop.size(), 1u);
  EXPECT_EQ(r.time_to_stop[0].trigger, "patient_stop");
  EXPECT_LT(r.time_to_stop[0].time_to_stop_s, 0.01);
  EXPECT_TRUE(s.critical_errors().empty());
}

TEST(Session, APanickingPatientWithoutTheSwitchCanOnlyShout) {
  Session s(routine(), SessionOptions{});
  start_treatment(s, 45.0, false);
  s.advance_us(10 * kUsPerS);
  s.apply(reaction("panic"));
  ASSERT_EQ(s.stop_responses().size(), 1u);
  EXPECT_EQ(s.stop_responses()[0].trigger, "stop_request");
  EXPECT_EQ(s.rig().display().state, hal::TableState::Treating) << "nothing stops the table";
  ASSERT_TRUE(run_until(s, [&] { return has_critical(s, "late_stop"); }, 6.0));
}

TEST(Session, RemovingTheHarnessUnderTensionIsCriticalButNotAfterRelease) {
  Session s(routine(), SessionOptions{});
  start_treatment(s, 45.0);
  s.advance_us(30 * kUsPerS);
  s.apply(act(ActionKind::RemoveHarness));
  EXPECT_TRUE(has_critical(s, "harness_under_tension"));

  Session ok(routine(), SessionOptions{});
  start_treatment(ok, 45.0);
  ok.advance_us(30 * kUsPerS);
  ok.apply(act(ActionKind::Stop));
  ASSERT_TRUE(run_until(ok, [&] { return ok.rig().display().state == hal::TableState::Complete; }, 30.0));
  ok.apply(act(ActionKind::RemoveHarness));
  EXPECT_TRUE(ok.critical_errors().empty());
}

TEST(Session, TreatingAContraindicatedPatientIsCritical) {
  Scenario sc = routine();
  sc.safety.contraindication = "osteoporosis";
  Session s(sc, SessionOptions{});
  start_treatment(s, 45.0);
  ASSERT_TRUE(has_critical(s, "contraindicated_treatment"));
  EXPECT_EQ(s.critical_errors().front().t_us, s.first_start().t_us);
}

TEST(Session, RestartingAfterACriticalFaultWithoutServiceIsCritical) {
  Session s(routine(), SessionOptions{});
  start_treatment(s, 45.0);
  s.advance_us(10 * kUsPerS);
  Action fault = act(ActionKind::InjectFault);
  fault.name = "power.loss";
  ASSERT_TRUE(s.apply(fault).accepted);
  ASSERT_TRUE(run_until(s, [&] { return s.rig().display().alarm_code >= 300; }, 2.0));
  const ApplyResult r = s.apply(act(ActionKind::Resume));
  EXPECT_FALSE(r.accepted);
  EXPECT_TRUE(has_critical(s, "resumed_after_critical_fault"));
}

TEST(Session, UnknownFaultsAndReactionsAreRefusedLoudly) {
  Session s(routine(), SessionOptions{});
  Action fault = act(ActionKind::InjectFault);
  fault.name = "cord.snap";
  const ApplyResult r = s.apply(fault);
  EXPECT_FALSE(r.accepted);
  EXPECT_NE(r.message.find("cord.snap"), std::string::npos) << r.message;
  EXPECT_TRUE(s.active_faults().empty());
  EXPECT_FALSE(s.apply(reaction("sneeze")).accepted);
}

TEST(Session, HiddenFindingsAreRevealedOnlyByTheRightQuestion) {
  Session s(routine(), SessionOptions{});
  Action ask = act(ActionKind::Ask);
  ask.question = "cardiovascular";
  s.apply(ask);
  EXPECT_TRUE(s.revealed_findings().empty());
  ask.question = "red_flags";
  const ApplyResult r = s.apply(ask);
  ASSERT_EQ(s.revealed_findings().size(), 1u);
  EXPECT_EQ(s.revealed_findings()[0], "no-red-flags");
  EXPECT_EQ(s.speech().back().text, r.message);
}

TEST(Session, HintsCostPointsInPracticeAndAreRefusedInAssessment) {
  Session practice(routine(), SessionOptions{1, Mode::Practice});
  double before = 0.0, after = 0.0;
  ASSERT_TRUE(live_score(practice, before));
  EXPECT_TRUE(practice.apply(act(ActionKind::RequestHint)).accepted);
  ASSERT_TRUE(live_score(practice, after));
  // each hint costs the scenario's hint_cost (5 points in the routine scenario)
  EXPECT_NEAR(before - after, 5.0, 1e-9);

  Session assessment(routine(), SessionOptions{1, Mode::Assessment});
  EXPECT_FALSE(assessment.apply(act(ActionKind::RequestHint)).accepted);
  double hidden = -1.0;
  EXPECT_FALSE(live_score(assessment, hidden));
  EXPECT_EQ(hidden, -1.0);
}

TEST(Session, StartWithoutAProtocolIsRefusedAndRecorded) {
  Session s(routine(), SessionOptions{});
  const ApplyResult r = s.apply(act(ActionKind::Start));
  EXPECT_FALSE(r.accepted);
  ASSERT_EQ(s.actions().size(), 1u);
  EXPECT_FALSE(s.actions()[0].accepted);
  EXPECT_EQ(s.timeline().back().kind, "refused");
}

TEST(Session, TheSessionEndsAtItsTimeLimit) {
  Scenario sc = routine();
  sc.time_limit_s = 12.0;
  Session s(sc, SessionOptions{});
  s.advance_us(20 * kUsPerS);
  EXPECT_TRUE(s.ended());
  EXPECT_EQ(s.now_us(), 12 * kUsPerS);
  EXPECT_FALSE(s.apply(act(ActionKind::Start)).accepted);
}
