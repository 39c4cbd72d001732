// Record and replay: a session record replays to the same score and event timeline. The same
// source runs natively and in WebAssembly, and both builds must match the golden constants
// below, so a record made in the browser replays identically on the command line. If a
// deliberate change to the firmware, the twin or the engine moves them, update them in the
// same commit and say so in its message.
#include <gtest/gtest.h>

#include <cstdio>

#include "scenarios/json_file.h"
#include "scenarios/record.h"
#include "scenarios/scenario.h"
#include "scenarios/scoring.h"
#include "scenarios/script.h"
#include "test_paths.h"

using namespace tractus;
using namespace tractus::scenarios;

namespace {

// a short scripted session with a reaction, a stop and a release, played on seed 20261122
const char* kScript = R"([
  {"t_s": 0, "action": "review_chart"},
  {"t_s": 1, "action": "ask", "question": "red_flags"},
  {"t_s": 2, "action": "explain_procedure"},
  {"t_s": 3, "action": "fit_harness", "quality": "good"},
  {"t_s": 4, "action": "select_protocol", "mode": "static", "region": "lumbar",
   "parameters": {"force_lbf": 45, "ramp_s": 30, "treatment_min": 8}},
  {"t_s": 5, "action": "give_stop_switch"},
  {"t_s": 6, "action": "start"},
  {"t_s": 30, "action": "check_in"},
  {"t_s": 40, "action": "trigger_reaction", "reaction": "sharp_pain"},
  {"on": "sharp_pain", "after_s": 1.5, "action": "stop"},
  {"on": "state:complete", "after_s": 1, "action": "acknowledge"},
  {"on": "state:complete", "after_s": 3, "action": "remove_harness"},
  {"on": "state:complete", "after_s": 4, "action": "end_session"}
])";

constexpr uint64_t kSeed = 20261122;

Scenario routine() {
  Scenario s;
  LoadError e;
  EXPECT_TRUE(load_scenario_file(test::repo_path("scenarios/library/routine-lumbar-l45.json"), s, e))
      << e.message();
  return s;
}

Session scripted(const Scenario& sc) {
  nlohmann::json j;
  LoadError e;
  EXPECT_TRUE(parse_json_text(kScript, "script", j, e)) << e.message();
  ActionScript script;
  EXPECT_TRUE(parse_action_script(j, "script", script, e)) << e.message();
  Session s(sc, SessionOptions{kSeed, Mode::Assessment});
  run_script(s, script);
  return s;
}

}  // namespace

TEST(Replay, ARecordSurvivesJsonAndReplaysToTheSameScoreAndTimeline) {
  const Scenario sc = routine();
  const Session original = scripted(sc);
  ASSERT_TRUE(original.ended());
  const Report a = build_report(original);

  // through text, as a saved file would go
  const std::string text = record_to_json(make_record(original)).dump();
  nlohmann::json j;
  LoadError e;
  ASSERT_TRUE(parse_json_text(text, "record", j, e)) << e.message();
  SessionRecord record;
  ASSERT_TRUE(parse_record(j, "record", record, e)) << e.message();
  EXPECT_EQ(record.seed, kSeed);
  EXPECT_EQ(record.mode, Mode::Assessment);

  Session replayed(sc, record_options(record));
  std::string why;
  ASSERT_TRUE(replay(sc, record, replayed, why)) << why;
  const Report b = build_report(replayed);
  EXPECT_EQ(b.score, a.score);
  EXPECT_EQ(b.passed, a.passed);
  EXPECT_EQ(b.timeline_hash, a.timeline_hash);
  EXPECT_EQ(b.timeline_hash, record.timeline_hash);
  ASSERT_EQ(b.timeline.size(), a.timeline.size());
  for (std::size_t i = 0; i < a.timeline.size(); ++i) {
    EXPECT_EQ(b.timeline[i].t_us, a.timeline[i].t_us) << i;
    EXPECT_EQ(b.timeline[i].tag, a.timeline[i].tag) << i;
  }
  ASSERT_EQ(b.time_to_stop.size(), 1u);
  EXPECT_EQ(b.time_to_stop[0].time_to_stop_s, a.time_to_stop[0].time_to_stop_s);
  EXPECT_EQ(replayed.rig().state_hash(), original.rig().state_hash());
}

TEST(Replay, AReplayWithAnotherSeedOrScenarioVersionIsDetected) {
  const Scenario sc = routine();
  const Session original = scripted(sc);
  SessionRecord record = make_record(original);
  Scenario newer = sc;
  newer.version = sc.version + 1;
  Session s(newer, record_options(record));
  std::string why;
  EXPECT_FALSE(replay(newer, record, s, why));
  EXPECT_NE(why.find("version"), std::string::npos) << why;
}

