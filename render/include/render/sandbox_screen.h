// The sandbox's own panels, beside the console and the spine panel: the patient and hardware
// panel (the stop switch in the patient's hand and its cable, the emergency stop, the pull-angle
// arm, the hi-lo pendant and the drive's hand brake release) and the twin's readout over the
// 3D view.
#pragma once

#include "render/frame_io.h"
#include "render/screen_context.h"
#include "render/ui_registry.h"
#include "render/units.h"

namespace tractus::render {

/// The sandbox screen's panels. What they show comes in through const access, what the user
/// does goes out as requests; they keep only whether each is folded (its "Hide" button).
class SandboxScreen {
 public:
  SandboxScreen(const UiFonts& fonts, UiRegistry& widgets) : fonts_(fonts), widgets_(widgets) {}

  /// The patient and hardware panel at the bottom left; presses go into out.
  void draw_patient_panel(const scenarios::Rig& rig, UiRequests& out);
  /// The twin's readout at the top left of the 3D view, forces in unit.
  void draw_view_overlay(const scenarios::Rig& rig, ForceUnit unit);

 private:
  const UiFonts& fonts_;
  UiRegistry& widgets_;
  bool patient_open_ = true;  // the patient and hardware panel, else folded to one button
  bool readout_open_ = true;  // the twin readout, likewise
};

}  // namespace tractus::render
