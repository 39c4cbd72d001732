// Dear ImGui platform backend for the browser, on Emscripten's HTML5 event API.
//
// Features:
//  [x] Mouse position, buttons and wheel on the canvas; touch as a single pointer.
//  [x] Keyboard navigation keys, Ctrl/Shift/Alt, and text input.
//  [x] Canvas backing store sized to CSS size times devicePixelRatio, every frame.
//  [x] Presses shorter than a frame are latched so the UI never misses a click; key presses
//      and typed text reach the UI in order, one press a frame (key_queue.h).
//  [ ] Clipboard, cursors and gamepads (not used by the trainer).
#pragma once

namespace tractus::web {

/// Size of the drawing buffer after platform_new_frame, in device pixels.
struct FramebufferSize {
  int width_px = 0;
  int height_px = 0;
};

/// Registers the event callbacks on the canvas with the given CSS selector (e.g. "#canvas")
/// and fills ImGui's key map. Call once, after ImGui::CreateContext.
void platform_init(const char* canvas_selector);

/// Resizes the canvas to its CSS size at the device pixel ratio, feeds ImGui the display size,
/// scale, time step and latched input, and returns the drawing-buffer size.
FramebufferSize platform_new_frame(double dt_s);

/// The device pixel ratio seen at the last platform_new_frame.
double platform_device_pixel_ratio();

}  // namespace tractus::web
