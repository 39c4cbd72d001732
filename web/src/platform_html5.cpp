#include "platform_html5.h"

#include "key_queue.h"

#include <cfloat>
#include <cmath>
#include <cstring>
#include <string>

#include <emscripten/html5.h>
#include <imgui.h>

namespace tractus::web {

namespace {

std::string g_canvas;
double g_dpr = 1.0;
// The pointer as the events last left it, and presses no frame has seen yet. A press is held
// until a frame has shown it, so press-and-release between two frames still reaches the UI as
// a click. A press somewhere the last frame's pointer was not is shown first as a hover
// frame: ImGui gives an item the press only if it was hovered the frame before whenever the
// item lets others overlap it (tab bars, and the items drawn over another), so without that
// frame an instant click or a tap on a debrief tab selected nothing.
ImVec2 g_pointer(-FLT_MAX, -FLT_MAX);
ImVec2 g_frame_pointer(-FLT_MAX, -FLT_MAX);  // where the last frame saw the pointer
bool g_mouse_down[3] = {false, false, false};
bool g_press_pending[3] = {false, false, false};
ImVec2 g_press_at[3];

void press(int b) {
  g_mouse_down[b] = true;
  g_press_pending[b] = true;
  g_press_at[b] = g_pointer;
}
// key presses and typed text, ordered into frames (a slow frame must not lose or reorder them)
KeyQueue g_keys;
KeyQueue::Frame g_key_frame;

int button_index(unsigned short dom_button) {
  // DOM: 0 left, 1 middle, 2 right; ImGui: 0 left, 1 right, 2 middle
  return dom_button == 0 ? 0 : dom_button == 2 ? 1 : 2;
}

EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void*) {
  g_pointer = ImVec2(static_cast<float>(e->targetX), static_cast<float>(e->targetY));
  const int b = button_index(e->button);
  if (type == EMSCRIPTEN_EVENT_MOUSEDOWN) {
    press(b);
  } else if (type == EMSCRIPTEN_EVENT_MOUSEUP) {
    g_mouse_down[b] = false;
  }
  return type != EMSCRIPTEN_EVENT_MOUSEMOVE;
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
  ImGuiIO& io = ImGui::GetIO();
  // pixel deltas arrive about 100 per notch, line deltas about 3
  const double scale = e->deltaMode == DOM_DELTA_PIXEL ? 100.0 : e->deltaMode == DOM_DELTA_LINE ? 3.0 : 1.0;
  io.MouseWheel -= static_cast<float>(e->deltaY / scale);
  io.MouseWheelH -= static_cast<float>(e->deltaX / scale);
  return EM_TRUE;
}

EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void*) {
  if (e->numTouches <= 0) return EM_FALSE;
  const EmscriptenTouchPoint& t = e->touches[0];
  g_pointer = ImVec2(static_cast<float>(t.targetX), static_cast<float>(t.targetY));
  if (type == EMSCRIPTEN_EVENT_TOUCHSTART) {
    press(0);
  } else if (type == EMSCRIPTEN_EVENT_TOUCHEND || type == EMSCRIPTEN_EVENT_TOUCHCANCEL) {
    g_mouse_down[0] = false;
  }
  return EM_TRUE;  // no emulated mouse events on top
}

bool is_navigation_key(unsigned long code) {
  return code == 8 || code == 9 || code == 13 || code == 27 || (code >= 33 && code <= 40) || code == 46;
}

// whether the UI acts on presses of this key: it is in ImGui's key map (navigation, editing
// and the shortcut letters), and a letter only with Ctrl or Cmd, since a plain letter is text
bool is_ui_key(unsigned long code, bool ctrl_or_cmd) {
  const ImGuiIO& io = ImGui::GetIO();
  for (int k = 0; k < ImGuiKey_COUNT; ++k) {
    if (io.KeyMap[k] != static_cast<int>(code)) continue;
    const bool letter = code >= 'A' && code <= 'Z';  // DOM keyCodes of letters are upper case
    return !letter || ctrl_or_cmd;
  }
  return false;
}

EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* e, void*) {
  ImGuiIO& io = ImGui::GetIO();
  const unsigned long code = e->keyCode;
  const bool down = type == EMSCRIPTEN_EVENT_KEYDOWN;
  const uint8_t mods = (e->ctrlKey ? KeyQueue::kCtrl : 0) | (e->shiftKey ? KeyQueue::kShift : 0) |
                       (e->altKey ? KeyQueue::kAlt : 0) | (e->metaKey ? KeyQueue::kSuper : 0);
  g_keys.key_event(static_cast<int>(code), down, e->repeat, mods, is_ui_key(code, e->ctrlKey || e->metaKey));
  if (down && !e->ctrlKey && !e->metaKey && !e->altKey) {
    // a printable key has a one-character name (possibly multi-byte UTF-8)
    const std::size_t n = std::strlen(e->key);
    const bool single_char = n == 1 || (n > 1 && n <= 4 && (static_cast<unsigned char>(e->key[0]) & 0xC0) == 0xC0);
    if (single_char) g_keys.text(e->key);
  }
  // keep the browser from acting on keys the UI is using
  return (io.WantCaptureKeyboard || io.WantTextInput || is_navigation_key(code)) ? EM_TRUE : EM_FALSE;
}

}  // namespace

