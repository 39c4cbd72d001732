#include "persist_file.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include <emscripten.h>

#include "browser_local.h"

namespace tractus::web {

namespace {
// each file's generation, the latest one, and the latest IndexedDB is known to hold
struct Generations {
  bool loaded = false;
  std::map<std::string, uint64_t> by_path;
  uint64_t latest = 0;
  uint64_t synced = 0;
};

bool write_atomically(const std::string& path, const std::string& text, std::string& why) {
  // write beside, then rename over: a reader never sees half a file
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) {
      why = "Browser storage is full or unavailable.";
      std::remove(tmp.c_str());
      return false;
    }
  }
  // Emscripten 3.1.6's FS.rename over an existing file leaves the replaced file in its lookup
  // table, so once the new one is removed a read finds the old one again (a removed resume
  // file would come back into the backup). So the old file moves aside first and goes once
  // the new one is in place; no other code runs meanwhile, so no reader sees it missing.
  const std::string old = path + ".old";
  std::remove(old.c_str());
  const bool had_old = std::rename(path.c_str(), old.c_str()) == 0;
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    why = "Browser storage refused the update.";
    std::remove(tmp.c_str());
    if (had_old) std::rename(old.c_str(), path.c_str());
    return false;
  }
  if (had_old) std::remove(old.c_str());
  return true;
}

void console_warn(const std::string& text) {
  EM_ASM({ console.warn(UTF8ToString($0)); }, text.c_str());
}

Generations& generations() {
  static Generations g;
  if (g.loaded) return g;
  g.loaded = true;
  std::string text, why;
  if (read_persisted_file(kGenerationsPath, text) && !parse_generations(text, g.by_path, why))
    console_warn("Tractus: the saved generations file could not be read (" + why + "); a backup counts as newer.");
  for (const auto& [path, gen] : g.by_path) g.latest = std::max(g.latest, gen);
  g.synced = g.latest;  // what was read came from IndexedDB
  return g;
}

// gives path the next generation and saves the generations beside it; IDBFS copies both in
// one IndexedDB transaction, so the two never disagree there
void bump(const std::string& path) {
  Generations& g = generations();
  g.by_path[path] = ++g.latest;
  std::string why;
  if (!write_atomically(kGenerationsPath, generations_to_json(g.by_path), why))
    console_warn("Tractus could not save the generations file: " + why);
}

std::string backup_text() { return local_storage_item("tractus.backup"); }

void drop_backup() { remove_local_storage_item("tractus.backup"); }

}  // namespace

void flush_persisted_files() {
  EM_ASM({
    if (Module.persistFlush) {
      Module.persistFlush();
    } else {
      FS.syncfs(false, function(err) {
        if (err) console.warn('Tractus could not save to browser storage: ' + err);
      });
    }
  });
}

bool write_persisted_file(const std::string& path, const std::string& text, std::string& why) {
  if (!write_atomically(path, text, why)) return false;
  bump(path);
  flush_persisted_files();
  return true;
}

bool read_persisted_file(const std::string& path, std::string& text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream buf;
  buf << in.rdbuf();
  text = buf.str();
  return true;
}

void remove_persisted_file(const std::string& path) {
  if (std::remove(path.c_str()) != 0) return;
  bump(path);
  flush_persisted_files();
}

uint64_t persisted_generation() { return generations().latest; }

void mark_persisted_through(uint64_t generation) {
  Generations& g = generations();
  g.synced = std::max(g.synced, std::min(generation, g.latest));
}

bool persist_pending() {
  const Generations& g = generations();
  return g.latest > g.synced;
}

std::string pending_backup_json(std::size_t budget_bytes) {
  const Generations& g = generations();
  if (g.latest <= g.synced) return "";
  std::map<uint64_t, BackupFile> by_generation;  // in write order
  for (const auto& [path, gen] : g.by_path) {
    if (gen <= g.synced) continue;
    BackupFile f;
    f.path = path;
    f.generation = gen;
    f.state = read_persisted_file(path, f.text) ? BackupFile::State::Whole : BackupFile::State::Removed;
    by_generation[gen] = std::move(f);
  }
  std::vector<BackupFile> files;
  for (auto& [gen, f] : by_generation) files.push_back(std::move(f));
  std::vector<std::string> left_out;
  StorageBackup b = fit_backup(std::move(files), budget_bytes, left_out);
  b.saved_at = browser_now_iso();
  for (const BackupFile& f : b.files)
    if (f.state == BackupFile::State::Newest)
      console_warn("Tractus: the history is too big for the page's backup; it keeps the newest sessions only.");
  for (const std::string& path : left_out)
    console_warn("Tractus: " + path + " is too big for the page's backup and was left out of it.");
  return backup_to_json(b);
}

