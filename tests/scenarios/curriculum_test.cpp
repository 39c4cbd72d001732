// Curricula (issue 18, item 4): the file format and its errors, the built-in "New practitioner"
// track against the library, the mastery and remediation rules, and the track played through
// to mastery by the library's scripted trainees, with one remediation on the way.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "scenarios/curriculum.h"
#include "scenarios/library.h"
#include "scenarios/scoring.h"
#include "scenarios/script.h"
#include "scenarios/session.h"
#include "test_paths.h"

using namespace tractus;
using namespace tractus::scenarios;
using nlohmann::json;

namespace {

const std::vector<CurriculumCandidate> kIds = {{"routine-lumbar-l45", "routine", 1},
                                               {"routine-l5s1-sciatica", "routine", 2},
                                               {"contraindication-fracture", "contraindication", 1}};

json small() {
  return json::parse(R"({"format": "tractus-curriculum", "format_version": 1, "id": "small", "version": 1,
    "title": "Small", "steps": [{"scenario": "routine-lumbar-l45"},
                                {"scenario": "routine-l5s1-sciatica", "remedial": "routine-lumbar-l45"}]})");
}

std::string refusal(const json& j) {
  Curriculum c;
  LoadError e;
  EXPECT_FALSE(parse_curriculum(j, "small.json", kIds, c, e)) << j.dump();
  return e.path + ": " + e.reason;
}

SessionOutcome outcome(const std::string& id, bool assessment, bool passed, int critical = 0,
                       const std::string& at = "2026-12-04T10:00:00Z") {
  return SessionOutcome{id, assessment, passed, critical, at};
}

Curriculum small_curriculum() {
  Curriculum c;
  LoadError e;
  EXPECT_TRUE(parse_curriculum(small(), "small.json", kIds, c, e)) << e.message();
  return c;
}

}  // namespace

TEST(Curriculum, ASmallFileReadsWithItsSteps) {
  const Curriculum c = small_curriculum();
  EXPECT_EQ(c.id, "small");
  ASSERT_EQ(c.steps.size(), 2u);
  EXPECT_EQ(c.steps[1].scenario, "routine-l5s1-sciatica");
  EXPECT_EQ(c.steps[1].remedial, "routine-lumbar-l45");
  EXPECT_EQ(c.steps[0].remedial, "");
}

TEST(Curriculum, BadFilesAreRefusedNamingTheFieldAndTheReason) {
  json j = small();
  j["steps"][1]["scenario"] = "no-such-case";
  EXPECT_EQ(refusal(j), "$.steps[1].scenario: 'no-such-case' is not in the library");
  j = small();
  j["steps"][1]["remedial"] = "routine-l5s1-sciatica";
  EXPECT_NE(refusal(j).find("$.steps[1].remedial: a step cannot be its own remedial"), std::string::npos);
  j = small();
  j["steps"][1] = {{"scenario", "routine-lumbar-l45"}};
  EXPECT_EQ(refusal(j), "$.steps[1].scenario: 'routine-lumbar-l45' is already step 1");
  j = small();
  j["steps"] = json::array();
  EXPECT_EQ(refusal(j), "$.steps: must be a non-empty array of steps");
  j = small();
  j["steps"][0]["colour"] = "red";
  EXPECT_NE(refusal(j).find("$.steps[0].colour: unknown key"), std::string::npos);
  j = small();
  j["format"] = "tractus-scenario";
  EXPECT_NE(refusal(j).find("$.format"), std::string::npos);
  j = small();
  j["id"] = "Small Track";
  EXPECT_EQ(refusal(j), "$.id: use lower-case letters, digits and '-' only");
  j = small();
  j["steps"] = json::array();
  for (std::size_t i = 0; i <= kMaxCurriculumSteps; ++i) j["steps"].push_back({{"scenario", "routine-lumbar-l45"}});
  EXPECT_NE(refusal(j).find("at most 64"), std::string::npos);
}

