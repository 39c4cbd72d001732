#include "browser_local.h"

#include <cstdlib>

#include <emscripten.h>

namespace tractus::web {

std::string take_page_string(char* text) {
  std::string s = text != nullptr ? text : "";
  std::free(text);
  return s;
}

std::string local_storage_item(const char* key) {
  return take_page_string(reinterpret_cast<char*>(EM_ASM_INT({
    let t = "";
    try { t = localStorage.getItem(UTF8ToString($0)) || ""; } catch (e) {}
    return allocateUTF8(t);
  }, key)));
}

void remove_local_storage_item(const char* key) {
  EM_ASM({ try { localStorage.removeItem(UTF8ToString($0)); } catch (e) {} }, key);
}

std::string browser_now_iso() {
  return take_page_string(reinterpret_cast<char*>(EM_ASM_INT({ return allocateUTF8(new Date().toISOString()); })));
}

}  // namespace tractus::web
