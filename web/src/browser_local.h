// The page's own small stores, read from C++: localStorage items (the copies the page makes on
// its way out, web/shell/hook.js) and the browser's clock as an ISO 8601 string.
#pragma once

#include <string>

namespace tractus::web {

/// The text localStorage holds under key, or "" when it holds none or is unavailable (a
/// sandboxed frame, storage switched off).
std::string local_storage_item(const char* key);
/// Removes key from localStorage; does nothing when it is unavailable.
void remove_local_storage_item(const char* key);
/// Takes a string the page allocated with allocateUTF8 (null for none) and frees it.
std::string take_page_string(char* text);
/// The browser's wall clock now, as new Date().toISOString() gives it (UTC, milliseconds).
std::string browser_now_iso();

}  // namespace tractus::web
