// The page's backup of files IndexedDB had not yet received (web/src/storage_mirror.h): its
// format and checks, which copy a load takes, cutting a history to fit, and merging the cut.
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "history_format.h"
#include "storage_mirror.h"

namespace tractus::web {
namespace {

using nlohmann::json;

HistoryEntry entry(const std::string& id, double score = 85.0) {
  HistoryEntry e;
  e.id = id;
  e.scenario_id = "routine-lumbar-l45";
  e.title = "Routine lumbar L4-5";
  e.mode = "practice";
  e.score = score;
  e.passed = score >= 70.0;
  e.finished_at = "2026-11-02T10:00:00.000Z";
  return e;
}

BackupFile whole(const std::string& path, uint64_t generation, const std::string& text) {
  BackupFile f;
  f.path = path;
  f.generation = generation;
  f.text = text;
  return f;
}

StorageBackup one_history_backup(uint64_t generation) {
  StorageBackup b;
  b.saved_at = "2026-12-02T14:00:00.000Z";
  b.files.push_back(whole("/persist/history.json", generation, history_to_json("Ana", {entry("s1"), entry("s2")})));
  BackupFile gone;
  gone.path = "/persist/session.json";
  gone.generation = generation + 1;
  gone.state = BackupFile::State::Removed;
  b.files.push_back(gone);
  return b;
}

// what parse_backup says about a backup edited by edit
std::string refusal_of(const std::function<void(json&)>& edit) {
  json j = json::parse(backup_to_json(one_history_backup(7)));
  edit(j);
  StorageBackup out;
  std::string why;
  EXPECT_FALSE(parse_backup(j.dump(), out, why));
  EXPECT_TRUE(out.files.empty()) << "a refused backup yields no files";
  return why;
}

TEST(StorageBackup, RoundTripsEveryField) {
  const StorageBackup b = one_history_backup(7);
  StorageBackup out;
  std::string why;
  ASSERT_TRUE(parse_backup(backup_to_json(b), out, why)) << why;
  EXPECT_EQ(out.saved_at, b.saved_at);
  ASSERT_EQ(out.files.size(), 2u);
  EXPECT_EQ(out.files[0].path, "/persist/history.json");
  EXPECT_EQ(out.files[0].generation, 7u);
  EXPECT_EQ(out.files[0].state, BackupFile::State::Whole);
  EXPECT_EQ(out.files[0].text, b.files[0].text);
  EXPECT_EQ(out.files[1].state, BackupFile::State::Removed);
  EXPECT_EQ(out.files[1].generation, 8u);
}

TEST(StorageBackup, FnvMatchesThePublishedTestVector) {
  // FNV-1a 64 of "a" is af63dc4c8601ec8c (Fowler, Noll, Vo: the FNV test suite)
  EXPECT_EQ(fnv1a_hex("a"), "af63dc4c8601ec8c");
  EXPECT_EQ(fnv1a_hex(""), "cbf29ce484222325");
}

TEST(StorageBackup, DamagedOrForeignBackupsAreRefusedWithTheFieldAndReason) {
  StorageBackup out;
  std::string why;
  EXPECT_FALSE(parse_backup("{\"format\":\"tractus-storage-backup\",\"version\":1,\"files\":[{\"pa", out, why));
  EXPECT_EQ(why.substr(0, 3), "$: ") << why;
  EXPECT_FALSE(parse_backup("not json", out, why));

  EXPECT_EQ(refusal_of([](json& j) { j["version"] = 2; }), "$: not a version 1 storage backup");
  EXPECT_EQ(refusal_of([](json& j) { j.erase("files"); }), "$.files: must be a list");
  // one flipped character in the text: the checksum no longer matches
  EXPECT_EQ(refusal_of([](json& j) {
              std::string t = j["files"][0]["text"];
              t[t.size() / 2] ^= 1;
              j["files"][0]["text"] = t;
            }),
            "$.files[0].fnv1a: does not match the text (it is damaged)");
  // a text cut short (the quota stopped a write half way, or an edit)
  EXPECT_EQ(refusal_of([](json& j) {
              std::string t = j["files"][0]["text"];
              j["files"][0]["text"] = t.substr(0, t.size() - 5);
            }).substr(0, 24),
            "$.files[0].bytes: does n");
  EXPECT_EQ(refusal_of([](json& j) { j["files"][0]["path"] = "/persist/../etc/passwd"; }),
            "$.files[0].path: holds a character other than letters, digits, '.', '-' and '_'");
  EXPECT_EQ(refusal_of([](json& j) { j["files"][0]["path"] = "/tmp/history.json"; }),
            "$.files[0].path: is not inside /persist/");
  EXPECT_EQ(refusal_of([](json& j) { j["files"][1]["path"] = "/persist/generations.json"; }),
            "$.files[1].path: is the generations file, which a backup never holds");
  EXPECT_EQ(refusal_of([](json& j) { j["files"][1]["path"] = "/persist/history.json"; }),
            "$.files[1].path: names /persist/history.json a second time");
  EXPECT_EQ(refusal_of([](json& j) { j["files"][0]["generation"] = 0; }),
            "$.files[0].generation: must be a whole number of 1 or more");
  EXPECT_EQ(refusal_of([](json& j) { j["files"][0]["generation"] = -3; }),
            "$.files[0].generation: must be a whole number of 1 or more");
  EXPECT_EQ(refusal_of([](json& j) { j["files"][0]["state"] = "partial"; }),
            "$.files[0].state: must be \"whole\", \"removed\" or \"newest\"");
  EXPECT_EQ(refusal_of([](json& j) {
              j["files"][1]["state"] = "newest";
              j["files"][1]["text"] = "{}";
              j["files"][1]["bytes"] = 2;
              j["files"][1]["fnv1a"] = fnv1a_hex("{}");
              j["files"][1]["total_sessions"] = 1;
            }),
            "$.files[1].state: \"newest\" is only for a history file");
}

TEST(StorageBackup, ALoadTakesOnlyACopyNewerThanIndexedDb) {
  const BackupFile f = whole("/persist/history.json", 12, "{}");
  // newer than IndexedDB: the reload came before the copy finished
  EXPECT_EQ(decide_backup_file(f, {{"/persist/history.json", 11}}), BackupAction::Restore);
  // IndexedDB got it after all
  EXPECT_EQ(decide_backup_file(f, {{"/persist/history.json", 12}}), BackupAction::AlreadySaved);
  // older than IndexedDB (a later write reached it, e.g. from another tab): never taken
  EXPECT_EQ(decide_backup_file(f, {{"/persist/history.json", 13}}), BackupAction::Older);
  // a file saved before generations were kept counts as generation 0
  EXPECT_EQ(decide_backup_file(f, {}), BackupAction::Restore);
  EXPECT_EQ(decide_backup_file(f, {{"/persist/session.json", 40}}), BackupAction::Restore);
}

TEST(StorageBackup, GenerationsRoundTripAndRefuseBadValues) {
  std::map<std::string, uint64_t> g{{"/persist/history.json", 5}, {"/persist/session.json", 9}};
  std::map<std::string, uint64_t> out;
  std::string why;
  ASSERT_TRUE(parse_generations(generations_to_json(g), out, why)) << why;
  EXPECT_EQ(out, g);
  EXPECT_FALSE(parse_generations(R"({"format":"tractus-generations","files":{"/persist/a":"x"}})", out, why));
  EXPECT_EQ(why, "$.files[\"/persist/a\"]: must be a whole number");
  EXPECT_TRUE(out.empty());
  EXPECT_FALSE(parse_generations("[]", out, why));
  EXPECT_EQ(why, "$: not a generations file");
}

// a history of n sessions, each with a record of about record_bytes
std::string big_history(int n, std::size_t record_bytes) {
  std::vector<HistoryEntry> es;
  for (int i = 0; i < n; ++i) {
    HistoryEntry e = entry("s" + std::to_string(i), 50.0 + i % 50);
    e.title = "Routine lumbar L4-5 " + std::string(record_bytes, 'x').substr(0, 100);
    es.push_back(e);
  }
  return history_to_json("Ana", es);
}

TEST(StorageBackup, AHistoryTooBigIsCutToItsNewestSessionsWithinTheBudget) {
  const std::string text = big_history(200, 100);
  const std::size_t budget = text.size() / 4;
  std::vector<std::string> left_out;
  const StorageBackup b = fit_backup({whole("/persist/history.json", 3, text)}, budget, left_out);
  EXPECT_TRUE(left_out.empty());
  ASSERT_EQ(b.files.size(), 1u);
  EXPECT_EQ(b.files[0].state, BackupFile::State::Newest);
  EXPECT_EQ(b.files[0].total_sessions, 200u);
  EXPECT_LE(b.files[0].text.size(), budget);
  ParsedHistory cut;
  std::string why;
  ASSERT_TRUE(parse_history(b.files[0].text, HistorySource::Saved, cut, why)) << why;
  EXPECT_EQ(cut.trainee, "Ana");
  // the newest sessions, in order, ending with the last one
  ASSERT_GT(cut.entries.size(), 30u);
  EXPECT_LT(cut.entries.size(), 60u);  // about a quarter of 200
  EXPECT_EQ(cut.entries.back().id, "s199");
  EXPECT_EQ(cut.entries.front().id, "s" + std::to_string(200 - cut.entries.size()));
  // and it survives the backup's own round trip
  StorageBackup out;
  ASSERT_TRUE(parse_backup(backup_to_json(b), out, why)) << why;
  EXPECT_EQ(out.files[0].total_sessions, 200u);
}

TEST(StorageBackup, ASmallBackupIsKeptWhole) {
  std::vector<std::string> left_out;
  const std::string text = big_history(3, 10);
  const StorageBackup b = fit_backup({whole("/persist/history.json", 3, text)}, kMaxBackupBytes, left_out);
  ASSERT_EQ(b.files.size(), 1u);
  EXPECT_EQ(b.files[0].state, BackupFile::State::Whole);
  EXPECT_EQ(b.files[0].text, text);
}

TEST(StorageBackup, OtherFilesTooBigAreLeftOutAndNamedHistoryFirst) {
  std::vector<std::string> left_out;
  const std::string history = big_history(2, 10);
  const StorageBackup b = fit_backup({whole("/persist/session.json", 4, std::string(5000, 'x')),
                                      whole("/persist/history.json", 5, history)},
                                     history.size() + 100, left_out);
  ASSERT_EQ(left_out.size(), 1u);
  EXPECT_EQ(left_out[0], "/persist/session.json");
  ASSERT_EQ(b.files.size(), 1u);
  EXPECT_EQ(b.files[0].path, "/persist/history.json");
  EXPECT_EQ(b.files[0].state, BackupFile::State::Whole);
}

TEST(StorageBackup, MergingTheNewestKeepsEverySavedSessionAndCountsTheLost) {
  // IndexedDB has s1..s3; the whole file had s1..s6 and the cut backup holds s5, s6
  std::vector<HistoryEntry> saved{entry("s1"), entry("s2"), entry("s3")};
  const NewestMerge m = merge_newest_sessions(saved, {entry("s5"), entry("s6")}, 6);
  EXPECT_EQ(m.added, 2u);
  EXPECT_EQ(m.replaced, 0u);
  EXPECT_EQ(m.lost, 1u);  // s4 was in neither copy
  ASSERT_EQ(saved.size(), 5u);
  EXPECT_EQ(saved[3].id, "s5");
  EXPECT_EQ(saved[4].id, "s6");
}

TEST(StorageBackup, MergingReplacesAnOlderFormButNeverTakesARecordAway) {
  std::vector<HistoryEntry> saved{entry("s1", 40.0)};
  saved[0].has_record = true;
  saved[0].record.scenario_id = "routine-lumbar-l45";
  HistoryEntry bare = entry("s1", 40.0);  // cut to its result to fit
  NewestMerge m = merge_newest_sessions(saved, {bare}, 1);
  EXPECT_EQ(m.replaced, 0u);
  EXPECT_TRUE(saved[0].has_record);
  HistoryEntry later = entry("s1", 90.0);
  later.has_record = true;
  later.record.scenario_id = "routine-lumbar-l45";
  m = merge_newest_sessions(saved, {later}, 1);
  EXPECT_EQ(m.replaced, 1u);
  EXPECT_DOUBLE_EQ(saved[0].score, 90.0);
  EXPECT_EQ(m.lost, 0u);
}

}  // namespace
}  // namespace tractus::web
