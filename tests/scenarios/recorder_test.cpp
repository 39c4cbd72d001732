// The recorder keeps what it is given, stamped with the time it is given: speech goes into
// the speech log and onto the timeline, an action's verdict can change after it was
// recorded, a state is kept once, and a sample carries the rig's forces in newtons.
#include "recorder.h"

#include <gtest/gtest.h>

using namespace tractus;
using namespace tractus::scenarios;

TEST(Recorder, SpeechGoesIntoTheSpeechLogAndOntoTheTimeline) {
  Recorder r;
  r.log(5, "state", "state:idle", "Table: Idle");
  r.say(7, "I'm fine, thanks.");
  ASSERT_EQ(r.speech().size(), 1u);
  EXPECT_EQ(r.speech()[0].t_us, 7);
  EXPECT_EQ(r.speech()[0].text, "I'm fine, thanks.");
  ASSERT_EQ(r.timeline().size(), 2u);
  EXPECT_EQ(r.timeline()[0].t_us, 5);
  EXPECT_EQ(r.timeline()[0].tag, "state:idle");
  EXPECT_EQ(r.timeline()[1].kind, "patient_says");
  EXPECT_EQ(r.timeline()[1].tag, "patient_says");
  EXPECT_EQ(r.timeline()[1].text, "I'm fine, thanks.");
}

TEST(Recorder, AnActionIsRecordedAcceptedUntilItsVerdictChanges) {
  Recorder r;
  Action start;
  start.kind = ActionKind::Start;
  Action chart;
  chart.kind = ActionKind::ReviewChart;
  const std::size_t first = r.record_action(1000, chart);
  const std::size_t second = r.record_action(2000, start);
  EXPECT_EQ(first, 0u);
  EXPECT_EQ(second, 1u);
  EXPECT_TRUE(r.actions()[1].accepted);
  r.set_accepted(second, false);
  EXPECT_FALSE(r.actions()[1].accepted);
  EXPECT_TRUE(r.actions()[0].accepted);
  EXPECT_EQ(r.actions()[1].t_us, 2000);
  EXPECT_EQ(r.actions()[1].action.kind, ActionKind::Start);
  EXPECT_TRUE(r.timeline().empty()) << "recording an action logs nothing by itself";
}

TEST(Recorder, AStateReachedTwiceIsKeptOnce) {
  Recorder r;
  EXPECT_FALSE(r.reached_state("treating"));
  r.reach_state("treating");
  r.reach_state("paused");
  r.reach_state("treating");
  EXPECT_TRUE(r.reached_state("treating"));
  EXPECT_TRUE(r.reached_state("paused"));
  EXPECT_FALSE(r.reached_state("complete"));
}

TEST(Recorder, ASampleCarriesTheRigsForcesAndTheGoalLevel) {
  Rig rig{RigConfig{}};
  for (int i = 0; i < 200; ++i) rig.tick();
  Recorder r;
  r.take_sample(1500000, rig, hal::Region::Lumbar, 3, 6);
  ASSERT_EQ(r.series().size(), 1u);
  const Sample& s = r.series()[0];
  EXPECT_DOUBLE_EQ(s.t_s, 1.5);
  EXPECT_DOUBLE_EQ(s.force_n, rig.twin_state().cord_tension_n);
  EXPECT_DOUBLE_EQ(s.measured_n, rig.display().measured_force_n);
  EXPECT_DOUBLE_EQ(s.target_n, rig.display().target_force_n);
  EXPECT_DOUBLE_EQ(s.separation_mm, rig.twin_state().patient.lumbar[3].separation_mm);
  EXPECT_DOUBLE_EQ(s.pressure_mpa, rig.twin_state().patient.lumbar[3].pressure_mpa);
  EXPECT_DOUBLE_EQ(s.carriage_mm, rig.twin_state().carriage_pos_m * 1000.0);
  EXPECT_EQ(s.pain_0_10, 6);
}
