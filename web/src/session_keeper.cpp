#include "session_keeper.h"

#include <cstdlib>

#include <emscripten.h>

#include "browser_local.h"
#include "persist_file.h"
#include "scenarios/record.h"

namespace tractus::web {

namespace {
// the copy the page made on its way out (web/shell/hook.js), or "" when none
std::string exit_copy() { return local_storage_item("tractus.session"); }

void drop_exit_copy() { remove_local_storage_item("tractus.session"); }

// the copy an LMS kept in cmi.suspend_data (web/shell/scorm.js), or "" outside an LMS: inside
// one, browser storage may be partitioned or wiped between two launches
std::string lms_copy() {
  return take_page_string(reinterpret_cast<char*>(EM_ASM_INT({
    const t = (Module.lmsSessionCopy && Module.lmsSessionCopy()) || "";
    return allocateUTF8(t);
  })));
}

}  // namespace

bool SessionKeeper::load(ResumePoint& out, std::string& why) {
  std::string text;
  const bool have_file = read_persisted_file(path_, text);
  // the exit copy is later than the file when the page's last IndexedDB write was dropped
  const std::string exit_text = exit_copy();
  drop_exit_copy();
  ResumePoint from_exit;
  std::string exit_why;
  const bool have_exit = !exit_text.empty() && parse_resume(exit_text, from_exit, exit_why);
  const bool file_ok = have_file && parse_resume(text, out, why);
  if (have_file && !file_ok) remove_persisted_file(path_);
  bool found = file_ok;
  if (have_exit && (!found || resume_is_later(from_exit, out))) {
    out = from_exit;
    why.clear();
    std::string ignored;
    write_persisted_file(path_, exit_text, ignored);  // IndexedDB holds the latest from now on
    found = true;
  }
  // the LMS's copy counts only when it is a later point than what the browser kept
  const std::string lms_text = lms_copy();
  ResumePoint from_lms;
  std::string lms_why;
  if (!lms_text.empty() && parse_resume(lms_text, from_lms, lms_why) && (!found || resume_is_later(from_lms, out))) {
    out = from_lms;
    why.clear();
    std::string ignored;
    write_persisted_file(path_, lms_text, ignored);
    found = true;
  }
  return found;
}

void SessionKeeper::save(const scenarios::Session* session, const scenarios::CourseRun* course,
                         const std::string& title) {
  ResumePoint p;
  p.title = title;
  p.saved_at = browser_now_iso();
  p.in_session = session != nullptr;
  if (session != nullptr) p.record = scenarios::make_record(*session);
  if (course != nullptr) p.course = scenarios::course_progress(*course);
  // between two sessions nothing runs, so a copy made on an earlier way out is older than this
  if (session == nullptr) drop_exit_copy();
  std::string why;
  // a failed save leaves the previous one, which is still a valid (older) point to resume from
  write_persisted_file(path_, resume_to_json(p), why);
  last_save_ms_ = emscripten_get_now();
  saved_actions_ = session != nullptr ? p.record.actions.size() : 0;
}

void SessionKeeper::save_if_due(const scenarios::Session& session, const scenarios::CourseRun* course,
                                const std::string& title, double wall_ms) {
  if (wall_ms - last_save_ms_ < kSaveIntervalMs && session.actions().size() == saved_actions_) return;
  save(&session, course, title);
  last_save_ms_ = wall_ms;
}

void SessionKeeper::discard() {
  remove_persisted_file(path_);
  drop_exit_copy();
  last_save_ms_ = -1e300;
  saved_actions_ = 0;
}

}  // namespace tractus::web
