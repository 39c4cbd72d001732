// The unattended sales demo's banner and caption strip, and what a click or key does there.
// The router draws the console (shown, not operable) and the spine panel between the two
// halves, begin_demo and draw_demo.
#include "render/demo_screen.h"

#include <algorithm>
#include <cstdio>

#include <imgui.h>

#include "render/demo_caption.h"
#include "render/theme.h"
#include "render/widgets.h"

namespace tractus::render {

namespace {

constexpr ImGuiWindowFlags kFixed = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                    ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoCollapse |
                                    ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoScrollbar;
// how long the exit control stays after the last click or key, in seconds of page time
constexpr double kExitShownS = 6.0;

bool any_input() {
  for (int b = 0; b < 3; ++b) {
    if (ImGui::IsMouseClicked(b)) return true;
  }
  const ImGuiIO& io = ImGui::GetIO();
  for (int k = 0; k < IM_ARRAYSIZE(io.KeysDown); ++k) {
    if (ImGui::IsKeyPressed(k, false)) return true;
  }
  return !io.InputQueueCharacters.empty();
}

}  // namespace

ViewRequests DemoScreen::begin_demo(const FrameInput& in, UiRequests& out) {
  ViewRequests req;
  if (in.rig == nullptr || in.demo == nullptr) return req;
  const DemoCaption& cap = *in.demo;
  const double now_s = ImGui::GetTime();
  const bool exit_was_shown = now_s < demo_exit_until_s_;
  if (any_input()) {
    // Escape with the control already showing leaves; any other input just shows it
    if (exit_was_shown && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) out.go_to = Screen::Start;
    demo_exit_until_s_ = now_s + kExitShownS;
  }
  if (demo_shown_step_ != cap.step) {
    // framed around the panels by the view; the spine view looks through the x-ray body
    req.frame = cap.camera;
    req.xray = cap.camera == CameraPreset::Spine;
  }
  demo_shown_step_ = cap.step;
  return req;
}

ViewRequests DemoScreen::draw_demo(const FrameInput& in, UiRequests& out) {
  ViewRequests req;
  if (in.rig == nullptr || in.demo == nullptr) return req;
  const DemoCaption& cap = *in.demo;
  const ImGuiIO& io = ImGui::GetIO();
  const double now_s = ImGui::GetTime();
  const float view_w = io.DisplaySize.x - console_panel_width_px();

  // [SECTION] the banner
  begin_top_bar("Demo bar", kToolbarHeightPx, fonts_.heading);
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("Demo: the table's firmware driving a simulated table and patient");
  char where[48];
  std::snprintf(where, sizeof where, "Step %d of %d", cap.step + 1, cap.step_count);
  const bool exit_shown = now_s < demo_exit_until_s_;
  const float exit_w = 110.0f;
  const float where_w = ImGui::CalcTextSize(where).x;
  ImGui::SameLine(io.DisplaySize.x - where_w - 24.0f - (exit_shown ? exit_w + 12.0f : 0.0f));
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(where);
  widgets_.record_last_item("demo.step");
  if (exit_shown) {
    ImGui::SameLine();
    if (coloured_button("Exit demo", theme::kAccent, ImVec2(exit_w, 0.0f), true)) out.go_to = Screen::Start;
    widgets_.record_last_item("demo.exit");
  }
  end_top_bar();

  // [SECTION] the caption strip across the foot of the 3D view
  ImFont* large = fonts_.large != nullptr ? fonts_.large : fonts_.body;
  ImFont* title = fonts_.title != nullptr ? fonts_.title : fonts_.heading;
  const float strip_w = view_w - 24.0f;
  ImGui::SetNextWindowPos(ImVec2(12.0f, io.DisplaySize.y - 12.0f), ImGuiCond_Always, ImVec2(0.0f, 1.0f));
  ImGui::SetNextWindowSize(ImVec2(strip_w, 0.0f));
  ImGui::SetNextWindowBgAlpha(0.94f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(22, 16));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 10.0f);
  ImGui::Begin("Demo caption", nullptr, kFixed | ImGuiWindowFlags_AlwaysAutoResize);
  ImGui::PushTextWrapPos(strip_w - 22.0f);
  ImGui::PushFont(title);
  ImGui::TextColored(theme::kAccent, "%s", cap.title.c_str());
  ImGui::PopFont();
  ImGui::PushFont(large);
  ImGui::TextWrapped("%s", cap.body.c_str());
  if (!cap.fact.empty()) ImGui::TextColored(theme::kOk, "%s", cap.fact.c_str());
  ImGui::PopFont();
  ImGui::PopTextWrapPos();
  // how far through this step, so a viewer sees the show moving on
  const float f = cap.step_duration_s > 0.0 ? static_cast<float>(cap.step_elapsed_s / cap.step_duration_s) : 0.0f;
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float bar_w = strip_w - 44.0f;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + bar_w, p.y + 5.0f), IM_COL32(222, 228, 234, 255), 2.5f);
  dl->AddRectFilled(p, ImVec2(p.x + bar_w * std::clamp(f, 0.0f, 1.0f), p.y + 5.0f),
                    ImGui::GetColorU32(theme::kAccent), 2.5f);
  ImGui::Dummy(ImVec2(bar_w, 5.0f));
  widgets_.record_last_item("demo.caption");
  ImGui::End();
  ImGui::PopStyleVar(2);
  if (out.go_to) req.xray = false;
  return req;
}

}  // namespace tractus::render
