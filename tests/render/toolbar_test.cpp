// The toolbar's requests (render/toolbar.h): the clock goes to the host, and the view's presets
// and toggles and the instructor button come back as ViewRequests for the router, so the
// toolbar changes nothing itself. In a classroom room the trainee sees no instructor button, and
// an upright tablet keeps every control on the bar.
#include <gtest/gtest.h>

#include "imgui_frames.h"
#include "render/room_view.h"
#include "render/scene_view.h"
#include "render/toolbar.h"
#include "scenarios/rig.h"

using namespace tractus;
using namespace tractus::render;

namespace {

// 1500 px and wider shows the view presets as buttons
struct ToolbarFixture : tractus::render::test::TableScreenTest {
  ToolbarFixture() : TableScreenTest(Screen::Sandbox, 1600.0f, 900.0f) {}
  void draw_once() override { asked = toolbar.draw_toolbar(in, view, instructor_open, room_open, out); }

  Toolbar toolbar{ui.fonts, ui.widgets};
  SceneView view;  // no GPU: only its camera and toggles are read
  bool instructor_open = false;
  bool room_open = false;
};

}  // namespace

TEST_F(ToolbarFixture, TheClockGoesToTheHost) {
  ui.click("toolbar.speed_60", draw());
  ASSERT_TRUE(out.speed.has_value());
  EXPECT_EQ(*out.speed, 60);
  ui.click("toolbar.pause", draw());
  ASSERT_TRUE(out.paused.has_value());
  EXPECT_TRUE(*out.paused);
  in.clock.paused = true;
  ui.click("toolbar.step", draw());
  EXPECT_TRUE(out.single_step);
}

TEST_F(ToolbarFixture, StepIsInertWhileTheClockRuns) {
  ui.click("toolbar.step", draw());
  EXPECT_FALSE(out.single_step);
}

TEST_F(ToolbarFixture, APresetAsksToBeFramedAndLeavesTheViewAsItIs) {
  ui.click("toolbar.view.side", draw());
  // the view fits the preset's subject around the panels (scene_view_framing.cpp)
  ASSERT_TRUE(asked.frame.has_value());
  EXPECT_EQ(*asked.frame, CameraPreset::Side);
  EXPECT_FALSE(asked.camera.has_value());
  EXPECT_FALSE(asked.xray.has_value());
  // the toolbar asked; the view moves only once the router applies the request
  EXPECT_FLOAT_EQ(view.camera().yaw_rad, OrbitCamera{}.yaw_rad);
  view.apply(asked);
  OrbitCamera side;
  side.apply(CameraPreset::Side);
  EXPECT_FLOAT_EQ(view.camera().yaw_rad, side.yaw_rad);
  EXPECT_TRUE(view.framing().framed);
}

TEST_F(ToolbarFixture, TheSpinePresetTurnsTheXrayOn) {
  ui.click("toolbar.view.spine", draw());
  ASSERT_TRUE(asked.frame.has_value());
  EXPECT_EQ(*asked.frame, CameraPreset::Spine);
  ASSERT_TRUE(asked.xray.has_value());
  EXPECT_TRUE(*asked.xray);
  EXPECT_FALSE(view.xray());
}

TEST_F(ToolbarFixture, TogglesAskForTheOppositeOfWhatTheViewShows) {
  ui.click("toolbar.labels", draw());
  ASSERT_TRUE(asked.labels.has_value());
  EXPECT_TRUE(*asked.labels);
  view.apply(asked);
  ui.click("toolbar.labels", draw());
  ASSERT_TRUE(asked.labels.has_value());
  EXPECT_FALSE(*asked.labels);
}

TEST_F(ToolbarFixture, TheInstructorButtonOpensAndClosesThePanel) {
  ui.click("toolbar.instructor", draw());
  ASSERT_TRUE(asked.instructor_open.has_value());
  EXPECT_TRUE(*asked.instructor_open);
  instructor_open = true;
  ui.click("toolbar.instructor", draw());
  ASSERT_TRUE(asked.instructor_open.has_value());
  EXPECT_FALSE(*asked.instructor_open);
}

