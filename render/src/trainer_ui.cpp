// [SECTION] frame orchestration, start screen, toolbar, 3D view and its overlay
#include "render/trainer_ui.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <tuple>

#include <imgui.h>

#include "render/console_text.h"
#include "render/gl.h"
#include "render/session_view_restore.h"
#include "render/table_scene.h"
#include "render/theme.h"
#include "render/units.h"
#include "render/widgets.h"

namespace tractus::render {

bool TrainerUi::init(const UiFonts& fonts) {
  fonts_ = fonts;
  theme::apply();
  return shapes_.init();
}

void TrainerUi::shutdown() { shapes_.shutdown(); }

UiRequests TrainerUi::frame(const FrameInput& in, int fb_w, int fb_h) {
  UiRequests out;
  widgets_.begin_frame();
  // the debrief's replay camera sits close to the table; the live screens start from the overview
  if (screen_ == Screen::Debrief && in.screen != Screen::Debrief) camera_.apply(CameraPreset::Overview);
  if (in.screen != screen_) demo_shown_step_ = education_shown_step_ = -1;  // set the camera on entry
  // a training session opens the console and the chart at the table's power-on defaults: no
  // force, time or decline reason carries over from the sandbox or the scenario before
  if (in.screen == Screen::Training && screen_ != Screen::Training) {
    reset_session_inputs();
    // a session resumed after a reload shows what it was left with: the prescription the
    // firmware runs, and the plot from the session's start (a fresh session has neither yet)
    if (in.session != nullptr && in.rig != nullptr && in.rig->firmware().has_prescription()) {
      inputs_ = console_inputs_for(in.rig->firmware().prescription(), inputs_.unit);
    }
    if (in.session != nullptr && !in.session->series().empty()) fill_history_from_series(history_, in.session->series());
  }
  screen_ = in.screen;
  // the self-test reads the untared cell: nothing to plot until it is done
  if (in.rig != nullptr && in.rig->display().state != hal::TableState::SelfTest) {
    const hal::DisplayState& d = in.rig->display();
    history_.add(ForceSample{static_cast<double>(in.rig->now_us()) * 1e-6, d.target_force_n, d.measured_force_n});
  }

  // the console narrows on small screens so the 3D view keeps at least half the width
  console_width_px_ = ImGui::GetIO().DisplaySize.x < 1100.0f ? 400.0f : 430.0f;

  instructor_message_ = in.instructor_message;
  console_patient_ = in.session != nullptr ? in.session->scenario().patient.name : std::string();
  console_diagnosis_ = in.session != nullptr ? in.session->scenario().patient.diagnosis : std::string();
  console_static_only_ = in.screen == Screen::Training;
  const bool live = in.screen == Screen::Sandbox || in.screen == Screen::Training;
  if (live && instructor_open_) draw_instructor_panel(in, out);

  switch (in.screen) {
    case Screen::Start:
      draw_start_screen(in, out);
      break;
    case Screen::Sandbox:
      draw_toolbar(in, out);
      draw_console(*in.rig, out);
      draw_patient_panel(*in.rig, out);
      draw_view_overlay(*in.rig);
      draw_spine_panel(*in.rig, ImGui::GetIO().DisplaySize.x - console_width_px_);
      handle_camera_input();
      break;
    case Screen::ScenarioList:
      draw_toolbar(in, out);
      draw_scenario_list(in, out);
      break;
    case Screen::Training:
      draw_toolbar(in, out);
      draw_console(*in.rig, out);
      if (chart_collapsed_) {
        draw_folded_column(*in.session);
      } else {
        draw_chart_panel(*in.session, out);
        draw_patient_talk(*in.session, out);
      }
      // on a narrow view the x-ray spine stands in for the 2D spine panel
      if (!xray_ || ImGui::GetIO().DisplaySize.x - console_width_px_ - training_column_w_px() >= 700.0f) {
        draw_spine_panel(*in.rig, ImGui::GetIO().DisplaySize.x - console_width_px_);
      }
      handle_camera_input();
      break;
    case Screen::Debrief:
      draw_toolbar(in, out);
      draw_debrief(in, out);
      handle_camera_input();  // orbit the replay where no panel covers it
      break;
    case Screen::Education:
      draw_education(in, out);
      break;
    case Screen::Demo:
      draw_demo(in, out);
      break;
  }
  const bool full_view = in.screen == Screen::Start || in.screen == Screen::ScenarioList ||
                         in.screen == Screen::Debrief || in.screen == Screen::Education;
  // the 3D view is the part of the canvas no panel covers
  const float left_px = in.screen == Screen::Training    ? training_column_w_px() + 16.0f
                        : in.screen == Screen::Education ? education_text_w_px_
                                                         : 0.0f;
  if (in.screen == Screen::Debrief) {
    draw_replay_scene(in, fb_w, fb_h);  // the session's film, not the live table
  } else if (in.rig != nullptr) {
    draw_scene(*in.rig, fb_w, fb_h, full_view, left_px);
  }
  return out;
}

void TrainerUi::reset_session_inputs() {
  inputs_ = ConsoleInputs{};
  question_index_ = 0;
  decline_index_ = 0;
  note_[0] = '\0';
}

void TrainerUi::draw_start_screen(const FrameInput& in, UiRequests& out) {
  const ImGuiIO& io = ImGui::GetIO();
  const ImVec2 size(std::min(640.0f, io.DisplaySize.x - 40.0f), 0.0f);
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f), ImGuiCond_Always,
                          ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(size);
  ImGui::Begin("Welcome", nullptr,
               ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                   ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_AlwaysAutoResize);
  ImGui::PushFont(fonts_.gauge);
  ImGui::TextColored(theme::kAccent, "Tractus");
  ImGui::PopFont();
  // a link that asked for something this trainer does not have says so here, not only in
  // the browser's console
  if (!in.message.empty()) {
    message_text(in.message);
    widgets_.record_last_item("start.message");
  }
  ImGui::PushFont(fonts_.heading);
  ImGui::TextUnformatted("Spinal decompression table trainer");
  ImGui::PopFont();
  ImGui::Spacing();
  ImGui::TextWrapped(
      "A digital twin of a computer-controlled traction table and the patient on it. The "
      "table's control firmware runs here as it runs on the table, driving a simulated drive, "
      "cord, load cell and sliding carriage.");
  ImGui::Spacing();
  // disclaimer box
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.99f, 0.95f, 0.88f, 1.0f));
  ImGui::PushStyleColor(ImGuiCol_Border, ImVec4(0.89f, 0.67f, 0.31f, 1.0f));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(14, 10));
  ImGui::BeginChild("disclaimer", ImVec2(0.0f, 92.0f), true, ImGuiWindowFlags_NoScrollbar);
  ImGui::PushFont(fonts_.heading);
  ImGui::TextUnformatted("Training tool - not a medical device");
  ImGui::PopFont();
  ImGui::TextWrapped("It never advises on a real patient. Its numbers come from a model "
                     "calibrated to published measurements, for teaching only.");
  ImGui::EndChild();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor(2);
  widgets_.record_last_item("start.disclaimer");
  ImGui::Spacing();
  const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
  if (ImGui::Button("Training scenarios", ImVec2(half, 46.0f))) out.go_to = Screen::ScenarioList;
  widgets_.record_last_item("start.training");
  ImGui::SameLine();
  if (ImGui::Button("Sandbox: free use of the table", ImVec2(half, 46.0f))) out.go_to = Screen::Sandbox;
  widgets_.record_last_item("start.continue");
  // the two presentation modes: a tour for patients and an unattended product demo
  if (ImGui::Button("Patient education: a guided tour", ImVec2(half, 40.0f))) out.go_to = Screen::Education;
  widgets_.record_last_item("start.educate");
  ImGui::SameLine();
  if (ImGui::Button("Product demo: runs on its own", ImVec2(half, 40.0f))) out.go_to = Screen::Demo;
  widgets_.record_last_item("start.demo");

  draw_saved_data(in, out);
  ImGui::End();
  draw_import_dialog(in, out);
}

