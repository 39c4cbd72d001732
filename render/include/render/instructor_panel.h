// The instructor panel: inject any fault from the twin's catalogue or provoke a patient
// reaction, and always see which faults are active.
#pragma once

#include <string>
#include <vector>

#include "render/frame_io.h"
#include "render/screen_context.h"
#include "render/ui_registry.h"

namespace tractus::render {

/// Names of the faults acting now, from the session when there is one, else from the rig.
std::vector<std::string> active_fault_names(const FrameInput& in);

/// The instructor panel, drawn over the sandbox and training screens while it is open. It
/// keeps only its own pickers; faults and reactions go out as requests.
class InstructorPanel {
 public:
  explicit InstructorPanel(UiRegistry& widgets) : widgets_(widgets) {}

  /// Draws the panel; an injection or reaction goes into out. Returns instructor_open =
  /// false when the user closes it.
  ViewRequests draw_instructor_panel(const FrameInput& in, UiRequests& out);

 private:
  UiRegistry& widgets_;
  int fault_component_ = 0;  // selected component
  int fault_index_ = 0;      // selected catalogue fault
  int reaction_index_ = 0;   // selected reaction
};

}  // namespace tractus::render
