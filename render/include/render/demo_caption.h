// What the unattended sales demo is showing now, as the host's demo director describes it to
// the UI: the step, its caption and the camera view it wants.
#pragma once

#include <string>

#include "render/camera.h"

namespace tractus::render {

/// One frame's view of the sales demo. The director owns the script; the UI only draws this.
struct DemoCaption {
  int step = 0;             // index of the step on show, 0-based
  int step_count = 0;       // steps in one loop
  int loop = 0;             // completed loops since the demo began
  std::string title;        // the caption's headline
  std::string body;         // one or two sentences on what the table is doing and why
  std::string fact;         // a figure measured in this run (e.g. a release time); may be empty
  CameraPreset camera = CameraPreset::Overview;  // the view this step is best seen from
  double step_elapsed_s = 0.0;   // simulated time into the step
  double step_duration_s = 0.0;  // simulated length of the step
};

}  // namespace tractus::render