void platform_init(const char* canvas_selector) {
  g_canvas = canvas_selector;
  ImGuiIO& io = ImGui::GetIO();
  io.BackendPlatformName = "tractus_html5";
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  // ImGui key map: DOM keyCodes
  io.KeyMap[ImGuiKey_Tab] = 9;
  io.KeyMap[ImGuiKey_LeftArrow] = 37;
  io.KeyMap[ImGuiKey_RightArrow] = 39;
  io.KeyMap[ImGuiKey_UpArrow] = 38;
  io.KeyMap[ImGuiKey_DownArrow] = 40;
  io.KeyMap[ImGuiKey_PageUp] = 33;
  io.KeyMap[ImGuiKey_PageDown] = 34;
  io.KeyMap[ImGuiKey_Home] = 36;
  io.KeyMap[ImGuiKey_End] = 35;
  io.KeyMap[ImGuiKey_Insert] = 45;
  io.KeyMap[ImGuiKey_Delete] = 46;
  io.KeyMap[ImGuiKey_Backspace] = 8;
  io.KeyMap[ImGuiKey_Space] = 32;
  io.KeyMap[ImGuiKey_Enter] = 13;
  io.KeyMap[ImGuiKey_Escape] = 27;
  io.KeyMap[ImGuiKey_KeyPadEnter] = 13;
  io.KeyMap[ImGuiKey_A] = 65;
  io.KeyMap[ImGuiKey_C] = 67;
  io.KeyMap[ImGuiKey_V] = 86;
  io.KeyMap[ImGuiKey_X] = 88;
  io.KeyMap[ImGuiKey_Y] = 89;
  io.KeyMap[ImGuiKey_Z] = 90;

  const char* c = g_canvas.c_str();
  emscripten_set_mousedown_callback(c, nullptr, EM_TRUE, on_mouse);
  emscripten_set_mousemove_callback(c, nullptr, EM_TRUE, on_mouse);
  // releases are caught anywhere, so a drag that leaves the canvas still ends
  emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_TRUE, on_mouse);
  emscripten_set_wheel_callback(c, nullptr, EM_TRUE, on_wheel);
  emscripten_set_touchstart_callback(c, nullptr, EM_TRUE, on_touch);
  emscripten_set_touchmove_callback(c, nullptr, EM_TRUE, on_touch);
  emscripten_set_touchend_callback(c, nullptr, EM_TRUE, on_touch);
  emscripten_set_touchcancel_callback(c, nullptr, EM_TRUE, on_touch);
  emscripten_set_keydown_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_TRUE, on_key);
  emscripten_set_keyup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_TRUE, on_key);
}

FramebufferSize platform_new_frame(double dt_s) {
  ImGuiIO& io = ImGui::GetIO();
  double css_w = 0.0, css_h = 0.0;
  emscripten_get_element_css_size(g_canvas.c_str(), &css_w, &css_h);
  g_dpr = emscripten_get_device_pixel_ratio();
  if (g_dpr <= 0.0) g_dpr = 1.0;
  FramebufferSize fb;
  fb.width_px = static_cast<int>(std::lround(css_w * g_dpr));
  fb.height_px = static_cast<int>(std::lround(css_h * g_dpr));
  int cur_w = 0, cur_h = 0;
  emscripten_get_canvas_element_size(g_canvas.c_str(), &cur_w, &cur_h);
  if (cur_w != fb.width_px || cur_h != fb.height_px) {
    emscripten_set_canvas_element_size(g_canvas.c_str(), fb.width_px, fb.height_px);
  }
  io.DisplaySize = ImVec2(static_cast<float>(css_w), static_cast<float>(css_h));
  io.DisplayFramebufferScale = ImVec2(static_cast<float>(g_dpr), static_cast<float>(g_dpr));
  io.DeltaTime = dt_s > 0.0 ? static_cast<float>(dt_s) : 1.0f / 60.0f;

  // the pointer: at an unseen press while one is pending, else where the events left it
  io.MousePos = g_pointer;
  for (int b = 0; b < 3; ++b) {
    if (g_press_pending[b]) io.MousePos = g_press_at[b];
  }
  const bool hover_first = io.MousePos.x != g_frame_pointer.x || io.MousePos.y != g_frame_pointer.y;
  for (int b = 0; b < 3; ++b) {
    if (!g_press_pending[b]) {
      io.MouseDown[b] = g_mouse_down[b];
    } else if (hover_first) {
      io.MouseDown[b] = false;  // this frame hovers the press's place; the next one presses
    } else {
      io.MouseDown[b] = true;
      g_press_pending[b] = false;
    }
  }
  g_frame_pointer = io.MousePos;
  g_keys.next_frame(g_key_frame);
  for (int k = 0; k < KeyQueue::kKeyCount; ++k) io.KeysDown[k] = g_key_frame.keys_down[k];
  io.KeyCtrl = (g_key_frame.mods & KeyQueue::kCtrl) != 0;
  io.KeyShift = (g_key_frame.mods & KeyQueue::kShift) != 0;
  io.KeyAlt = (g_key_frame.mods & KeyQueue::kAlt) != 0;
  io.KeySuper = (g_key_frame.mods & KeyQueue::kSuper) != 0;
  if (!g_key_frame.text.empty()) io.AddInputCharactersUTF8(g_key_frame.text.c_str());
  return fb;
}

double platform_device_pixel_ratio() { return g_dpr; }

}  // namespace tractus::web
