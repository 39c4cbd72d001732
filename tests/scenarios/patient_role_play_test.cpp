// The patient's role-play: the perceived ratings are the higher of the twin's (anxiety
// converted from its 0..1 scale) and the script's, answers reveal findings once, check-ins
// follow pain, anxiety and the table, reactions raise pain or anxiety and say the line the
// scenario gives (the cervical patient's pain goes down the arm).
#include "patient_role_play.h"

#include <gtest/gtest.h>

#include "library_fixture.h"

using namespace tractus;
using namespace tractus::scenarios;
using dialogue::Line;

namespace {

Scenario lumbar() { return test::library_scenario("routine-lumbar-l45"); }

twin::PatientState body(double pain_back, double pain_radicular, double anxiety_0_1) {
  twin::PatientState b;
  b.pain_back = pain_back;
  b.pain_radicular = pain_radicular;
  b.anxiety = anxiety_0_1;
  return b;
}

}  // namespace

TEST(PatientRolePlay, TheTwinsAnxietyIsRatedOutOfTen) {
  EXPECT_EQ(anxiety_0_10_from_twin(0.0), 0);
  EXPECT_EQ(anxiety_0_10_from_twin(0.44), 4);
  EXPECT_EQ(anxiety_0_10_from_twin(0.46), 5);
  EXPECT_EQ(anxiety_0_10_from_twin(1.0), 10);
  EXPECT_EQ(anxiety_0_10_from_twin(1.3), 10) << "held to the scale";
  EXPECT_EQ(anxiety_0_10_from_twin(-0.2), 0);
  EXPECT_EQ(pain_0_10_from_twin(6.49), 6);
  EXPECT_EQ(pain_0_10_from_twin(6.5), 7);
}

TEST(PatientRolePlay, FeltPainAndAnxietyAreTheHigherOfTwinAndScript) {
  PatientRolePlay p(lumbar());
  p.feel(body(3.2, 5.6, 0.31));
  EXPECT_EQ(p.perceived().pain_0_10, 6) << "the worse of back and radicular pain";
  EXPECT_EQ(p.perceived().anxiety_0_10, 3);
  p.set_scripted(8, -1);
  EXPECT_EQ(p.perceived().pain_0_10, 8);
  EXPECT_EQ(p.perceived().anxiety_0_10, 3) << "-1 leaves anxiety";
  p.feel(body(1.0, 1.0, 0.72));
  EXPECT_EQ(p.perceived().pain_0_10, 8) << "the script holds pain up";
  EXPECT_EQ(p.perceived().anxiety_0_10, 7) << "the twin's anxiety is higher than the script's 0";
}

TEST(PatientRolePlay, AFindingIsRevealedOnceAndTheRestAreSharedLines) {
  const Scenario s = lumbar();
  PatientRolePlay p(s);
  Recorder r;
  const std::string first = p.answer("red_flags", s, r, 10);
  EXPECT_FALSE(first.empty());
  ASSERT_EQ(p.revealed_findings().size(), 1u);
  EXPECT_EQ(p.revealed_findings()[0], "no-red-flags");
  EXPECT_EQ(p.answer("bladder_bowel", s, r, 20), first) << "the same finding answers both questions";
  EXPECT_EQ(p.revealed_findings().size(), 1u);
  int findings = 0;
  for (const TimelineEntry& e : r.timeline()) findings += e.kind == "finding" ? 1 : 0;
  EXPECT_EQ(findings, 1);
  p.feel(body(4.0, 0.0, 0.0));
  EXPECT_EQ(p.answer("pain_now", s, r, 30), "Right now it's about 4 out of 10.");
  EXPECT_EQ(p.answer("medications", s, r, 30), "Just what's on my list: ibuprofen 400 mg as needed.");
  EXPECT_EQ(p.answer("hernia", s, r, 30), "No, nothing like that.");
}

TEST(PatientRolePlay, CheckInsFollowPainAnxietyAndTheTable) {
  PatientRolePlay p(lumbar());
  const dialogue::Lines& l = p.lines();
  p.feel(body(2.0, 0.0, 0.0));
  EXPECT_EQ(p.check_in_reply(hal::TableState::Idle), l.text(Line::CheckInFine));
  EXPECT_EQ(p.check_in_reply(hal::TableState::Treating), l.text(Line::CheckInStretch));
  p.feel(body(5.0, 0.0, 0.45));
  EXPECT_EQ(p.check_in_reply(hal::TableState::Ready), l.text(Line::CheckInNervous));
  EXPECT_EQ(p.check_in_reply(hal::TableState::Releasing), l.text(Line::CheckInSore));
  p.feel(body(5.0, 0.0, 0.75));
  EXPECT_EQ(p.check_in_reply(hal::TableState::Treating), l.text(Line::CheckInAnxious));
  p.feel(body(7.0, 0.0, 0.75));
  EXPECT_EQ(p.check_in_reply(hal::TableState::Treating), l.text(Line::CheckInSharp));
}

