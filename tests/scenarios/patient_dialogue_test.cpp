// The patient's shared lines are data: the embedded patient_lines.json gives every line its
// own sentence, a lines table is refused with the line and the reason when a line is
// missing, unknown, not text, or holds "{}" where it takes no value (or lacks it where it
// does), and a scenario's overrides replace just the lines they name.
#include "patient_dialogue.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "scenarios/json_file.h"
#include "test_paths.h"

using namespace tractus;
using namespace tractus::scenarios;
using dialogue::Line;

namespace {

// the shared file's text, from the source tree (the build embeds the same bytes)
std::string shared_file() {
  std::string text;
  EXPECT_TRUE(read_text_file(test::repo_path("scenarios/dialogue/patient_lines.json"), text));
  return text;
}

// the shared file with one line's text replaced by json_value (or removed when empty)
std::string with_line(const std::string& id, const std::string& json_value) {
  nlohmann::json j = nlohmann::json::parse(shared_file());
  if (json_value.empty()) {
    j["lines"].erase(id);
  } else {
    j["lines"][id] = nlohmann::json::parse(json_value);
  }
  return j.dump();
}

std::string refusal(const std::string& text) {
  dialogue::Lines lines;
  std::string error;
  EXPECT_FALSE(dialogue::parse_lines(text, lines, error));
  return error;
}

}  // namespace

TEST(PatientDialogue, EveryLineHasItsOwnSentence) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < dialogue::kLineCount; ++i) {
    const std::string text = dialogue::shared_lines().text(static_cast<Line>(i));
    EXPECT_GT(text.size(), 8u) << "line " << dialogue::line_id(static_cast<Line>(i));
    EXPECT_TRUE(seen.insert(text).second) << "line " << i << " repeats: " << text;
  }
  EXPECT_EQ(seen.size(), 23u);
}

TEST(PatientDialogue, TheEmbeddedLinesAreTheSourceFile) {
  dialogue::Lines from_file;
  std::string error;
  ASSERT_TRUE(dialogue::parse_lines(shared_file(), from_file, error)) << error;
  for (std::size_t i = 0; i < dialogue::kLineCount; ++i)
    EXPECT_EQ(dialogue::shared_lines().text(static_cast<Line>(i)), from_file.text(static_cast<Line>(i)));
  EXPECT_EQ(dialogue::shared_lines().text(Line::SharpPain), "Ow! That's a sharp pain, shooting right down my leg!");
}

TEST(PatientDialogue, IdsRoundTrip) {
  for (std::size_t i = 0; i < dialogue::kLineCount; ++i) {
    Line back = Line::Declined;
    ASSERT_TRUE(dialogue::line_from_id(dialogue::line_id(static_cast<Line>(i)), back));
    EXPECT_EQ(static_cast<std::size_t>(back), i);
  }
  Line l;
  EXPECT_FALSE(dialogue::line_from_id("sharp_pian", l));
}

TEST(PatientDialogue, FillPutsTheValueWhereTheLineMarksIt) {
  const dialogue::Lines& l = dialogue::shared_lines();
  EXPECT_EQ(l.fill(Line::PainNow, "6"), "Right now it's about 6 out of 10.");
  EXPECT_EQ(l.fill(Line::Medications, "ibuprofen, codeine"), "Just what's on my list: ibuprofen, codeine.");
  // a line without a mark is left as it is
  EXPECT_EQ(l.fill(Line::CheckInFine, "x"), l.text(Line::CheckInFine));
}

TEST(PatientDialogue, ATableIsRefusedWithTheLineAndTheReason) {
  EXPECT_EQ(refusal(with_line("cough", "")), "$.lines.cough: missing: every line id needs its text");
  EXPECT_EQ(refusal(with_line("cough", "7")), "$.lines.cough: must be a string");
  EXPECT_EQ(refusal(with_line("cough", "\"\"")), "$.lines.cough: must not be empty");
  EXPECT_EQ(refusal(with_line("pain_now", "\"It hurts.\"")),
            "$.lines.pain_now: must hold one \"{}\" where the value goes");
  EXPECT_EQ(refusal(with_line("pain_now", "\"{} and {}\"")),
            "$.lines.pain_now: must hold one \"{}\" where the value goes");
  EXPECT_EQ(refusal(with_line("cough", "\"*coughs* {}\"")), "$.lines.cough: takes no value: remove the \"{}\"");
  EXPECT_EQ(refusal(with_line("coughs", "\"*coughs*\"")).substr(0, 40), "$.lines.coughs: unknown line id (known: ");
  EXPECT_EQ(refusal("{\"format\": \"tractus-patient-lines\", \"format_version\": 2, \"lines\": {}}"),
            "$: not a tractus-patient-lines file of format_version 1");
  EXPECT_EQ(refusal("{\"lines\": "), refusal("{\"lines\": ").substr(0, 2) + refusal("{\"lines\": ").substr(2));
  EXPECT_EQ(refusal("{\"lines\": ").rfind("$: invalid JSON", 0), 0u);
}

TEST(PatientDialogue, OverridesReplaceOnlyTheLinesTheyName) {
  const dialogue::Lines l = dialogue::lines_with({{"sharp_pain", "Ow, down my arm!"}});
  EXPECT_EQ(l.text(Line::SharpPain), "Ow, down my arm!");
  EXPECT_EQ(l.text(Line::CheckInFine), dialogue::shared_lines().text(Line::CheckInFine));
}