void TrainerUi::draw_toolbar(const FrameInput& in, UiRequests& out) {
  const ClockView& clock = in.clock;
  const ImGuiIO& io = ImGui::GetIO();
  begin_top_bar("Toolbar", toolbar_height_px_, fonts_.heading);
  if (ImGui::Button("Home")) out.go_to = Screen::Start;
  widgets_.record_last_item("toolbar.home");
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  const char* where = in.screen == Screen::Sandbox ? "Sandbox"
                      : in.screen == Screen::ScenarioList ? "Training: scenarios"
                      : in.screen == Screen::Debrief ? "Training: debrief"
                                                     : "Training";
  ImGui::TextDisabled("%s", where);
  if (in.rig == nullptr || in.screen == Screen::ScenarioList || in.screen == Screen::Debrief) {
    end_top_bar();
    return;
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
  for (int speed : {1, 10, 60}) {
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
  const auto apply_preset = [&](CameraPreset preset) {
    camera_.apply(preset);
    if (preset == CameraPreset::Spine) {
      // aim a little caudal of and above the chain, so it sits left and low, clear of the spine panel
      const float scale = scene_info_.cervical ? 0.7f : 1.0f;
      camera_.target_m = scene_info_.spine_centre_m + scale * glm::vec3(0.05f, 0.035f, 0.0f);
      camera_.distance_m *= scale;
      xray_ = true;
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
    record_next_frame_item("toolbar.view");
    if (ImGui::BeginCombo("##view", "View", ImGuiComboFlags_NoArrowButton)) {
      for (const auto& p : presets) {
        if (ImGui::Selectable(p.label)) apply_preset(p.preset);
        widgets_.record_last_item(preset_id(p.label).c_str());
      }
      ImGui::EndCombo();
    }
  }
  // 3D view toggles: the x-ray spine and the part labels
  for (auto [label, flag, id] : {std::tuple{"X-ray", &xray_, "toolbar.xray"}, std::tuple{"Labels", &labels_, "toolbar.labels"}}) {
    ImGui::SameLine();
    const bool on = *flag;
    if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_HeaderActive));
    if (ImGui::Button(label)) *flag = !on;
    if (on) ImGui::PopStyleColor();
    widgets_.record_last_item(id);
  }
  if (in.screen == Screen::Sandbox) {
    ImGui::SameLine();
    if (ImGui::Button("Reset table")) out.reset = true;
    widgets_.record_last_item("toolbar.reset");
  } else {
    ImGui::SameLine();
    if (ImGui::Button("End session")) {
      scenarios::Action end;
      end.kind = scenarios::ActionKind::EndSession;
      out.actions.push_back(end);
    }
    widgets_.record_last_item("toolbar.end_session");
  }

  ImGui::SameLine(0.0f, narrow ? 8.0f : 16.0f);
  const std::vector<std::string> faults = active_fault_names(in);
  if (faults.empty()) {
    if (ImGui::Button(instructor_open_ ? "Hide instructor" : "Instructor")) instructor_open_ = !instructor_open_;
  } else {
    // active faults stay visible to the instructor even with the panel closed
    char label[48];
    std::snprintf(label, sizeof label, "Instructor (%d fault%s)", static_cast<int>(faults.size()),
                  faults.size() == 1 ? "" : "s");
    if (coloured_button(label, theme::kDanger, ImVec2(0, 0), true)) instructor_open_ = !instructor_open_;
  }
  widgets_.record_last_item("toolbar.instructor");

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
}

void TrainerUi::draw_view_overlay(const scenarios::Rig& rig) {
  const twin::TwinState& s = rig.twin_state();
  ImGui::SetNextWindowPos(ImVec2(12.0f, toolbar_height_px_ + 12.0f));
  ImGui::SetNextWindowBgAlpha(0.85f);
  ImGui::Begin("Twin readout", nullptr,
               ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoTitleBar |
                   ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing |
                   ImGuiWindowFlags_NoNav);
  ImGui::TextDisabled("Digital twin");
  const ForceUnit u = inputs_.unit;
  ImGui::Text("Cord tension     %6.1f %s", to_display(static_cast<float>(s.cord_tension_n), u), unit_label(u));
  ImGui::Text("Carriage travel  %6.1f mm", s.carriage_pos_m * 1000.0);
  ImGui::Text("Drive            %s", s.motor_enabled ? (s.brake_engaged ? "on, braked" : "on") : "off");
  ImGui::Text("Brake            %s", s.brake_engaged ? "engaged" : "released");
  ImGui::End();
}

void TrainerUi::handle_camera_input() {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantCaptureMouse) return;
  if (ImGui::IsMouseDragging(ImGuiMouseButton_Left)) camera_.orbit(io.MouseDelta.x, io.MouseDelta.y);
  if (ImGui::IsMouseDragging(ImGuiMouseButton_Right) || ImGui::IsMouseDragging(ImGuiMouseButton_Middle)) {
    camera_.pan(io.MouseDelta.x, io.MouseDelta.y, io.DisplaySize.y);
  }
  if (io.MouseWheel != 0.0f) camera_.zoom(io.MouseWheel);
}

