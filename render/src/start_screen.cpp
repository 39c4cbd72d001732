// The start screen: the product and its disclaimer, the four ways in, and the saved data below
// them (start_history.cpp)
#include "render/start_screen.h"

#include <algorithm>

#include <imgui.h>

#include "render/theme.h"
#include "render/widgets.h"

namespace tractus::render {

void StartScreen::draw_start_screen(const FrameInput& in, UiRequests& out) {
  const ImGuiIO& io = ImGui::GetIO();
  const ImVec2 size(std::min(640.0f, io.DisplaySize.x - 40.0f), 0.0f);
  // held to the right so the table and patient behind it get the rest of the width for one
  // composed shot (the view frames them in the largest part no panel covers); a centred panel
  // left them a quarter of a 1280 px screen each side
  const float margin_px = std::clamp((io.DisplaySize.x - size.x) * 0.06f, 20.0f, 64.0f);
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - margin_px, io.DisplaySize.y * 0.5f), ImGuiCond_Always,
                          ImVec2(1.0f, 0.5f));
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
  ImGui::BeginChild("disclaimer", ImVec2(0.0f, 80.0f), true, ImGuiWindowFlags_NoScrollbar);
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

  // a session a reload left comes first: its offer takes the curriculum's place, so the screen
  // still fits 1280x720 with the history
  if (in.curriculum != nullptr && in.resume_offer == nullptr) draw_curriculum(*in.curriculum, out);
  draw_saved_data(in, out);
  ImGui::End();
  import_.draw_import_dialog(in.import_preview, out);
}

}  // namespace tractus::render
