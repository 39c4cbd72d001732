// The toolbar across the top of the sandbox, training, scenario list and debrief screens:
// Home, the simulation clock (run or pause, single step, speed), the 3D view's presets and
// toggles, Reset table or End session, and the instructor button, which turns red while a
// fault is active.
#pragma once

#include "render/frame_io.h"
#include "render/scene_view.h"
#include "render/screen_context.h"
#include "render/ui_registry.h"

namespace tractus::render {

/// The toolbar. It holds no state: the clock and the table come in through the frame, the 3D
/// view through const access, and the user's choices go out as requests.
class Toolbar {
 public:
  Toolbar(const UiFonts& fonts, UiRegistry& widgets) : fonts_(fonts), widgets_(widgets) {}

  /// Draws the toolbar; clock, screen and session requests go into out, and the view's
  /// camera and toggles and the instructor panel's opening come back.
  ViewRequests draw_toolbar(const FrameInput& in, const SceneView& view, bool instructor_open, bool room_open,
                            UiRequests& out);

 private:
  const UiFonts& fonts_;
  UiRegistry& widgets_;
};

}  // namespace tractus::render
