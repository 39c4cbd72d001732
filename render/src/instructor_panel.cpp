// The instructor panel: inject any fault from the one fault catalogue or provoke a patient
// reaction, and always see which faults are active
#include "render/instructor_panel.h"

#include <algorithm>
#include <string>
#include <vector>

#include <imgui.h>

#include "render/theme.h"
#include "render/widgets.h"
#include "scenarios/display_names.h"
#include "scenarios/faults.h"
#include "scenarios/rig.h"
#include "scenarios/session.h"
#include "scenarios/vocabulary.h"

namespace tractus::render {

std::vector<std::string> active_fault_names(const FrameInput& in) {
  if (in.session != nullptr) return in.session->active_faults();
  if (in.rig == nullptr) return {};
  return in.rig->active_fault_names();
}

ViewRequests InstructorPanel::draw_instructor_panel(const FrameInput& in, UiRequests& out) {
  ViewRequests view;
  const float left = in.screen == Screen::Training ? 384.0f : 240.0f;
  ImGui::SetNextWindowPos(ImVec2(left, kToolbarHeightPx + 10.0f), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(360.0f, 0.0f));
  ImGui::SetNextWindowBgAlpha(0.96f);
  bool open = true;
  ImGui::Begin("Instructor", &open,
               ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                   ImGuiWindowFlags_AlwaysAutoResize);
  if (!open) view.instructor_open = false;

  // faults from the one catalogue (the twin's, then the console's link); picked as a
  // component, then what goes wrong with it, so no list is longer than the screen
  struct Row {
    const char* name;
    const char* description;
  };
  std::vector<Row> catalogue;
  for (const scenarios::Term& t : scenarios::fault_catalogue()) catalogue.push_back(Row{t.id, t.label});
  const int count = static_cast<int>(catalogue.size());
  std::vector<std::string> components;
  for (int i = 0; i < count; ++i) {
    const std::string name = catalogue[i].name;
    const std::string component = name.substr(0, name.find('.'));
    if (std::find(components.begin(), components.end(), component) == components.end()) components.push_back(component);
  }
  fault_component_ = std::clamp(fault_component_, 0, static_cast<int>(components.size()) - 1);
  const std::string prefix = components[fault_component_] + ".";
  std::vector<int> rows;
  for (int i = 0; i < count; ++i) {
    if (std::string(catalogue[i].name).rfind(prefix, 0) == 0) rows.push_back(i);
  }
  if (std::find(rows.begin(), rows.end(), fault_index_) == rows.end()) fault_index_ = rows.front();

  ImGui::TextDisabled("Equipment fault");
  const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
  widgets_.record_next_item("instructor.component");
  ImGui::SetNextItemWidth(half);
  if (ImGui::BeginCombo("##component", scenarios::fault_part_display_name(components[fault_component_]).c_str(),
                        ImGuiComboFlags_HeightLarge)) {
    for (int i = 0; i < static_cast<int>(components.size()); ++i) {
      if (ImGui::Selectable(scenarios::fault_part_display_name(components[i]).c_str(), i == fault_component_))
        fault_component_ = i;
      widgets_.record_last_item(("instructor.component." + components[i]).c_str());
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  widgets_.record_next_item("instructor.fault");
  ImGui::SetNextItemWidth(half);
  const std::string shown = scenarios::fault_display_name(catalogue[fault_index_].name);
  if (ImGui::BeginCombo("##fault", shown.c_str(), ImGuiComboFlags_HeightLarge)) {
    for (int i : rows) {
      const std::string failure = scenarios::fault_display_name(catalogue[i].name);
      if (ImGui::Selectable(failure.c_str(), i == fault_index_)) fault_index_ = i;
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", catalogue[i].description);
      widgets_.record_last_item((std::string("instructor.fault.") + catalogue[i].name).c_str());
    }
    ImGui::EndCombo();
  }
  // the description takes the height of the catalogue's longest, so "Inject fault now" stays
  // where it is whichever fault is picked
  const float wrap_w = 330.0f;
  float desc_h = 0.0f;
  for (int i = 0; i < count; ++i) {
    desc_h = std::max(desc_h, ImGui::CalcTextSize(catalogue[i].description, nullptr, false, wrap_w).y);
  }
  const ImVec2 desc_at = ImGui::GetCursorPos();
  ImGui::PushTextWrapPos(desc_at.x + wrap_w);
  ImGui::TextDisabled("%s", catalogue[fault_index_].description);
  ImGui::PopTextWrapPos();
  ImGui::SetCursorPos(desc_at);
  ImGui::Dummy(ImVec2(wrap_w, desc_h));
  if (coloured_button("Inject fault now", theme::kWarn, ImVec2(-1.0f, 0.0f), true)) {
    out.inject_fault = std::string(catalogue[fault_index_].name);
  }
  widgets_.record_last_item("instructor.inject");

  // patient reactions go through the training session
  if (in.session != nullptr) {
    const std::vector<scenarios::Term>& reactions = scenarios::reactions();
    reaction_index_ = std::clamp(reaction_index_, 0, static_cast<int>(reactions.size()) - 1);
    ImGui::Spacing();
    ImGui::TextDisabled("Patient reaction");
    widgets_.record_next_item("instructor.reaction");
    ImGui::SetNextItemWidth(-80.0f);
    if (ImGui::BeginCombo("##reaction", reactions[reaction_index_].label)) {
      for (int i = 0; i < static_cast<int>(reactions.size()); ++i) {
        if (ImGui::Selectable(reactions[i].label, i == reaction_index_)) reaction_index_ = i;
        widgets_.record_last_item((std::string("instructor.reaction.") + reactions[i].id).c_str());
      }
      ImGui::EndCombo();
    }
    ImGui::SameLine();
    if (ImGui::Button("Provoke", ImVec2(-1.0f, 0.0f))) out.trigger_reaction = std::string(reactions[reaction_index_].id);
    widgets_.record_last_item("instructor.provoke");
  }

  // active faults, always listed
  ImGui::Spacing();
  ImGui::Separator();
  const std::vector<std::string> active = active_fault_names(in);
  if (active.empty()) {
    ImGui::TextDisabled("No fault is active.");
  } else {
    for (const std::string& name : active) ImGui::TextColored(theme::kDanger, "Active: %s", scenarios::fault_display_name(name).c_str());
    if (in.session == nullptr && ImGui::Button("Clear all faults")) out.clear_faults = true;
    widgets_.record_last_item("instructor.clear");
  }
  if (!in.instructor_message.empty()) ImGui::TextColored(theme::kWarn, "%s", in.instructor_message.c_str());
  ImGui::End();
  return view;
}

}  // namespace tractus::render
