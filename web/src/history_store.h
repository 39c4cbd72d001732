// The trainee's name and session history, kept in the browser's IndexedDB through
// Emscripten's IDBFS (mounted at /persist by the page before main runs).
//
// Writes are atomic: the new file is written beside the old one and renamed over it, then
// the file system is flushed to IndexedDB. A file that cannot be read is never overwritten:
// it is set aside under another name and the user is told.
#pragma once

#include <string>
#include <vector>

#include "history_file.h"

namespace tractus::web {

/// The saved history.
class HistoryStore {
 public:
  /// Uses the file at path (e.g. "/persist/history.json").
  explicit HistoryStore(std::string path) : path_(std::move(path)) {}

  /// Reads the file. Returns false when there was a file that could not be read; message()
  /// then says what happened. A missing file is an empty history, not an error.
  bool load();
  /// Adds one entry and saves. Returns false (with message()) when the write failed.
  bool append(const HistoryEntry& entry);
  /// Sets the trainee's name and saves.
  bool set_trainee(const std::string& name);
  /// The whole history as JSON text, for export.
  std::string to_json() const;
  /// Replaces the history with one exported earlier. On bad input returns false, keeps the
  /// current history, and message() names the field and the reason.
  bool import_json(const std::string& text);

  const std::vector<HistoryEntry>& entries() const { return entries_; }
  const std::string& trainee() const { return trainee_; }
  /// The last problem, or "" when none.
  const std::string& message() const { return message_; }

 private:
  bool save();
  bool parse(const std::string& text, std::string& trainee, std::vector<HistoryEntry>& entries,
             std::string& why) const;

  std::string path_;
  std::string trainee_;
  std::vector<HistoryEntry> entries_;
  std::string message_;
};

}  // namespace tractus::web
