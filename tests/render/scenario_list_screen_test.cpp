// The scenario list's requests (render/scenario_list_screen.h): the mode is chosen first, an
// assessment list names no category, and Start opens the selected scenario in that mode.
#include <gtest/gtest.h>

#include <vector>

#include "imgui_frames.h"
#include "render/scenario_list_screen.h"

using namespace tractus::render;

namespace {

struct ListFixture : tractus::render::test::ScreenTest {
  ListFixture() {
    library = {{"routine-lumbar-l45", "First session: lumbar", "Routine", "Treat the patient.", "Daniel, 45"},
               {"fault-harness-slip", "A harness slips", "Equipment fault", "The harness slips.", "Maria, 52"}};
    in.screen = Screen::ScenarioList;
    in.library = &library;
  }
  void draw_once() override { screen.draw_scenario_list(in, out); }

  std::vector<LibraryEntry> library;
  ScenarioListScreen screen{ui.fonts, ui.widgets};
};

}  // namespace

TEST_F(ListFixture, PracticeStartsTheSelectedScenario) {
  ui.click("scenario.fault-harness-slip", draw());
  ui.click("scenario.start_practice", draw());
  ASSERT_TRUE(out.open_scenario.has_value());
  EXPECT_EQ(*out.open_scenario, "fault-harness-slip");
  EXPECT_FALSE(out.assessment);
}

TEST_F(ListFixture, AnAssessmentNamesNoCategoryAndStartsInAssessment) {
  ui.frames(2, draw());
  EXPECT_TRUE(ui.drawn("scenario.category.routine-lumbar-l45"));
  EXPECT_TRUE(ui.drawn("scenario.briefing_category"));
  ui.click("scenario.mode_assessment", draw());
  ui.frames(1, draw());
  EXPECT_FALSE(ui.drawn("scenario.category.routine-lumbar-l45"));
  EXPECT_FALSE(ui.drawn("scenario.briefing_category"));
  EXPECT_FALSE(ui.drawn("scenario.start_practice"));
  ui.click("scenario.start_assessment", draw());
  ASSERT_TRUE(out.open_scenario.has_value());
  EXPECT_EQ(*out.open_scenario, "routine-lumbar-l45");
  EXPECT_TRUE(out.assessment);
}

TEST_F(ListFixture, ARecordIsOpenedFromTheList) {
  ui.click("scenario.open_record", draw());
  EXPECT_TRUE(out.import_record);
}

TEST_F(ListFixture, AnEmptyLibraryOffersNoStart) {
  library.clear();
  ui.frames(3, draw());
  EXPECT_FALSE(ui.drawn("scenario.start_practice"));
  EXPECT_TRUE(ui.drawn("scenario.open_record"));
}
