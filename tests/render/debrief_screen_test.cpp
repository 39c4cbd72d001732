// The debrief's requests (render/debrief_screen.h): a new film starts paused at its beginning
// and asks for the side view, the tabs report which one is on show, exports wait for a report
// with its session, and the way out is Back to scenarios.
#include <gtest/gtest.h>

#include "imgui_frames.h"
#include "library_fixture.h"
#include "render/debrief_screen.h"
#include "scenarios/record.h"
#include "scenarios/replay_trace.h"
#include "scenarios/scoring.h"

using namespace tractus;
using namespace tractus::render;

namespace {

struct DebriefFixture : tractus::render::test::ScreenTest {
  DebriefScreen screen{ui.fonts, ui.widgets};
  OrbitCamera camera;
  scenarios::Report report;

  DebriefFixture() {
    report.scenario = "routine-lumbar-l45";
    report.score = 85.0;
    report.passed = true;
    report.mode = "practice";
    scenarios::TimelineEntry e;
    e.t_us = 2000000;
    e.kind = "action";
    e.text = "Start";
    report.timeline.push_back(e);
    in.screen = Screen::Debrief;
    in.report = &report;
  }
  void draw_once() override {
    asked = screen.draw_debrief(in, ForceUnit::Lbf, camera, out);
    if (asked.camera) camera = *asked.camera;
  }
};

}  // namespace

TEST_F(DebriefFixture, TheTabsSayWhichIsOnShow) {
  ui.frames(2, draw());
  EXPECT_EQ(screen.debrief_tab(), DebriefScreen::DebriefTab::Checklist);
  ui.click("debrief.tab.timeline", draw());
  ui.frames(1, draw());
  EXPECT_EQ(screen.debrief_tab(), DebriefScreen::DebriefTab::Timeline);
  ui.click("debrief.tab.questions", draw());
  ui.frames(1, draw());
  EXPECT_EQ(screen.debrief_tab(), DebriefScreen::DebriefTab::Questions);
}

TEST_F(DebriefFixture, ExportsWaitForTheSessionAndBackLeaves) {
  ui.click("debrief.export_json", draw());
  EXPECT_FALSE(out.export_report_json);
  ui.click("debrief.back", draw());
  ASSERT_TRUE(out.go_to.has_value());
  EXPECT_EQ(*out.go_to, Screen::ScenarioList);
}

TEST_F(DebriefFixture, ANewFilmAsksForTheSideViewOnceAndStartsAtZero) {
  const scenarios::Scenario sc = tractus::test::library_scenario("routine-lumbar-l45");
  scenarios::Session session(sc, scenarios::SessionOptions{});
  session.advance_us(3000000);
  scenarios::ReplayTrace film(sc, scenarios::make_record(session), 250000);
  ASSERT_TRUE(film.ok()) << film.error();
  camera.apply(CameraPreset::Top);
  ui.frames(2, draw());  // no film yet: the camera is left alone
  EXPECT_FALSE(asked.camera.has_value());
  in.film = &film;
  ui.frame(draw());
  ASSERT_TRUE(asked.camera.has_value());
  OrbitCamera side;
  side.apply(CameraPreset::Side);
  EXPECT_FLOAT_EQ(asked.camera->pitch_rad, side.pitch_rad);
  EXPECT_FLOAT_EQ(asked.camera->distance_m, side.distance_m);
  EXPECT_DOUBLE_EQ(screen.debrief_time_s(), 0.0);
  ui.frame(draw());
  EXPECT_FALSE(asked.camera.has_value());
}

TEST_F(DebriefFixture, TheReplayTakesThePartThePanelsLeaveOpen) {
  ui.frames(2, draw());
  const float* r = screen.replay_rect_px();
  // right of the details column (40% of 1280, at least 380), below the toolbar and header
  EXPECT_FLOAT_EQ(r[0], 512.0f);
  EXPECT_FLOAT_EQ(r[1], kToolbarHeightPx + 96.0f);
  EXPECT_FLOAT_EQ(r[2], 1280.0f - 512.0f);
  EXPECT_GT(r[3], 100.0f);
}
