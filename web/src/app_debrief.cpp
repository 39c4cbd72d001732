// The host's side of the debrief: the replay film of the session that just ended (or of a
// session record the user opened), and the downloads of the report and the record.
#include <cstdio>
#include <cstdlib>

#include <emscripten.h>
#include <nlohmann/json.hpp>

#include "app.h"
#include "browser_local.h"
#include "scenarios/display_names.h"
#include "scenarios/json_file.h"
#include "scenarios/library.h"
#include "scenarios/report_html.h"
#include "scenarios/scenario.h"

namespace tractus::web {

namespace {
// one film frame every quarter second of session time: smooth enough to scrub, and a
// 20-minute session stays near 10 MB
constexpr int64_t kFilmIntervalUs = 250000;
// session time replayed between two looks at the wall clock
constexpr int64_t kFilmSliceUs = 2000000;

// "the session record" -> "The session record", to open a sentence
std::string capitalised(std::string what) {
  if (!what.empty() && what[0] >= 'a' && what[0] <= 'z') what[0] = static_cast<char>(what[0] - 'a' + 'A');
  return what;
}

// offers text to the user as a download named name
void download(const std::string& name, const std::string& text, const char* mime) {
  EM_ASM({ if (Module.downloadText) Module.downloadText(UTF8ToString($0), UTF8ToString($1), UTF8ToString($2)); },
         name.c_str(), text.c_str(), mime);
}

}  // namespace

void App::begin_debrief_film() {
  film_imported_ = false;
  debrief_message_.clear();
  record_ = scenarios::make_record(*session_);
  film_ = std::make_unique<scenarios::ReplayTrace>(session_->scenario(), record_, kFilmIntervalUs);
}

void App::advance_debrief_film(double budget_ms) {
  if (!film_ || film_->done()) return;
  const double start_ms = emscripten_get_now();
  while (!film_->advance(kFilmSliceUs) && emscripten_get_now() - start_ms < budget_ms) {
  }
  if (!film_->done() || !film_imported_) return;
  // an opened record: its debrief is the replayed session's, checked against what it recorded
  report_ = scenarios::build_report(film_->session());
  has_report_ = true;
  // the same check as `tractus replay`: score, pass, timeline and the physics hash
  const scenarios::ReplayCheck check = scenarios::check_replay(record_, film_->session());
  if (!check.matches) {
    std::string what;
    for (const std::string& d : check.diverged) what += (what.empty() ? "" : "; ") + d;
    debrief_message_ = "This record does not replay as it was saved (" + what +
                       "): it was made by a different version of the trainer or the scenario, "
                       "or it was edited.";
  }
}

const scenarios::Session* App::debrief_session() const {
  if (session_) return session_.get();
  if (film_ && film_->ok() && film_->done()) return &film_->session();
  return nullptr;
}

void App::import_record(const std::string& text) {
  nlohmann::json j;
  scenarios::LoadError err;
  scenarios::SessionRecord record;
  if (!scenarios::parse_json_text(text, "session record", j, err) ||
      !scenarios::parse_record(j, "session record", record, err)) {
    message_ = scenarios::load_error_sentence("the session record", err) + "\n" + scenarios::load_error_detail(err);
    return;
  }
  open_record_debrief(record, "the session record");
}

bool App::open_record_debrief(const scenarios::SessionRecord& record, const std::string& what) {
  scenarios::Scenario sc;
  scenarios::LoadError err;
  if (!scenarios::load_scenario_by_ref(record.scenario_id, sc, err)) {
    message_ = capitalised(what) + " could not be opened: its scenario \"" + record.scenario_id +
               "\" is not in this library.\n" + err.reason;
    return false;
  }
  go_to(render::Screen::Debrief);
  message_.clear();  // an earlier failed import's message must not outlive this success
  record_ = record;
  film_ = std::make_unique<scenarios::ReplayTrace>(sc, record_, kFilmIntervalUs);
  film_imported_ = true;
  if (!film_->ok()) {
    message_ = capitalised(what) + " could not be replayed.\n" + film_->error();
    film_.reset();
    screen_ = render::Screen::ScenarioList;
    return false;
  }
  return true;
}

void App::export_debrief(const render::UiRequests& r) {
  const scenarios::Session* s = debrief_session();
  if (s == nullptr || !has_report_) return;
  const std::string base = "tractus-" + report_.scenario;
  if (r.export_report_json || r.export_report_html) {
    const nlohmann::json j = scenarios::report_to_json(report_, *s, true);
    if (r.export_report_json) download(base + "-report.json", j.dump(2), "application/json");
    if (r.export_report_html) {
      scenarios::ReportPageInfo info;
      info.scenario_title = s->scenario().title;
      info.trainee = history_.trainee();
      info.printed_at = browser_now_iso();
      download(base + "-report.html", scenarios::report_to_html(j, info), "text/html");
    }
  }
  if (r.export_record) download(base + "-record.json", scenarios::record_to_json(record_).dump(2), "application/json");
}

}  // namespace tractus::web
