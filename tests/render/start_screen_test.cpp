// The start screen's requests (render/start_screen.h): its four ways in, the trainee's name and
// the history list, newest first, whose replayable rows open their debrief.
#include <gtest/gtest.h>

#include <vector>

#include "imgui_frames.h"
#include "render/start_screen.h"

using namespace tractus::render;

namespace {

struct StartFixture : tractus::render::test::ScreenTest {
  StartScreen screen{ui.fonts, ui.widgets};
  std::vector<HistoryRow> history;

  StartFixture() {
    in.screen = Screen::Start;
    in.history = &history;
  }
  void draw_once() override { screen.draw_start_screen(in, out); }
};

HistoryRow row(const char* title, bool replayable) {
  HistoryRow r;
  r.title = title;
  r.mode = "practice";
  r.score = 90.0;
  r.passed = true;
  r.finished_at = "2026-12-01T10:00:00Z";
  r.replayable = replayable;
  return r;
}

}  // namespace

TEST_F(StartFixture, EachWayInAsksForItsScreen) {
  const struct { const char* id; Screen screen; } ways[] = {{"start.training", Screen::ScenarioList},
                                                            {"start.continue", Screen::Sandbox},
                                                            {"start.educate", Screen::Education},
                                                            {"start.demo", Screen::Demo}};
  for (const auto& way : ways) {
    ui.click(way.id, draw());
    ASSERT_TRUE(out.go_to.has_value()) << way.id;
    EXPECT_EQ(*out.go_to, way.screen) << way.id;
  }
}

TEST_F(StartFixture, NothingIsAskedWithoutAClick) {
  ui.frames(3, draw());
  EXPECT_FALSE(out.go_to.has_value());
  EXPECT_FALSE(out.set_trainee.has_value());
  EXPECT_FALSE(out.open_history_entry.has_value());
}

TEST_F(StartFixture, SaveSendsTheSavedNameTheFieldWasFilledWith) {
  in.trainee = "Ada Lovelace";
  ui.click("start.save_trainee", draw());
  ASSERT_TRUE(out.set_trainee.has_value());
  EXPECT_EQ(*out.set_trainee, "Ada Lovelace");
}

TEST_F(StartFixture, AReplayableRowOpensItsOwnEntryAndOneWithoutRecordDoesNot) {
  history = {row("oldest", true), row("no record", false), row("newest", true)};
  ui.click("start.history.row.0", draw());
  ASSERT_TRUE(out.open_history_entry.has_value());
  EXPECT_EQ(*out.open_history_entry, 0);
  ui.click("start.history.row.2", draw());
  ASSERT_TRUE(out.open_history_entry.has_value());
  EXPECT_EQ(*out.open_history_entry, 2);
  ui.click("start.history.row.1", draw());
  EXPECT_FALSE(out.open_history_entry.has_value());
}

TEST_F(StartFixture, TheNewestRowIsListedFirst) {
  history = {row("oldest", true), row("middle", true), row("newest", true)};
  ui.frames(3, draw());
  WidgetRect oldest, newest;
  ASSERT_TRUE(ui.widgets.find("start.history.row.0", oldest));
  ASSERT_TRUE(ui.widgets.find("start.history.row.2", newest));
  EXPECT_LT(newest.y, oldest.y);
}

TEST_F(StartFixture, TheResumeOfferAnswersResumeOrDiscard) {
  const ResumeOffer offer{"Routine lumbar", 75.0};
  in.resume_offer = &offer;
  ui.click("start.resume", draw());
  ASSERT_TRUE(out.resume_session.has_value());
  EXPECT_TRUE(*out.resume_session);
  ui.click("start.discard_resume", draw());
  ASSERT_TRUE(out.resume_session.has_value());
  EXPECT_FALSE(*out.resume_session);
}

TEST_F(StartFixture, ACoursesOfferNamesTheSessionItReturnsTo) {
  ResumeOffer offer{"Course of care: 12 sessions for an L4-5 protrusion", 35.4};
  EXPECT_EQ(resume_offer_where(offer), " at 00:35");
  offer.course_session = 2;
  offer.course_sessions = 12;
  offer.course_finished = 1;
  EXPECT_EQ(resume_offer_where(offer), ": Session 2 of 12 at 00:35");
  offer.course_session = 1;
  offer.between_sessions = true;
  EXPECT_EQ(resume_offer_where(offer), ": after Session 1 of 12");
  // and its buttons answer as a single session's do
  in.resume_offer = &offer;
  ui.click("start.resume", draw());
  ASSERT_TRUE(out.resume_session.has_value());
  EXPECT_TRUE(*out.resume_session);
}
