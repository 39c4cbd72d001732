// The history import's parser (web/src/history_file.h) holds files to the shared input limits:
// plain C++, so it runs natively, under the sanitizers and in WebAssembly alike.
#include <gtest/gtest.h>

#include <string>

#include "history_file.h"
#include "scenarios/input_limits.h"

using namespace tractus;

namespace {

std::string parse(const std::string& text, std::vector<web::HistoryEntry>* out = nullptr) {
  std::string trainee, why;
  std::vector<web::HistoryEntry> entries;
  if (!web::parse_history_text(text, trainee, entries, why)) return why;
  if (out != nullptr) *out = entries;
  return "ok";
}

std::string sessions(std::size_t n) {
  std::string s = R"({"version": 1, "trainee": "T", "sessions": [)";
  for (std::size_t i = 0; i < n; ++i)
    s += std::string(i ? "," : "") + R"({"scenario": "routine-lumbar-l45", "score": 90, "passed": true})";
  return s + "]}";
}

}  // namespace

TEST(HistoryFile, AnExportedHistoryReadsBack) {
  std::vector<web::HistoryEntry> e;
  ASSERT_EQ(parse(sessions(2), &e), "ok");
  ASSERT_EQ(e.size(), 2u);
  EXPECT_EQ(e[0].scenario_id, "routine-lumbar-l45");
  EXPECT_DOUBLE_EQ(e[0].score, 90.0);
}

TEST(HistoryFile, ADeeplyNestedFileIsRefusedBeforeAnyCopy) {
  const std::string deep = R"({"version": 1, "sessions": [], "trainee": )" + std::string(200000, '[') +
                           std::string(200000, ']') + "}";
  EXPECT_EQ(parse(deep), "$: nested deeper than 64 levels (the limit)");
}

TEST(HistoryFile, TooManySessionsAreRefusedWithTheLimit) {
  EXPECT_EQ(parse(sessions(scenarios::kMaxHistoryEntries)), "ok");
  EXPECT_EQ(parse(sessions(scenarios::kMaxHistoryEntries + 1)),
            "$.sessions has 10001 entries, above the limit of 10000");
}

TEST(HistoryFile, AnOversizedFileIsRefusedWithTheLimit) {
  const std::string big = R"({"version": 1, "sessions": [], "trainee": ")" +
                          std::string(scenarios::kMaxFileBytes, 'x') + "\"}";
  EXPECT_EQ(parse(big).substr(0, 16), "$: the file is 8");
}
