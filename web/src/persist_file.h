// Files kept in the browser's IndexedDB through Emscripten's IDBFS, mounted at /persist by
// the page before main runs. A file is written beside its old copy and renamed over it, so a
// reader never sees half a file; then the page copies the file system to IndexedDB (one copy
// at a time, see Module.persistFlush in web/shell/hook.js).
#pragma once

#include <string>

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

}  // namespace tractus::web
