// The console's fields as the operator edits them, in the display unit; a Start sends them
// as the console's one prescription entry (console/prescription_entry.h, SI).
#pragma once

#include "hal/hal.h"
#include "render/units.h"

namespace tractus::render {

/// Values being edited on the console before they are sent as a prescription.
struct ConsoleInputs {
  int region = 0;               // 0 lumbar, 1 cervical
  int protocol = 0;             // index into hal::Protocol: static, intermittent, cyclic, decompression
  float base_force = 35.0f;     // in the selected unit
  float hold_s = 60.0f;
  float rest_s = 30.0f;
  int cycles = 0;
  float max_force = 70.0f;      // in the selected unit
  float ramp_s = 30.0f;
  float treatment_min = 10.0f;
  float release_per_s = 9.0f;   // in the selected unit per second
  ForceUnit unit = ForceUnit::Lbf;
};

}  // namespace tractus::render
