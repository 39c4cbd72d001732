// The page's backup copy of saved files that had not yet reached IndexedDB when it was left.
//
// A write to /persist reaches IndexedDB only when an asynchronous IDBFS sync finishes, some
// milliseconds later; a reload in that gap would lose it. So when the page is hidden or left
// with a sync outstanding, it copies every file written since the last finished sync to
// localStorage, which writes at once (web/shell/hook.js). Each file carries a generation: a
// counter that every write or removal through persist_file.h raises, kept in IndexedDB beside
// the files (/persist/generations.json, synced in the same transaction). On the next load the
// copy of a file is taken only when its generation is above the one IndexedDB holds; an older
// or equal copy is dropped, and a damaged one is refused as a whole, so it can never overwrite
// what IndexedDB holds.
//
// The backup is {"format": "tractus-storage-backup", "version": 1, "saved_at": ISO-8601,
// "files": [{"path", "generation", "state": "whole"|"removed"|"newest", "text", "bytes",
// "fnv1a"}, ...]}. "newest" is a history file cut to its newest sessions because the whole
// one did not fit the size limit (kMaxBackupBytes); it holds "total_sessions", the number the
// whole file had, so a restore can say how many it could not keep.
//
// Plain C++ (no Emscripten), so it is tested natively and in WebAssembly alike.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "history_format.h"

namespace tractus::web {

/// The most UTF-8 bytes of file text one backup holds. localStorage allows about 5 MB an
/// origin (counted in UTF-16 code units in some browsers), shared with the running session's
/// exit copy (session_keeper.h), so a backup stays well under half of it.
constexpr std::size_t kMaxBackupBytes = 2u * 1024u * 1024u;

/// The folder IDBFS keeps, and the file of generations inside it.
constexpr const char* kPersistDir = "/persist/";
constexpr const char* kGenerationsPath = "/persist/generations.json";

/// One file in the backup.
struct BackupFile {
  enum class State { Whole, Removed, Newest };
  std::string path;            // e.g. /persist/history.json
  uint64_t generation = 0;     // the write's generation (1 or more)
  State state = State::Whole;
  std::string text;            // Whole: the file; Newest: a history file of the newest sessions
  std::size_t total_sessions = 0;  // Newest only: how many sessions the whole file had
};

/// A backup as written or read.
struct StorageBackup {
  std::string saved_at;           // ISO 8601 wall-clock time it was made
  std::vector<BackupFile> files;  // in the order they were written
};

/// The 64-bit FNV-1a hash of text, as a 16-digit hex string (the backup's check on each file).
std::string fnv1a_hex(const std::string& text);

/// The backup as JSON text.
std::string backup_to_json(const StorageBackup& backup);

/// Reads a backup. Returns false with why (the JSON path and the reason) when any of it is
/// damaged or not what this build writes: a backup is taken whole or not at all.
bool parse_backup(const std::string& text, StorageBackup& out, std::string& why);

/// The generations file (path -> generation) as JSON text, and back. parse_generations returns
/// false with why when the text cannot be used; out is then empty.
std::string generations_to_json(const std::map<std::string, uint64_t>& generations);
bool parse_generations(const std::string& text, std::map<std::string, uint64_t>& out, std::string& why);

/// What a load does with one file of a backup.
enum class BackupAction {
  Restore,      // the backup's copy is newer than IndexedDB's: take it
  AlreadySaved, // IndexedDB holds this generation: nothing to do
  Older,        // IndexedDB holds a later write: the backup's copy is dropped
};

/// Decides for one file, from its generation in the backup and in IndexedDB's generations file
/// (0 when it has none: a file written before generations were kept is older than any backup).
BackupAction decide_backup_file(const BackupFile& file, const std::map<std::string, uint64_t>& saved);

/// Cuts a history file's text to fit budget_bytes (as "newest" text): the trainee and the
/// newest sessions that fit, whole; when not even the newest one fits with its record, it goes
/// without the record. Returns false when the text is not a readable history or nothing fits.
bool newest_history_that_fits(const std::string& history_text, std::size_t budget_bytes, std::string& out,
                              std::size_t& total_sessions);

/// Builds the backup of the given files (each Whole or Removed, in write order) within
/// budget_bytes of text: when they do not all fit, history files (path ending history.json)
/// are cut to their newest sessions, and any other file that still does not fit is left out
/// and named in left_out.
StorageBackup fit_backup(std::vector<BackupFile> files, std::size_t budget_bytes, std::vector<std::string>& left_out);

/// The result of taking a backup's newest sessions into the saved history.
struct NewestMerge {
  std::size_t added = 0;     // sessions the saved history did not have
  std::size_t replaced = 0;  // sessions it had in an older form (same id, other content)
  std::size_t lost = 0;      // sessions the whole file had that neither copy holds
};

/// Merges a backup's newest sessions into the saved ones: a session of the backup replaces
/// the saved one of its id (it is the later write) or is added at the end, in the backup's
/// order; the saved sessions are all kept. total_sessions is the whole file's count.
NewestMerge merge_newest_sessions(std::vector<HistoryEntry>& saved, const std::vector<HistoryEntry>& newest,
                                  std::size_t total_sessions);

}  // namespace tractus::web
