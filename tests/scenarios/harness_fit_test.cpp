// The console's "harnesses fitted" is the operator's word to the firmware, not a fitted
// harness (issue 11, section 3): a start on a console confirmation alone meets a harness that
// lies unfastened on the patient. It slides off under the first pull, the spine gets no
// distraction, the patient says so, and the debrief fails the session with its own critical
// error. A harness that slips for any reason makes the patient react and speak.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "library_fixture.h"
#include "scenarios/scoring.h"

using namespace tractus;
using namespace tractus::scenarios;

namespace {

Action act(ActionKind kind) {
  Action a;
  a.kind = kind;
  return a;
}

// screens nothing, prescribes 45 lbf for 8 min, and starts; fit_harness at the bedside or only
// the console's confirmation
Session start_session(bool bedside_fit) {
  Session s(test::library_scenario("routine-lumbar-l45"), SessionOptions{});
  s.apply(act(ActionKind::GiveStopSwitch));
  Action select = act(ActionKind::SelectProtocol);
  select.protocol.force_n = 45.0 * units::kNewtonsPerLbf;
  select.protocol.ramp_s = 30.0;
  select.protocol.treatment_min = 8.0;
  s.apply(select);
  if (bedside_fit) {
    Action fit = act(ActionKind::FitHarness);
    fit.quality = "good";
    s.apply(fit);
  } else {
    s.apply(act(ActionKind::ConfirmHarness));
  }
  s.advance_us(200000);
  s.apply(act(ActionKind::Start));
  return s;
}

double peak_separation_mm(const Session& s) {
  double peak = 0.0;
  for (const Sample& x : s.series()) peak = std::max(peak, x.separation_mm);
  return peak;
}

bool timeline_has(const Session& s, const std::string& tag) {
  for (const TimelineEntry& e : s.timeline())
    if (e.tag == tag) return true;
  return false;
}

}  // namespace

TEST(HarnessFit, AConsoleConfirmationAloneStartsOnAnUnfastenedHarness) {
  Session confirmed = start_session(false);
  Session fitted = start_session(true);
  confirmed.advance_us(90 * 1000000LL);
  fitted.advance_us(90 * 1000000LL);

  // the firmware took the operator's word and started
  EXPECT_TRUE(timeline_has(confirmed, "state:pretension") || timeline_has(confirmed, "state:treating"));
  EXPECT_FALSE(confirmed.patient().harness_fitted);
  // the strap slid off, and the table's slip detector stopped the pull
  EXPECT_TRUE(confirmed.harness_slipped());
  EXPECT_TRUE(timeline_has(confirmed, "alarm:108")) << "the firmware detects the slip";
  EXPECT_FALSE(fitted.harness_slipped());
  // no distraction of the treated disc: under a quarter of what a fitted harness gives
  EXPECT_GT(peak_separation_mm(fitted), 0.2);
  EXPECT_LT(peak_separation_mm(confirmed), 0.25 * peak_separation_mm(fitted));
  // the cord never carries the prescription: an unfastened strap grips about 75 N (17 lbf)
  EXPECT_LT(confirmed.max_force_n(), 30.0 * units::kNewtonsPerLbf);
  EXPECT_GT(fitted.max_force_n(), 40.0 * units::kNewtonsPerLbf);

  Action end = act(ActionKind::EndSession);
  confirmed.apply(end);
  const Report r = build_report(confirmed);
  EXPECT_FALSE(r.passed);
  bool critical = false;
  for (const CriticalError& c : r.critical_errors) critical = critical || c.id == "started_without_harness";
  EXPECT_TRUE(critical) << "a start without the bedside fit is a critical error";
}

TEST(HarnessFit, TheBedsideFitStillConfirmsTheConsole) {
  Session fitted = start_session(true);
  fitted.advance_us(60 * 1000000LL);
  EXPECT_TRUE(fitted.patient().harness_fitted);
  EXPECT_TRUE(timeline_has(fitted, "state:treating"));
  for (const CriticalError& c : fitted.critical_errors()) ADD_FAILURE() << c.id << ": " << c.message;
}

TEST(HarnessSlip, ThePatientReactsAndSpeaks) {
  Session s(test::library_scenario("fault-harness-slip"), SessionOptions{});
  test::play_trainee(s, "expert.json");
  int64_t slip_us = -1, said_us = -1;
  for (const TimelineEntry& e : s.timeline()) {
    if (e.kind == "harness_slip" && slip_us < 0) slip_us = e.t_us;
    if (slip_us >= 0 && said_us < 0 && e.kind == "patient_says") said_us = e.t_us;
  }
  ASSERT_GE(slip_us, 0) << "the scenario's harness slips";
  ASSERT_GE(said_us, 0) << "the patient says nothing about the slip";
  EXPECT_LE(said_us - slip_us, 1000) << "the patient speaks at the slip itself";
  // and the expert's debrief is unchanged in its verdict
  const Report r = build_report(s);
  EXPECT_TRUE(r.passed);
  EXPECT_GE(r.score, 90.0);
}
