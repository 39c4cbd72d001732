#include "persist_file.h"

#include <cstdio>
#include <fstream>
#include <sstream>

#include <emscripten.h>

namespace tractus::web {

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
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    why = "Browser storage refused the update.";
    std::remove(tmp.c_str());
    return false;
  }
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
  if (std::remove(path.c_str()) == 0) flush_persisted_files();
}

}  // namespace tractus::web
