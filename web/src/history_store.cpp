#include "history_store.h"

#include <cstdio>

#include "persist_file.h"

namespace tractus::web {

namespace {
// "1 newest session was restored", "2 newest sessions were restored"
std::string sessions_restored(std::size_t n) {
  return std::to_string(n) + (n == 1 ? " newest session was restored" : " newest sessions were restored");
}

std::string mebibytes(std::size_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  return buf;
}
}  // namespace

void HistoryStore::set_aside(const std::string& text, const std::string& suffix, std::string& kept_as) {
  // never overwrite an earlier copy set aside
  kept_as = path_ + suffix;
  for (int n = 2; n < 100; ++n) {
    std::string probe;
    if (!read_persisted_file(kept_as, probe)) break;
    kept_as = path_ + suffix + "." + std::to_string(n);
  }
  std::string why;
  if (!write_persisted_file(kept_as, text, why)) kept_as += " (not written: " + why + ")";
}

bool HistoryStore::load() {
  std::string text;
  if (!read_persisted_file(path_, text)) return true;  // nothing saved yet
  ParsedHistory parsed;
  std::string why, kept;
  if (!parse_history(text, HistorySource::Saved, parsed, why)) {
    // keep the unreadable file for support, and start afresh beside it
    set_aside(text, ".unreadable", kept);
    std::remove(path_.c_str());
    flush_persisted_files();
    message_ = "The saved history could not be read (" + why + "). It was kept as " + kept +
               " and a new history was started.";
    entries_.clear();
    trainee_.clear();
    return false;
  }
  trainee_ = parsed.trainee;
  entries_ = std::move(parsed.entries);
  if (parsed.refused.empty()) return true;
  // keep the whole file as it was, then save only what passed
  set_aside(text, ".refused", kept);
  const EntryRefusal& first = parsed.refused.front();
  message_ = std::to_string(parsed.refused.size()) + " saved session(s) could not be read (first: " + first.path +
             " " + first.reason + ") and were left out. The file as it was is kept as " + kept + ".";
  const std::string note = message_;
  save();
  if (message_.empty()) message_ = note;
  return false;
}

bool HistoryStore::save() {
  std::string why;
  if (!write_persisted_file(path_, to_json(), why)) {
    message_ = why + " The history was not saved: export it to keep it.";
    return false;
  }
  message_.clear();
  return true;
}

bool HistoryStore::merge_backup(const BackupFile& newest) {
  ParsedHistory parsed;
  std::string why;
  if (!parse_history(newest.text, HistorySource::Saved, parsed, why)) {
    message_ = "The backup of your newest sessions could not be read (" + why + "); the saved history is unchanged.";
    return false;
  }
  if (parsed.has_trainee) trainee_ = parsed.trainee;
  const NewestMerge m = merge_newest_sessions(entries_, parsed.entries, newest.total_sessions);
  if (!save()) return false;
  if (m.lost > 0)
    message_ = "The page was left before its last save reached browser storage, and the history was too big "
               "for its backup: " + sessions_restored(m.added + m.replaced) + ", " + std::to_string(m.lost) +
               " could not be kept.";
  return true;
}

bool HistoryStore::append(const HistoryEntry& entry) {
  entries_.push_back(entry);
  return save();
}

bool HistoryStore::set_trainee(const std::string& name) {
  if (const std::string bad = check_trainee_name(name); !bad.empty()) {
    message_ = "The trainee name was not saved: it " + bad + ".";
    return false;
  }
  trainee_ = name;
  return save();
}

bool HistoryStore::plan_import(const std::string& text, std::size_t file_bytes,
                               const std::function<bool(const std::string&)>& known_scenario, ImportPlan& plan) {
  // the page hands over at most one byte past the limit, so the size comes from the browser
  if (file_bytes > kMaxHistoryFileBytes || text.size() > kMaxHistoryFileBytes) {
    message_ = "Import refused: the file is " + mebibytes(std::max(file_bytes, text.size())) +
               "; the limit is " + mebibytes(kMaxHistoryFileBytes) + ". Your history is unchanged.";
    return false;
  }
  ParsedHistory parsed;
  std::string why;
  if (!parse_history(text, HistorySource::Imported, parsed, why)) {
    message_ = "Import refused: " + why + ". Your history is unchanged.";
    return false;
  }
  plan = web::plan_import(entries_, trainee_, parsed, known_scenario);
  message_.clear();
  return true;
}

bool HistoryStore::commit_import(const ImportPlan& plan, const ImportChoices& choices) {
  const std::vector<HistoryEntry> entries_before = entries_;
  const std::string trainee_before = trainee_;
  apply_import(plan, choices, entries_, trainee_);
  if (!save()) {
    entries_ = entries_before;
    trainee_ = trainee_before;
    message_ = "Import not saved: browser storage refused the update. Your history is unchanged.";
    return false;
  }
  return true;
}

uint64_t HistoryStore::digest() const {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : to_json()) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

}  // namespace tractus::web
