#include "render/theme.h"

namespace tractus::render::theme {

void apply() {
  ImGui::StyleColorsLight();
  ImGuiStyle& s = ImGui::GetStyle();
  s.WindowRounding = 6.0f;
  s.FrameRounding = 5.0f;
  s.GrabRounding = 5.0f;
  s.ChildRounding = 6.0f;
  s.PopupRounding = 6.0f;
  s.WindowBorderSize = 1.0f;
  s.FrameBorderSize = 1.0f;
  s.WindowPadding = ImVec2(14, 12);
  s.FramePadding = ImVec2(10, 6);
  s.ItemSpacing = ImVec2(10, 8);
  s.ItemInnerSpacing = ImVec2(8, 6);
  s.ScrollbarSize = 14.0f;

  ImVec4* c = s.Colors;
  c[ImGuiCol_WindowBg] = ImVec4(0.975f, 0.978f, 0.982f, 0.97f);
  c[ImGuiCol_ChildBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
  c[ImGuiCol_Border] = ImVec4(0.80f, 0.82f, 0.85f, 1.0f);
  c[ImGuiCol_Text] = ImVec4(0.10f, 0.12f, 0.15f, 1.0f);
  c[ImGuiCol_TextDisabled] = kMuted;
  c[ImGuiCol_FrameBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
  c[ImGuiCol_FrameBgHovered] = ImVec4(0.92f, 0.96f, 0.98f, 1.0f);
  c[ImGuiCol_FrameBgActive] = ImVec4(0.86f, 0.93f, 0.97f, 1.0f);
  c[ImGuiCol_Button] = ImVec4(0.90f, 0.92f, 0.94f, 1.0f);
  c[ImGuiCol_ButtonHovered] = ImVec4(0.80f, 0.89f, 0.94f, 1.0f);
  c[ImGuiCol_ButtonActive] = ImVec4(0.68f, 0.82f, 0.90f, 1.0f);
  c[ImGuiCol_Header] = ImVec4(0.84f, 0.91f, 0.95f, 1.0f);
  c[ImGuiCol_HeaderHovered] = ImVec4(0.78f, 0.88f, 0.94f, 1.0f);
  c[ImGuiCol_HeaderActive] = ImVec4(0.70f, 0.84f, 0.92f, 1.0f);
  c[ImGuiCol_CheckMark] = kAccent;
  c[ImGuiCol_SliderGrab] = kAccent;
  c[ImGuiCol_SliderGrabActive] = ImVec4(0.03f, 0.35f, 0.50f, 1.0f);
  c[ImGuiCol_TitleBg] = ImVec4(0.93f, 0.94f, 0.96f, 1.0f);
  c[ImGuiCol_TitleBgActive] = ImVec4(0.88f, 0.92f, 0.95f, 1.0f);
  c[ImGuiCol_Separator] = ImVec4(0.84f, 0.86f, 0.89f, 1.0f);
  c[ImGuiCol_ModalWindowDimBg] = ImVec4(0.10f, 0.14f, 0.18f, 0.55f);
  c[ImGuiCol_NavHighlight] = kAccent;
}

}  // namespace tractus::render::theme
