// The scenario list: the library and the mode on the left, the selected scenario's briefing
// and its Start on the right
#include "render/scenario_list_screen.h"

#include <algorithm>
#include <string>
#include <vector>

#include <imgui.h>

#include "render/theme.h"
#include "render/widgets.h"

namespace tractus::render {

void ScenarioListScreen::draw_scenario_list(const FrameInput& in, UiRequests& out) {
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(0, kToolbarHeightPx));
  ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x, io.DisplaySize.y - kToolbarHeightPx));
  ImGui::Begin("Scenarios", nullptr,
               ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoTitleBar);
  const std::vector<LibraryEntry>& lib = *in.library;
  if (!in.message.empty()) {
    message_text(in.message);
    widgets_.record_last_item("scenarios.message");
  }
  const float list_w = std::min(420.0f, io.DisplaySize.x * 0.38f);
  ImGui::BeginChild("list", ImVec2(list_w, 0.0f), true);
  ImGui::PushFont(fonts_.heading);
  ImGui::Text("Scenario library (%d)", static_cast<int>(lib.size()));
  ImGui::PopFont();
  // the mode comes first: an assessment list must not say what each scenario tests
  const float mode_w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
  for (const bool assessment : {false, true}) {
    if (assessment) ImGui::SameLine();
    const bool on = list_assessment_ == assessment;
    if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_HeaderActive));
    if (ImGui::Button(assessment ? "Assessment" : "Practice", ImVec2(mode_w, 0.0f))) list_assessment_ = assessment;
    if (on) ImGui::PopStyleColor();
    widgets_.record_last_item(assessment ? "scenario.mode_assessment" : "scenario.mode_practice");
  }
  ImGui::Separator();
  for (int i = 0; i < static_cast<int>(lib.size()); ++i) {
    ImGui::PushID(i);
    if (ImGui::Selectable(lib[i].title.c_str(), selected_scenario_ == i)) selected_scenario_ = i;
    widgets_.record_last_item(("scenario." + lib[i].id).c_str());
    if (!list_assessment_) {
      ImGui::TextDisabled("   %s", lib[i].category.c_str());
      widgets_.record_last_item(("scenario.category." + lib[i].id).c_str());
    }
    ImGui::PopID();
  }
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("briefing", ImVec2(0.0f, 0.0f), true);
  if (lib.empty()) {
    ImGui::TextWrapped("No scenarios were found in the library.");
  } else {
    selected_scenario_ = std::clamp(selected_scenario_, 0, static_cast<int>(lib.size()) - 1);
    const LibraryEntry& e = lib[selected_scenario_];
    ImGui::PushFont(fonts_.heading);
    ImGui::TextWrapped("%s", e.title.c_str());
    ImGui::PopFont();
    // practice may name what the scenario is about; assessment names nothing but the patient
    if (!list_assessment_) {
      ImGui::TextDisabled("%s, %s case", e.category.c_str(), e.difficulty.c_str());
      widgets_.record_last_item("scenario.briefing_category");
    }
    ImGui::Separator();
    ImGui::TextWrapped("%s", e.patient.c_str());
    ImGui::Spacing();
    ImGui::TextWrapped("%s", e.briefing.c_str());
    ImGui::Spacing();
    if (!list_assessment_) {
      if (coloured_button("Start in practice mode", theme::kOk, ImVec2(260.0f, 44.0f), true)) out.open_scenario = e.id;
      widgets_.record_last_item("scenario.start_practice");
      ImGui::TextDisabled("Practice shows the category, hints and a live score.");
    } else {
      if (coloured_button("Start the assessment", theme::kAccent, ImVec2(260.0f, 44.0f), true)) {
        out.open_scenario = e.id;
        out.assessment = true;
      }
      widgets_.record_last_item("scenario.start_assessment");
      ImGui::TextDisabled("Assessment hides the category, hints and the live score.");
    }
    // a curriculum step retried before the remedial case its failure owes does not count
    const CurriculumView* c = in.curriculum;
    if (c != nullptr && c->next == CurriculumView::Next::Remedial && c->current_step < c->steps.size() &&
        c->steps[c->current_step].scenario == e.id) {
      ImGui::Spacing();
      ImGui::PushStyleColor(ImGuiCol_Text, theme::kWarn);
      ImGui::TextWrapped("Curriculum: an attempt now does not count towards step %zu. Pass its remedial case, "
                         "\"%s\", first.", c->current_step + 1, c->next_title.c_str());
      ImGui::PopStyleColor();
      widgets_.record_last_item("scenario.curriculum_note");
    }
  }
  // a saved session record opens straight into its debrief, with the 3D replay
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::TextDisabled("Review a saved session: its debrief, 3D replay and plots.");
  if (ImGui::Button("Open a session record...", ImVec2(240.0f, 34.0f))) out.import_record = true;
  widgets_.record_last_item("scenario.open_record");
  ImGui::EndChild();
  ImGui::End();
}

}  // namespace tractus::render
