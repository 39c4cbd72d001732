#include "session_keeper.h"

#include <cstdlib>

#include <emscripten.h>

#include "persist_file.h"
#include "scenarios/record.h"

namespace tractus::web {

namespace {
std::string now_iso() {
  char* when = reinterpret_cast<char*>(EM_ASM_INT({ return allocateUTF8(new Date().toISOString()); }));
  std::string s = when;
  std::free(when);
  return s;
}
}  // namespace

bool SessionKeeper::load(ResumePoint& out, std::string& why) {
  std::string text;
  if (!read_persisted_file(path_, text)) return false;
  if (!parse_resume(text, out, why)) {
    remove_persisted_file(path_);
    return false;
  }
  return true;
}

void SessionKeeper::save(const scenarios::Session& session, const std::string& title) {
  ResumePoint p;
  p.title = title;
  p.saved_at = now_iso();
  p.record = scenarios::make_record(session);
  std::string why;
  // a failed save leaves the previous one, which is still a valid (older) point to resume from
  write_persisted_file(path_, resume_to_json(p), why);
  last_save_ms_ = emscripten_get_now();
}

void SessionKeeper::save_if_due(const scenarios::Session& session, const std::string& title, double wall_ms) {
  if (wall_ms - last_save_ms_ < kSaveIntervalMs) return;
  save(session, title);
  last_save_ms_ = wall_ms;
}

void SessionKeeper::discard() {
  remove_persisted_file(path_);
  last_save_ms_ = -1e300;
}

}  // namespace tractus::web
