// The sales demo's requests (render/demo_screen.h): each new step asks for its camera (the spine
// step with the x-ray), a first key only shows the exit control, and Escape with it showing
// leaves.
#include <gtest/gtest.h>

#include "imgui_frames.h"
#include "render/demo_caption.h"
#include "render/demo_screen.h"
#include "render/scene_view.h"
#include "scenarios/rig.h"

using namespace tractus;
using namespace tractus::render;
using tractus::render::test::kKeyEscape;

namespace {

struct DemoFixture : tractus::render::test::TableScreenTest {
  DemoScreen screen{ui.fonts, ui.widgets};
  SceneView view;
  DemoCaption caption;

  DemoFixture() : TableScreenTest(Screen::Demo) {
    caption.step = 0;
    caption.step_count = 3;
    caption.title = "Static traction";
    caption.body = "The table ramps slowly to the prescribed force.";
    caption.camera = CameraPreset::Side;
    caption.step_duration_s = 60.0;
    in.demo = &caption;
  }
  // the router draws the console and the spine panel between the two halves
  void draw_once() override {
    asked = screen.begin_demo(in, out);
    view.apply(asked);
    const ViewRequests later = screen.draw_demo(in, out);
    view.apply(later);
    asked.merge(later);
  }
};

}  // namespace

TEST_F(DemoFixture, EachNewStepAsksForItsCameraOnce) {
  screen.on_enter();
  ui.frame(draw());
  // framed around the panels by the view
  ASSERT_TRUE(asked.frame.has_value());
  EXPECT_EQ(*asked.frame, CameraPreset::Side);
  ASSERT_TRUE(asked.xray.has_value());
  EXPECT_FALSE(*asked.xray);
  ui.frame(draw());
  EXPECT_FALSE(asked.frame.has_value());
  caption.step = 1;
  caption.camera = CameraPreset::Spine;
  ui.frame(draw());
  ASSERT_TRUE(asked.frame.has_value());
  EXPECT_EQ(*asked.frame, CameraPreset::Spine);
  ASSERT_TRUE(asked.xray.has_value());
  EXPECT_TRUE(*asked.xray);
}

TEST_F(DemoFixture, AFirstKeyShowsTheExitAndEscapeThenLeaves) {
  ui.frames(2, draw());
  EXPECT_FALSE(ui.drawn("demo.exit"));
  ui.press_key(kKeyEscape, draw());
  EXPECT_FALSE(out.go_to.has_value());
  EXPECT_TRUE(ui.drawn("demo.exit"));
  ui.frames(1, draw());
  ui.press_key(kKeyEscape, draw());
  ASSERT_TRUE(out.go_to.has_value());
  EXPECT_EQ(*out.go_to, Screen::Start);
  // leaving turns the x-ray off, so the start screen's view is the plain one
  ASSERT_TRUE(asked.xray.has_value());
  EXPECT_FALSE(*asked.xray);
}

TEST_F(DemoFixture, TheExitControlLeaves) {
  ui.frames(1, draw());
  ui.press_key(kKeyEscape, draw());
  ui.click("demo.exit", draw());
  ASSERT_TRUE(out.go_to.has_value());
  EXPECT_EQ(*out.go_to, Screen::Start);
}

TEST_F(DemoFixture, WithoutACaptionNothingIsDrawnOrAsked) {
  in.demo = nullptr;
  ui.frames(2, draw());
  EXPECT_FALSE(ui.drawn("demo.step"));
  EXPECT_FALSE(asked.frame.has_value());
}
