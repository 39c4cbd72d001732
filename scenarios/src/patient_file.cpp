#include "scenarios/patient_file.h"

#include <nlohmann/json.hpp>

#include "json_fields.h"
#include "scenarios/json_file.h"
#include "twin/patient_fields.h"

namespace tractus::scenarios {

using nlohmann::json;

namespace {

// flattens nested objects to dotted names and sets each field; false with the path and the
// reason of the first bad field. Depth is already bounded (kMaxJsonDepth), so the recursion is.
bool apply_fields(detail::Fields& f, const json& node, const std::string& prefix,
                  twin::PatientModel& p, std::size_t& count) {
  for (auto it = node.begin(); it != node.end(); ++it) {
    const std::string name = prefix.empty() ? it.key() : prefix + "." + it.key();
    const std::string path = "$.patient." + name;
    const json& v = it.value();
    if (++count > kMaxPatientEntries)
      return f.fail(path, "the patient has more than " + std::to_string(kMaxPatientEntries) +
                              " entries (the limit)");
    if (v.is_object()) {
      if (!apply_fields(f, v, name, p, count)) return false;
      continue;
    }
    double value = 0.0;
    if (v.is_boolean()) value = v.get<bool>() ? 1.0 : 0.0;
    else if (v.is_number()) value = v.get<double>();
    else return f.fail(path, "must be a number or true/false");
    const twin::FieldResult r = twin::set_patient_field(p, name.c_str(), value);
    if (!r.ok) {
      // the twin's message starts with the field name, which the path already gives
      std::string reason = r.message;
      const std::string lead = name.substr(0, 60) + ": ";
      if (reason.compare(0, lead.size(), lead) == 0) reason = reason.substr(lead.size());
      return f.fail(path, reason);
    }
  }
  return true;
}

}  // namespace

bool parse_patient(const json& j, const std::string& file, PatientFile& out, LoadError& error) {
  error = LoadError{};
  error.file = file;
  detail::Fields f(error);
  out = PatientFile{};
  if (!f.depth_within(j)) return false;
  if (!j.is_object()) return f.fail("$", "a patient file is a JSON object");
  if (!f.object(j, "$", {"id", "description", "patient"}) ||
      !f.string(j, "$", "id", out.id, true) ||
      !f.string(j, "$", "description", out.description, false, false))
    return false;
  const json* patient = f.member(j, "$", "patient", true);
  if (patient == nullptr) return false;
  if (!patient->is_object()) return f.fail("$.patient", "must be an object of fields");
  std::size_t count = 0;
  return apply_fields(f, *patient, "", out.patient, count);
}

bool load_patient_file(const std::string& file, PatientFile& out, LoadError& error) {
  json j;
  if (!read_json_file(file, j, error)) return false;
  return parse_patient(j, file, out, error);
}

}  // namespace tractus::scenarios
