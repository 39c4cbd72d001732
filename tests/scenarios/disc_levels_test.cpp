// Disc level names: the short labels come from the twin's own names, and both spellings read
// to the same index of the same chain.
#include "scenarios/disc_levels.h"

#include <gtest/gtest.h>

#include "twin/model.h"

using namespace tractus;
using namespace tractus::scenarios;

TEST(DiscLevels, LabelDropsTheRepeatedLetter) {
  EXPECT_EQ(disc_level_label("L4-L5"), "L4-5");
  EXPECT_EQ(disc_level_label("C5-C6"), "C5-6");
  EXPECT_EQ(disc_level_label("L5-S1"), "L5-S1");
  EXPECT_EQ(disc_level_label("C7-T1"), "C7-T1");
  EXPECT_EQ(disc_level_label("L4"), "L4");
}

TEST(DiscLevels, ChainsInTheTwinsOrder) {
  const twin::PatientModel reference;
  for (int i = 0; i < twin::kLumbarLevels; ++i) {
    EXPECT_EQ(disc_level_index(hal::Region::Lumbar, reference.lumbar[i].name), i);
    EXPECT_EQ(disc_level_index(hal::Region::Lumbar, disc_level_label(hal::Region::Lumbar, i)), i);
  }
  for (int i = 0; i < twin::kCervicalLevels; ++i)
    EXPECT_EQ(disc_level_index(hal::Region::Cervical, reference.cervical[i].name), i);
  EXPECT_STREQ(disc_level_label(hal::Region::Lumbar, 3), "L4-5");
  EXPECT_STREQ(disc_level_label(hal::Region::Lumbar, 4), "L5-S1");
  EXPECT_STREQ(disc_level_label(hal::Region::Cervical, 3), "C5-6");
  EXPECT_STREQ(disc_level_label(hal::Region::Cervical, 5), "C7-T1");
  EXPECT_STREQ(disc_level_label(hal::Region::Lumbar, 5), "");
}

TEST(DiscLevels, AnotherRegionsLevelIsNotFound) {
  EXPECT_EQ(disc_level_index(hal::Region::Lumbar, "C5-6"), -1);
  EXPECT_EQ(disc_level_index(hal::Region::Cervical, "L4-L5"), -1);
  EXPECT_EQ(disc_level_index(hal::Region::Lumbar, "L9-10"), -1);
}

TEST(DiscLevels, TheScenarioFilesChoicesAreElevenShortLabels) {
  const std::vector<const char*>& all = disc_level_labels();
  ASSERT_EQ(all.size(), 11u);
  EXPECT_STREQ(all.front(), "L1-2");
  EXPECT_STREQ(all[4], "L5-S1");
  EXPECT_STREQ(all[5], "C2-3");
  EXPECT_STREQ(all.back(), "C7-T1");
}
