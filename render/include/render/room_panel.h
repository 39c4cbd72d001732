// The classroom panel of the training screen: open a room for an instructor on another device,
// show its join code and QR symbol, and say who follows the session.
#pragma once

#include "render/frame_io.h"
#include "render/screen_context.h"
#include "render/ui_registry.h"

namespace tractus::render {

/// The classroom panel, drawn where the in-page instructor panel sits (a room hides that one).
class RoomPanel {
 public:
  RoomPanel(const UiFonts& fonts, UiRegistry& widgets) : fonts_(fonts), widgets_(widgets) {}

  /// Draws the panel for in.room; opening or leaving a room goes into out. Returns room_open =
  /// false when the user closes the panel (the room itself stays open).
  ViewRequests draw_room_panel(const FrameInput& in, UiRequests& out);

 private:
  const UiFonts& fonts_;
  UiRegistry& widgets_;
};

}  // namespace tractus::render
