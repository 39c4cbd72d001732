// The start screen's curriculum: the built-in track read from /curricula (preloaded beside the
// library), and the trainee's progress through it, read from the history each time the history
// changes. The progress lives nowhere else, so it is kept, exported and imported with the
// history itself.
#include <algorithm>
#include <cstdio>

#include "app.h"
#include "scenarios/library.h"

namespace tractus::web {

namespace {
constexpr const char* kBuiltInCurriculum = "new-practitioner";
}  // namespace

void App::load_curriculum() {
  scenarios::Curriculum c;
  scenarios::LoadError error;
  const std::string file = scenarios::curricula_dir() + "/" + kBuiltInCurriculum + ".json";
  if (!scenarios::load_curriculum_file(file, scenarios::library_candidates(), c, error)) {
    // the trainer runs without it; the console says why
    std::fprintf(stderr, "tractus: the curriculum was not loaded: %s\n", error.message().c_str());
    curriculum_.reset();
    return;
  }
  curriculum_ = c;
}

void App::refresh_curriculum_view() {
  if (!curriculum_) return;
  // oldest first by the time each session ended: an import may add older sessions at the end
  std::vector<scenarios::SessionOutcome> outcomes;
  for (const HistoryEntry& e : history_.entries())
    outcomes.push_back({e.scenario_id, e.mode == "assessment", e.passed, e.critical_errors, e.finished_at});
  std::stable_sort(outcomes.begin(), outcomes.end(),
                   [](const scenarios::SessionOutcome& a, const scenarios::SessionOutcome& b) {
                     return a.finished_at < b.finished_at;
                   });
  const scenarios::CurriculumProgress p = scenarios::curriculum_progress(*curriculum_, outcomes);
  const auto title_of = [&](const std::string& id) {
    for (const render::LibraryEntry& e : library_)
      if (e.id == id) return e.title;
    return id;
  };
  render::CurriculumView v;
  v.title = curriculum_->title;
  for (std::size_t i = 0; i < curriculum_->steps.size(); ++i) {
    const scenarios::CurriculumStep& step = curriculum_->steps[i];
    v.steps.push_back({step.scenario, title_of(step.scenario), step.why, p.steps[i].mastered, p.steps[i].mastered_at,
                       p.steps[i].attempts});
  }
  v.mastered = p.mastered;
  v.current_step = p.current_step;
  v.next = p.next == scenarios::NextKind::Done       ? render::CurriculumView::Next::Done
           : p.next == scenarios::NextKind::Remedial ? render::CurriculumView::Next::Remedial
                                                     : render::CurriculumView::Next::Step;
  v.next_scenario = p.next_scenario;
  v.next_title = p.next_scenario.empty() ? std::string() : title_of(p.next_scenario);
  v.remedial_is_easier_case =
      p.current_step < curriculum_->steps.size() && curriculum_->steps[p.current_step].remedial_by_difficulty;
  curriculum_view_ = v;
}

}  // namespace tractus::web
