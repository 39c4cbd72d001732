// `probe`: a traction dose or a whole console protocol on a patient, a rest afterwards, and
// the spine's answer per level (twin issues 3 and 12).
//
// For educators and for checking the model. The dose is applied by the twin's ideal bench
// force servo (twin/probe.h), so the answer is the patient model's alone, not the firmware's.
// Patient files are JSON: {"id": ..., "description": ..., "patient": {field: value, ...}},
// where nested objects flatten to the twin's dotted field names (twin/patient_fields.h).
//
// Index of this file:
//   [SECTION] usage and the patient files
//   [SECTION] the answer per level: JSON and text
//   [SECTION] the time-series file
//   [SECTION] the command: options, the dose or protocol, the run
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "probe_protocol.h"
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

// [SECTION] usage and the patient files

void usage() {
  std::printf(
      "usage: tractus-cli probe --force-lbf F [--patient FILE|ID] [--region lumbar|cervical]\n"
      "                         [--angle-deg A] [--hold-s S] [--ramp-s R] [--ramp linear|log]\n"
      "                         [--split on|off] [--json]\n"
      "                         [--protocol static|intermittent|cyclic|decompression]\n"
      "                         [--base-lbf B] [--rest-s S] [--ramp-down-s S] [--cycles N]\n"
      "                         [--treatment-s S] [--progressive-steps N] [--regressive-steps N]\n"
      "                         [--release-lbf-per-s V] [--then-rest-s S]\n"
      "                         [--rest-posture lying|standing] [--series FILE.csv]\n"
      "                         [--series-interval-s S]\n"
      "       tractus-cli probe --list-patients | --list-fields\n"
      "Applies traction with an ideal bench force servo and prints, per disc level,\n"
      "separation_mm, posterior and anterior separation, foraminal height, pressure_mmhg,\n"
      "protrusion_mm and nerve_compression, and for the patient muscle_activation, pain_back,\n"
      "pain_leg (or pain_arm), anxiety, stature_gain_mm and fracture_risk.\n"
      "Without --protocol it is one dose: a ramp (linear or log) and a hold, reported at the\n"
      "end of the hold. With --protocol it runs the console's protocol as the firmware builds\n"
      "it (hold, rest, base, cycles, steps, treatment time, changeover speed), release included,\n"
      "and reports the last peak hold ('loaded') and the end ('released'). --then-rest-s adds a\n"
      "rest after the release, on the table (lying) or up (standing), reported as 'recovered'.\n"
      "--series writes the time series as CSV, one row every --series-interval-s (default 1).\n"
      "ID names a file in %s (\"reference\" is the built-in reference\n"
      "patient). Defaults: reference patient, lumbar, 15 deg, 30 s ramp, 60 s hold, split on;\n"
      "protocols: base 0, rest 30 s, ramp-down 10 s, treatment 600 s, 9 lbf/s changeover.\n",
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

const char* radicular_name(bool cervical) { return cervical ? "pain_arm" : "pain_leg"; }

// [SECTION] the answer per level: JSON and text

nlohmann::ordered_json levels_json(const twin::ProbeReport& r) {
  nlohmann::ordered_json levels = nlohmann::ordered_json::array();
  for (int i = 0; i < r.level_count; ++i) {
    const twin::ProbeLevel& l = r.levels[i];
    nlohmann::ordered_json j;
    j["level"] = l.name;
    j["separation_mm"] = l.separation_mm;
    j["posterior_separation_mm"] = l.posterior_separation_mm;
    j["anterior_separation_mm"] = l.anterior_separation_mm;
    j["foraminal_height_mm"] = l.foraminal_height_mm;
    j["axial_force_n"] = l.axial_force_n;
    j["moment_nm"] = l.moment_nm;
    j["pressure_mmhg"] = units::mmhg_from_mpa(l.pressure_mpa);
    j["protrusion_mm"] = l.protrusion_mm;
    j["nerve_compression"] = l.nerve_compression;
    levels.push_back(j);
  }
  return levels;
}

nlohmann::ordered_json patient_json(const twin::ProbeReport& r, bool cervical) {
  nlohmann::ordered_json p;
  p["muscle_activation"] = r.muscle_activation;
  p["peak_muscle_activation"] = r.peak_muscle_activation;
  p["pain_back"] = r.pain_back;
  p[radicular_name(cervical)] = r.pain_radicular;
  p["anxiety"] = r.anxiety;
  p["stature_gain_mm"] = r.stature_gain_mm;
  p["fracture_risk"] = r.fracture_risk;
  p["implant_stress"] = r.implant_stress;
  p["soreness"] = r.soreness;
  p["spine_force_n"] = r.spine_force_n;
  p["cord_tension_n"] = r.cord_tension_n;
  return p;
}

// what was asked for, as the report's header
struct ProbeRequest {
  std::string id;
  bool cervical = false;
  double force_lbf = 0.0;
  twin::ProbeProtocol dose;
  ProbeProtocolOptions protocol;
  double then_rest_s = 0.0;
  std::string rest_posture = "lying";
};

void print_json(const ProbeRequest& q, const twin::ProbeSessionReport& r) {
  nlohmann::ordered_json out;
  out["patient"] = q.id;
  out["region"] = q.cervical ? "cervical" : "lumbar";
  out["force_lbf"] = q.force_lbf;
  out["force_n"] = q.dose.force_n;
  out["angle_deg"] = q.dose.angle_deg;
  out["ramp_s"] = q.dose.ramp_s;
  out["ramp"] = q.dose.ramp_shape == twin::RampShape::Logarithmic ? "log" : "linear";
  out["hold_s"] = q.dose.hold_s;
  out["split"] = q.dose.split;
  out["protocol"] = q.protocol.protocol.empty() ? "dose" : q.protocol.protocol;
  out["then_rest_s"] = q.then_rest_s;
  out["rest_posture"] = q.rest_posture;
  // the loaded report keeps the names the probe always had: levels and patient_state
  out["loaded_at_s"] = r.loaded_at_s;
  out["levels"] = levels_json(r.loaded);
  out["patient_state"] = patient_json(r.loaded, q.cervical);
  nlohmann::ordered_json released;
  released["levels"] = levels_json(r.released);
  released["patient_state"] = patient_json(r.released, q.cervical);
  out["released"] = released;
  nlohmann::ordered_json recovered;
  recovered["levels"] = levels_json(r.recovered);
  recovered["patient_state"] = patient_json(r.recovered, q.cervical);
  out["recovered"] = recovered;
  std::printf("%s\n", out.dump(2).c_str());
}

void print_levels(const char* title, const twin::ProbeReport& r, bool cervical) {
  std::printf("%s\n", title);
  std::printf("%-7s %13s %12s %12s %11s %13s %13s %10s\n", "level", "separation_mm",
              "posterior_mm", "anterior_mm", "foramen_mm", "pressure_mmhg", "protrusion_mm",
              "nerve_comp");
  for (int i = 0; i < r.level_count; ++i) {
    const twin::ProbeLevel& l = r.levels[i];
    std::printf("%-7s %13.3f %12.3f %12.3f %11.2f %13.1f %13.2f %10.2f\n", l.name,
                l.separation_mm, l.posterior_separation_mm, l.anterior_separation_mm,
                l.foraminal_height_mm, units::mmhg_from_mpa(l.pressure_mpa), l.protrusion_mm, l.nerve_compression);
  }
  std::printf("muscle_activation %.2f (peak %.2f), pain_back %.1f, %s %.1f, anxiety %.2f\n",
              r.muscle_activation, r.peak_muscle_activation, r.pain_back,
              radicular_name(cervical), r.pain_radicular, r.anxiety);
  std::printf("stature_gain_mm %.2f, fracture_risk %.2e, implant_stress %.2f, soreness %.2f\n",
              r.stature_gain_mm, r.fracture_risk, r.implant_stress, r.soreness);
}

void print_text(const ProbeRequest& q, const twin::ProbeSessionReport& r) {
  const twin::ProbeProtocol& d = q.dose;
  std::printf("patient %s, %s, %.1f lbf (%.0f N) at %.0f deg, %s, ramp %.0f s, hold %.0f s, split %s\n",
              q.id.c_str(), q.cervical ? "cervical" : "lumbar", q.force_lbf, d.force_n,
              d.angle_deg,
              q.protocol.protocol.empty()
                  ? (d.ramp_shape == twin::RampShape::Logarithmic ? "log ramp" : "linear ramp")
                  : (q.protocol.protocol + " protocol").c_str(),
              d.ramp_s, d.hold_s, d.split ? "on" : "off");
  char title[128];
  std::snprintf(title, sizeof title, "loaded (at %.1f s, the end of the last hold at the peak force)",
                r.loaded_at_s);
  print_levels(title, r.loaded, q.cervical);
  const bool has_release = !q.protocol.protocol.empty() || q.then_rest_s > 0.0;
  if (has_release) print_levels("released (the end of the treatment)", r.released, q.cervical);
  if (q.then_rest_s > 0.0) {
    std::snprintf(title, sizeof title, "recovered (after %.0f s %s)", q.then_rest_s,
                  q.rest_posture == "standing" ? "standing" : "lying on the table");
    print_levels(title, r.recovered, q.cervical);
  }
}

// [SECTION] the time-series file

// the time series as CSV: one row a sample, the patient's fields, then each level's
struct SeriesFile {
  std::FILE* f = nullptr;
  bool header_written = false;
  bool cervical = false;
};

void write_sample(void* context, double t_s, twin::ProbePhase phase, double target_n,
                  const twin::ProbeReport& r) {
  SeriesFile& out = *static_cast<SeriesFile*>(context);
  if (!out.header_written) {
    std::fprintf(out.f, "t_s,phase,target_n,cord_tension_n,spine_force_n,muscle_activation,"
                        "pain_back,%s,anxiety,stature_gain_mm",
                 radicular_name(out.cervical));
    for (int i = 0; i < r.level_count; ++i) {
      const char* n = r.levels[i].name;
      std::fprintf(out.f,
                   ",%s_separation_mm,%s_posterior_mm,%s_anterior_mm,%s_foraminal_height_mm,"
                   "%s_pressure_mmhg,%s_protrusion_mm,%s_nerve_compression",
                   n, n, n, n, n, n, n);
    }
    std::fprintf(out.f, "\n");
    out.header_written = true;
  }
  std::fprintf(out.f, "%.3f,%s,%.2f,%.2f,%.2f,%.4f,%.3f,%.3f,%.4f,%.4f", t_s,
               phase == twin::ProbePhase::Rest ? "rest" : "treatment", target_n,
               r.cord_tension_n, r.spine_force_n, r.muscle_activation, r.pain_back,
               r.pain_radicular, r.anxiety, r.stature_gain_mm);
  for (int i = 0; i < r.level_count; ++i) {
    const twin::ProbeLevel& l = r.levels[i];
    std::fprintf(out.f, ",%.4f,%.4f,%.4f,%.3f,%.2f,%.4f,%.4f", l.separation_mm,
                 l.posterior_separation_mm, l.anterior_separation_mm, l.foraminal_height_mm,
                 units::mmhg_from_mpa(l.pressure_mpa), l.protrusion_mm, l.nerve_compression);
  }
  std::fprintf(out.f, "\n");
}

// [SECTION] the command: options, the dose or protocol, the run

int refuse(const std::string& message) {
  std::fprintf(stderr, "tractus-cli probe: %s\n", message.c_str());
  return 2;
}

}  // namespace

int probe_command(int argc, char** argv) {
  std::string patient_arg = "reference", region = "lumbar", ramp = "linear", split = "on";
  std::string posture = "lying", series_path;
  double force_lbf = -1.0, angle_deg = 15.0, hold_s = 60.0, ramp_s = 30.0;
  double then_rest_s = 0.0, series_every_s = 1.0;
  bool json = false, ramp_given = false;
  ProbeProtocolOptions protocol;
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
    bool handled = false;
    std::string error;
    if (parse_protocol_option(a, v, protocol, handled, error)) continue;
    if (handled) return refuse(error);
    bool ok = true;
    if (std::strcmp(a, "--patient") == 0) patient_arg = v;
    else if (std::strcmp(a, "--region") == 0) region = v;
    else if (std::strcmp(a, "--ramp") == 0) { ramp = v; ramp_given = true; }
    else if (std::strcmp(a, "--split") == 0) split = v;
    else if (std::strcmp(a, "--rest-posture") == 0) posture = v;
    else if (std::strcmp(a, "--series") == 0) series_path = v;
    else if (std::strcmp(a, "--force-lbf") == 0) ok = parse_number(a, v, force_lbf);
    else if (std::strcmp(a, "--angle-deg") == 0) ok = parse_number(a, v, angle_deg);
    else if (std::strcmp(a, "--hold-s") == 0) ok = parse_number(a, v, hold_s);
    else if (std::strcmp(a, "--ramp-s") == 0) ok = parse_number(a, v, ramp_s);
    else if (std::strcmp(a, "--then-rest-s") == 0) ok = parse_number(a, v, then_rest_s);
    else if (std::strcmp(a, "--series-interval-s") == 0) ok = parse_number(a, v, series_every_s);
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
  if (posture != "lying" && posture != "standing") {
    return refuse("--rest-posture: '" + posture + "' is not lying or standing");
  }
  if (!(then_rest_s >= 0.0 && then_rest_s <= 172800.0)) {
    return refuse("--then-rest-s: must be between 0 and 172800 (two days)");
  }
  if (!(series_every_s >= 0.001 && series_every_s <= 600.0)) {
    return refuse("--series-interval-s: must be between 0.001 and 600");
  }
  if (!protocol.protocol.empty() && ramp_given) {
    return refuse("--ramp: only for a plain dose; a console protocol has its own shape "
                  "(decompression rises logarithmically)");
  }
  const double release_n_per_s = protocol.release_lbf_per_s * kNewtonsPerLbf;
  if (protocol.protocol.empty() && then_rest_s > 0.0 &&
      !(release_n_per_s >= 5.0 && release_n_per_s <= 200.0)) {
    return refuse("--release-lbf-per-s: must be between 1.13 and 44.9 (the console's 5..200 N/s)");
  }

  twin::TwinModel model;
  ProbeRequest q;
  if (!load_patient(patient_arg, model.patient, q.id)) return 2;
  model.patient.id = q.id.c_str();
  q.cervical = region == "cervical";
  model.setup = q.cervical ? hal::Region::Cervical : hal::Region::Lumbar;
  q.force_lbf = force_lbf;
  q.protocol = protocol;
  q.then_rest_s = then_rest_s;
  q.rest_posture = posture;
  q.dose.force_n = force_lbf * kNewtonsPerLbf;
  q.dose.angle_deg = angle_deg;
  q.dose.hold_s = hold_s;
  q.dose.ramp_s = ramp_s;
  q.dose.ramp_shape = ramp == "log" ? twin::RampShape::Logarithmic : twin::RampShape::Linear;
  q.dose.split = split == "on";

  // the force profile: the console's protocol, a plain dose, or a plain dose then its release
  twin::ProbeSession session;
  ConsoleProfile console;
  DoseWithRelease released_dose;
  if (!protocol.protocol.empty()) {
    std::string error;
    if (!build_console_profile(protocol, q.cervical, q.dose.force_n, ramp_s, hold_s, console, error)) {
      return refuse(error);
    }
    session.profile = console.profile();
  } else if (then_rest_s > 0.0) {
    released_dose.dose = q.dose;
    released_dose.release_n_per_s = release_n_per_s;
    session.profile = released_dose.profile();
  } else {
    session.profile = twin::dose_profile(q.dose);
  }
  session.angle_deg = angle_deg;
  session.split = q.dose.split;
  session.then_rest_s = then_rest_s;
  session.rest_posture = posture == "standing" ? twin::RestPosture::Standing
                                               : twin::RestPosture::LyingOnTable;
  SeriesFile series;
  series.cervical = q.cervical;
  if (!series_path.empty()) {
    series.f = std::fopen(series_path.c_str(), "w");
    if (series.f == nullptr) {
      return refuse("--series: " + series_path + ": cannot be written (" + std::strerror(errno) + ")");
    }
    session.sink = write_sample;
    session.sink_context = &series;
    session.sample_every_s = series_every_s;
  }
  const twin::ProbeSessionReport r = twin::run_probe_session(model, session);
  if (series.f != nullptr && std::fclose(series.f) != 0) {
    return refuse("--series: " + series_path + ": the write did not complete");
  }
  if (json) {
    print_json(q, r);
  } else {
    print_text(q, r);
  }
  return 0;
}

}  // namespace tractus::cli
