// The history file's format (history_format.h): reading and checking every field of a saved
// or imported history, and writing it back.
//
// Index of this file:
//   [SECTION] field checks: text, ids, ISO 8601 times
//   [SECTION] one entry's reader
//   [SECTION] the whole file: nesting, the trainee's name, parse_history
//   [SECTION] writing: entries, fingerprints, the file
#include "history_format.h"

#include <cmath>
#include <cstdint>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "scenarios/json_file.h"

namespace tractus::web {

namespace {

using nlohmann::json;

// [SECTION] field checks: text, ids, ISO 8601 times
// the fields one entry may have, by format version
const std::vector<std::string> kV1Keys = {"scenario", "title", "mode", "score", "passed", "critical_errors",
                                          "finished_at"};
const std::vector<std::string> kV2Keys = {"id",     "scenario",        "title",       "mode",  "score",
                                          "passed", "critical_errors", "finished_at", "record"};

bool has_control_character(const std::string& s) {
  for (unsigned char c : s)
    if (c < 0x20 || c == 0x7f) return true;
  return false;
}

// "" when s is printable text of 1..max bytes, else why not
std::string text_problem(const std::string& s, std::size_t max) {
  if (s.empty()) return "must not be empty";
  if (s.size() > max) return "is " + std::to_string(s.size()) + " bytes long; the limit is " + std::to_string(max);
  if (has_control_character(s)) return "contains a control character";
  return "";
}

bool id_char(char c, bool upper_and_dots) {
  if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') return true;
  return upper_and_dots && ((c >= 'A' && c <= 'Z') || c == '.' || c == '_' || c == ':');
}

std::string id_problem(const std::string& s, std::size_t max, bool upper_and_dots) {
  if (s.empty()) return "must not be empty";
  if (s.size() > max) return "is " + std::to_string(s.size()) + " bytes long; the limit is " + std::to_string(max);
  for (char c : s)
    if (!id_char(c, upper_and_dots))
      return upper_and_dots ? "may hold only letters, digits and . _ : -"
                            : "may hold only lower-case letters, digits and '-'";
  return "";
}

bool digits(const std::string& s, std::size_t at, std::size_t n, int lo, int hi) {
  if (at + n > s.size()) return false;
  int v = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  return v >= lo && v <= hi;
}

// YYYY-MM-DDTHH:MM:SS[.f{1,3}]Z, as the browser's Date.toISOString writes it
bool iso_utc_time(const std::string& s) {
  if (s.size() < 20 || s.size() > 24) return false;
  if (!digits(s, 0, 4, 1970, 9999) || s[4] != '-' || !digits(s, 5, 2, 1, 12) || s[7] != '-' ||
      !digits(s, 8, 2, 1, 31) || s[10] != 'T' || !digits(s, 11, 2, 0, 23) || s[13] != ':' ||
      !digits(s, 14, 2, 0, 59) || s[16] != ':' || !digits(s, 17, 2, 0, 59) || s.back() != 'Z')
    return false;
  if (s.size() == 20) return true;
  return s[19] == '.' && digits(s, 20, s.size() - 21, 0, 999);
}

// FNV-1a, 64 bits: a stable id for version 1 entries, which had none
uint64_t fnv1a(const std::string& s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

// [SECTION] one entry's reader
// reads one entry; on a refusal fills `refusal` (path and reason) and returns false
class EntryReader {
 public:
  EntryReader(const json& j, std::string path, int version) : j_(j), path_(std::move(path)), version_(version) {}

  bool read(HistoryEntry& e, EntryRefusal& refusal) {
    refusal_ = &refusal;
    if (!j_.is_object()) return fail(path_, "must be an object");
    // a readable title or id helps the user find the refused entry in their file
    for (const char* k : {"title", "id", "scenario"}) {
      const auto it = j_.find(k);
      if (it != j_.end() && it->is_string()) {
        refusal.label = it->get<std::string>().substr(0, 60);
        break;
      }
    }
    const std::vector<std::string>& keys = version_ == 1 ? kV1Keys : kV2Keys;
    for (auto it = j_.begin(); it != j_.end(); ++it) {
      bool known = false;
      for (const std::string& k : keys) known = known || k == it.key();
      if (!known) return fail(path_ + "." + it.key().substr(0, 40), "is not a field of a history entry");
    }
    const bool v1 = version_ == 1;
    if (!v1 && !text(e.id, "id", true)) return false;
    if (!text(e.scenario_id, "scenario", true)) return false;
    if (const std::string why = id_problem(e.scenario_id, kMaxScenarioIdBytes, false); !why.empty())
      return fail(path_ + ".scenario", why);
    if (!v1) {
      if (const std::string why = id_problem(e.id, kMaxSessionIdBytes, true); !why.empty())
        return fail(path_ + ".id", why);
    }
    e.title = e.scenario_id;
    if (!text(e.title, "title", !v1)) return false;
    if (const std::string why = text_problem(e.title, kMaxTitleBytes); !why.empty()) return fail(path_ + ".title", why);
    e.mode = "practice";
    if (!text(e.mode, "mode", !v1)) return false;
    if (e.mode != "practice" && e.mode != "assessment") return fail(path_ + ".mode", "must be practice or assessment");
    if (!score(e.score) || !boolean(e.passed, "passed") || !count(e.critical_errors)) return false;
    if (e.passed && e.critical_errors > 0) return fail(path_ + ".passed", "cannot be true for a session with critical errors");
    if (!text(e.finished_at, "finished_at", !v1)) return false;
    if (!(v1 && e.finished_at.empty()) && !iso_utc_time(e.finished_at))
      return fail(path_ + ".finished_at", "must be a UTC time such as 2026-12-01T21:47:37.123Z");
    if (!v1 && !record(e)) return false;
    if (v1) {
      // the same old file always gives the same ids, so importing it twice adds nothing
      e.has_record = false;
      char id[24];
      std::snprintf(id, sizeof id, "v1-%016llx", static_cast<unsigned long long>(fnv1a(j_.dump())));
      e.id = id;
    }
    return true;
  }

 private:
  bool fail(const std::string& path, const std::string& reason) {
    refusal_->path = path;
    refusal_->reason = reason;
    return false;
  }
  bool text(std::string& out, const char* key, bool required) {
    const auto it = j_.find(key);
    if (it == j_.end()) return required ? fail(path_ + "." + key, "is missing") : true;
    if (!it->is_string()) return fail(path_ + "." + key, "must be text");
    out = it->get<std::string>();
    return true;
  }
  bool boolean(bool& out, const char* key) {
    const auto it = j_.find(key);
    if (it == j_.end()) return fail(path_ + "." + key, "is missing");
    if (!it->is_boolean()) return fail(path_ + "." + key, "must be true or false");
    out = it->get<bool>();
    return true;
  }
  bool score(double& out) {
    const auto it = j_.find("score");
    if (it == j_.end()) return fail(path_ + ".score", "is missing");
    if (!it->is_number()) return fail(path_ + ".score", "must be a number");
    out = it->get<double>();
    if (!std::isfinite(out) || out < 0.0 || out > 100.0) return fail(path_ + ".score", "must be between 0 and 100");
    return true;
  }
  bool count(int& out) {
    const auto it = j_.find("critical_errors");
    if (it == j_.end()) {
      if (version_ == 1) return true;
      return fail(path_ + ".critical_errors", "is missing");
    }
    if (!it->is_number_integer() || it->get<int64_t>() < 0 || it->get<int64_t>() > kMaxCriticalErrors)
      return fail(path_ + ".critical_errors", "must be a whole number from 0 to " + std::to_string(kMaxCriticalErrors));
    out = static_cast<int>(it->get<int64_t>());
    return true;
  }
  // the session record, when kept, must be a valid record of this very session
  bool record(HistoryEntry& e) {
    const auto it = j_.find("record");
    if (it == j_.end()) return true;
    scenarios::LoadError err;
    if (!scenarios::parse_record(*it, "history", e.record, err)) {
      // the record's own paths start at its root, "$"
      return fail(path_ + ".record" + err.path.substr(err.path.empty() ? 0 : 1), err.reason);
    }
    const std::string at = path_ + ".record";
    if (e.record.scenario_id != e.scenario_id) return fail(at + ".scenario.id", "must match the entry's scenario");
    if (scenarios::mode_name(e.record.mode) != e.mode) return fail(at + ".mode", "must match the entry's mode");
    if (std::fabs(e.record.score - e.score) > 1e-9) return fail(at + ".result.score", "must match the entry's score");
    if (e.record.passed != e.passed) return fail(at + ".result.passed", "must match the entry's passed");
    e.has_record = true;
    return true;
  }

  const json& j_;
  std::string path_;
  int version_;
  EntryRefusal* refusal_ = nullptr;
};

std::string mebibytes(std::size_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  return buf;
}

}  // namespace

// [SECTION] the whole file: nesting, the trainee's name, parse_history
int json_nesting_depth(const std::string& text, int limit) {
  int depth = 0, deepest = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '{' || c == '[') {
      deepest = std::max(deepest, ++depth);
      if (deepest > limit) return limit + 1;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return deepest;
}

std::string check_trainee_name(const std::string& name) {
  if (name.size() > kMaxTraineeBytes)
    return "is " + std::to_string(name.size()) + " bytes long; the limit is " + std::to_string(kMaxTraineeBytes);
  if (has_control_character(name)) return "contains a control character";
  return "";
}

bool parse_history(const std::string& text, HistorySource source, ParsedHistory& out, std::string& why) {
  out = ParsedHistory{};
  const bool imported = source == HistorySource::Imported;
  if (imported && text.size() > kMaxHistoryFileBytes) {
    why = "the file is " + mebibytes(text.size()) + "; the limit is " + mebibytes(kMaxHistoryFileBytes);
    return false;
  }
  if (json_nesting_depth(text, kMaxHistoryJsonDepth) > kMaxHistoryJsonDepth) {
    why = "it nests lists and objects more than " + std::to_string(kMaxHistoryJsonDepth) + " deep";
    return false;
  }
  json j;
  scenarios::LoadError err;
  // the saved history grows with every finished session, so only an import has a size limit
  const std::size_t max_bytes = imported ? kMaxHistoryFileBytes : SIZE_MAX;
  if (!scenarios::parse_json_text(text, "history", j, err, max_bytes)) {
    why = "it is not a history file (" + err.reason + ")";
    return false;
  }
  if (!j.is_object()) {
    why = "$: must be a JSON object";
    return false;
  }
  const auto version = j.find("version");
  if (version == j.end() || !version->is_number_integer() || version->get<int64_t>() < 1 ||
      version->get<int64_t>() > kHistoryFormatVersion) {
    why = "$.version: must be 1 or 2 (this trainer reads versions 1 and 2)";
    return false;
  }
  out.version = static_cast<int>(version->get<int64_t>());
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (it.key() != "version" && it.key() != "trainee" && it.key() != "sessions") {
      why = "$." + it.key().substr(0, 40) + ": is not a field of a history file";
      return false;
    }
  }
  if (const auto trainee = j.find("trainee"); trainee != j.end()) {
    if (!trainee->is_string()) {
      why = "$.trainee: must be text";
      return false;
    }
    out.trainee = trainee->get<std::string>();
    if (const std::string bad = check_trainee_name(out.trainee); !bad.empty()) {
      why = "$.trainee: " + bad;
      return false;
    }
    out.has_trainee = true;
  }
  const auto sessions = j.find("sessions");
  if (sessions == j.end() || !sessions->is_array()) {
    why = "$.sessions: must be a list";
    return false;
  }
  if (imported && sessions->size() > kMaxHistoryFileSessions) {
    why = "it holds " + std::to_string(sessions->size()) + " sessions; the limit is " +
          std::to_string(kMaxHistoryFileSessions) + " a file";
    return false;
  }
  for (std::size_t i = 0; i < sessions->size(); ++i) {
    const std::string path = "$.sessions[" + std::to_string(i) + "]";
    HistoryEntry e;
    EntryRefusal refusal;
    if (!EntryReader((*sessions)[i], path, out.version).read(e, refusal)) {
      out.refused.push_back(refusal);
      continue;
    }
    bool repeat = false;
    for (const HistoryEntry& seen : out.entries) repeat = repeat || seen.id == e.id;
    if (repeat) {
      out.refused.push_back(EntryRefusal{path + ".id", "repeats the id of an earlier entry in this file", e.title.substr(0, 60)});
      continue;
    }
    out.entries.push_back(std::move(e));
  }
  return true;
}

// [SECTION] writing: entries, fingerprints, the file
namespace {
json entry_to_json(const HistoryEntry& e) {
  json s = {{"id", e.id},       {"scenario", e.scenario_id},          {"title", e.title},
            {"mode", e.mode},   {"score", e.score},                   {"passed", e.passed},
            {"critical_errors", e.critical_errors}, {"finished_at", e.finished_at}};
  if (e.has_record) s["record"] = scenarios::record_to_json(e.record);
  return s;
}
}  // namespace

std::string entry_fingerprint(const HistoryEntry& entry) { return entry_to_json(entry).dump(); }

std::string history_to_json(const std::string& trainee, const std::vector<HistoryEntry>& entries) {
  json j;
  j["version"] = kHistoryFormatVersion;
  j["trainee"] = trainee;
  j["sessions"] = json::array();
  for (const HistoryEntry& e : entries) j["sessions"].push_back(entry_to_json(e));
  return j.dump(2);
}

}  // namespace tractus::web
