// `probe`: one traction dose on a patient, and the spine's answer per level (twin issue 3).
//
// For educators and for checking the model. The dose is applied by the twin's ideal bench
// force servo (twin/probe.h), so the answer is the patient model's alone, not the firmware's.
// Patient files are JSON: {"id": ..., "description": ..., "patient": {field: value, ...}},
// where nested objects flatten to the twin's dotted field names (twin/patient_fields.h).
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "scenarios/number_text.h"
#include "scenarios/patient_file.h"
#include "twin/patient_fields.h"
#include "twin/probe.h"
#include "hal/units.h"

#ifndef TRACTUS_PATIENT_DIR
#define TRACTUS_PATIENT_DIR "twin/patients"
#endif

namespace tractus::cli {

namespace {

using units::kNewtonsPerLbf;

void usage() {
  std::printf(
      "usage: tractus-cli probe --force-lbf F [--patient FILE|ID] [--region lumbar|cervical]\n"
      "                         [--angle-deg A] [--hold-s S] [--ramp-s R] [--ramp linear|log]\n"
      "                         [--split on|off] [--json]\n"
      "       tractus-cli probe --list-patients | --list-fields\n"
      "Applies one traction dose with an ideal bench force servo and prints, per disc level,\n"
      "separation_mm, pressure_mmhg, protrusion_mm and nerve_compression, and for the patient\n"
      "muscle_activation, pain_back, pain_leg (or pain_arm), anxiety, stature_gain_mm and\n"
      "fracture_risk. ID names a file in %s (\"reference\" is the built-in\n"
      "reference patient). Defaults: reference patient, lumbar, 15 deg, 30 s ramp, 60 s hold,\n"
      "split on.\n",
      TRACTUS_PATIENT_DIR);
}

// the folder of shipped patient files: $TRACTUS_PATIENT_DIR, else the source tree's
std::string patient_dir() {
  const char* env = std::getenv("TRACTUS_PATIENT_DIR");
  return env != nullptr && env[0] != '\0' ? std::string(env) : std::string(TRACTUS_PATIENT_DIR);
}

// an argument is a file if it looks like a path, else an id in the patient folder
std::string patient_path(const std::string& arg) {
  if (arg.find('/') != std::string::npos || (arg.size() > 5 && arg.compare(arg.size() - 5, 5, ".json") == 0)) {
    return arg;
  }
  return patient_dir() + "/" + arg + ".json";
}

// reads a patient file over the reference patient (scenarios/patient_file.h); id receives
// its id
bool load_patient(const std::string& arg, twin::PatientModel& p, std::string& id) {
  if (arg == "reference") {
    id = "reference";
    return true;
  }
  scenarios::PatientFile file;
  scenarios::LoadError error;
  if (!scenarios::load_patient_file(patient_path(arg), file, error)) {
    std::fprintf(stderr, "tractus-cli probe: %s\n", error.message().c_str());
    return false;
  }
  p = file.patient;
  id = file.id;
  return true;
}

// prints the built-in patient and every patient file in the patient folder, sorted
int list_patients() {
  std::printf("%-26s %s\n", "reference", "the built-in reference patient: 70 kg man, relaxed");
  std::vector<std::string> paths;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(patient_dir(), ec)) {
    if (e.path().extension() == ".json") paths.push_back(e.path().string());
  }
  if (ec) {
    std::fprintf(stderr, "tractus-cli probe: %s: cannot list patient files\n", patient_dir().c_str());
    return 1;
  }
  std::sort(paths.begin(), paths.end());
  for (const std::string& path : paths) {
    scenarios::PatientFile file;
    scenarios::LoadError error;
    const std::string stem = std::filesystem::path(path).stem().string();
    if (!scenarios::load_patient_file(path, file, error)) {
      std::printf("%-26s (not a valid patient file: %s)\n", stem.c_str(), error.message().c_str());
      continue;
    }
    std::printf("%-26s %s\n", stem.c_str(), file.description.c_str());
  }
  return 0;
}

bool parse_number(const char* option, const char* text, double& out) {
  return scenarios::parse_finite_option("tractus-cli probe", option, text, out);
}

void print_json(const std::string& id, const twin::TwinModel& m, const twin::ProbeProtocol& dose,
                double force_lbf, const twin::ProbeReport& r) {
  const bool cervical = m.setup == hal::Region::Cervical;
  nlohmann::ordered_json out;
  out["patient"] = id;
  out["region"] = cervical ? "cervical" : "lumbar";
  out["force_lbf"] = force_lbf;
  out["force_n"] = dose.force_n;
  out["angle_deg"] = dose.angle_deg;
  out["ramp_s"] = dose.ramp_s;
  out["ramp"] = dose.ramp_shape == twin::RampShape::Logarithmic ? "log" : "linear";
  out["hold_s"] = dose.hold_s;
  out["split"] = dose.split;
  nlohmann::ordered_json levels = nlohmann::ordered_json::array();
  for (int i = 0; i < r.level_count; ++i) {
    const twin::ProbeLevel& l = r.levels[i];
    nlohmann::ordered_json j;
    j["level"] = l.name;
    j["separation_mm"] = l.separation_mm;
    j["posterior_separation_mm"] = l.posterior_separation_mm;
    j["pressure_mmhg"] = l.pressure_mmhg;
    j["protrusion_mm"] = l.protrusion_mm;
    j["nerve_compression"] = l.nerve_compression;
    levels.push_back(j);
  }
  out["levels"] = levels;
  nlohmann::ordered_json p;
  p["muscle_activation"] = r.muscle_activation;
  p["peak_muscle_activation"] = r.peak_muscle_activation;
  p["pain_back"] = r.pain_back;
  p[cervical ? "pain_arm" : "pain_leg"] = r.pain_radicular;
  p["anxiety"] = r.anxiety;
  p["stature_gain_mm"] = r.stature_gain_mm;
  p["fracture_risk"] = r.fracture_risk;
  p["implant_stress"] = r.implant_stress;
  p["soreness"] = r.soreness;
  p["spine_force_n"] = r.spine_force_n;
  p["cord_tension_n"] = r.cord_tension_n;
  out["patient_state"] = p;
  std::printf("%s\n", out.dump(2).c_str());
}

void print_text(const std::string& id, const twin::TwinModel& m, const twin::ProbeProtocol& dose,
                double force_lbf, const twin::ProbeReport& r) {
  const bool cervical = m.setup == hal::Region::Cervical;
  std::printf("patient %s, %s, %.1f lbf (%.0f N) at %.0f deg, %s ramp %.0f s, hold %.0f s, split %s\n",
              id.c_str(), cervical ? "cervical" : "lumbar", force_lbf, dose.force_n, dose.angle_deg,
              dose.ramp_shape == twin::RampShape::Logarithmic ? "log" : "linear", dose.ramp_s,
              dose.hold_s, dose.split ? "on" : "off");
  std::printf("%-7s %14s %14s %14s %14s %12s\n", "level", "separation_mm", "posterior_mm",
              "pressure_mmhg", "protrusion_mm", "nerve_comp");
  for (int i = 0; i < r.level_count; ++i) {
    const twin::ProbeLevel& l = r.levels[i];
    std::printf("%-7s %14.3f %14.3f %14.1f %14.2f %12.2f\n", l.name, l.separation_mm,
                l.posterior_separation_mm, l.pressure_mmhg, l.protrusion_mm, l.nerve_compression);
  }
  std::printf("muscle_activation %.2f (peak %.2f), pain_back %.1f, %s %.1f, anxiety %.2f\n",
              r.muscle_activation, r.peak_muscle_activation, r.pain_back,
              cervical ? "pain_arm" : "pain_leg", r.pain_radicular, r.anxiety);
  std::printf("stature_gain_mm %.2f, fracture_risk %.2e, implant_stress %.2f, soreness %.2f\n",
              r.stature_gain_mm, r.fracture_risk, r.implant_stress, r.soreness);
}

}  // namespace

