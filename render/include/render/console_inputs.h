// The console's prescription as the operator enters it: the values being edited, and the
// prescription a Start sends, in SI units.
#pragma once

#include "hal/hal.h"
#include "render/units.h"

namespace tractus::render {

/// A prescription as entered on the console, in SI units.
struct ConsolePrescription {
  bool cervical = false;
  hal::Protocol protocol = hal::Protocol::Static;
  float force_n = 0.0f;
  float ramp_s = 30.0f;
  float treatment_min = 10.0f;
  float release_n_per_s = 40.0f;
  float base_force_n = 0.0f;  // intermittent base, cyclic rest, decompression baseline
  float hold_s = 60.0f;       // hold at the traction force
  float rest_s = 30.0f;       // rest at the base force
  int cycles = 0;             // 0: the treatment time decides
};

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
