// The prescription as it is edited on the table's touchscreen: one entry, in SI units with the
// HAL's enums. The panel shows it in the clinician's unit; the trainer's actions, the demo and
// the command-line tool fill it in newtons and seconds; to_hal() gives the firmware's form.
#pragma once

#include "hal/hal.h"

namespace tractus::console {

/// The prescription being edited. Fields hold what the operator typed, unchecked: the
/// firmware checks ranges when the prescription reaches it and names a field it refuses.
struct PrescriptionEntry {
  hal::Region region = hal::Region::Lumbar;
  hal::Protocol protocol = hal::Protocol::Static;
  /// Target traction force, newtons.
  double max_force_n = 0.0;
  /// Ramp from zero to the target, seconds.
  double ramp_s = 30.0;
  /// Treatment time, seconds.
  double treatment_s = 600.0;
  /// Release ("changeover") speed, newtons per second.
  double release_n_per_s = 40.0;
  /// Base force of the cycling protocols (intermittent base, cyclic rest, decompression
  /// baseline), newtons.
  double base_force_n = 0.0;
  /// Hold at the traction force, seconds (cycling protocols).
  double hold_s = 60.0;
  /// Rest at the base force, seconds (cycling protocols).
  double rest_s = 30.0;
  /// Cycles, as typed; 0 lets the treatment time decide.
  int cycles = 0;

  /// The prescription the console sends: the same values, narrowed to the HAL's float fields.
  /// Cycles outside 0..255 are clamped into the HAL's byte, so the firmware still sees an
  /// out-of-range count (above 99) and refuses it by name.
  hal::Prescription to_hal() const;
};

}  // namespace tractus::console