int probe_command(int argc, char** argv) {
  std::string patient_arg = "reference", region = "lumbar", ramp = "linear", split = "on";
  double force_lbf = -1.0, angle_deg = 15.0, hold_s = 60.0, ramp_s = 30.0;
  bool json = false;
  for (int i = 1; i < argc; ++i) {
    const char* a = argv[i];
    if (std::strcmp(a, "--help") == 0) { usage(); return 0; }
    if (std::strcmp(a, "--json") == 0) { json = true; continue; }
    if (std::strcmp(a, "--list-fields") == 0) {
      char name[96];
      for (int k = 0; k < twin::patient_field_count(); ++k) {
        twin::patient_field_name(k, name, sizeof name);
        std::printf("%s\n", name);
      }
      return 0;
    }
    if (std::strcmp(a, "--list-patients") == 0) return list_patients();
    if (i + 1 >= argc) {
      std::fprintf(stderr, "tractus-cli probe: %s needs a value (or is unknown; see --help)\n", a);
      return 2;
    }
    const char* v = argv[++i];
    bool ok = true;
    if (std::strcmp(a, "--patient") == 0) patient_arg = v;
    else if (std::strcmp(a, "--region") == 0) region = v;
    else if (std::strcmp(a, "--ramp") == 0) ramp = v;
    else if (std::strcmp(a, "--split") == 0) split = v;
    else if (std::strcmp(a, "--force-lbf") == 0) ok = parse_number(a, v, force_lbf);
    else if (std::strcmp(a, "--angle-deg") == 0) ok = parse_number(a, v, angle_deg);
    else if (std::strcmp(a, "--hold-s") == 0) ok = parse_number(a, v, hold_s);
    else if (std::strcmp(a, "--ramp-s") == 0) ok = parse_number(a, v, ramp_s);
    else {
      std::fprintf(stderr, "tractus-cli probe: unknown option '%s'\n", a);
      return 2;
    }
    if (!ok) return 2;
  }

  // check the dose before running it
  if (region != "lumbar" && region != "cervical") {
    std::fprintf(stderr, "tractus-cli probe: --region: '%s' is not lumbar or cervical\n", region.c_str());
    return 2;
  }
  const double max_lbf = region == "lumbar" ? 200.0 : 50.0;  // device maxima, DESIGN.md section 4
  // every range check is written as "not inside", which NaN fails too
  if (!(force_lbf >= 0.0 && force_lbf <= max_lbf)) {
    std::fprintf(stderr, "tractus-cli probe: --force-lbf: required, 0..%.0f for %s\n", max_lbf,
                 region.c_str());
    return 2;
  }
  if (!(angle_deg >= 0.0 && angle_deg <= 35.0)) {
    std::fprintf(stderr, "tractus-cli probe: --angle-deg: %g is outside the arm's 0..35\n", angle_deg);
    return 2;
  }
  if (!(hold_s >= 0.0 && hold_s <= 5940.0 && ramp_s >= 0.0 && ramp_s <= 600.0)) {
    std::fprintf(stderr, "tractus-cli probe: --hold-s must be 0..5940 and --ramp-s 0..600\n");
    return 2;
  }
  if (ramp != "linear" && ramp != "log") {
    std::fprintf(stderr, "tractus-cli probe: --ramp: '%s' is not linear or log\n", ramp.c_str());
    return 2;
  }
  if (split != "on" && split != "off") {
    std::fprintf(stderr, "tractus-cli probe: --split: '%s' is not on or off\n", split.c_str());
    return 2;
  }

  twin::TwinModel model;
  std::string id;
  if (!load_patient(patient_arg, model.patient, id)) return 2;
  model.patient.id = id.c_str();
  model.setup = region == "cervical" ? hal::Region::Cervical : hal::Region::Lumbar;

  twin::ProbeProtocol dose;
  dose.force_n = force_lbf * kNewtonsPerLbf;
  dose.angle_deg = angle_deg;
  dose.hold_s = hold_s;
  dose.ramp_s = ramp_s;
  dose.ramp_shape = ramp == "log" ? twin::RampShape::Logarithmic : twin::RampShape::Linear;
  dose.split = split == "on";
  const twin::ProbeReport r = twin::run_probe(model, dose);
  if (json) {
    print_json(id, model, dose, force_lbf, r);
  } else {
    print_text(id, model, dose, force_lbf, r);
  }
  return 0;
}

}  // namespace tractus::cli
