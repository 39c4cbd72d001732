// Patient files: a patient for the twin described as named numbers over the reference patient.
//
//   {"id": "fused-l45", "description": "...",
//    "patient": {"body_mass_kg": 82, "lumbar": {"L4-L5": {"fused": true}}}}
//
// Nested objects flatten to the twin's dotted field names (twin/patient_fields.h), so the
// example sets `lumbar.L4-L5.fused`. Booleans stand for 0 and 1. The command-line tool's
// `probe` reads these files, and so can the web app, which links this library.
// Every problem is refused with the file, the JSON path of the field and the reason, within
// the input limits of input_limits.h.
#pragma once

#include <cstddef>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "scenarios/load_error.h"
#include "twin/model.h"

namespace tractus::scenarios {

/// The most entries (members at every nesting level, objects included) the "patient" object
/// of one file may hold. The twin has about 120 settable fields.
constexpr std::size_t kMaxPatientEntries = 1000;

/// A patient file as read.
struct PatientFile {
  std::string id;           // non-empty
  std::string description;  // may be empty
  twin::PatientModel patient;  // the reference patient with the file's fields set; its id
                               // pointer is left to the caller (point it at `id`)
};

/// Reads a patient from parsed JSON over the reference patient. On failure returns false
/// with the file, the JSON path (`$.patient.lumbar.L4-L5.fused`) and the reason in error.
bool parse_patient(const nlohmann::json& j, const std::string& file, PatientFile& out,
                   LoadError& error);
/// Reads and parses a patient file.
bool load_patient_file(const std::string& file, PatientFile& out, LoadError& error);

}  // namespace tractus::scenarios
