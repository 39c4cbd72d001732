// [SECTION] the patient and hardware panel: the stop switch in the patient's hand, its cable,
// and the console's emergency stop
#include <imgui.h>

#include "render/theme.h"
#include "render/trainer_ui.h"
#include "render/widgets.h"

namespace tractus::render {

void TrainerUi::draw_patient_panel(const scenarios::Rig& rig, UiRequests& out) {
  const ImGuiIO& io = ImGui::GetIO();
  const float width = 330.0f;
  ImGui::SetNextWindowPos(ImVec2(12.0f, io.DisplaySize.y - 12.0f), ImGuiCond_Always, ImVec2(0.0f, 1.0f));
  ImGui::SetNextWindowSize(ImVec2(width, 0.0f));
  ImGui::Begin("Patient and hardware", nullptr,
               ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                   ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar);
  const twin::PhysicalInputs& in = rig.twin_state().inputs;
  ImGui::PushFont(fonts_.heading);
  ImGui::TextUnformatted("Patient and hardware");
  ImGui::PopFont();
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
  ImGui::End();
}

}  // namespace tractus::render
