// The training screen's left column: its width, and the strip it folds to so that a
// narrow screen (1024 px) keeps a usable 3D view
#include <algorithm>

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
}

void TrainingScreen::draw_training(const scenarios::Session& session, UiRequests& out) {
  if (chart_collapsed_) {
    draw_folded_column(session);
  } else {
    draw_chart_panel(session, out);
    draw_patient_talk(session, out);
  }
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