TEST(Replay, GoldenScoreAndTimelineMatchNativeAndWebAssembly) {
  const Session s = scripted(routine());
  const Report r = build_report(s);
  constexpr double kGoldenScore = 60.0;
  // the timeline texts use display names ("Table: treating", "Review the chart")
  constexpr uint64_t kGoldenTimelineHash = 0x6bff98c9fc72925eULL;
  char hash[24];
  std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(r.timeline_hash));
  EXPECT_EQ(r.score, kGoldenScore);
  EXPECT_EQ(r.timeline_hash, kGoldenTimelineHash) << "timeline hash 0x" << hash;
  EXPECT_TRUE(r.critical_errors.empty());
  ASSERT_EQ(r.time_to_stop.size(), 1u);
  EXPECT_NEAR(r.time_to_stop[0].time_to_stop_s, 1.5, 0.005);
}

TEST(Replay, ARecordBecomesTheStartingPointOfANewScenario) {
  const Scenario sc = routine();
  const Session original = scripted(sc);  // holds one instructor trigger_reaction at 40 s
  const SessionRecord record = make_record(original);
  nlohmann::json source, derived;
  LoadError e;
  ASSERT_TRUE(read_json_file(test::repo_path("scenarios/library/routine-lumbar-l45.json"), source, e));
  std::string why;
  EXPECT_FALSE(scenario_from_record(source, record, "Bad Id", derived, why));
  EXPECT_NE(why.find("valid id"), std::string::npos) << why;
  ASSERT_TRUE(scenario_from_record(source, record, "routine-l45-recorded-pain", derived, why)) << why;

  // the derived file loads, and its new event reproduces the instructor's reaction at 40 s
  Scenario next;
  ASSERT_TRUE(parse_scenario(derived, "derived", next, e)) << e.message();
  EXPECT_EQ(next.id, "routine-l45-recorded-pain");
  ASSERT_EQ(next.events.size(), sc.events.size() + 1);
  EXPECT_EQ(next.events.back().effects.reaction, "sharp_pain");
  EXPECT_DOUBLE_EQ(next.events.back().at_s, 40.0);
}

// replays record on a fresh session of sc and returns what the check found
ReplayCheck replay_and_check(const Scenario& sc, const SessionRecord& record) {
  Session s(sc, record_options(record));
  std::string why;
  EXPECT_TRUE(replay(sc, record, s, why)) << why;
  return check_replay(record, s);
}

TEST(Replay, AnUntouchedRecordMatchesIncludingItsPhysicsHash) {
  const Scenario sc = routine();
  const SessionRecord record = make_record(scripted(sc));
  ASSERT_TRUE(record.has_physics_hash);
  // through text, as a saved file would go
  nlohmann::json j;
  LoadError e;
  ASSERT_TRUE(parse_json_text(record_to_json(record).dump(), "record", j, e));
  SessionRecord read;
  ASSERT_TRUE(parse_record(j, "record", read, e)) << e.message();
  EXPECT_TRUE(read.has_physics_hash);
  EXPECT_EQ(read.physics_hash, record.physics_hash);
  const ReplayCheck c = replay_and_check(sc, read);
  EXPECT_TRUE(c.matches);
  EXPECT_TRUE(c.diverged.empty());
  EXPECT_TRUE(c.note.empty()) << c.note;
}

TEST(Replay, AChangedSeedOrModeIsDetectedAndNamed) {
  // both replayed as "reproduced" when only score, pass and timeline were compared
  const Scenario sc = routine();
  SessionRecord record = make_record(scripted(sc));
  record.seed = kSeed + 1;
  ReplayCheck c = replay_and_check(sc, record);
  EXPECT_FALSE(c.matches);
  ASSERT_FALSE(c.diverged.empty());
  EXPECT_NE(c.diverged.back().find("physics hash"), std::string::npos) << c.diverged.back();

  record = make_record(scripted(sc));
  record.mode = Mode::Practice;  // recorded in assessment
  c = replay_and_check(sc, record);
  EXPECT_FALSE(c.matches);
  ASSERT_FALSE(c.diverged.empty());
  EXPECT_NE(c.diverged.back().find("seed or mode"), std::string::npos) << c.diverged.back();
}

TEST(Replay, ADivergedScoreIsNamedWithBothValues) {
  const Scenario sc = routine();
  SessionRecord record = make_record(scripted(sc));
  record.score = 12.5;
  const ReplayCheck c = replay_and_check(sc, record);
  EXPECT_FALSE(c.matches);
  ASSERT_EQ(c.diverged.size(), 1u);
  EXPECT_EQ(c.diverged[0], "score 60.0, recorded 12.5");
}

TEST(Replay, ARecordFromBeforeThePhysicsHashStillReplaysWithANote) {
  const Scenario sc = routine();
  nlohmann::json j = record_to_json(make_record(scripted(sc)));
  j["result"].erase("physics_hash");
  SessionRecord old;
  LoadError e;
  ASSERT_TRUE(parse_record(j, "old", old, e)) << e.message();
  EXPECT_FALSE(old.has_physics_hash);
  const ReplayCheck c = replay_and_check(sc, old);
  EXPECT_TRUE(c.matches);
  EXPECT_NE(c.note.find("no physics hash"), std::string::npos) << c.note;
}