TEST(Curriculum, TheBuiltInTrackNamesOnlyLibraryScenariosInItsFourStages) {
  setenv("TRACTUS_LIBRARY", test::repo_path("scenarios/library").c_str(), 1);
  Curriculum c;
  LoadError e;
  ASSERT_TRUE(load_curriculum_file(test::repo_path("scenarios/curricula/new-practitioner.json"), library_candidates(), c, e))
      << e.message();
  EXPECT_EQ(c.title, "New practitioner");
  ASSERT_GE(c.steps.size(), 8u);
  // routine sessions, then screening, then reactions, then faults, then a qualifying case
  const auto stage = [](const std::string& id) {
    const std::string kind = id.substr(0, id.find('-'));
    return kind == "routine" ? 0 : kind == "contraindication" ? 1 : kind == "reaction" ? 2 : kind == "fault" ? 3 : -1;
  };
  int last = 0;
  for (std::size_t i = 0; i + 1 < c.steps.size(); ++i) {
    const int s = stage(c.steps[i].scenario);
    ASSERT_GE(s, 0) << c.steps[i].scenario;
    EXPECT_GE(s, last) << c.steps[i].scenario << " comes after a later stage";
    last = s;
    EXPECT_FALSE(c.steps[i].why.empty()) << c.steps[i].scenario;
  }
  EXPECT_EQ(last, 3) << "the track reaches the faults before its qualifying case";
  EXPECT_EQ(stage(c.steps.back().scenario), 0) << "the qualifying case is a whole routine session";
}

TEST(Curriculum, AnEasierCaseRemedialIsTheHardestOfTheSameCategoryBelowTheStep) {
  const std::vector<CurriculumCandidate> known = {
      {"fault-a", "fault", 1}, {"fault-b", "fault", 2}, {"fault-c", "fault", 2}, {"fault-d", "fault", 3},
      {"reaction-a", "reaction", 1}};
  EXPECT_EQ(easier_case(known, known[3]), "fault-b") << "difficulty 2 beats 1; the first id wins the tie";
  EXPECT_EQ(easier_case(known, known[1]), "fault-a") << "a case of its own difficulty is not easier";
  EXPECT_EQ(easier_case(known, known[0]), "") << "nothing is easier than the easiest";
  EXPECT_EQ(easier_case(known, known[4]), "") << "another category's case never stands in";

  json j = small();
  j["steps"][1].erase("remedial");
  j["steps"][1]["remedial_by"] = "difficulty";
  Curriculum c;
  LoadError e;
  ASSERT_TRUE(parse_curriculum(j, "small.json", kIds, c, e)) << e.message();
  EXPECT_EQ(c.steps[1].remedial, "routine-lumbar-l45");
  EXPECT_TRUE(c.steps[1].remedial_by_difficulty);
  EXPECT_FALSE(c.steps[0].remedial_by_difficulty);
  // the easiest case has nothing below it; a step names its remedial one way only
  j["steps"][0]["remedial_by"] = "difficulty";
  EXPECT_EQ(refusal(j), "$.steps[0].remedial_by: no routine scenario is easier than 'routine-lumbar-l45' (difficulty 1)");
  j = small();
  j["steps"][1]["remedial_by"] = "difficulty";
  EXPECT_EQ(refusal(j), "$.steps[1].remedial_by: name a remedial scenario or ask for an easier one, not both");
  j = small();
  j["steps"][1].erase("remedial");
  j["steps"][1]["remedial_by"] = "category";
  EXPECT_NE(refusal(j).find("$.steps[1].remedial_by"), std::string::npos);
}

