// The import confirmation's answer (render/import_dialog.h): nothing is replaced unless its own
// box is ticked, Escape cancels, and a new preview starts from the defaults again.
#include <gtest/gtest.h>

#include "imgui_frames.h"
#include "render/import_dialog.h"

using namespace tractus::render;

namespace {

struct ImportFixture : tractus::render::test::ScreenTest {
  ImportDialog dialog{ui.fonts, ui.widgets};
  ImportPreview preview;

  ImportFixture() {
    preview.file_name = "history.json";
    preview.adding = {"90 pass  Routine lumbar (practice) 2026-12-01"};
    preview.differing = {"70 fail  Harness slip (practice) 2026-11-30"};
    preview.trainee_differs = true;
    preview.saved_trainee = "Ada";
    preview.file_trainee = "Grace";
    preview.serial = 1;
  }
  void draw_once() override { dialog.draw_import_dialog(&preview, out); }
};

}  // namespace

TEST_F(ImportFixture, AcceptingAsItOpensAddsButReplacesNothing) {
  ui.click("import.accept", draw());
  ASSERT_TRUE(out.import_decision.has_value());
  EXPECT_TRUE(out.import_decision->accept);
  EXPECT_FALSE(out.import_decision->replace_differing);
  EXPECT_FALSE(out.import_decision->replace_trainee);
}

TEST_F(ImportFixture, EachReplacementTakesItsOwnTick) {
  ui.click("import.replace_differing", draw());
  ui.click("import.accept", draw());
  ASSERT_TRUE(out.import_decision.has_value());
  EXPECT_TRUE(out.import_decision->replace_differing);
  EXPECT_FALSE(out.import_decision->replace_trainee);
}

TEST_F(ImportFixture, CancelAndEscapeWriteNothing) {
  ui.click("import.cancel", draw());
  ASSERT_TRUE(out.import_decision.has_value());
  EXPECT_FALSE(out.import_decision->accept);
  preview.serial = 2;
  ui.frames(3, draw());
  ui.press_key(tractus::render::test::kKeyEscape, draw());
  ASSERT_TRUE(out.import_decision.has_value());
  EXPECT_FALSE(out.import_decision->accept);
}

TEST_F(ImportFixture, ANewPreviewForgetsTheLastOnesTicks) {
  ui.click("import.replace_differing", draw());
  preview.serial = 2;
  ui.click("import.accept", draw());
  ASSERT_TRUE(out.import_decision.has_value());
  EXPECT_FALSE(out.import_decision->replace_differing);
}

TEST_F(ImportFixture, AFileNameForANamelessTraineeIsTakenByDefault) {
  preview.saved_trainee.clear();
  ui.click("import.accept", draw());
  ASSERT_TRUE(out.import_decision.has_value());
  EXPECT_TRUE(out.import_decision->replace_trainee);
}

TEST_F(ImportFixture, WithNothingToChangeImportIsInert) {
  preview.adding.clear();
  preview.differing.clear();
  preview.trainee_differs = false;
  ui.click("import.accept", draw());
  EXPECT_FALSE(out.import_decision.has_value());
}
