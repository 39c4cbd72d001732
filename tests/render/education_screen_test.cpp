// The patient tour's requests (render/education_screen.h): the arrows and Back/Next ask the host
// for a step, only Finish or Escape leaves, and the live step asks for its x-ray view on entry
// and turns the x-ray off again when the tour moves on.
#include <gtest/gtest.h>

#include "imgui_frames.h"
#include "render/education_screen.h"
#include "render/education_tour.h"
#include "render/scene_view.h"
#include "scenarios/rig.h"

using namespace tractus;
using namespace tractus::render;
using tractus::render::test::kKeyEscape;
using tractus::render::test::kKeyLeft;
using tractus::render::test::kKeyRight;

namespace {

struct TourFixture : tractus::render::test::TableScreenTest {
  TourFixture() : TableScreenTest(Screen::Education) {}
  // one frame of the screen; the router's part (applying the view requests) included
  void draw_once() override {
    asked = screen.draw_education(in, view, out);
    view.apply(asked);
  }

  EducationScreen screen{ui.fonts, ui.widgets};
  SceneView view;
  const int steps = static_cast<int>(education_steps().size());
};

}  // namespace

TEST_F(TourFixture, ArrowsAskForTheNextAndTheLastStep) {
  in.education_step = 2;
  ui.frames(2, draw());
  ui.press_key(kKeyRight, draw());
  ASSERT_TRUE(out.education_step.has_value());
  EXPECT_EQ(*out.education_step, 3);
  ui.frames(1, draw());
  ui.press_key(kKeyLeft, draw());
  ASSERT_TRUE(out.education_step.has_value());
  EXPECT_EQ(*out.education_step, 1);
  EXPECT_FALSE(out.go_to.has_value());
}

TEST_F(TourFixture, TheArrowsStayInsideTheTour) {
  in.education_step = steps - 1;
  ui.frames(2, draw());
  ui.press_key(kKeyRight, draw());
  EXPECT_FALSE(out.go_to.has_value());
  in.education_step = 0;
  ui.frames(2, draw());
  ui.press_key(kKeyLeft, draw());
  EXPECT_FALSE(out.go_to.has_value());
  EXPECT_FALSE(out.education_step.has_value());
}

TEST_F(TourFixture, FinishAndEscapeLeaveForTheStart) {
  in.education_step = steps - 1;
  ui.click("educate.next", draw());
  ASSERT_TRUE(out.go_to.has_value());
  EXPECT_EQ(*out.go_to, Screen::Start);
  ui.frames(1, draw());
  ui.press_key(kKeyEscape, draw());
  ASSERT_TRUE(out.go_to.has_value());
  EXPECT_EQ(*out.go_to, Screen::Start);
}

TEST_F(TourFixture, BackIsInertOnTheFirstStep) {
  in.education_step = 0;
  ui.click("educate.back", draw());
  EXPECT_FALSE(out.education_step.has_value());
  in.education_step = 1;
  ui.click("educate.back", draw());
  ASSERT_TRUE(out.education_step.has_value());
  EXPECT_EQ(*out.education_step, 0);
}

TEST_F(TourFixture, TheLiveStepAsksForTheXrayOnceAndLeavingItTurnsItOff) {
  in.education_step = education_live_step();
  screen.on_enter();
  ui.frame(draw());
  // the Spine preset, framed in the part the text and panels leave free (not a fixed camera)
  ASSERT_TRUE(asked.frame.has_value());
  EXPECT_EQ(*asked.frame, CameraPreset::Spine);
  EXPECT_FALSE(asked.camera.has_value());
  ASSERT_TRUE(asked.xray.has_value());
  EXPECT_TRUE(*asked.xray);
  EXPECT_TRUE(screen.orbits_view());
  EXPECT_GT(screen.text_w_px(), 0.0f);
  // staying on the step asks nothing more, so the user's orbit is kept
  ui.frame(draw());
  EXPECT_FALSE(asked.frame.has_value());
  EXPECT_FALSE(asked.camera.has_value());
  EXPECT_FALSE(asked.xray.has_value());
  // the next step has its own picture: the x-ray goes off and the view is not orbited
  in.education_step = education_live_step() + 1;
  ui.frame(draw());
  ASSERT_TRUE(asked.xray.has_value());
  EXPECT_FALSE(*asked.xray);
  EXPECT_FALSE(screen.orbits_view());
  EXPECT_FLOAT_EQ(screen.text_w_px(), 0.0f);
  EXPECT_FALSE(view.xray());
}