void TrainerUi::draw_scene(const scenarios::Rig& rig, int fb_w, int fb_h, bool full_view, float left_css_px) {
  glViewport(0, 0, fb_w, fb_h);
  glClearColor(0.86f, 0.88f, 0.90f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
  if (fb_w <= 0 || fb_h <= 0) return;
  // the 3D view fills the area left of the console; off-centre projection keeps it simple
  const ImGuiIO& io = ImGui::GetIO();
  const float scale = io.DisplaySize.x > 0.0f ? static_cast<float>(fb_w) / io.DisplaySize.x : 1.0f;
  const int console_px = full_view ? 0 : static_cast<int>(std::min(console_width_px_, io.DisplaySize.x * 0.45f) * scale);
  const int top_px = full_view ? 0 : static_cast<int>(toolbar_height_px_ * scale);
  const int left_px = static_cast<int>(left_css_px * scale);
  const int view_w = std::max(1, fb_w - console_px - left_px);
  const int view_h = std::max(1, fb_h - top_px);
  glViewport(left_px, 0, view_w, view_h);
  shapes_.begin(camera_.view(), camera_.projection(static_cast<float>(view_w) / static_cast<float>(view_h)),
                camera_.eye());
  SceneOptions options;
  options.xray = xray_;
  // the sandbox keeps one lumbar twin; its console's region picks which unit is drawn
  options.cervical_unit = screen_ == Screen::Sandbox && inputs_.region == 1;
  scene_labels_.clear();
  options.labels = labels_ ? &scene_labels_ : nullptr;
  scene_info_ = draw_table_scene(shapes_, rig.model(), rig.twin_state(), options);
  shapes_.flush();
  if (!full_view) draw_view_labels(static_cast<float>(view_w) / static_cast<float>(view_h), left_css_px);
  glViewport(0, 0, fb_w, fb_h);
}

}  // namespace tractus::render
