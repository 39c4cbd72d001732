// The sandbox's panels: the patient and hardware panel (the stop switch in the patient's hand,
// its cable, the console's emergency stop, the tower's pull-angle arm and the hi-lo pendant) and
// the twin's readout over the 3D view
#include "render/sandbox_screen.h"

#include <algorithm>

#include <imgui.h>

#include "render/force_text.h"
#include "render/panel_fold.h"
#include "render/theme.h"
#include "render/widgets.h"
#include "scenarios/rig.h"

namespace tractus::render {

void SandboxScreen::draw_patient_panel(const scenarios::Rig& rig, UiRequests& out) {
  const ImGuiIO& io = ImGui::GetIO();
  const float width = 330.0f;
  const ImVec2 corner(12.0f, io.DisplaySize.y - 12.0f);
  if (!patient_open_) {
    // folded to one button, so the 3D view behind it shows
    if (folded_panel("Patient and hardware (folded)", "Patient and hardware", corner, ImVec2(0.0f, 1.0f),
                     "patient.expand", widgets_)) {
      patient_open_ = true;
    }
    out.hilo = 0;
    return;
  }
  ImGui::SetNextWindowPos(corner, ImGuiCond_Always, ImVec2(0.0f, 1.0f));
  ImGui::SetNextWindowSize(ImVec2(width, 0.0f));
  ImGui::Begin("Patient and hardware", nullptr,
               ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                   ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar);
  const twin::PhysicalInputs& in = rig.twin_state().inputs;
  ImGui::PushFont(fonts_.heading);
  ImGui::TextUnformatted("Patient and hardware");
  ImGui::PopFont();
  if (fold_button("patient.collapse", widgets_)) patient_open_ = false;
  if (coloured_button(in.patient_stop_pressed ? "Stop switch PRESSED" : "Patient presses stop switch",
                      theme::kDanger, ImVec2(-1.0f, 38.0f), in.patient_stop_connected)) {
    out.patient_stop_tap = true;
  }
  widgets_.record_last_item("patient.stop_switch");
  bool connected = in.patient_stop_connected;
  if (ImGui::Checkbox("Stop switch plugged into the console", &connected)) out.stop_switch_connected = connected;
  widgets_.record_last_item("patient.stop_connected");
  const bool estop = in.emergency_stop;
  if (coloured_button(estop ? "Release emergency stop" : "EMERGENCY STOP",
                      estop ? theme::kMuted : ImVec4(0.62f, 0.05f, 0.05f, 1.0f), ImVec2(-1.0f, 38.0f), true)) {
    out.emergency_stop = !estop;
  }
  widgets_.record_last_item("console.emergency_stop");

  // the pull-angle arm, set by hand at the tower (1-degree detents)
  float angle_deg = static_cast<float>(in.pull_angle_deg);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Pull angle");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-1.0f);
  if (ImGui::InputFloat("##pull_angle", &angle_deg, 1.0f, 5.0f, "%.0f deg", ImGuiInputTextFlags_EnterReturnsTrue)) {
    out.pull_angle_deg = static_cast<double>(static_cast<int>(std::clamp(angle_deg, 0.0f, 35.0f) + 0.5f));
  }
  widgets_.record_last_item("hardware.pull_angle");
  // the hi-lo pendant: the column moves while a button is held (the firmware locks it out
  // during treatment)
  ImGui::AlignTextToFramePadding();
  ImGui::Text("Table height %.0f mm", in.table_height_m * 1000.0);
  const float bw = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
  int hilo = 0;
  ImGui::Button("Hi-lo up (hold)", ImVec2(bw, 0.0f));
  widgets_.record_last_item("hardware.hilo_up");
  if (ImGui::IsItemActive()) hilo = 1;
  ImGui::SameLine();
  ImGui::Button("Hi-lo down (hold)", ImVec2(bw, 0.0f));
  widgets_.record_last_item("hardware.hilo_down");
  if (ImGui::IsItemActive()) hilo = -1;
  out.hilo = hilo;
  // the drive's hand brake-release lever: without drive power the one way to let the tension
  // down (the spring brake holds the patient); with power the console releases it instead
  const bool lever = rig.manual_brake_release();
  if (coloured_button(lever ? "Let go of the hand brake release" : "Hand brake release (no drive power)",
                      theme::kWarn, ImVec2(-1.0f, 0.0f), lever || rig.hand_release_available())) {
    out.hand_brake_release = !lever;
  }
  widgets_.record_last_item("hardware.hand_brake_release");
  ImGui::End();
}

void SandboxScreen::draw_view_overlay(const scenarios::Rig& rig, ForceUnit unit) {
  const twin::TwinState& s = rig.twin_state();
  const ImVec2 corner(12.0f, kToolbarHeightPx + 12.0f);
  if (!readout_open_) {
    if (folded_panel("Twin readout (folded)", "Digital twin", corner, ImVec2(0.0f, 0.0f), "readout.expand", widgets_)) {
      readout_open_ = true;
    }
    return;
  }
  ImGui::SetNextWindowPos(corner);
  ImGui::SetNextWindowBgAlpha(0.85f);
  ImGui::Begin("Twin readout", nullptr,
               ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoTitleBar |
                   ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing |
                   ImGuiWindowFlags_NoNav);
  ImGui::TextDisabled("Digital twin");
  if (fold_button("readout.collapse", widgets_)) readout_open_ = false;
  const ForceUnit u = unit;
  ImGui::Text("Cord tension     %s", force_text(static_cast<float>(s.cord_tension_n), u, 1, 6).c_str());
  ImGui::Text("Carriage travel  %6.1f mm", s.carriage_pos_m * 1000.0);
  ImGui::Text("Drive            %s", s.motor_enabled ? (s.brake_engaged ? "on, braked" : "on") : "off");
  ImGui::Text("Brake            %s", s.brake_engaged ? "engaged" : "released");
  ImGui::End();
}

}  // namespace tractus::render
