#include "storage_mirror.h"

#include <cctype>
#include <cstdio>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "scenarios/json_file.h"

namespace tractus::web {

using nlohmann::json;

namespace {
const char* state_name(BackupFile::State s) {
  switch (s) {
    case BackupFile::State::Removed: return "removed";
    case BackupFile::State::Newest: return "newest";
    case BackupFile::State::Whole: break;
  }
  return "whole";
}

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// a file the backup may name: inside /persist, one plain name, not the generations file
std::string bad_path(const std::string& path) {
  const std::string dir = kPersistDir;
  if (path.compare(0, dir.size(), dir) != 0) return "is not inside " + dir;
  const std::string name = path.substr(dir.size());
  if (name.empty() || name.size() > 128) return "names no file, or a name over 128 bytes";
  for (char c : name)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_'))
      return "holds a character other than letters, digits, '.', '-' and '_'";
  if (name[0] == '.') return "starts with '.'";
  if (path == kGenerationsPath) return "is the generations file, which a backup never holds";
  return "";
}

bool is_history_path(const std::string& path) { return ends_with(path, "history.json"); }
}  // namespace

std::string fnv1a_hex(const std::string& text) {
  uint64_t h = 14695981039346656037ull;  // the FNV-1a 64-bit offset basis, 0xcbf29ce484222325
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::string backup_to_json(const StorageBackup& backup) {
  json files = json::array();
  for (const BackupFile& f : backup.files) {
    json j{{"path", f.path}, {"generation", f.generation}, {"state", state_name(f.state)}};
    if (f.state != BackupFile::State::Removed) {
      j["text"] = f.text;
      j["bytes"] = f.text.size();
      j["fnv1a"] = fnv1a_hex(f.text);
    }
    if (f.state == BackupFile::State::Newest) j["total_sessions"] = f.total_sessions;
    files.push_back(std::move(j));
  }
  return json{{"format", "tractus-storage-backup"}, {"version", 1}, {"saved_at", backup.saved_at}, {"files", files}}
      .dump();
}

bool parse_backup(const std::string& text, StorageBackup& out, std::string& why) {
  out = StorageBackup{};
  json j;
  scenarios::LoadError err;
  if (!scenarios::parse_json_text(text, "backup", j, err)) {
    why = "$: " + err.reason;
    return false;
  }
  if (!j.is_object() || j.value("format", "") != "tractus-storage-backup" || !j.contains("version") ||
      !j["version"].is_number_integer() || j["version"].get<int64_t>() != 1) {
    why = "$: not a version 1 storage backup";
    return false;
  }
  if (!j.contains("saved_at") || !j["saved_at"].is_string()) {
    why = "$.saved_at: must be text";
    return false;
  }
  if (!j.contains("files") || !j["files"].is_array()) {
    why = "$.files: must be a list";
    return false;
  }
  out.saved_at = j["saved_at"].get<std::string>();
  std::unordered_map<std::string, bool> seen;
  for (std::size_t i = 0; i < j["files"].size(); ++i) {
    const json& f = j["files"][i];
    const std::string at = "$.files[" + std::to_string(i) + "]";
    auto fail = [&](const std::string& field, const std::string& reason) {
      why = at + (field.empty() ? "" : "." + field) + ": " + reason;
      out = StorageBackup{};
      return false;
    };
    if (!f.is_object()) return fail("", "must be an object");
    BackupFile b;
    if (!f.contains("path") || !f["path"].is_string()) return fail("path", "must be text");
    b.path = f["path"].get<std::string>();
    if (const std::string bad = bad_path(b.path); !bad.empty()) return fail("path", bad);
    if (seen[b.path]) return fail("path", "names " + b.path + " a second time");
    seen[b.path] = true;
    if (!f.contains("generation") || !f["generation"].is_number_unsigned() || f["generation"].get<uint64_t>() == 0)
      return fail("generation", "must be a whole number of 1 or more");
    b.generation = f["generation"].get<uint64_t>();
    const std::string state = f.value("state", "");
    if (state == "whole") {
      b.state = BackupFile::State::Whole;
    } else if (state == "removed") {
      b.state = BackupFile::State::Removed;
    } else if (state == "newest") {
      b.state = BackupFile::State::Newest;
    } else {
      return fail("state", "must be \"whole\", \"removed\" or \"newest\"");
    }
    if (b.state != BackupFile::State::Removed) {
      if (!f.contains("text") || !f["text"].is_string()) return fail("text", "must be text");
      b.text = f["text"].get<std::string>();
      if (!f.contains("bytes") || !f["bytes"].is_number_unsigned() || f["bytes"].get<uint64_t>() != b.text.size())
        return fail("bytes", "does not match the text's " + std::to_string(b.text.size()) + " bytes (it was cut short)");
      if (f.value("fnv1a", "") != fnv1a_hex(b.text)) return fail("fnv1a", "does not match the text (it is damaged)");
    }
    if (b.state == BackupFile::State::Newest) {
      if (!is_history_path(b.path)) return fail("state", "\"newest\" is only for a history file");
      if (!f.contains("total_sessions") || !f["total_sessions"].is_number_unsigned())
        return fail("total_sessions", "must be a whole number");
      b.total_sessions = f["total_sessions"].get<std::size_t>();
    }
    out.files.push_back(std::move(b));
  }
  return true;
}

std::string generations_to_json(const std::map<std::string, uint64_t>& generations) {
  json g = json::object();
  for (const auto& [path, gen] : generations) g[path] = gen;
  return json{{"format", "tractus-generations"}, {"version", 1}, {"files", g}}.dump();
}

bool parse_generations(const std::string& text, std::map<std::string, uint64_t>& out, std::string& why) {
  out.clear();
  json j;
  scenarios::LoadError err;
  if (!scenarios::parse_json_text(text, "generations", j, err)) {
    why = "$: " + err.reason;
    return false;
  }
  if (!j.is_object() || j.value("format", "") != "tractus-generations" || !j.contains("files") ||
      !j["files"].is_object()) {
    why = "$: not a generations file";
    return false;
  }
  for (const auto& [path, gen] : j["files"].items()) {
    if (!gen.is_number_unsigned()) {
      why = "$.files[\"" + path + "\"]: must be a whole number";
      out.clear();
      return false;
    }
    out[path] = gen.get<uint64_t>();
  }
  return true;
}

BackupAction decide_backup_file(const BackupFile& file, const std::map<std::string, uint64_t>& saved) {
  const auto found = saved.find(file.path);
  const uint64_t have = found == saved.end() ? 0 : found->second;
  if (file.generation > have) return BackupAction::Restore;
  return file.generation == have ? BackupAction::AlreadySaved : BackupAction::Older;
}

bool newest_history_that_fits(const std::string& history_text, std::size_t budget_bytes, std::string& out,
                              std::size_t& total_sessions) {
  ParsedHistory parsed;
  std::string why;
  if (!parse_history(history_text, HistorySource::Saved, parsed, why)) return false;
  total_sessions = parsed.entries.size() + parsed.refused.size();
  std::vector<HistoryEntry> kept;
  // the JSON of one more session costs its own text plus a comma; measured, not guessed
  std::size_t used = history_to_json(parsed.trainee, {}).size();
  for (std::size_t i = parsed.entries.size(); i-- > 0;) {
    const std::size_t cost = history_to_json("", {parsed.entries[i]}).size() - history_to_json("", {}).size() + 1;
    if (used + cost > budget_bytes) break;
    used += cost;
    kept.insert(kept.begin(), parsed.entries[i]);
  }
  if (kept.empty() && !parsed.entries.empty()) {
    // keep at least the newest session's result, without the record that made it too big
    HistoryEntry bare = parsed.entries.back();
    bare.has_record = false;
    bare.record = scenarios::SessionRecord{};
    kept.push_back(bare);
  }
  out = history_to_json(parsed.trainee, kept);
  return out.size() <= budget_bytes;
}

StorageBackup fit_backup(std::vector<BackupFile> files, std::size_t budget_bytes, std::vector<std::string>& left_out) {
  StorageBackup b;
  std::size_t total = 0;
  for (const BackupFile& f : files) total += f.text.size();
  // cut history files first (their newest sessions are what the gap can lose), then leave
  // out other files, largest first, until the rest fits
  for (BackupFile& f : files) {
    if (total <= budget_bytes) break;
    if (f.state != BackupFile::State::Whole || !is_history_path(f.path)) continue;
    const std::size_t others = total - f.text.size();
    const std::size_t room = budget_bytes > others ? budget_bytes - others : 0;
    std::string cut;
    std::size_t sessions = 0;
    if (newest_history_that_fits(f.text, room, cut, sessions)) {
      total = others + cut.size();
      f.text = std::move(cut);
      f.state = BackupFile::State::Newest;
      f.total_sessions = sessions;
    }
  }
  while (total > budget_bytes) {
    std::size_t biggest = files.size();
    for (std::size_t i = 0; i < files.size(); ++i)
      if (biggest == files.size() || files[i].text.size() > files[biggest].text.size()) biggest = i;
    if (biggest == files.size() || files[biggest].text.empty()) break;
    total -= files[biggest].text.size();
    left_out.push_back(files[biggest].path);
    files.erase(files.begin() + static_cast<std::ptrdiff_t>(biggest));
  }
  b.files = std::move(files);
  return b;
}

NewestMerge merge_newest_sessions(std::vector<HistoryEntry>& saved, const std::vector<HistoryEntry>& newest,
                                  std::size_t total_sessions) {
  NewestMerge m;
  for (const HistoryEntry& e : newest) {
    bool found = false;
    for (HistoryEntry& have : saved) {
      if (have.id != e.id) continue;
      found = true;
      // a session cut to its result to fit never takes the record from the saved copy
      const bool loses_record = have.has_record && !e.has_record;
      if (!loses_record && entry_fingerprint(have) != entry_fingerprint(e)) {
        have = e;
        ++m.replaced;
      }
      break;
    }
    if (!found) {
      saved.push_back(e);
      ++m.added;
    }
  }
  m.lost = total_sessions > saved.size() ? total_sessions - saved.size() : 0;
  return m;
}

}  // namespace tractus::web
