// Setting patient parameters by name, so that patient files (JSON, read outside twin/) and
// scenario scripts can describe a patient as a list of named numbers over the reference
// patient. Names are dotted paths:
//
//   body_mass_kg, conditions.bone_strength, conditions.claustrophobia,
//   lumbar.L4-L5.protrusion_mm, lumbar.L4-L5.fused, cervical.C5-C6.degeneration, ...
//
// Booleans take 0 or 1. An unknown name or an out-of-range value is refused with a message
// naming the field and the reason; nothing is thrown.
#pragma once

#include "twin/model.h"

namespace tractus::twin {

/// Result of setting one field.
struct FieldResult {
  bool ok = false;
  char message[160] = {};  // the field and the reason, empty when ok
};

/// Sets the named field of patient to value.
FieldResult set_patient_field(PatientModel& patient, const char* name, double value);

/// Writes the name of field index i (0 .. patient_field_count()-1) into out, for listing the
/// accepted names (per-level fields are listed once per level).
int patient_field_count();
void patient_field_name(int index, char* out, int size);

}  // namespace tractus::twin