TEST_F(ToolbarFixture, SandboxResetsTheTableAndTrainingEndsTheSession) {
  ui.click("toolbar.reset", draw());
  EXPECT_TRUE(out.reset);
  EXPECT_TRUE(out.actions.empty());
  in.screen = Screen::Training;
  ui.frames(1, draw());
  EXPECT_FALSE(ui.drawn("toolbar.reset"));
  ui.click("toolbar.end_session", draw());
  ASSERT_EQ(out.actions.size(), 1u);
  EXPECT_EQ(out.actions[0].kind, scenarios::ActionKind::EndSession);
}

TEST_F(ToolbarFixture, TheScenarioListAndDebriefShowOnlyHome) {
  for (Screen screen : {Screen::ScenarioList, Screen::Debrief}) {
    in.screen = screen;
    ui.frames(2, draw());
    // Home and nothing of the live table: no clock, no instructor
    EXPECT_TRUE(ui.drawn("toolbar.home") && !ui.drawn("toolbar.pause") && !ui.drawn("toolbar.instructor"))
        << static_cast<int>(screen);
  }
  ui.click("toolbar.home", draw());
  ASSERT_TRUE(out.go_to.has_value());
  EXPECT_EQ(*out.go_to, Screen::Start);
}

namespace {

// the training screen's bar, with the classroom room the host reports
struct TrainingToolbar : tractus::render::test::TableScreenTest {
  explicit TrainingToolbar(float width_px = 1280.0f) : TableScreenTest(Screen::Training, width_px, 720.0f) {
    in.room = &room;
  }
  void draw_once() override { asked = toolbar.draw_toolbar(in, view, false, false, out); }

  Toolbar toolbar{ui.fonts, ui.widgets};
  SceneView view;
  RoomView room;
};

struct TabletToolbar : TrainingToolbar {
  TabletToolbar() : TrainingToolbar(768.0f) {}
};

}  // namespace

TEST_F(TrainingToolbar, OutOfARoomTheClassroomButtonOpensItsPanelBesideTheInstructors) {
  ui.frames(2, draw());
  EXPECT_TRUE(ui.drawn("toolbar.instructor"));
  ui.click("toolbar.classroom", draw());
  ASSERT_TRUE(asked.room_open.has_value());
  EXPECT_TRUE(*asked.room_open);
}

TEST_F(TrainingToolbar, InARoomTheTraineeSeesNeitherTheInstructorButtonNorItsFaultCount) {
  // issue 16: the instructor is on another device, and what they prepare must not show here
  twin::FaultSpec spec;
  ASSERT_TRUE(twin::make_fault_spec("power.loss", &spec, rig.now_us()).ok);
  ASSERT_TRUE(rig.inject_fault(spec).ok);
  ui.frames(2, draw());
  EXPECT_TRUE(ui.drawn("toolbar.instructor")) << "out of a room the fault shows on the instructor button";
  for (RoomStatus status : {RoomStatus::Connecting, RoomStatus::Open, RoomStatus::Claimed, RoomStatus::Reconnecting}) {
    room.status = status;
    ui.frames(2, draw());
    EXPECT_FALSE(ui.drawn("toolbar.instructor")) << static_cast<int>(status);
    EXPECT_TRUE(ui.drawn("toolbar.classroom"));
  }
  room.status = RoomStatus::Unavailable;  // a room that never opened hides nothing
  ui.frames(2, draw());
  EXPECT_TRUE(ui.drawn("toolbar.instructor"));
}

TEST_F(TabletToolbar, AnUprightTabletKeepsEveryControlOnTheBar) {
  ui.frames(2, draw());
  EXPECT_TRUE(ui.drawn("toolbar.speed")) << "the speeds fold into one menu";
  EXPECT_FALSE(ui.drawn("toolbar.speed_10"));
  EXPECT_FALSE(ui.drawn("toolbar.xray")) << "the view toggles live in the view menu";
  for (const char* id : {"toolbar.home", "toolbar.pause", "toolbar.view", "toolbar.end_session", "toolbar.classroom",
                         "toolbar.instructor"}) {
    WidgetRect r;
    ASSERT_TRUE(ui.widgets.find(id, r)) << id;
    EXPECT_LE(r.x + r.w, 768.0f) << id;
  }
  ui.click("toolbar.speed", draw());
  ui.click("toolbar.speed_60", draw());
  ASSERT_TRUE(out.speed.has_value());
  EXPECT_EQ(*out.speed, 60);
}
