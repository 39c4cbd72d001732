#include "history_file.h"

#include <nlohmann/json.hpp>

#include "scenarios/input_limits.h"
#include "scenarios/json_file.h"

namespace tractus::web {

namespace {
// a member of the expected type, or the fallback (never throws on a wrong type)
std::string text_or(const nlohmann::json& j, const char* key, const std::string& fallback) {
  return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : fallback;
}
int int_or(const nlohmann::json& j, const char* key, int fallback) {
  return j.contains(key) && j[key].is_number_integer() ? j[key].get<int>() : fallback;
}
}  // namespace

bool parse_history_text(const std::string& text, std::string& trainee,
                        std::vector<HistoryEntry>& entries, std::string& why) {
  // the shared reader refuses oversized and deeply nested files before anything is copied
  nlohmann::json j;
  scenarios::LoadError error;
  if (!scenarios::parse_json_text(text, "history", j, error)) {
    why = error.path + ": " + error.reason;
    return false;
  }
  if (!j.is_object()) {
    why = "it is not a JSON object";
    return false;
  }
  if (!j.contains("version") || !j["version"].is_number_integer() || j["version"].get<int>() != kHistoryFormatVersion) {
    why = "$.version must be 1";
    return false;
  }
  trainee = j.contains("trainee") && j["trainee"].is_string() ? j["trainee"].get<std::string>() : "";
  if (!j.contains("sessions") || !j["sessions"].is_array()) {
    why = "$.sessions must be a list";
    return false;
  }
  if (j["sessions"].size() > scenarios::kMaxHistoryEntries) {
    why = "$.sessions has " + std::to_string(j["sessions"].size()) + " entries, above the limit of " +
          std::to_string(scenarios::kMaxHistoryEntries);
    return false;
  }
  entries.clear();
  int i = 0;
  for (const nlohmann::json& s : j["sessions"]) {
    const std::string at = "$.sessions[" + std::to_string(i++) + "]";
    if (!s.is_object() || !s.contains("scenario") || !s["scenario"].is_string() || !s.contains("score") ||
        !s["score"].is_number() || !s.contains("passed") || !s["passed"].is_boolean()) {
      why = at + " needs scenario (text), score (number) and passed (true or false)";
      return false;
    }
    HistoryEntry e;
    e.scenario_id = s["scenario"].get<std::string>();
    e.title = text_or(s, "title", e.scenario_id);
    e.mode = text_or(s, "mode", "practice");
    e.score = s["score"].get<double>();
    e.passed = s["passed"].get<bool>();
    e.critical_errors = int_or(s, "critical_errors", 0);
    e.finished_at = text_or(s, "finished_at", "");
    entries.push_back(e);
  }
  return true;
}

}  // namespace tractus::web
