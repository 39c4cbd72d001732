// Validation of a prescription entered on the console.
#pragma once

#include "hal/hal.h"

namespace tractus::controller {

/// Outcome of validating a prescription. Strings are static and never freed.
struct PrescriptionCheck {
  bool ok = true;
  const char* field = "";   // the offending field, empty when ok
  const char* reason = "";  // why it was refused, empty when ok
};

/// Checks every field of p against the table's ranges (see hal::Prescription) and returns the
/// first refusal, naming the field and the reason.
PrescriptionCheck check_prescription(const hal::Prescription& p);

}  // namespace tractus::controller
