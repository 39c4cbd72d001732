// Folding the panels over the 3D view (panel_fold.h).
#include "render/panel_fold.h"

#include <string>

namespace tractus::render {

bool fold_button(const char* id, UiRegistry& widgets) {
  const char* label = "Hide";
  const ImGuiStyle& style = ImGui::GetStyle();
  const float w = ImGui::CalcTextSize(label).x + 2.0f * style.FramePadding.x;
  ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - w);
  ImGui::PushID(id);
  const bool pressed = ImGui::SmallButton(label);
  ImGui::PopID();
  widgets.record_last_item(id);
  return pressed;
}

bool folded_panel(const char* window_name, const char* label, const ImVec2& pos, const ImVec2& pivot, const char* id,
                  UiRegistry& widgets) {
  ImGui::SetNextWindowPos(pos, ImGuiCond_Always, pivot);
  ImGui::SetNextWindowBgAlpha(0.92f);
  ImGui::Begin(window_name, nullptr,
               ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoTitleBar |
                   ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
  const std::string text = std::string(label) + "  >";
  const bool pressed = ImGui::Button(text.c_str());
  widgets.record_last_item(id);
  ImGui::End();
  return pressed;
}

}  // namespace tractus::render
