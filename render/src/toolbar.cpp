// The toolbar: Home, the simulation clock, the 3D view's presets and toggles, Reset table or
// End session, and the instructor button
#include "render/toolbar.h"

#include <cctype>
#include <cstdio>
#include <string>
#include <tuple>
#include <vector>

#include <imgui.h>

#include "render/instructor_panel.h"
#include "render/room_view.h"
#include "render/theme.h"
#include "render/widgets.h"
#include "scenarios/rig.h"

namespace tractus::render {

ViewRequests Toolbar::draw_toolbar(const FrameInput& in, const SceneView& view, bool instructor_open, bool room_open,
                                   UiRequests& out) {
  ViewRequests req;
  const ClockView& clock = in.clock;
  const ImGuiIO& io = ImGui::GetIO();
  begin_top_bar("Toolbar", kToolbarHeightPx, fonts_.heading);
  if (ImGui::Button("Home")) out.go_to = Screen::Start;
  widgets_.record_last_item("toolbar.home");
  ImGui::SameLine();
  // below 1000 px (a tablet upright) the speeds and the view toggles fold into menus and the
  // screen's name goes, so every control of the bar stays on it
  const bool compact = io.DisplaySize.x < 1000.0f;
  const bool live_bar = in.rig != nullptr && in.screen != Screen::ScenarioList && in.screen != Screen::Debrief;
  ImGui::AlignTextToFramePadding();
  const char* where = in.screen == Screen::Sandbox ? "Sandbox"
                      : in.screen == Screen::ScenarioList ? "Training: scenarios"
                      : in.screen == Screen::Debrief ? "Training: debrief"
                                                     : "Training";
  if (!(compact && live_bar)) ImGui::TextDisabled("%s", where);
  if (!live_bar) {
    end_top_bar();
    return req;
  }
  const scenarios::Rig& rig = *in.rig;
  // below 1200 px the toolbar tightens so the view toggles and the instructor button still fit
  const bool narrow = io.DisplaySize.x < 1200.0f;
  const float gap = narrow ? 10.0f : 24.0f;
  ImGui::SameLine(0.0f, gap);

  // simulation clock: run or pause, single step, speed
  if (ImGui::Button(clock.paused ? "Run" : "Pause", ImVec2(64, 0))) out.paused = !clock.paused;
  widgets_.record_last_item("toolbar.pause");
  ImGui::SameLine();
  ImGui::BeginDisabled(!clock.paused);
  if (ImGui::Button("Step")) out.single_step = true;
  widgets_.record_last_item("toolbar.step");
  ImGui::EndDisabled();
  if (compact) {
    ImGui::SameLine();
    char current[16];
    std::snprintf(current, sizeof current, "%dx", clock.speed);
    ImGui::SetNextItemWidth(48.0f);
    widgets_.record_next_item("toolbar.speed");
    if (ImGui::BeginCombo("##speed", current, ImGuiComboFlags_NoArrowButton)) {
      for (int speed : {1, 10, 60}) {
        char label[16];
        std::snprintf(label, sizeof label, "%dx", speed);
        if (ImGui::Selectable(label, clock.speed == speed)) out.speed = speed;
        char id[32];
        std::snprintf(id, sizeof id, "toolbar.speed_%d", speed);
        widgets_.record_last_item(id);
      }
      ImGui::EndCombo();
    }
  }
  for (int speed : {1, 10, 60}) {
    if (compact) break;
    ImGui::SameLine();
    char label[16];
    std::snprintf(label, sizeof label, "%dx", speed);
    const bool active = clock.speed == speed;
    if (active) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_HeaderActive));
    if (ImGui::Button(label, ImVec2(narrow ? 38.0f : 46.0f, 0))) out.speed = speed;
    if (active) ImGui::PopStyleColor();
    char id[32];
    std::snprintf(id, sizeof id, "toolbar.speed_%d", speed);
    widgets_.record_last_item(id);
  }
  ImGui::SameLine(0.0f, narrow ? 8.0f : 16.0f);
  const double t_s = static_cast<double>(rig.now_us()) * 1e-6;
  ImGui::AlignTextToFramePadding();
  ImGui::Text("%s%02d:%04.1f", narrow ? "" : "t = ", static_cast<int>(t_s / 60.0),
              t_s - 60.0 * static_cast<int>(t_s / 60.0));
  ImGui::SameLine(0.0f, gap);

  // camera presets: buttons on wide screens, one menu on narrow ones
  const struct { const char* label; CameraPreset preset; } presets[] = {
      {"Overview", CameraPreset::Overview}, {"Side", CameraPreset::Side},
      {"Foot end", CameraPreset::FootEnd}, {"Top", CameraPreset::Top}, {"Spine", CameraPreset::Spine}};
  // the spine view looks at the chain on show (lumbar or cervical) through the x-ray
  // the toggles below show what this frame asks for, so a preset that turns the x-ray on lights it at once
  bool xray = view.xray();
  bool labels = view.labels();
  const auto apply_preset = [&](CameraPreset preset) {
    // the view fits the preset's subject into the part of it the panels leave free
    req.frame = preset;
    if (preset == CameraPreset::Spine) {
      xray = true;
      req.xray = true;
    }
  };
  const auto preset_id = [](const char* label) {
    std::string id = std::string("toolbar.view.") + label;
    for (char& c : id) c = c == ' ' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return id;
  };
  ImGui::SameLine(0.0f, narrow ? 8.0f : 16.0f);
  if (io.DisplaySize.x >= 1500.0f) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("View");
    for (const auto& p : presets) {
      ImGui::SameLine();
      if (ImGui::Button(p.label)) apply_preset(p.preset);
      widgets_.record_last_item(preset_id(p.label).c_str());
    }
  } else {
    ImGui::SetNextItemWidth(70.0f);
    widgets_.record_next_item("toolbar.view");
    if (ImGui::BeginCombo("##view", "View", ImGuiComboFlags_NoArrowButton)) {
      for (const auto& p : presets) {
        if (ImGui::Selectable(p.label)) apply_preset(p.preset);
        widgets_.record_last_item(preset_id(p.label).c_str());
      }
      if (compact) {  // the view toggles live in the menu
        ImGui::Separator();
        if (ImGui::Selectable("X-ray", xray)) req.xray = !xray;
        widgets_.record_last_item("toolbar.xray");
        if (ImGui::Selectable("Labels", labels)) req.labels = !labels;
        widgets_.record_last_item("toolbar.labels");
      }
      ImGui::EndCombo();
    }
  }
  // 3D view toggles: the x-ray spine and the part labels
  for (auto [label, flag, asked, id] : {std::tuple{"X-ray", &xray, &req.xray, "toolbar.xray"},
                                         std::tuple{"Labels", &labels, &req.labels, "toolbar.labels"}}) {
    if (compact) break;
    ImGui::SameLine();
    const bool on = *flag;
    if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_HeaderActive));
    if (ImGui::Button(label)) *asked = !on;
    if (on) ImGui::PopStyleColor();
    widgets_.record_last_item(id);
  }
  if (in.screen == Screen::Sandbox) {
    ImGui::SameLine();
    if (ImGui::Button("Reset table")) out.reset = true;
    widgets_.record_last_item("toolbar.reset");
  } else {
    ImGui::SameLine();
    if (ImGui::Button(compact ? "End" : "End session")) {
      scenarios::Action end;
      end.kind = scenarios::ActionKind::EndSession;
      out.actions.push_back(end);
    }
    widgets_.record_last_item("toolbar.end_session");
  }

  ImGui::SameLine(0.0f, narrow ? 8.0f : 16.0f);
  // training: a classroom room puts the instructor on another device, and this page then shows
  // neither the instructor panel nor which faults are active
  const bool in_room = in.room != nullptr && in.room->in_room();
  if (in.screen == Screen::Training) {
    const bool lit = in_room || room_open;
    if (lit) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_HeaderActive));
    const char* label = !in_room ? "Classroom"
                        : in.room->status == RoomStatus::Claimed ? "Classroom: followed"
                        : in.room->status == RoomStatus::Reconnecting ? "Classroom: reconnecting"
                                                                      : "Classroom: open";
    if (ImGui::Button(label)) req.room_open = !room_open;
    if (lit) ImGui::PopStyleColor();
    widgets_.record_last_item("toolbar.classroom");
    if (!in_room) ImGui::SameLine();
  }
  const std::vector<std::string> faults = active_fault_names(in);
  if (in_room) {
    // no instructor button: the trainee must not see what the instructor prepares
  } else if (faults.empty()) {
    if (ImGui::Button(instructor_open ? "Hide instructor" : "Instructor")) req.instructor_open = !instructor_open;
  } else {
    // active faults stay visible to the instructor even with the panel closed
    char label[48];
    std::snprintf(label, sizeof label, "Instructor (%d fault%s)", static_cast<int>(faults.size()),
                  faults.size() == 1 ? "" : "s");
    if (coloured_button(label, theme::kDanger, ImVec2(0, 0), true)) req.instructor_open = !instructor_open;
  }
  if (!in_room) widgets_.record_last_item("toolbar.instructor");

  // the notice shortens rather than disappears on narrow screens
  const float free_w = io.DisplaySize.x - ImGui::GetItemRectMax().x - 40.0f;
  const char* notice = "Training tool - not a medical device";
  if (ImGui::CalcTextSize(notice).x > free_w) notice = "Not a medical device";
  const float notice_w = ImGui::CalcTextSize(notice).x;
  if (free_w > notice_w) {
    ImGui::SameLine(io.DisplaySize.x - notice_w - 16.0f);
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", notice);
  }
  end_top_bar();
  return req;
}

}  // namespace tractus::render
