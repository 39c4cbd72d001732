// The scenario list: the library on the left with the mode (practice or assessment) chosen
// first, the selected scenario's briefing on the right with its Start button, and the way to
// open a saved session record into its debrief.
#pragma once

#include "render/frame_io.h"
#include "render/screen_context.h"
#include "render/ui_registry.h"

namespace tractus::render {

/// The scenario list screen. It keeps the selection and the mode; the library comes in
/// through the frame, and a start goes out as open_scenario (with assessment).
class ScenarioListScreen {
 public:
  ScenarioListScreen(const UiFonts& fonts, UiRegistry& widgets) : fonts_(fonts), widgets_(widgets) {}

  /// Draws the list and the briefing below the toolbar; choices go into out.
  void draw_scenario_list(const FrameInput& in, UiRequests& out);

 private:
  const UiFonts& fonts_;
  UiRegistry& widgets_;
  int selected_scenario_ = 0;     // the scenario whose briefing is on show
  bool list_assessment_ = false;  // assessment mode chosen (no categories)
};

}  // namespace tractus::render
