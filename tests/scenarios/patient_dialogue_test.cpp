// The patient's shared lines: one for every id, each a sentence, and the filled ones carry
// their value where the line marks it.
#include "patient_dialogue.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

using namespace tractus::scenarios;

TEST(PatientDialogue, EveryLineHasItsOwnSentence) {
  std::set<std::string> seen;
  for (int i = 0; i <= static_cast<int>(dialogue::Line::CheckInStretch); ++i) {
    const std::string text = dialogue::text(static_cast<dialogue::Line>(i));
    EXPECT_GT(text.size(), 8u) << "line " << i;
    EXPECT_TRUE(seen.insert(text).second) << "line " << i << " repeats: " << text;
  }
}

TEST(PatientDialogue, FillPutsTheValueWhereTheLineMarksIt) {
  EXPECT_EQ(dialogue::fill(dialogue::Line::PainNow, "6"), "Right now it's about 6 out of 10.");
  EXPECT_EQ(dialogue::fill(dialogue::Line::Medications, "ibuprofen, codeine"),
            "Just what's on my list: ibuprofen, codeine.");
  // a line without a mark is left as it is
  EXPECT_EQ(dialogue::fill(dialogue::Line::CheckInFine, "x"), dialogue::text(dialogue::Line::CheckInFine));
}
