// The line ids, the checks every line passes, and the shared lines read from the data the
// build embeds (patient_lines_data.cpp, generated from scenarios/dialogue/patient_lines.json).
#include "patient_dialogue.h"

#include <cstdio>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "scenarios/json_file.h"

namespace tractus::scenarios::dialogue {

extern const char* const kSharedLinesJson;  // the generated source holds it

namespace {

// indexed by Line, in its order
const char* const kIds[] = {
    "declined",        "procedure_explained", "slip_fitted",      "slip_unfastened",
    "sharp_pain",      "panic_presses_stop",  "panic_shouts",     "cough",
    "shift",           "guarding",            "soreness",         "pain_now",
    "no_medications",  "medications",         "previous_traction", "surgery_history",
    "nothing_like_that", "check_in_sharp",    "check_in_anxious", "check_in_nervous",
    "check_in_fine",   "check_in_sore",       "check_in_stretch",
};
static_assert(sizeof kIds / sizeof kIds[0] == kLineCount, "one id for each Line");

std::size_t count_marks(const std::string& s) {
  std::size_t n = 0;
  for (std::size_t at = s.find("{}"); at != std::string::npos; at = s.find("{}", at + 2)) ++n;
  return n;
}

}  // namespace

const char* line_id(Line line) {
  const auto i = static_cast<std::size_t>(line);
  return i < kLineCount ? kIds[i] : "";
}

bool line_from_id(const std::string& id, Line& out) {
  for (std::size_t i = 0; i < kLineCount; ++i) {
    if (id == kIds[i]) {
      out = static_cast<Line>(i);
      return true;
    }
  }
  return false;
}

std::string line_ids() {
  std::string list;
  for (const char* id : kIds) list += (list.empty() ? "" : ", ") + std::string(id);
  return list;
}

bool line_takes_value(Line line) { return line == Line::PainNow || line == Line::Medications; }

std::string check_line(Line line, const std::string& text) {
  if (text.empty()) return "must not be empty";
  const std::size_t marks = count_marks(text);
  if (line_takes_value(line) && marks != 1) return "must hold one \"{}\" where the value goes";
  if (!line_takes_value(line) && marks != 0) return "takes no value: remove the \"{}\"";
  return {};
}

std::string Lines::fill(Line line, const std::string& value) const {
  std::string s = text(line);
  const std::size_t at = s.find("{}");
  if (at != std::string::npos) s.replace(at, 2, value);
  return s;
}

bool parse_lines(const std::string& json_text, Lines& out, std::string& error) {
  nlohmann::json j;
  LoadError e;
  if (!parse_json_text(json_text, "patient_lines.json", j, e)) {
    error = e.path + ": " + e.reason;
    return false;
  }
  if (!j.is_object() || j.value("format", std::string()) != "tractus-patient-lines" ||
      !j.contains("format_version") || j["format_version"] != 1) {
    error = "$: not a tractus-patient-lines file of format_version 1";
    return false;
  }
  const auto lines = j.find("lines");
  if (lines == j.end() || !lines->is_object()) {
    error = "$.lines: must be an object of line id to text";
    return false;
  }
  for (auto it = lines->begin(); it != lines->end(); ++it) {
    Line line;
    if (!line_from_id(it.key(), line)) {
      error = "$.lines." + it.key() + ": unknown line id (known: " + line_ids() + ")";
      return false;
    }
  }
  for (std::size_t i = 0; i < kLineCount; ++i) {
    const auto line = static_cast<Line>(i);
    const std::string path = std::string("$.lines.") + kIds[i];
    const auto v = lines->find(kIds[i]);
    if (v == lines->end()) {
      error = path + ": missing: every line id needs its text";
      return false;
    }
    if (!v->is_string()) {
      error = path + ": must be a string";
      return false;
    }
    const std::string why = check_line(line, v->get<std::string>());
    if (!why.empty()) {
      error = path + ": " + why;
      return false;
    }
    out.set(line, v->get<std::string>());
  }
  return true;
}

const Lines& shared_lines() {
  static const Lines lines = [] {
    Lines l;
    std::string error;
    if (!parse_lines(kSharedLinesJson, l, error)) {
      std::fprintf(stderr, "tractus: the built-in patient_lines.json is broken: %s\n", error.c_str());
      std::abort();
    }
    return l;
  }();
  return lines;
}

Lines lines_with(const std::map<std::string, std::string>& overrides) {
  Lines l = shared_lines();
  for (const auto& [id, text] : overrides) {
    Line line;
    if (line_from_id(id, line)) l.set(line, text);
  }
  return l;
}

}  // namespace tractus::scenarios::dialogue
