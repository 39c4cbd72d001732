// The host's side of saved data: the history list and its rows' debriefs, the import that
// waits for the user's answer before it writes, and the running session kept for a resume
// after a reload.
#include <cstdio>
#include <cstdlib>

#include <emscripten.h>

#include "app.h"
#include "browser_local.h"
#include "persist_file.h"
#include "render/text_clip.h"
#include "scenarios/library.h"
#include "scenarios/scenario.h"

namespace tractus::web {

namespace {

// a new session id: the wall-clock time and 64 random bits, unique across browsers
std::string new_session_id() {
  char* id = reinterpret_cast<char*>(EM_ASM_INT({
    const words = new Uint32Array(2);
    crypto.getRandomValues(words);
    const hex = (w) => w.toString(16).padStart(8, '0');
    return allocateUTF8('s-' + Date.now().toString(36) + '-' + hex(words[0]) + hex(words[1]));
  }));
  std::string s = id;
  std::free(id);
  return s;
}

// one line of the import preview for an entry
std::string preview_line(const HistoryEntry& e) {
  char score[24];
  std::snprintf(score, sizeof score, "%3.0f %s  ", e.score, e.passed ? "pass" : "fail");
  return score + render::clip_bytes(e.title, 80) + " (" + e.mode + ") " + e.finished_at.substr(0, 10);
}
}  // namespace

bool App::scenario_known(const std::string& id) const {
  for (const render::LibraryEntry& e : library_)
    if (e.id == id) return true;
  return false;
}

void App::refresh_history_rows() {
  history_rows_.clear();
  for (const HistoryEntry& e : history_.entries()) {
    render::HistoryRow row{e.title, e.mode, e.score, e.passed, e.finished_at};
    row.unknown_scenario = !scenario_known(e.scenario_id);
    row.replayable = e.has_record && !row.unknown_scenario;
    history_rows_.push_back(row);
  }
  refresh_curriculum_view();
}

void App::record_finished_session() {
  HistoryEntry e;
  e.id = new_session_id();
  e.scenario_id = report_.scenario;
  e.title = render::clip_bytes(session_ ? session_->scenario().title : report_.scenario, kMaxTitleBytes - 3);
  e.mode = report_.mode;
  e.score = report_.score;
  e.passed = report_.passed;
  e.critical_errors = static_cast<int>(report_.critical_errors.size());
  e.finished_at = browser_now_iso();
  // a course session's scenario is built from the course's state, so only a single
  // scenario's record replays from the library
  if (session_ && !course_) {
    e.record = scenarios::make_record(*session_);
    e.has_record = true;
  }
  storage_message_ = history_.append(e) ? std::string() : history_.message();
  // the session is over: nothing to resume, unless a course goes on from it to the next
  if (course_ && !course_->done()) {
    keeper_.save(nullptr, course_.get(), resume_title());
  } else {
    keeper_.discard();
  }
  refresh_history_rows();
}

void App::import_history(const std::string& text, std::size_t file_bytes, const std::string& file_name) {
  ++imports_read_;
  history_notice_.clear();
  ImportPlan plan;
  if (!history_.plan_import(text, file_bytes, [this](const std::string& id) { return scenario_known(id); }, plan)) {
    storage_message_ = history_.message();
    import_plan_.reset();
    return;
  }
  storage_message_.clear();
  render::ImportPreview p;
  p.file_name = render::clip_bytes(file_name, 120);
  for (const HistoryEntry& e : plan.to_add) p.adding.push_back(preview_line(e));
  for (const HistoryEntry& e : plan.duplicates) p.skipping.push_back(preview_line(e));
  for (const HistoryEntry& e : plan.conflicts) p.differing.push_back(preview_line(e));
  for (const EntryRefusal& r : plan.refused)
    p.refused.push_back(r.path + ": " + r.reason + (r.label.empty() ? "" : " (" + render::clip_bytes(r.label, 60) + ")"));
  p.unknown_scenarios = plan.unknown_scenarios;
  p.trainee_differs = plan.trainee_differs;
  p.saved_trainee = plan.saved_trainee;
  p.file_trainee = plan.file_trainee;
  p.serial = import_preview_.serial + 1;
  import_preview_ = p;
  import_plan_ = std::move(plan);
}

void App::decide_import(const render::ImportDecision& d) {
  if (!import_plan_) return;
  const ImportPlan plan = std::move(*import_plan_);
  import_plan_.reset();
  if (!d.accept) {
    history_notice_ = "Import cancelled: your history is unchanged.";
    return;
  }
  if (!history_.commit_import(plan, ImportChoices{d.replace_trainee, d.replace_differing})) {
    storage_message_ = history_.message();
    return;
  }
  storage_message_.clear();
  const std::size_t replaced = d.replace_differing ? plan.conflicts.size() : 0;
  history_notice_ = "Imported " + std::to_string(plan.to_add.size()) + " session(s)" +
                    (replaced ? ", replaced " + std::to_string(replaced) : std::string()) + "; skipped " +
                    std::to_string(plan.duplicates.size() + (replaced ? 0 : plan.conflicts.size())) +
                    " already saved; refused " + std::to_string(plan.refused.size()) + ".";
  refresh_history_rows();
}

void App::open_history_debrief(int index) {
  const std::vector<HistoryEntry>& entries = history_.entries();
  if (index < 0 || index >= static_cast<int>(entries.size())) return;
  const HistoryEntry& e = entries[static_cast<std::size_t>(index)];
  if (!e.has_record) {
    storage_message_ = "This session was saved without its record, so its debrief cannot be replayed.";
    return;
  }
  message_.clear();
  if (!open_record_debrief(e.record, "the saved session")) storage_message_ = message_;
}

void App::apply_saved_data_requests(const render::UiRequests& r) {
  if (r.import_history) {
    // a new import starts with a clean slate: no old message stays beside its outcome
    storage_message_.clear();
    history_notice_.clear();
  }
  if (r.import_decision) decide_import(*r.import_decision);
  if (r.open_history_entry && screen_ == render::Screen::Start) open_history_debrief(*r.open_history_entry);
  if (r.resume_session && resume_point_) {
    if (*r.resume_session) {
      resume_saved_session();
    } else {
      resume_point_.reset();
      keeper_.discard();
    }
  }
}

bool App::session_running() const {
  return screen_ == render::Screen::Training && session_ && !session_->ended();
}

void App::persist_running_session() {
  if (session_running()) keeper_.save(session_.get(), course_.get(), resume_title());
}

void App::keep_running_session() {
  if (!session_running()) return;
  resume_point_.reset();  // a new session takes the place of one a reload left
  keeper_.save_if_due(*session_, course_.get(), resume_title(), emscripten_get_now());
}

void App::restore_storage_backup() {
  const BackupRestore restored = restore_backup([](const std::string& path, const std::string& text, std::string& why) {
    if (path == "/persist/history.json") {
      ParsedHistory parsed;
      if (!parse_history(text, HistorySource::Saved, parsed, why)) return false;
    } else if (path == "/persist/session.json") {
      ResumePoint p;
      if (!parse_resume(text, p, why)) return false;
    }
    return true;  // a set-aside copy is kept as it was
  });
  std::string notes;
  for (const std::string& n : restored.notes) notes += (notes.empty() ? "" : " ") + n;
  if (!history_.load()) notes += (notes.empty() ? "" : " ") + history_.message();
  for (const BackupFile& f : restored.newest_history) {
    if (f.path != "/persist/history.json") continue;
    history_.merge_backup(f);
    if (!history_.message().empty()) notes += (notes.empty() ? "" : " ") + history_.message();
  }
  storage_message_ = notes;
}

void App::offer_saved_session() {
  ResumePoint p;
  std::string why;
  if (!keeper_.load(p, why)) {
    if (!why.empty()) storage_message_ = "An unfinished session could not be offered for resuming (" + why + ").";
    return;
  }
  resume_offer_ = render::ResumeOffer{p.title, static_cast<double>(p.record.end_us) * 1e-6};
  if (p.course && !offer_saved_course(p, why)) {
    storage_message_ = "An unfinished course of care could not be offered for resuming (" + why + ").";
    keeper_.discard();
    return;
  }
  resume_point_ = std::move(p);
}

void App::resume_saved_session() {
  const ResumePoint p = std::move(*resume_point_);
  resume_point_.reset();
  if (p.course) {
    resume_saved_course(p);
    return;
  }
  scenarios::Scenario sc;
  scenarios::LoadError err;
  std::string why;
  if (!scenarios::load_scenario_by_ref(p.record.scenario_id, sc, err)) {
    why = "its scenario '" + p.record.scenario_id + "' is not in this library";
  } else {
    go_to(render::Screen::Start);
    session_ = std::make_unique<scenarios::Session>(sc, scenarios::record_options(p.record));
    // the session is deterministic: replaying its actions rebuilds it as it was left
    if (!scenarios::replay(sc, p.record, *session_, why)) session_.reset();
  }
  if (!session_) {
    storage_message_ = "The unfinished session could not be resumed: " + why + ".";
    keeper_.discard();
    return;
  }
  const scenarios::Report now = scenarios::build_report(*session_);
  resumed_ = Resumed{true, static_cast<double>(session_->now_us()) * 1e-6, now.timeline_hash, p.record.actions.size()};
  has_report_ = false;
  message_.clear();
  storage_message_.clear();
  clock_ = render::ClockView{};
  screen_ = render::Screen::Training;
}

}  // namespace tractus::web
