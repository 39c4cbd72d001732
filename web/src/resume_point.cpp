#include "resume_point.h"

#include <nlohmann/json.hpp>

#include "history_format.h"
#include "scenarios/json_file.h"

namespace tractus::web {

using nlohmann::json;

std::string resume_to_json(const ResumePoint& p) {
  json j;
  j["format"] = "tractus-resume";
  j["version"] = 1;
  j["title"] = p.title;
  j["saved_at"] = p.saved_at;
  j["record"] = scenarios::record_to_json(p.record);
  return j.dump();
}

bool parse_resume(const std::string& text, ResumePoint& out, std::string& why) {
  out = ResumePoint{};
  if (json_nesting_depth(text, kMaxHistoryJsonDepth) > kMaxHistoryJsonDepth) {
    why = "$: nests more than " + std::to_string(kMaxHistoryJsonDepth) + " deep";
    return false;
  }
  json j;
  scenarios::LoadError err;
  if (!scenarios::parse_json_text(text, "resume", j, err)) {
    why = "$: " + err.reason;
    return false;
  }
  if (!j.is_object() || j.value("format", "") != "tractus-resume" || !j.contains("version") ||
      !j["version"].is_number_integer() || j["version"].get<int64_t>() != 1) {
    why = "$: not a version 1 resume file";
    return false;
  }
  for (const char* key : {"title", "saved_at"}) {
    if (!j.contains(key) || !j[key].is_string()) {
      why = std::string("$.") + key + ": must be text";
      return false;
    }
  }
  out.title = j["title"].get<std::string>();
  out.saved_at = j["saved_at"].get<std::string>();
  if (out.title.size() > kMaxTitleBytes) out.title = out.title.substr(0, kMaxTitleBytes);
  if (!j.contains("record")) {
    why = "$.record: is missing";
    return false;
  }
  if (!scenarios::parse_record(j["record"], "resume", out.record, err)) {
    why = "$.record" + err.path.substr(err.path.empty() ? 0 : 1) + ": " + err.reason;
    return false;
  }
  return true;
}

}  // namespace tractus::web
