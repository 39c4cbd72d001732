// A headless Dear ImGui for the screens' tests: a context with the built-in font and a fixed
// display, frames run without a GPU (nothing is rendered), and the mouse and keys driven as a
// user would, so a test clicks a named widget where the screen recorded it and reads the
// requests that frame returned.
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <string>

#include <imgui.h>

#include "render/frame_io.h"
#include "render/screen_context.h"
#include "render/ui_registry.h"
#include "scenarios/rig.h"

namespace tractus::render::test {

/// Key codes the page's platform layer maps (web/src/platform_html5.cpp).
constexpr int kKeyEscape = 27;
constexpr int kKeyLeft = 37;
constexpr int kKeyRight = 39;

class ImGuiFrames {
 public:
  explicit ImGuiFrames(float width_px = 1280.0f, float height_px = 720.0f) {
    context_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(width_px, height_px);
    io.DeltaTime = 1.0f / 60.0f;
    io.KeyMap[ImGuiKey_Escape] = kKeyEscape;
    io.KeyMap[ImGuiKey_LeftArrow] = kKeyLeft;
    io.KeyMap[ImGuiKey_RightArrow] = kKeyRight;
    ImFont* font = io.Fonts->AddFontDefault();
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    fonts.body = fonts.heading = fonts.gauge = fonts.large = fonts.title = font;
    io.MousePos = ImVec2(-1.0f, -1.0f);
  }
  ~ImGuiFrames() { ImGui::DestroyContext(context_); }
  ImGuiFrames(const ImGuiFrames&) = delete;
  ImGuiFrames& operator=(const ImGuiFrames&) = delete;

  /// Runs one frame: the registry forgets the last frame's widgets, then draw builds the UI.
  void frame(const std::function<void()>& draw) {
    widgets.begin_frame();
    ImGui::NewFrame();
    draw();
    ImGui::Render();
  }
  /// Runs n frames with the mouse and keys as they are.
  void frames(int n, const std::function<void()>& draw) {
    for (int i = 0; i < n; ++i) frame(draw);
  }

  /// Clicks the middle of the widget recorded under id: the pointer moves there (one frame of
  /// hover), presses (one frame) and releases (one frame). The release frame's draw is the last
  /// call, so the caller's requests from that frame hold the click. Fails the test when the
  /// widget was not drawn.
  void click(const std::string& id, const std::function<void()>& draw) {
    frames(2, draw);
    WidgetRect r;
    ASSERT_TRUE(widgets.find(id, r)) << id << " was not drawn";
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(r.x + r.w * 0.5f, r.y + r.h * 0.5f);
    frame(draw);
    io.MouseDown[0] = true;
    frame(draw);
    io.MouseDown[0] = false;
    frame(draw);
  }
  /// Presses and releases a key: the press frame is the last call (ImGui reports a key press
  /// on the frame it goes down); the release follows in the next frame().
  void press_key(int key, const std::function<void()>& draw) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeysDown[key] = true;
    frame(draw);
    io.KeysDown[key] = false;
  }
  /// Whether the widget was drawn in the last frame.
  bool drawn(const std::string& id) const {
    WidgetRect r;
    return widgets.find(id, r);
  }

  UiFonts fonts;
  UiRegistry widgets;

 private:
  ImGuiContext* context_ = nullptr;
};

/// A fixture around one screen or panel: a headless ImGui, the frame's input, and what the last
/// frame returned (out, and asked for the view). A fixture says in draw_once how its screen is
/// drawn; draw() is that frame for ImGuiFrames to run.
struct ScreenTest : ::testing::Test {
  explicit ScreenTest(float width_px = 1280.0f, float height_px = 720.0f) : ui(width_px, height_px) {}
  virtual void draw_once() = 0;
  std::function<void()> draw() {
    return [this] {
      out = UiRequests{};
      asked = ViewRequests{};
      draw_once();
    };
  }

  ImGuiFrames ui;
  FrameInput in;
  UiRequests out;
  ViewRequests asked;
};

/// A ScreenTest of a screen that shows the table: a sandbox rig at power-on is on show.
struct TableScreenTest : ScreenTest {
  explicit TableScreenTest(Screen screen, float width_px = 1280.0f, float height_px = 720.0f)
      : ScreenTest(width_px, height_px) {
    in.screen = screen;
    in.rig = &rig;
  }
  scenarios::Rig rig{scenarios::RigConfig{}};
};

}  // namespace tractus::render::test
