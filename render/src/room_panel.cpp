// The classroom panel: a room for an instructor on another device, with its join code and
// the QR symbol the page's room module made for the instructor's address.
#include "render/room_panel.h"

#include <cstdio>

#include <imgui.h>

#include "render/room_view.h"
#include "render/theme.h"
#include "render/widgets.h"

namespace tractus::render {

namespace {

constexpr float kPanelWidthPx = 360.0f;
constexpr float kQrModulePx = 4.0f;   // a 33-module symbol is 132 px: phones read it at arm's length
constexpr int kQrQuietModules = 2;    // light margin around the symbol (scanners need one)

// the QR symbol on a white square, dark modules as filled rectangles
void draw_qr(const RoomView& room) {
  const int n = room.qr_size;
  if (n <= 0 || static_cast<int>(room.qr_modules.size()) != n * n) return;
  const float side = (n + 2 * kQrQuietModules) * kQrModulePx;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail.x - side) * 0.5f);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(at, ImVec2(at.x + side, at.y + side), IM_COL32(255, 255, 255, 255));
  const float origin = kQrQuietModules * kQrModulePx;
  for (int row = 0; row < n; ++row) {
    for (int col = 0; col < n; ++col) {
      if (room.qr_modules[static_cast<std::size_t>(row * n + col)] != '1') continue;
      const ImVec2 a(at.x + origin + col * kQrModulePx, at.y + origin + row * kQrModulePx);
      dl->AddRectFilled(a, ImVec2(a.x + kQrModulePx, a.y + kQrModulePx), IM_COL32(0, 0, 0, 255));
    }
  }
  ImGui::Dummy(ImVec2(side, side));
}

void draw_code(const RoomView& room, ImFont* big) {
  ImGui::TextDisabled("Join code");
  if (big != nullptr) ImGui::PushFont(big);
  ImGui::TextColored(theme::kAccent, "%s", room.code.c_str());
  if (big != nullptr) ImGui::PopFont();
}

}  // namespace

ViewRequests RoomPanel::draw_room_panel(const FrameInput& in, UiRequests& out) {
  ViewRequests view;
  static const RoomView kClosed;
  const RoomView& room = in.room != nullptr ? *in.room : kClosed;
  ImGui::SetNextWindowPos(ImVec2(384.0f, kToolbarHeightPx + 10.0f), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(kPanelWidthPx, 0.0f));
  ImGui::SetNextWindowBgAlpha(0.97f);
  bool open = true;
  ImGui::Begin("Classroom", &open,
               ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                   ImGuiWindowFlags_AlwaysAutoResize);
  if (!open) view.room_open = false;
  widgets_.record("classroom.panel", WidgetRect{ImGui::GetWindowPos().x, ImGui::GetWindowPos().y,
                                                ImGui::GetWindowSize().x, ImGui::GetWindowSize().y});
  ImGui::PushTextWrapPos(0.0f);
  switch (room.status) {
    case RoomStatus::Closed:
    case RoomStatus::Unavailable:
      ImGui::TextUnformatted(
          "Open a room to let an instructor follow this session from a tablet or a second computer, and "
          "inject faults or patient reactions there. While a room is open, this page hides its own "
          "instructor panel.");
      if (!room.message.empty()) message_text(room.message);
      ImGui::Spacing();
      if (coloured_button("Open a room", theme::kAccent, ImVec2(-1.0f, 0.0f), in.session != nullptr)) out.open_room = true;
      widgets_.record_last_item("classroom.open");
      break;
    case RoomStatus::Connecting:
      ImGui::TextUnformatted("Opening a room with the classroom relay...");
      break;
    case RoomStatus::Open: {
      draw_code(room, fonts_.gauge);
      draw_qr(room);
      const int left_s = static_cast<int>(room.code_expires_in_s + 0.5);
      ImGui::Text("On the instructor's device, scan the code or open the trainer with ?mode=instructor and "
                  "type the join code. It can be used once, for %d:%02d more.",
                  left_s / 60, left_s % 60);
      break;
    }
    case RoomStatus::Claimed:
      ImGui::TextColored(theme::kOk, "%s is following this session.",
                         room.instructor.empty() ? "An instructor" : room.instructor.c_str());
      ImGui::TextDisabled("Room %s. Faults and patient reactions may come at any time.", room.code.c_str());
      break;
    case RoomStatus::Reconnecting:
      ImGui::TextColored(theme::kWarn, "The classroom connection dropped; reconnecting.");
      ImGui::TextDisabled("Your session goes on here and loses nothing.");
      if (!room.message.empty()) ImGui::TextDisabled("%s", room.message.c_str());
      break;
  }
  if (room.in_room()) {
    ImGui::Spacing();
    if (ImGui::Button("Leave the room", ImVec2(-1.0f, 0.0f))) out.leave_room = true;
    widgets_.record_last_item("classroom.leave");
  }
  ImGui::PopTextWrapPos();
  ImGui::End();
  return view;
}

}  // namespace tractus::render