BackupRestore restore_backup(const BackupCheck& check) {
  BackupRestore r;
  const std::string text = backup_text();
  if (text.empty()) return r;
  StorageBackup b;
  std::string why;
  bool ok = parse_backup(text, b, why);
  const std::map<std::string, uint64_t> saved = generations().by_path;
  std::vector<const BackupFile*> restore;
  for (const BackupFile& f : b.files) {
    if (!ok) break;
    const BackupAction action = decide_backup_file(f, saved);
    if (action == BackupAction::Older)
      console_warn("Tractus: the page's backup of " + f.path + " is older than browser storage's; it was dropped.");
    if (action != BackupAction::Restore) continue;
    if (f.state != BackupFile::State::Removed && !check(f.path, f.text, why)) {
      why = f.path + ": " + why;
      ok = false;
      break;
    }
    restore.push_back(&f);
  }
  if (!ok) {
    // keep it for support beside the files it never touched
    // never over an earlier one kept the same way
    std::string kept = std::string(kPersistDir) + "storage-backup.refused", probe;
    for (int n = 2; n < 100 && read_persisted_file(kept, probe); ++n)
      kept = std::string(kPersistDir) + "storage-backup.refused." + std::to_string(n);
    std::string ignored;
    const bool written = write_persisted_file(kept, text, ignored);
    // a sentence a person reads, with the place in the backup on a detail line of its own
    const std::size_t colon = why.find(": ");
    const std::string reason = colon == std::string::npos ? why : why.substr(colon + 2);
    const std::string where = colon == std::string::npos ? std::string() : why.substr(0, colon);
    r.notes.push_back("A backup of unsaved changes was found but refused: " + reason +
                      ". Your saved data is unchanged." + (written ? " The backup was kept as " + kept + "." : "") +
                      (where.empty() ? "" : "\nAt " + where + " in the backup."));
    drop_backup();
    return r;
  }
  // later writes must count as newer than anything the backup held
  Generations& g = generations();
  for (const BackupFile& f : b.files) g.latest = std::max(g.latest, f.generation);
  for (const BackupFile* f : restore) {
    if (f->state == BackupFile::State::Newest) {
      r.newest_history.push_back(*f);
    } else if (f->state == BackupFile::State::Removed) {
      remove_persisted_file(f->path);
    } else if (!write_persisted_file(f->path, f->text, why)) {
      r.notes.push_back("A backup of unsaved changes to " + f->path + " could not be restored: " + why);
    }
  }
  // nothing pending means IndexedDB already holds everything: the backup has done its job
  if (!persist_pending() && r.newest_history.empty()) drop_backup();
  return r;
}

}  // namespace tractus::web

// Page glue (web/shell/hook.js, Module.persistFlush and the backup made on the way out).
// Generations pass as doubles: JavaScript numbers hold whole numbers exactly up to 2^53.
extern "C" {

/// The generation of the latest write; the page reads it as a copy to IndexedDB begins.
EMSCRIPTEN_KEEPALIVE double tractus_persist_generation() {
  return static_cast<double>(tractus::web::persisted_generation());
}

/// A copy to IndexedDB begun at generation has finished. Returns 1 when nothing written is
/// left uncopied (the page then drops its backup), else 0.
EMSCRIPTEN_KEEPALIVE int tractus_persist_synced(double generation) {
  tractus::web::mark_persisted_through(generation > 0.0 ? static_cast<uint64_t>(generation) : 0);
  return tractus::web::persist_pending() ? 0 : 1;
}

/// The backup of what IndexedDB does not hold yet, at most budget_bytes of file text, or ""
/// when it holds everything. The text stays valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* tractus_storage_backup(double budget_bytes) {
  static std::string text;
  text = tractus::web::pending_backup_json(budget_bytes > 0.0 ? static_cast<std::size_t>(budget_bytes) : 0);
  return text.c_str();
}

/// The most bytes of file text a backup holds (storage_mirror.h).
EMSCRIPTEN_KEEPALIVE double tractus_storage_backup_limit() {
  return static_cast<double>(tractus::web::kMaxBackupBytes);
}

}  // extern "C"
