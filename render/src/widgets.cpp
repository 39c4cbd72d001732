#include "render/widgets.h"

#include "render/theme.h"

namespace tractus::render {

bool coloured_button(const char* label, const ImVec4& colour, const ImVec2& size, bool enabled) {
  // a panel on show only (the demo's console) draws disabled widgets at full alpha; a button
  // that the state itself disables must still read as disabled there
  const bool on_show_only = ImGui::GetStyle().DisabledAlpha >= 0.99f;
  const float fade = !enabled && on_show_only ? 0.4f : 1.0f;
  ImGui::BeginDisabled(!enabled);
  ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(colour.x, colour.y, colour.z, colour.w * fade));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(colour.x * 1.1f, colour.y * 1.1f, colour.z * 1.1f, fade));
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(colour.x * 0.85f, colour.y * 0.85f, colour.z * 0.85f, fade));
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, fade < 1.0f ? 0.8f : 1.0f));
  const bool pressed = ImGui::Button(label, size);
  ImGui::PopStyleColor(4);
  ImGui::EndDisabled();
  return pressed;
}

void message_text(const std::string& message) {
  const std::size_t nl = message.find('\n');
  ImGui::BeginGroup();
  ImGui::PushStyleColor(ImGuiCol_Text, theme::kDanger);
  ImGui::TextWrapped("%s", message.substr(0, nl).c_str());
  ImGui::PopStyleColor();
  if (nl != std::string::npos && nl + 1 < message.size()) {
    ImGui::PushStyleColor(ImGuiCol_Text, theme::kMuted);
    ImGui::TextWrapped("%s", message.substr(nl + 1).c_str());
    ImGui::PopStyleColor();
  }
  ImGui::EndGroup();
}

void begin_top_bar(const char* window_name, float height_px, ImFont* brand_font) {
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetIO().DisplaySize.x, height_px));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(12, 7));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
  ImGui::Begin(window_name, nullptr,
               ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoTitleBar |
                   ImGuiWindowFlags_NoScrollbar);
  ImGui::PushFont(brand_font);
  ImGui::AlignTextToFramePadding();
  ImGui::TextColored(theme::kAccent, "Tractus");
  ImGui::PopFont();
  ImGui::SameLine();
}

void end_top_bar() {
  ImGui::End();
  ImGui::PopStyleVar(2);
}

}  // namespace tractus::render
