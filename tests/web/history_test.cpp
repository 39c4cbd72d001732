// The history file's schema check and the import merge (web/src/history_format.h,
// web/src/history_merge.h) and the resume file (web/src/resume_point.h).
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "history_format.h"
#include "history_merge.h"
#include "resume_point.h"

namespace tractus::web {
namespace {

using nlohmann::json;

json entry(const std::string& id) {
  return {{"id", id},         {"scenario", "routine-lumbar-l45"}, {"title", "Routine lumbar L4-5"},
          {"mode", "practice"}, {"score", 85.0},                    {"passed", true},
          {"critical_errors", 0}, {"finished_at", "2026-11-02T10:00:00.000Z"}};
}

std::string file(const json& sessions, const std::string& trainee = "Ana") {
  return json{{"version", 2}, {"trainee", trainee}, {"sessions", sessions}}.dump();
}

// parses one entry and returns the refusal's "path: reason", or "" when it was taken
std::string refusal_of(const json& e) {
  ParsedHistory out;
  std::string why;
  EXPECT_TRUE(parse_history(file(json::array({e})), HistorySource::Imported, out, why)) << why;
  if (out.refused.empty()) return "";
  return out.refused[0].path + ": " + out.refused[0].reason;
}

const auto all_known = [](const std::string&) { return true; };

TEST(HistoryFormat, AValidEntryRoundTripsExactly) {
  ParsedHistory out;
  std::string why;
  ASSERT_TRUE(parse_history(file(json::array({entry("s-1"), entry("s-2")})), HistorySource::Imported, out, why));
  ASSERT_EQ(out.entries.size(), 2u);
  EXPECT_TRUE(out.refused.empty());
  EXPECT_EQ(out.trainee, "Ana");
  const std::string written = history_to_json(out.trainee, out.entries);
  ParsedHistory again;
  ASSERT_TRUE(parse_history(written, HistorySource::Imported, again, why));
  EXPECT_EQ(history_to_json(again.trainee, again.entries), written);
}

TEST(HistoryFormat, EachHostileFieldIsRefusedWithItsPathAndReason) {
  json e = entry("s-1");
  e["score"] = 1e308;
  EXPECT_EQ(refusal_of(e), "$.sessions[0].score: must be between 0 and 100");
  e = entry("s-1");
  e["score"] = -0.5;
  EXPECT_EQ(refusal_of(e), "$.sessions[0].score: must be between 0 and 100");
  e = entry("s-1");
  e["score"] = "85";
  EXPECT_EQ(refusal_of(e), "$.sessions[0].score: must be a number");
  e = entry("s-1");
  e["title"] = std::string(300, 'T');
  EXPECT_EQ(refusal_of(e), "$.sessions[0].title: is 300 bytes long; the limit is 160");
  e["title"] = std::string(160, 'T');
  EXPECT_EQ(refusal_of(e), "") << "the limit itself is allowed";
  e["title"] = "tab\there";
  EXPECT_EQ(refusal_of(e), "$.sessions[0].title: contains a control character");
  e = entry("s-1");
  e["critical_errors"] = 101;
  EXPECT_EQ(refusal_of(e), "$.sessions[0].critical_errors: must be a whole number from 0 to 100");
  e["critical_errors"] = 1.5;
  EXPECT_EQ(refusal_of(e), "$.sessions[0].critical_errors: must be a whole number from 0 to 100");
  e["critical_errors"] = 1;
  EXPECT_EQ(refusal_of(e), "$.sessions[0].passed: cannot be true for a session with critical errors");
  e = entry("s-1");
  e["mode"] = "admin";
  EXPECT_EQ(refusal_of(e), "$.sessions[0].mode: must be practice or assessment");
  e = entry("s-1");
  e["finished_at"] = "2026-13-01T00:00:00Z";
  EXPECT_EQ(refusal_of(e), "$.sessions[0].finished_at: must be a UTC time such as 2026-12-01T21:47:37.123Z");
  e = entry("s 1");
  EXPECT_EQ(refusal_of(e), "$.sessions[0].id: may hold only letters, digits and . _ : -");
  e = entry(std::string(65, 'a'));
  EXPECT_EQ(refusal_of(e), "$.sessions[0].id: is 65 bytes long; the limit is 64");
  e = entry("s-1");
  e["scenario"] = "../etc";
  EXPECT_EQ(refusal_of(e), "$.sessions[0].scenario: may hold only lower-case letters, digits and '-'");
  e = entry("s-1");
  e["admin"] = true;
  EXPECT_EQ(refusal_of(e), "$.sessions[0].admin: is not a field of a history entry");
  e = entry("s-1");
  e.erase("passed");
  EXPECT_EQ(refusal_of(e), "$.sessions[0].passed: is missing");
  EXPECT_EQ(refusal_of(json(42)), "$.sessions[0]: must be an object");
}

TEST(HistoryFormat, ABadEntryIsRefusedAndTheRestStillRead) {
  json bad = entry("s-2");
  bad["score"] = 1e308;
  ParsedHistory out;
  std::string why;
  ASSERT_TRUE(parse_history(file(json::array({entry("s-1"), bad, entry("s-3"), entry("s-1")})),
                            HistorySource::Imported, out, why));
  ASSERT_EQ(out.entries.size(), 2u);
  EXPECT_EQ(out.entries[0].id, "s-1");
  EXPECT_EQ(out.entries[1].id, "s-3");
  ASSERT_EQ(out.refused.size(), 2u);
  EXPECT_EQ(out.refused[0].path, "$.sessions[1].score");
  EXPECT_EQ(out.refused[1].path, "$.sessions[3].id");
  EXPECT_EQ(out.refused[1].reason, "repeats the id of an earlier entry in this file");
}

TEST(HistoryFormat, WholeFileLimitsAreNamed) {
  ParsedHistory out;
  std::string why;
  EXPECT_FALSE(parse_history("{\"version\": 2, \"sessions\": [", HistorySource::Imported, out, why));
  EXPECT_NE(why.find("not a history file (invalid JSON"), std::string::npos) << why;
  const std::string deep = "{\"version\":2,\"sessions\":[" + std::string(40, '[') + std::string(40, ']') + "]}";
  EXPECT_FALSE(parse_history(deep, HistorySource::Imported, out, why));
  EXPECT_EQ(why, "it nests lists and objects more than 32 deep");
  json many = json::array();
  for (int i = 0; i < 1001; ++i) many.push_back(entry("s-" + std::to_string(i)));
  EXPECT_FALSE(parse_history(file(many), HistorySource::Imported, out, why));
  EXPECT_EQ(why, "it holds 1001 sessions; the limit is 1000 a file");
  // the trainer's own saved file may hold more than one import's worth
  EXPECT_TRUE(parse_history(file(many), HistorySource::Saved, out, why)) << why;
  EXPECT_EQ(out.entries.size(), 1001u);
  const std::string big = "{\"version\":2,\"sessions\":[],\"x\":\"" + std::string(kMaxHistoryFileBytes, 'x') + "\"}";
  EXPECT_FALSE(parse_history(big, HistorySource::Imported, out, why));
  EXPECT_EQ(why, "the file is 16.0 MiB; the limit is 16.0 MiB");
  EXPECT_FALSE(parse_history(file(json::array(), std::string(64, 'n')), HistorySource::Imported, out, why));
  EXPECT_EQ(why, "$.trainee: is 64 bytes long; the limit is 63");
  EXPECT_FALSE(parse_history("{\"version\": 3, \"sessions\": []}", HistorySource::Imported, out, why));
  EXPECT_NE(why.find("$.version"), std::string::npos);
}

TEST(HistoryFormat, NestingDepthIgnoresBracketsInStrings) {
  EXPECT_EQ(json_nesting_depth("{\"a\":\"[[[[\\\"[[\",\"b\":[1,[2]]}", 32), 3);
  EXPECT_EQ(json_nesting_depth(std::string(100, '['), 32), 33) << "stops once past the limit";
}

TEST(HistoryFormat, VersionOneEntriesGetStableIds) {
  const std::string v1 =
      R"({"version":1,"trainee":"Ana","sessions":[{"scenario":"routine-lumbar-l45","score":70,"passed":false}]})";
  ParsedHistory a, b;
  std::string why;
  ASSERT_TRUE(parse_history(v1, HistorySource::Imported, a, why)) << why;
  ASSERT_TRUE(parse_history(v1, HistorySource::Imported, b, why));
  ASSERT_EQ(a.entries.size(), 1u);
  EXPECT_EQ(a.entries[0].id.substr(0, 3), "v1-");
  EXPECT_EQ(a.entries[0].id, b.entries[0].id);
  EXPECT_EQ(a.entries[0].title, "routine-lumbar-l45");
  EXPECT_FALSE(a.entries[0].has_record);
}

ParsedHistory parsed(const json& sessions, const std::string& trainee = "Ana") {
  ParsedHistory out;
  std::string why;
  EXPECT_TRUE(parse_history(file(sessions, trainee), HistorySource::Imported, out, why)) << why;
  return out;
}

TEST(HistoryMerge, AddsNewSkipsDuplicatesAndKeepsSavedCopiesUnasked) {
  ParsedHistory saved = parsed(json::array({entry("s-a"), entry("s-b")}));
  json b2 = entry("s-b");
  b2["score"] = 95.0;
  json d = entry("s-d");
  d["scenario"] = "no-such-scenario";
  const ParsedHistory incoming = parsed(json::array({entry("s-a"), b2, entry("s-c"), d}), "Bob");
  const auto known = [](const std::string& id) { return id != "no-such-scenario"; };
  const ImportPlan plan = plan_import(saved.entries, "Ana", incoming, known);
  ASSERT_EQ(plan.to_add.size(), 2u);
  EXPECT_EQ(plan.to_add[0].id, "s-c");
  EXPECT_EQ(plan.to_add[1].id, "s-d");
  ASSERT_EQ(plan.duplicates.size(), 1u);
  ASSERT_EQ(plan.conflicts.size(), 1u);
  EXPECT_EQ(plan.unknown_scenarios, 1);
  EXPECT_TRUE(plan.trainee_differs);

  std::vector<HistoryEntry> entries = saved.entries;
  std::string trainee = "Ana";
  EXPECT_EQ(apply_import(plan, ImportChoices{}, entries, trainee), 2u);
  ASSERT_EQ(entries.size(), 4u);
  EXPECT_EQ(entries[1].score, 85.0) << "the saved copy stays without a choice";
  EXPECT_EQ(trainee, "Ana");
  // applying the same plan twice adds nothing twice
  EXPECT_EQ(apply_import(plan, ImportChoices{}, entries, trainee), 0u);
  EXPECT_EQ(entries.size(), 4u);
  // the explicit choices replace
  EXPECT_EQ(apply_import(plan, ImportChoices{true, true}, entries, trainee), 1u);
  EXPECT_EQ(entries[1].score, 95.0);
  EXPECT_EQ(trainee, "Bob");
}

TEST(HistoryMerge, AnEmptyOrEqualNameIsNotADifference) {
  const ParsedHistory none = parsed(json::array({entry("s-a")}), "");
  EXPECT_FALSE(plan_import({}, "Ana", none, all_known).trainee_differs);
  const ParsedHistory same = parsed(json::array({entry("s-a")}), "Ana");
  EXPECT_FALSE(plan_import({}, "Ana", same, all_known).trainee_differs);
}

TEST(HistoryMerge, AFullHistoryRefusesWhatDoesNotFitWithTheLimitNamed) {
  std::vector<HistoryEntry> saved(kMaxStoredSessions - 1);
  for (std::size_t i = 0; i < saved.size(); ++i) saved[i].id = "old-" + std::to_string(i);
  const ParsedHistory incoming = parsed(json::array({entry("s-x"), entry("s-y")}));
  const ImportPlan plan = plan_import(saved, "Ana", incoming, all_known);
  ASSERT_EQ(plan.to_add.size(), 1u);
  ASSERT_EQ(plan.refused.size(), 1u);
  EXPECT_EQ(plan.refused[0].reason, "the history is full: it keeps at most 1000 sessions");
}

TEST(HistoryRecord, AKeptRecordMustBeThisSessionsRecord) {
  scenarios::SessionRecord r;
  r.scenario_id = "routine-lumbar-l45";
  r.scenario_version = 1;
  r.score = 85.0;
  r.passed = true;
  r.end_us = 1000;
  json e = entry("s-1");
  e["record"] = scenarios::record_to_json(r);
  EXPECT_EQ(refusal_of(e), "");
  ParsedHistory out = parsed(json::array({e}));
  ASSERT_EQ(out.entries.size(), 1u);
  EXPECT_TRUE(out.entries[0].has_record);
  e["record"]["result"]["score"] = 50.0;
  EXPECT_EQ(refusal_of(e), "$.sessions[0].record.result.score: must match the entry's score");
  e["record"]["result"]["score"] = 1e308;
  EXPECT_EQ(refusal_of(e).substr(0, 34), "$.sessions[0].record.result.score:");
  e["record"] = scenarios::record_to_json(r);
  e["record"]["scenario"]["id"] = "contraindication-fracture";
  EXPECT_EQ(refusal_of(e), "$.sessions[0].record.scenario.id: must match the entry's scenario");
}

TEST(ResumePoint, RoundTripsAndRefusesABrokenFile) {
  ResumePoint p;
  p.title = "Routine lumbar L4-5";
  p.saved_at = "2026-12-01T22:00:00.000Z";
  p.record.scenario_id = "routine-lumbar-l45";
  p.record.scenario_version = 1;
  p.record.seed = 7;
  p.record.end_us = 123456000;
  ResumePoint back;
  std::string why;
  ASSERT_TRUE(parse_resume(resume_to_json(p), back, why)) << why;
  EXPECT_EQ(back.title, p.title);
  EXPECT_EQ(back.record.end_us, 123456000);
  EXPECT_EQ(back.record.seed, 7u);
  EXPECT_FALSE(parse_resume("{\"format\":\"tractus-resume\"", back, why));
  EXPECT_FALSE(parse_resume(R"({"format":"tractus-resume","version":1,"title":"x","saved_at":"y"})", back, why));
  EXPECT_EQ(why, "$.record: is missing");
}

}  // namespace
}  // namespace tractus::web