TEST(PatientRolePlay, SharpPainRaisesPainToEightAndOpensAStopWindow) {
  PatientRolePlay p(lumbar());
  p.feel(body(3.0, 0.0, 0.0));
  const Reaction r = p.react("sharp_pain", "", true);
  EXPECT_EQ(p.perceived().pain_0_10, 8);
  EXPECT_EQ(r.says, "Ow! That's a sharp pain, shooting right down my leg!");
  EXPECT_EQ(r.stop_trigger, "sharp_pain");
  EXPECT_FALSE(r.presses_stop);
  // an event's own line is said instead of the shared one
  EXPECT_EQ(p.react("sharp_pain", "Argh!", true).says, "Argh!");
}

TEST(PatientRolePlay, ACervicalPatientsSharpPainGoesDownTheArm) {
  PatientRolePlay p(test::library_scenario("routine-cervical-radiculopathy"));
  EXPECT_EQ(p.react("sharp_pain", "", true).says, "Ow! That's a sharp pain, shooting right down my arm!");
  p.feel(body(8.0, 0.0, 0.0));
  EXPECT_EQ(p.check_in_reply(hal::TableState::Treating), "It really hurts. It's sharp, and it's going down my arm.");
  for (std::size_t i = 0; i < dialogue::kLineCount; ++i)
    EXPECT_EQ(p.lines().text(static_cast<Line>(i)).find("leg"), std::string::npos) << dialogue::line_id(static_cast<Line>(i));
}

TEST(PatientRolePlay, PanicPressesTheSwitchOnlyWithItInHandAndConnected) {
  PatientRolePlay p(lumbar());
  Reaction r = p.react("panic", "", true);
  EXPECT_FALSE(r.presses_stop) << "no switch in hand";
  EXPECT_EQ(r.stop_trigger, "stop_request");
  EXPECT_EQ(r.says, p.lines().text(Line::PanicShouts));
  EXPECT_EQ(p.perceived().anxiety_0_10, 9);
  p.give_stop_switch();
  EXPECT_FALSE(p.react("panic", "", false).presses_stop) << "the cable is out";
  r = p.react("panic", "", true);
  EXPECT_TRUE(r.presses_stop);
  EXPECT_EQ(r.stop_trigger, "patient_stop");
  EXPECT_EQ(r.log_text, "the patient pressed the stop switch");
}

TEST(PatientRolePlay, GuardingCoughAndTheStopSwitchHold) {
  PatientRolePlay p(lumbar());
  p.feel(body(9.5, 0.0, 0.0));
  p.react("guarding", "", true);
  EXPECT_EQ(p.perceived().pain_0_10, 10) << "guarding adds 2, held to 10";
  EXPECT_TRUE(p.react("cough", "", true).coughs);
  EXPECT_TRUE(p.react("no_such_reaction", "", true).says.empty());
  p.hold_stop_until(5000);
  EXPECT_FALSE(p.lets_go_of_stop(4999));
  EXPECT_TRUE(p.lets_go_of_stop(5000));
  EXPECT_FALSE(p.lets_go_of_stop(6000)) << "lets go once";
}

TEST(PatientRolePlay, ExplainingLowersAnxietyAndASlipRaisesIt) {
  PatientRolePlay p(lumbar());
  p.set_scripted(-1, 5);
  EXPECT_EQ(p.on_explained(), p.lines().text(Line::ProcedureExplained));
  EXPECT_EQ(p.perceived().anxiety_0_10, 2);
  EXPECT_EQ(p.on_harness_slip(), p.lines().text(Line::SlipUnfastened)) << "not fitted: it slides off";
  EXPECT_EQ(p.perceived().anxiety_0_10, 6);
  p.fit_harness("loose");
  EXPECT_EQ(p.on_harness_slip(), p.lines().text(Line::SlipFitted));
  EXPECT_EQ(p.perceived().harness_quality, "loose");
}
