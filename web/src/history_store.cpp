#include "history_store.h"

#include <cstdio>
#include <fstream>
#include <sstream>

#include <emscripten.h>
#include <nlohmann/json.hpp>

namespace tractus::web {

namespace {
// flushes the in-memory file system to IndexedDB; errors reach the console
void flush_to_indexeddb() {
  EM_ASM({
    FS.syncfs(false, function(err) {
      if (err) console.warn('Tractus could not save to browser storage: ' + err);
    });
  });
}
}  // namespace

bool HistoryStore::parse(const std::string& text, std::string& trainee, std::vector<HistoryEntry>& entries,
                         std::string& why) const {
  return parse_history_text(text, trainee, entries, why);
}

bool HistoryStore::load() {
  std::ifstream in(path_, std::ios::binary);
  if (!in) return true;  // nothing saved yet
  std::stringstream buf;
  buf << in.rdbuf();
  std::string why;
  if (!parse(buf.str(), trainee_, entries_, why)) {
    // keep the unreadable file for support, and start afresh beside it
    const std::string kept = path_ + ".unreadable";
    std::rename(path_.c_str(), kept.c_str());
    flush_to_indexeddb();
    message_ = "The saved history could not be read (" + why + "). It was kept as " + kept +
               " and a new history was started.";
    entries_.clear();
    return false;
  }
  return true;
}

std::string HistoryStore::to_json() const {
  nlohmann::json j;
  j["version"] = kHistoryFormatVersion;
  j["trainee"] = trainee_;
  j["sessions"] = nlohmann::json::array();
  for (const HistoryEntry& e : entries_) {
    j["sessions"].push_back({{"scenario", e.scenario_id}, {"title", e.title}, {"mode", e.mode},
                             {"score", e.score}, {"passed", e.passed},
                             {"critical_errors", e.critical_errors}, {"finished_at", e.finished_at}});
  }
  return j.dump(2);
}

bool HistoryStore::save() {
  // write beside, then rename over: a reader never sees half a file
  const std::string tmp = path_ + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << to_json();
    out.flush();
    if (!out) {
      message_ = "Browser storage is full or unavailable: the last session was not saved. "
                 "Export your history to keep it.";
      std::remove(tmp.c_str());
      return false;
    }
  }
  if (std::rename(tmp.c_str(), path_.c_str()) != 0) {
    message_ = "Browser storage refused the update: the last session was not saved.";
    return false;
  }
  flush_to_indexeddb();
  message_.clear();
  return true;
}

bool HistoryStore::append(const HistoryEntry& entry) {
  entries_.push_back(entry);
  return save();
}

bool HistoryStore::set_trainee(const std::string& name) {
  trainee_ = name;
  return save();
}

bool HistoryStore::import_json(const std::string& text) {
  std::string trainee, why;
  std::vector<HistoryEntry> entries;
  if (!parse(text, trainee, entries, why)) {
    message_ = "Import refused: " + why + ". Your history is unchanged.";
    return false;
  }
  trainee_ = trainee;
  entries_ = entries;
  return save();
}

}  // namespace tractus::web
