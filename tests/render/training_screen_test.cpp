// The training column's requests (render/training_screen.h): each button makes its trainee
// action, opening the briefing is the review_chart action once, and the column folds to a strip
// and back without losing the session's inputs.
#include <gtest/gtest.h>

#include <memory>

#include "imgui_frames.h"
#include "library_fixture.h"
#include "render/training_screen.h"
#include "scenarios/vocabulary.h"

using namespace tractus;
using namespace tractus::render;

namespace {

struct TrainingFixture : tractus::render::test::ScreenTest {
  TrainingScreen screen{ui.fonts, ui.widgets};
  std::unique_ptr<scenarios::Session> session;

  TrainingFixture() {
    session = std::make_unique<scenarios::Session>(tractus::test::library_scenario("routine-lumbar-l45"),
                                                   scenarios::SessionOptions{});
  }
  void draw_once() override { screen.draw_training(*session, out); }
  // applies the frame's actions to the session, as the host does
  void apply_actions() {
    for (const scenarios::Action& a : out.actions) session->apply(a);
  }
};

}  // namespace

TEST_F(TrainingFixture, AskSendsTheSelectedQuestion) {
  ui.click("chart.ask", draw());
  ASSERT_EQ(out.actions.size(), 1u);
  EXPECT_EQ(out.actions[0].kind, scenarios::ActionKind::Ask);
  EXPECT_EQ(out.actions[0].question, scenarios::screening_questions()[0].id);
}

TEST_F(TrainingFixture, DeclineNamesTheSelectedReason) {
  ui.click("chart.decline", draw());
  ASSERT_EQ(out.actions.size(), 1u);
  EXPECT_EQ(out.actions[0].kind, scenarios::ActionKind::DeclineTreatment);
  EXPECT_EQ(out.actions[0].reason, scenarios::contraindications()[0].id);
  EXPECT_EQ(screen.decline_index(), 0);
}

TEST_F(TrainingFixture, BedsideButtonsMakeTheirActions) {
  const struct { const char* id; scenarios::ActionKind kind; } buttons[] = {
      {"patient.explain", scenarios::ActionKind::ExplainProcedure},
      {"patient.give_stop_switch", scenarios::ActionKind::GiveStopSwitch},
      {"patient.check_in", scenarios::ActionKind::CheckIn},
      {"patient.emergency_stop", scenarios::ActionKind::EmergencyStop},
      {"chart.hint", scenarios::ActionKind::RequestHint}};
  for (const auto& b : buttons) {
    ui.click(b.id, draw());
    ASSERT_EQ(out.actions.size(), 1u) << b.id;
    EXPECT_EQ(out.actions[0].kind, b.kind) << b.id;
  }
  ui.click("patient.fit_harness", draw());
  ASSERT_EQ(out.actions.size(), 1u);
  EXPECT_EQ(out.actions[0].kind, scenarios::ActionKind::FitHarness);
  EXPECT_EQ(out.actions[0].quality, "good");
}

TEST_F(TrainingFixture, OpeningTheBriefingReviewsTheChartOnce) {
  ui.click("chart.header", draw());
  ASSERT_EQ(out.actions.size(), 1u);
  EXPECT_EQ(out.actions[0].kind, scenarios::ActionKind::ReviewChart);
  apply_actions();
  ui.frames(2, draw());
  EXPECT_TRUE(out.actions.empty());
}

TEST_F(TrainingFixture, TheColumnFoldsToAStripAndBack) {
  ui.frames(2, draw());
  const float open_w = screen.training_column_w_px();
  EXPECT_FLOAT_EQ(open_w, 360.0f);
  ui.click("chart.collapse", draw());
  EXPECT_FLOAT_EQ(screen.training_column_w_px(), 44.0f);
  ui.frames(1, draw());
  EXPECT_FALSE(ui.drawn("chart.ask"));
  EXPECT_TRUE(ui.drawn("chart.expand"));
  ui.click("chart.expand", draw());
  EXPECT_FLOAT_EQ(screen.training_column_w_px(), open_w);
}

TEST_F(TrainingFixture, AssessmentOffersNoHint) {
  scenarios::SessionOptions assessment;
  assessment.mode = scenarios::Mode::Assessment;
  session = std::make_unique<scenarios::Session>(tractus::test::library_scenario("routine-lumbar-l45"), assessment);
  ui.frames(2, draw());
  EXPECT_FALSE(ui.drawn("chart.hint"));
  EXPECT_TRUE(ui.drawn("chart.ask"));
}
