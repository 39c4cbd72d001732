// The patient education tour: the top bar with the steps, the text column with Back and Next,
// and beside it the step's picture (education_pictures.cpp) or the live twin
#include "render/education_screen.h"

#include <algorithm>
#include <cstdio>
#include <vector>

#include <imgui.h>

#include "education_pictures.h"
#include "render/education_tour.h"
#include "render/force_text.h"
#include "render/spine_panel.h"
#include "render/theme.h"
#include "render/units.h"
#include "render/widgets.h"
#include "scenarios/rig.h"

namespace tractus::render {

namespace {

constexpr ImGuiWindowFlags kFixed = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                    ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoCollapse |
                                    ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoScrollbar |
                                    ImGuiWindowFlags_NoBringToFrontOnFocus;

ImU32 col(const ImVec4& c) { return ImGui::GetColorU32(c); }

}  // namespace

ViewRequests EducationScreen::draw_education(const FrameInput& in, const SceneView& /*view*/, UiRequests& out) {
  ViewRequests req;
  orbits_view_ = false;
  const std::vector<EducationStep>& steps = education_steps();
  const int count = static_cast<int>(steps.size());
  const int index = std::clamp(in.education_step, 0, count - 1);
  const EducationStep& step = steps[index];
  const ImGuiIO& io = ImGui::GetIO();
  const bool live = step.visual == EducationVisual::LiveTwin;
  ImFont* large = fonts_.large != nullptr ? fonts_.large : fonts_.body;
  ImFont* title = fonts_.title != nullptr ? fonts_.title : fonts_.heading;

  // keyboard: Left/Right step through, Escape leaves
  auto go = [&](int to) {
    if (to >= count) out.go_to = Screen::Start;
    else if (to >= 0) out.education_step = to;
  };
  // the arrow keys stay inside the tour; only Finish or Escape leaves it
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow), false)) go(std::min(index + 1, count - 1));
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow), false)) go(index - 1);
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) out.go_to = Screen::Start;

  // [SECTION] the top bar: where we are in the tour
  begin_top_bar("Tour bar", kToolbarHeightPx, fonts_.heading);
  if (ImGui::Button("Home")) out.go_to = Screen::Start;
  widgets_.record_last_item("educate.home");
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("Understanding spinal traction: a guide for patients");
  char where[32];
  std::snprintf(where, sizeof where, "Step %d of %d", index + 1, count);
  ImGui::PushFont(fonts_.heading);
  const float where_w = ImGui::CalcTextSize(where).x;
  const float dots_w = 16.0f * static_cast<float>(count);
  ImGui::SameLine(io.DisplaySize.x - where_w - dots_w - 28.0f);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(where);
  ImGui::PopFont();
  widgets_.record_last_item("educate.step");
  ImDrawList* bar = ImGui::GetWindowDrawList();
  const float dy = ImGui::GetItemRectMin().y + ImGui::GetItemRectSize().y * 0.5f;
  for (int i = 0; i < count; ++i) {
    const ImVec2 c(io.DisplaySize.x - dots_w - 4.0f + 16.0f * static_cast<float>(i), dy);
    if (i == index) bar->AddCircleFilled(c, 5.5f, col(theme::kAccent));
    else bar->AddCircle(c, 5.0f, col(i < index ? theme::kAccent : theme::kMuted), 0, 1.5f);
  }
  end_top_bar();

  // [SECTION] the text column, and the picture beside it
  const float top = kToolbarHeightPx;
  const float text_w = live ? std::min(560.0f, io.DisplaySize.x * 0.42f) : io.DisplaySize.x * 0.48f;
  education_text_w_px_ = live ? text_w : 0.0f;
  ImGui::SetNextWindowPos(ImVec2(0, top));
  ImGui::SetNextWindowSize(ImVec2(live ? text_w : io.DisplaySize.x, io.DisplaySize.y - top));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(36, 28));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.975f, 0.978f, 0.982f, 1.0f));
  ImGui::Begin("Tour", nullptr, kFixed);
  const float col_w = text_w - 72.0f;
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + col_w);
  ImGui::PushFont(title);
  ImGui::TextColored(theme::kAccent, "%s", step.title);
  ImGui::PopFont();
  widgets_.record_last_item("educate.title");
  ImGui::Spacing();
  ImGui::PushFont(large);
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.10f, 0.12f, 0.15f, 1.0f));
  ImGui::TextWrapped("%s", step.lead);
  ImGui::PopStyleColor();
  ImGui::Spacing();
  ImGui::Spacing();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (const char* point : step.points) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    dl->AddCircleFilled(ImVec2(p.x + 6.0f, p.y + ImGui::GetTextLineHeight() * 0.5f), 5.0f, col(theme::kAccent));
    ImGui::Indent(24.0f);
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.22f, 0.25f, 0.30f, 1.0f));
    ImGui::TextWrapped("%s", point);
    ImGui::PopStyleColor();
    ImGui::Unindent(24.0f);
    ImGui::Spacing();
  }
  ImGui::PopFont();
  if (live && step.sources[0] != '\0') {
    ImGui::Spacing();
    ImGui::TextDisabled("Pressure inside the disc under decompression was measured by Ramos and Martin (1994).");
  }
  ImGui::PopTextWrapPos();

  // navigation at the foot of the text column
  const float nav_h = 52.0f;
  const float nav_w = std::min(col_w, 440.0f);
  ImGui::SetCursorPos(ImVec2(36.0f, io.DisplaySize.y - top - nav_h - 44.0f));
  const float bw = (nav_w - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
  ImGui::PushFont(fonts_.heading);
  ImGui::BeginDisabled(index == 0);
  if (ImGui::Button("< Back", ImVec2(bw, nav_h))) go(index - 1);
  ImGui::EndDisabled();
  widgets_.record_last_item("educate.back");
  ImGui::SameLine();
  if (coloured_button(index + 1 < count ? "Next >" : "Finish", theme::kAccent, ImVec2(bw, nav_h), true)) go(index + 1);
  widgets_.record_last_item("educate.next");
  ImGui::PopFont();
  ImGui::TextDisabled("Arrow keys step through; Esc returns to the start.");

  if (!live) {
    // the picture, right of the text
    const ImVec2 o(text_w + 20.0f, top + 36.0f);
    const ImVec2 size(io.DisplaySize.x - o.x - 36.0f, io.DisplaySize.y - o.y - 40.0f);
    dl->AddRectFilled(ImVec2(o.x - 16.0f, o.y - 16.0f), ImVec2(o.x + size.x + 16.0f, o.y + size.y + 16.0f),
                      IM_COL32(255, 255, 255, 255), 12.0f);
    switch (step.visual) {
      case EducationVisual::DiscDiagram: education::draw_disc_diagram(dl, o, size, fonts_.body); break;
      case EducationVisual::SessionTimeline: education::draw_session_timeline(dl, o, size, large, title); break;
      case EducationVisual::NormalOrReport: education::draw_normal_or_report(dl, o, size, large, title); break;
      case EducationVisual::CourseCalendar: education::draw_course_calendar(dl, o, size, large); break;
      case EducationVisual::Evidence: education::draw_evidence(dl, o, size, large, title, step.sources); break;
      case EducationVisual::LiveTwin: break;
    }
    widgets_.record("educate.visual", WidgetRect{o.x, o.y, size.x, size.y});
  }
  ImGui::End();
  ImGui::PopStyleColor();
  ImGui::PopStyleVar(2);

  if (live && in.rig != nullptr) {
    if (education_shown_step_ != index) {
      // the Spine preset's side view through the x-ray body, framed like the sandbox's in the
      // part of the view that the text, the spine panel and the pull readout leave free
      req.frame = CameraPreset::Spine;
      req.xray = true;
    }
    draw_spine_panel(*in.rig, false, text_w + 280.0f, widgets_);
    // the pull now, large, at the foot of the live view
    const hal::DisplayState& d = in.rig->display();
    ImGui::SetNextWindowPos(ImVec2(text_w + 16.0f, io.DisplaySize.y - 16.0f), ImGuiCond_Always, ImVec2(0.0f, 1.0f));
    ImGui::SetNextWindowBgAlpha(0.92f);
    ImGui::Begin("Pull now", nullptr, kFixed | ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::PushFont(large);
    // plain "lb" and "kg" for patients; a cell's noise at rest never reads "-0"
    ImGui::Text("Pull now: %s lb (%s kg)", force_number(d.measured_force_n, ForceUnit::Lbf, 0).c_str(),
                force_number(d.measured_force_n, ForceUnit::Kgf, 0).c_str());
    ImGui::PopFont();
    ImGui::TextDisabled("Simulated, gentle pull on a 70 kg patient. Blue discs: pressure below resting.");
    widgets_.record_last_item("educate.pull");
    ImGui::End();
    orbits_view_ = true;
  }
  // the x-ray is this step's picture; other steps and screens go back to the plain view
  if ((!live || out.go_to) && education_shown_step_ == education_live_step()) req.xray = false;
  education_shown_step_ = index;
  return req;
}

}  // namespace tractus::render
