// The start screen's curriculum box: how far the trainee is through the curriculum, the one
// case to play next (the next step's assessment, or the remedial case a failure owes) and, in
// a popup, every step with the date it was mastered. Kept to three rows so the start screen
// still fits a 1280x720 window with the history below it.
#include <cstdio>
#include <string>

#include <imgui.h>

#include "render/start_screen.h"
#include "render/text_clip.h"
#include "render/theme.h"
#include "render/widgets.h"

namespace tractus::render {

namespace {
// "2026-12-04T10:00:00.000Z" as "2026-12-04"
std::string day_of(const std::string& iso) { return iso.size() >= 10 ? iso.substr(0, 10) : iso; }
}  // namespace

void StartScreen::draw_curriculum(const CurriculumView& c, UiRequests& out) {
  ImGui::Spacing();
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.94f, 0.97f, 0.95f, 1.0f));
  ImGui::PushStyleColor(ImGuiCol_Border, theme::kOk);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(12, 6));
  const float row_h = ImGui::GetFrameHeightWithSpacing();
  ImGui::BeginChild("curriculum", ImVec2(0.0f, ImGui::GetTextLineHeightWithSpacing() * 2.0f + row_h + 12.0f), true,
                    ImGuiWindowFlags_NoScrollbar);
  const std::size_t total = c.steps.size();
  char count[64];
  std::snprintf(count, sizeof count, "%zu of %zu mastered", c.mastered, total);
  ImGui::PushFont(fonts_.heading);
  ImGui::TextUnformatted(("Curriculum: " + c.title).c_str());
  ImGui::PopFont();
  ImGui::SameLine();
  const float bar_w = ImGui::GetContentRegionAvail().x;
  ImGui::ProgressBar(total ? static_cast<float>(c.mastered) / static_cast<float>(total) : 0.0f,
                     ImVec2(bar_w, ImGui::GetTextLineHeight() + 4.0f), count);
  widgets_.record_last_item("start.curriculum.progress");

  const float steps_w = 80.0f;
  const float go_w = 210.0f;
  const float text_w = ImGui::GetContentRegionAvail().x;
  const bool remedial = c.next == CurriculumView::Next::Remedial;
  std::string why;  // the next case's reason, on the button row and whole in its tooltip
  if (c.next == CurriculumView::Next::Done) {
    const std::string last = total ? day_of(c.steps.back().mastered_at) : std::string();
    ImGui::TextColored(theme::kOk, "Every step mastered%s%s.", last.empty() ? "" : ", the last on ", last.c_str());
  } else {
    const CurriculumStepView& step = c.steps[c.current_step];
    const std::string head = "Step " + std::to_string(c.current_step + 1) + " of " + std::to_string(total) + ": ";
    if (remedial) {
      // the step failed last: its remedial case comes before a retry
      ImGui::TextColored(theme::kWarn, "%s", clip_to_width(head + "not yet passed. Remedial case first: " + c.next_title,
                                                           text_w).c_str());
      why = (c.remedial_is_easier_case ? "An easier case of the same kind. Then retry " : "Then retry ") + step.title + ".";
    } else {
      ImGui::TextUnformatted(clip_to_width(head + step.title, text_w).c_str());
      why = step.why;
    }
  }
  widgets_.record_last_item("start.curriculum.next");

  const float why_w = ImGui::GetContentRegionAvail().x - go_w - steps_w - 2.0f * ImGui::GetStyle().ItemSpacing.x;
  ImGui::AlignTextToFramePadding();
  ImGui::TextColored(theme::kMuted, "%s", clip_to_width(why, why_w).c_str());
  if (!why.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", why.c_str());
  if (c.next != CurriculumView::Next::Done) {
    ImGui::SameLine(ImGui::GetContentRegionMax().x - go_w - steps_w - ImGui::GetStyle().ItemSpacing.x);
    // a step is mastered only in assessment; the remedial case is for learning, so it opens
    // in practice with its hints
    if (coloured_button(remedial ? "Open it in practice##curriculum" : "Open the assessment##curriculum",
                        remedial ? theme::kWarn : theme::kOk, ImVec2(go_w, 0.0f), true)) {
      out.open_scenario = c.next_scenario;
      out.assessment = !remedial;
    }
    widgets_.record_last_item("start.curriculum.open");
  }
  ImGui::SameLine(ImGui::GetContentRegionMax().x - steps_w);
  if (ImGui::Button("Steps", ImVec2(steps_w, 0.0f))) ImGui::OpenPopup("curriculum_steps");
  widgets_.record_last_item("start.curriculum.steps");
  if (ImGui::BeginPopup("curriculum_steps")) {
    ImGui::PushFont(fonts_.heading);
    ImGui::TextUnformatted(c.title.c_str());
    ImGui::PopFont();
    for (std::size_t i = 0; i < total; ++i) {
      const CurriculumStepView& s = c.steps[i];
      const std::string line = std::to_string(i + 1) + ". " + s.title;
      if (s.mastered) {
        ImGui::TextColored(theme::kOk, "%s  (mastered %s)", line.c_str(), day_of(s.mastered_at).c_str());
      } else if (i == c.current_step) {
        ImGui::Text("%s  (%s%s)", line.c_str(), c.next == CurriculumView::Next::Remedial ? "after the remedial case" : "next",
                    s.attempts > 0 ? (", " + std::to_string(s.attempts) + " attempt" + (s.attempts > 1 ? "s" : "")).c_str() : "");
      } else {
        ImGui::TextColored(theme::kMuted, "%s", line.c_str());
      }
    }
    ImGui::EndPopup();
  }
  ImGui::EndChild();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor(2);
}

}  // namespace tractus::render
