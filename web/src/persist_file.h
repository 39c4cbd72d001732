// Files kept in the browser's IndexedDB through Emscripten's IDBFS, mounted at /persist by
// the page before main runs. A file is written beside its old copy and renamed over it, so a
// reader never sees half a file; then the page copies the file system to IndexedDB (one copy
// at a time, see Module.persistFlush in web/shell/hook.js).
//
// That copy is asynchronous, so a reload in the milliseconds after a write could lose it.
// Every write and removal therefore gets a generation (one more than the last), kept in
// /persist/generations.json beside the files; while a copy is outstanding the page puts the
// files it has not yet copied into a backup in localStorage when it is hidden or left, and
// the next load takes from that backup what is newer than IndexedDB (storage_mirror.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "storage_mirror.h"

namespace tractus::web {

/// Writes text to path atomically and schedules the copy to IndexedDB. Returns false with
/// why (a sentence for the user) when the browser's storage refused it; the old file is kept.
bool write_persisted_file(const std::string& path, const std::string& text, std::string& why);

/// Reads a whole file into text. Returns false when there is no such file.
bool read_persisted_file(const std::string& path, std::string& text);

/// Removes a file (a missing one is fine) and schedules the copy to IndexedDB.
void remove_persisted_file(const std::string& path);

/// Copies the in-memory file system to IndexedDB now (asynchronously).
void flush_persisted_files();

/// The generation of the latest write or removal (0 before any).
uint64_t persisted_generation();
/// Records that IndexedDB holds every write up to generation (the page calls it when a copy
/// it began at that generation has finished).
void mark_persisted_through(uint64_t generation);
/// True while some write has not reached IndexedDB.
bool persist_pending();
/// The backup of every file written or removed since the last finished copy, as JSON text of
/// at most budget_bytes of file text (storage_mirror.h, fit_backup), or "" when none is
/// pending. What it had to cut or leave out is said in the browser's console.
std::string pending_backup_json(std::size_t budget_bytes);

/// What a load took from the page's backup.
struct BackupRestore {
  std::vector<std::string> notes;          // sentences for the user: a refusal, a cut history
  std::vector<BackupFile> newest_history;  // cut history copies newer than IndexedDB, to merge
};
/// Checks one file of a backup before it replaces the saved one: returns false with why
/// when its text is not a valid file of its kind.
using BackupCheck = std::function<bool(const std::string& path, const std::string& text, std::string& why)>;

/// Reads the page's backup and restores each file whose generation is above IndexedDB's.
/// A damaged backup, or one holding a file that fails check, is refused as a whole: nothing
/// saved changes, a note names the reason, and the backup's text is kept as
/// /persist/storage-backup.refused. A backup restored or dropped goes from localStorage once
/// IndexedDB holds what it restored. Cut ("newest") history copies are handed back to merge.
BackupRestore restore_backup(const BackupCheck& check);

}  // namespace tractus::web
