// Validation of a prescription entered on the console: refusals for settings outside the
// table's ranges (naming the field and why), and warnings, not refusals, for settings above
// clinical guidance (DESIGN.md section 4).
#pragma once

#include "hal/hal.h"
#include "hal/units.h"

namespace tractus::controller {

/// Outcome of validating a prescription. Strings are static and never freed.
struct PrescriptionCheck {
  bool ok = true;
  const char* field = "";   // the offending field, empty when ok
  const char* reason = "";  // why it was refused, empty when ok
  /// Guidance warnings for an accepted prescription.
  int warning_count = 0;
  const char* warnings[hal::kMaxPrescriptionWarnings] = {};
  /// Total treatment time computed from the parameters, seconds (valid when ok).
  float total_s = 0.0f;
};

/// Checks every field of p against the table's ranges (see hal::Prescription) and returns the
/// first refusal, naming the field and the reason; for an accepted prescription it lists the
/// guidance warnings: lumbar force above 50% of body weight, above the typical 60 kg, cervical
/// force above 30 lb or below 20 lb, and a first-session force above the conservative cap
/// (40 lb women and unspecified, 50 lb men).
PrescriptionCheck check_prescription(const hal::Prescription& p);

}  // namespace tractus::controller
