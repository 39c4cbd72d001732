// The training screen's left column: its width, and the strip it folds to so that a
// narrow screen (1024 px) keeps a usable 3D view
#include <algorithm>
#include <cstdio>

#include <imgui.h>

#include "render/theme.h"
#include "render/training_screen.h"
#include "render/widgets.h"
#include "scenarios/session.h"

namespace tractus::render {

namespace {
constexpr float kWideColumnPx = 360.0f;
constexpr float kNarrowColumnPx = 340.0f;   // below kNarrowScreenPx: the bedside buttons still fit
constexpr float kNarrowScreenPx = 1200.0f;
constexpr float kFoldedColumnPx = 44.0f;
}  // namespace

void TrainingScreen::reset_session_inputs() {
  question_index_ = 0;
  decline_index_ = 0;
  note_[0] = '\0';
  closed_message_us_ = -1;  // a new session shows its own messages
}

void TrainingScreen::draw_training(const scenarios::Session& session, UiRequests& out) {
  if (chart_collapsed_) {
    draw_folded_column(session);
  } else {
    draw_chart_panel(session, out);
    draw_patient_talk(session, out);
  }
  draw_instructor_message(session);
}

void TrainingScreen::draw_instructor_message(const scenarios::Session& session) {
  // the instructor's newest message (a classroom's), over the foot of the 3D view until the
  // trainee closes it; the debrief's timeline keeps every one
  const std::vector<scenarios::RecordedAction>& actions = session.actions();
  auto newest = actions.rend();
  for (auto it = actions.rbegin(); it != actions.rend(); ++it) {
    if (it->action.kind == scenarios::ActionKind::Message && it->accepted) {
      newest = it;
      break;
    }
  }
  if (newest == actions.rend() || newest->t_us <= closed_message_us_) return;
  const ImGuiIO& io = ImGui::GetIO();
  const float left = training_column_w_px() + 24.0f;
  const float width = std::min(440.0f, io.DisplaySize.x - left - console_panel_width_px() - 24.0f);
  ImGui::SetNextWindowPos(ImVec2(left, io.DisplaySize.y - 16.0f), ImGuiCond_Always, ImVec2(0.0f, 1.0f));
  ImGui::SetNextWindowSize(ImVec2(std::max(width, 240.0f), 0.0f));
  ImGui::SetNextWindowBgAlpha(0.97f);
  bool open = true;
  const int64_t s = newest->t_us / 1000000;
  char title[64];
  std::snprintf(title, sizeof title, "Message from your instructor, %02d:%02d###instructor_message",
                static_cast<int>(s / 60), static_cast<int>(s % 60));
  ImGui::Begin(title, &open, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                 ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing);
  widgets_.record("training.instructor_message", WidgetRect{ImGui::GetWindowPos().x, ImGui::GetWindowPos().y,
                                                            ImGui::GetWindowSize().x, ImGui::GetWindowSize().y});
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(newest->action.text.c_str());
  ImGui::PopTextWrapPos();
  ImGui::End();
  if (!open) closed_message_us_ = newest->t_us;
}

float TrainingScreen::training_column_w_px() const {
  if (chart_collapsed_) return kFoldedColumnPx;
  return ImGui::GetIO().DisplaySize.x < kNarrowScreenPx ? kNarrowColumnPx : kWideColumnPx;
}

void TrainingScreen::draw_fold_button() {
  // top right of the chart panel; the caller's title wraps short of it
  const ImVec2 at = ImGui::GetCursorPos();
  const float w = ImGui::GetFrameHeight() + 8.0f;
  ImGui::SetCursorPos(ImVec2(ImGui::GetWindowContentRegionMax().x - w, at.y));
  if (ImGui::Button("<<", ImVec2(w, 0.0f))) chart_collapsed_ = true;
  widgets_.record_last_item("chart.collapse");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Fold the chart and patient panels away");
  ImGui::SetCursorPos(at);
  ImGui::PushTextWrapPos(ImGui::GetWindowContentRegionMax().x - w - 6.0f);
}

void TrainingScreen::draw_folded_column(const scenarios::Session& session) {
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(8.0f, kToolbarHeightPx + 8.0f));
  ImGui::SetNextWindowSize(ImVec2(kFoldedColumnPx, io.DisplaySize.y - kToolbarHeightPx - 16.0f));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(4.0f, 8.0f));
  ImGui::Begin("Chart strip", nullptr,
               ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoTitleBar |
                   ImGuiWindowFlags_NoScrollbar);
  if (ImGui::Button(">>", ImVec2(-1.0f, 0.0f))) chart_collapsed_ = false;
  widgets_.record_last_item("chart.expand");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show the chart and patient panels");
  // the patient's pain stays in sight while the panels are folded
  const scenarios::PerceivedPatient& p = session.patient();
  ImGui::Spacing();
  ImGui::TextDisabled("Pain");
  ImGui::TextColored(p.pain_0_10 >= 6 ? theme::kDanger : theme::kAccent, "%2d", p.pain_0_10);
  ImGui::End();
  ImGui::PopStyleVar();
}

}  // namespace tractus::render
