// The unattended sales demo: the table console (shown, not operable), the 3D view and spine
// panel, and a large caption strip saying what the table is doing. Any click or key shows a
// small "Exit demo" control; nothing here ever waits for a person.
#pragma once

#include "render/frame_io.h"
#include "render/scene_view.h"
#include "render/screen_context.h"
#include "render/ui_registry.h"

namespace tractus::render {

/// The demo screen's own parts: the banner and the caption strip. The router draws the
/// console and the spine panel between begin_demo and draw_demo. It keeps which step last
/// set the camera and how long the exit control stays.
class DemoScreen {
 public:
  DemoScreen(const UiFonts& fonts, UiRegistry& widgets) : fonts_(fonts), widgets_(widgets) {}

  /// Forgets the step on show, so the next frame sets its camera afresh (entering the screen).
  void on_enter() { demo_shown_step_ = -1; }
  /// Reads this frame's clicks and keys (Escape with the exit control showing leaves, into
  /// out) and, when the step has changed, asks for its camera view.
  ViewRequests begin_demo(const FrameInput& in, UiRequests& out);
  /// Draws the banner and the caption strip; the exit control's press goes into out.
  ViewRequests draw_demo(const FrameInput& in, UiRequests& out);

 private:
  const UiFonts& fonts_;
  UiRegistry& widgets_;
  int demo_shown_step_ = -1;         // the step whose camera was last set
  double demo_exit_until_s_ = -1.0;  // "Exit demo" shows until this UI time
};

}  // namespace tractus::render