TEST(Curriculum, TheBuiltInTrackResolvesItsEasierCaseRemedialsFromTheLibrary) {
  setenv("TRACTUS_LIBRARY", test::repo_path("scenarios/library").c_str(), 1);
  const std::vector<CurriculumCandidate> library = library_candidates();
  EXPECT_EQ(library.size(), library_ids().size()) << "every library scenario loads";
  Curriculum c;
  LoadError e;
  ASSERT_TRUE(load_curriculum_file(test::repo_path("scenarios/curricula/new-practitioner.json"), library, c, e))
      << e.message();
  int by_difficulty = 0;
  for (const CurriculumStep& step : c.steps) {
    if (!step.remedial_by_difficulty) continue;
    ++by_difficulty;
    const auto of = [&](const std::string& id) {
      for (const CurriculumCandidate& k : library)
        if (k.id == id) return k;
      return CurriculumCandidate{};
    };
    EXPECT_EQ(of(step.remedial).category, of(step.scenario).category) << step.scenario;
    EXPECT_LT(of(step.remedial).difficulty, of(step.scenario).difficulty) << step.scenario;
  }
  EXPECT_GE(by_difficulty, 2) << "the track uses both kinds of remedial";
}

TEST(Curriculum, OnlyAnAssessmentPassedWithNoCriticalErrorMastersAStep) {
  const Curriculum c = small_curriculum();
  EXPECT_EQ(curriculum_progress(c, {outcome("routine-lumbar-l45", false, true)}).mastered, 0u) << "a practice pass";
  EXPECT_EQ(curriculum_progress(c, {outcome("routine-lumbar-l45", true, true, 1)}).mastered, 0u) << "a critical error";
  const CurriculumProgress p =
      curriculum_progress(c, {outcome("routine-lumbar-l45", false, true), outcome("routine-lumbar-l45", true, true, 0, "2026-12-04T11:30:00Z")});
  EXPECT_EQ(p.mastered, 1u);
  EXPECT_TRUE(p.steps[0].mastered);
  EXPECT_EQ(p.steps[0].mastered_at, "2026-12-04T11:30:00Z");
  EXPECT_EQ(p.steps[0].attempts, 2);
  EXPECT_EQ(p.next, NextKind::Step);
  EXPECT_EQ(p.next_scenario, "routine-l5s1-sciatica");
}

TEST(Curriculum, StepsCountOnlyInOrder) {
  const Curriculum c = small_curriculum();
  const CurriculumProgress p = curriculum_progress(c, {outcome("routine-l5s1-sciatica", true, true)});
  EXPECT_EQ(p.mastered, 0u) << "a later step mastered first does not count";
  EXPECT_EQ(p.steps[1].attempts, 0);
  EXPECT_EQ(p.next_scenario, "routine-lumbar-l45");
}

TEST(Curriculum, AFailureLeadsToTheRemedialCaseBeforeARetry) {
  const Curriculum c = small_curriculum();
  std::vector<SessionOutcome> h = {outcome("routine-lumbar-l45", true, true), outcome("routine-l5s1-sciatica", true, false, 1)};
  CurriculumProgress p = curriculum_progress(c, h);
  EXPECT_EQ(p.next, NextKind::Remedial);
  EXPECT_EQ(p.next_scenario, "routine-lumbar-l45");
  EXPECT_FALSE(may_attempt(p, "routine-l5s1-sciatica")) << "no retry before the remedial case";
  EXPECT_TRUE(may_attempt(p, "routine-lumbar-l45"));
  // a retry played anyway does not count, nor does a failed remedial
  h.push_back(outcome("routine-l5s1-sciatica", true, true));
  h.push_back(outcome("routine-lumbar-l45", false, false, 1));
  p = curriculum_progress(c, h);
  EXPECT_EQ(p.next, NextKind::Remedial);
  EXPECT_EQ(p.mastered, 1u);
  // the remedial passed, in practice, opens the retry; the retry masters the step
  h.push_back(outcome("routine-lumbar-l45", false, true));
  p = curriculum_progress(c, h);
  EXPECT_EQ(p.next, NextKind::Step);
  EXPECT_TRUE(may_attempt(p, "routine-l5s1-sciatica"));
  EXPECT_EQ(p.steps[1].remediations, 1);
  h.push_back(outcome("routine-l5s1-sciatica", true, true, 0, "2026-12-05T09:00:00Z"));
  p = curriculum_progress(c, h);
  EXPECT_EQ(p.next, NextKind::Done);
  EXPECT_EQ(p.mastered, 2u);
  EXPECT_EQ(p.steps[1].attempts, 2) << "the failure and the mastering retry; the early retry did not count";
  EXPECT_EQ(p.steps[1].mastered_at, "2026-12-05T09:00:00Z");
  EXPECT_FALSE(may_attempt(p, "routine-l5s1-sciatica"));
}

