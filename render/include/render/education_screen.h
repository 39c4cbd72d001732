// The patient education tour: large plain-language steps with a picture each, and on one step
// the running twin. Back/Next buttons, Left/Right arrows, Escape to leave.
#pragma once

#include "render/frame_io.h"
#include "render/scene_view.h"
#include "render/screen_context.h"
#include "render/ui_registry.h"

namespace tractus::render {

/// The patient tour screen. It keeps which step last set the camera and how wide its text
/// column is; the step and the live table come in through the frame, a step change or the way
/// out goes out as requests, and the x-ray view for the live step as a ViewRequest.
class EducationScreen {
 public:
  EducationScreen(const UiFonts& fonts, UiRegistry& widgets) : fonts_(fonts), widgets_(widgets) {}

  /// Draws the step; requests go into out. On the live step the returned requests carry the
  /// x-ray side view on entry, and the view takes mouse orbits (see orbits_view).
  ViewRequests draw_education(const FrameInput& in, const SceneView& view, UiRequests& out);
  /// Entering the tour: the first step drawn sets its camera afresh.
  void on_enter() { education_shown_step_ = -1; }
  /// The text column's width when the live view stands beside it, else 0, CSS pixels.
  float text_w_px() const { return education_text_w_px_; }
  /// Whether the last frame showed the live view, which the mouse may orbit.
  bool orbits_view() const { return orbits_view_; }

 private:
  const UiFonts& fonts_;
  UiRegistry& widgets_;
  int education_shown_step_ = -1;     // the step whose camera was last set
  float education_text_w_px_ = 0.0f;  // the text column left of the live view
  bool orbits_view_ = false;
};

}  // namespace tractus::render
