// The trainee's name and session history, kept in the browser's IndexedDB (persist_file.h).
//
// A file that cannot be read is never overwritten: it is set aside under another name and the
// user is told. Entries of the saved file that fail the schema check are set aside the same
// way, and the rest are kept. An import is planned first (history_merge.h) and written only
// when the user accepts the plan.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "history_format.h"
#include "history_merge.h"
#include "storage_mirror.h"

namespace tractus::web {

/// The saved history.
class HistoryStore {
 public:
  /// Uses the file at path (e.g. "/persist/history.json").
  explicit HistoryStore(std::string path) : path_(std::move(path)) {}

  /// Reads the file. Returns false when some or all of it could not be read; message() then
  /// says what happened and where the unreadable part was kept. A missing file is an empty
  /// history, not an error.
  bool load();
  /// Merges the newest sessions of a cut backup copy of the history (storage_mirror.h), newer
  /// than the saved file, and saves. Returns false with message() when the copy cannot be read
  /// or the write failed; message() also says how many sessions neither copy could keep.
  bool merge_backup(const BackupFile& newest);
  /// Adds one entry and saves. Returns false (with message()) when the write failed; the
  /// entry stays in memory, so an export still has it.
  bool append(const HistoryEntry& entry);
  /// Sets the trainee's name and saves. A name that is too long or holds control characters
  /// is refused with message() naming the reason.
  bool set_trainee(const std::string& name);
  /// The whole history as JSON text, for export.
  std::string to_json() const { return history_to_json(trainee_, entries_); }

  /// Reads an exported history's text and plans merging it; nothing is written. file_bytes is
  /// the file's size as the browser reports it (text may have been cut at the size limit).
  /// Returns false, with message() naming the limit or the field and the reason, when the
  /// file as a whole is refused.
  bool plan_import(const std::string& text, std::size_t file_bytes,
                   const std::function<bool(const std::string&)>& known_scenario, ImportPlan& plan);
  /// Writes a planned import with the user's choices. Returns false (with message()) when the
  /// write failed; the history is then as it was before.
  bool commit_import(const ImportPlan& plan, const ImportChoices& choices);

  const std::vector<HistoryEntry>& entries() const { return entries_; }
  const std::string& trainee() const { return trainee_; }
  /// The last problem, or "" when none.
  const std::string& message() const { return message_; }
  /// A 64-bit FNV-1a hash of to_json(), so a test can see the history did not change.
  uint64_t digest() const;

 private:
  bool save();
  void set_aside(const std::string& text, const std::string& suffix, std::string& kept_as);

  std::string path_;
  std::string trainee_;
  std::vector<HistoryEntry> entries_;
  std::string message_;
};

}  // namespace tractus::web