TEST(Curriculum, AStepWithNoRemedialIsSimplyRetried) {
  const Curriculum c = small_curriculum();
  const CurriculumProgress p = curriculum_progress(c, {outcome("routine-lumbar-l45", true, false, 1)});
  EXPECT_EQ(p.next, NextKind::Step);
  EXPECT_TRUE(may_attempt(p, "routine-lumbar-l45"));
}

// the built-in track played by the library's scripted trainees: each step's expert in
// assessment mode, except the second step, failed first by its careless trainee, which
// sends the trainee to the remedial case (its expert, in practice) before the retry
TEST(Curriculum, TheBuiltInTrackIsPlayedToMasteryWithOneRemediation) {
  setenv("TRACTUS_LIBRARY", test::repo_path("scenarios/library").c_str(), 1);
  Curriculum c;
  LoadError e;
  ASSERT_TRUE(load_curriculum_file(test::repo_path("scenarios/curricula/new-practitioner.json"), library_candidates(), c, e))
      << e.message();
  std::vector<SessionOutcome> history;
  int day = 1;
  const auto play = [&](const std::string& id, const std::string& script_name, bool assessment) {
    Scenario sc;
    LoadError err;
    ASSERT_TRUE(load_scenario_by_ref(id, sc, err)) << err.message();
    ActionScript script;
    ASSERT_TRUE(load_action_script(test::repo_path("tests/data/trainees/" + id + "/" + script_name), script, err))
        << err.message();
    Session s(sc, SessionOptions{1, assessment ? Mode::Assessment : Mode::Practice});
    run_script(s, script);
    ASSERT_TRUE(s.ended()) << id;
    const Report r = build_report(s);
    history.push_back(outcome(id, assessment, r.passed, static_cast<int>(r.critical_errors.size()),
                              "2026-12-" + std::string(day < 10 ? "0" : "") + std::to_string(day) + "T09:00:00Z"));
    ++day;
  };
  for (std::size_t i = 0; i < c.steps.size(); ++i) {
    const CurriculumStep& step = c.steps[i];
    if (i == 1) {
      ASSERT_FALSE(step.remedial.empty());
      play(step.scenario, "careless-overdose.json", true);
      if (HasFatalFailure()) return;
      CurriculumProgress p = curriculum_progress(c, history);
      ASSERT_EQ(p.next, NextKind::Remedial) << "the careless attempt failed, so the remedial case comes first";
      ASSERT_EQ(p.next_scenario, step.remedial);
      ASSERT_FALSE(may_attempt(p, step.scenario));
      play(step.remedial, "expert.json", false);
      if (HasFatalFailure()) return;
      p = curriculum_progress(c, history);
      ASSERT_EQ(p.next, NextKind::Step);
      ASSERT_TRUE(may_attempt(p, step.scenario));
    }
    ASSERT_TRUE(may_attempt(curriculum_progress(c, history), step.scenario)) << step.scenario;
    play(step.scenario, "expert.json", true);
    if (HasFatalFailure()) return;
    const CurriculumProgress p = curriculum_progress(c, history);
    ASSERT_EQ(p.mastered, i + 1) << step.scenario << "'s expert did not master it";
    EXPECT_EQ(p.steps[i].mastered_at, history.back().finished_at);
  }
  const CurriculumProgress done = curriculum_progress(c, history);
  EXPECT_EQ(done.steps[1].remediations, 1);
  EXPECT_EQ(done.steps[1].attempts, 2);
  EXPECT_EQ(done.next, NextKind::Done);
  EXPECT_EQ(done.mastered, c.steps.size());
}
