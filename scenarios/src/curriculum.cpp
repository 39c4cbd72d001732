#include "scenarios/curriculum.h"

#include <algorithm>

#include "json_fields.h"
#include "scenarios/json_file.h"

namespace tractus::scenarios {

namespace {

using detail::Fields;
using nlohmann::json;

const CurriculumCandidate* find(const std::vector<CurriculumCandidate>& known, const std::string& id) {
  for (const CurriculumCandidate& c : known)
    if (c.id == id) return &c;
  return nullptr;
}

bool read_step(Fields& f, const json& j, const std::string& p, const std::vector<CurriculumCandidate>& known,
               CurriculumStep& step) {
  std::string remedial_by;
  if (!f.object(j, p, {"scenario", "remedial", "remedial_by", "why"}) ||
      !f.string(j, p, "scenario", step.scenario, true) || !f.string(j, p, "remedial", step.remedial, false) ||
      !f.choice(j, p, "remedial_by", remedial_by, false, {"difficulty"}) || !f.string(j, p, "why", step.why, false))
    return false;
  const CurriculumCandidate* scenario = find(known, step.scenario);
  if (scenario == nullptr) return f.fail(p + ".scenario", "'" + step.scenario + "' is not in the library");
  if (!remedial_by.empty()) {
    if (!step.remedial.empty())
      return f.fail(p + ".remedial_by", "name a remedial scenario or ask for an easier one, not both");
    step.remedial = easier_case(known, *scenario);
    step.remedial_by_difficulty = true;
    if (step.remedial.empty())
      return f.fail(p + ".remedial_by", "no " + scenario->category + " scenario is easier than '" + step.scenario +
                                            "' (difficulty " + std::to_string(scenario->difficulty) + ")");
    return true;
  }
  if (!step.remedial.empty() && find(known, step.remedial) == nullptr)
    return f.fail(p + ".remedial", "'" + step.remedial + "' is not in the library");
  if (step.remedial == step.scenario)
    return f.fail(p + ".remedial", "a step cannot be its own remedial scenario: leave it out for a plain retry");
  return true;
}

}  // namespace

std::string easier_case(const std::vector<CurriculumCandidate>& known, const CurriculumCandidate& scenario) {
  // the hardest case still below this one, so the remedial is the smallest step down; ties go
  // to the first id so the choice does not depend on the order the library was listed in
  const CurriculumCandidate* best = nullptr;
  for (const CurriculumCandidate& c : known) {
    if (c.id == scenario.id || c.category != scenario.category || c.difficulty >= scenario.difficulty) continue;
    if (best == nullptr || c.difficulty > best->difficulty || (c.difficulty == best->difficulty && c.id < best->id))
      best = &c;
  }
  return best == nullptr ? std::string() : best->id;
}

bool parse_curriculum(const json& j, const std::string& file, const std::vector<CurriculumCandidate>& known,
                      Curriculum& out, LoadError& error) {
  error = LoadError{};
  error.file = file;
  Fields f(error);
  out = Curriculum{};
  const std::string p = "$";
  if (!f.depth_within(j) ||
      !f.object(j, p, {"$schema", "format", "format_version", "id", "version", "title", "description", "steps"}))
    return false;
  std::string format;
  int format_version = 0;
  if (!f.choice(j, p, "format", format, true, {"tractus-curriculum"}) ||
      !f.integer(j, p, "format_version", format_version, true, 1, 1))
    return false;
  if (!f.id(j, p, "id", out.id) || !f.integer(j, p, "version", out.version, true, 1, 1000000) ||
      !f.string(j, p, "title", out.title, true) || !f.string(j, p, "description", out.description, false))
    return false;
  const json* steps = f.member(j, p, "steps", true);
  if (steps == nullptr) return false;
  if (!steps->is_array() || steps->empty()) return f.fail("$.steps", "must be a non-empty array of steps");
  if (steps->size() > kMaxCurriculumSteps)
    return f.fail("$.steps", "has " + std::to_string(steps->size()) + " steps; at most " +
                                 std::to_string(kMaxCurriculumSteps) + " are allowed");
  for (std::size_t i = 0; i < steps->size(); ++i) {
    const std::string sp = Fields::index_path("$.steps", i);
    CurriculumStep step;
    if (!read_step(f, (*steps)[i], sp, known, step)) return false;
    for (std::size_t k = 0; k < out.steps.size(); ++k) {
      if (out.steps[k].scenario == step.scenario)
        return f.fail(sp + ".scenario", "'" + step.scenario + "' is already step " + std::to_string(k + 1));
    }
    out.steps.push_back(step);
  }
  return true;
}

bool load_curriculum_file(const std::string& file, const std::vector<CurriculumCandidate>& known, Curriculum& out,
                          LoadError& error) {
  json j;
  if (!read_json_file(file, j, error)) return false;
  return parse_curriculum(j, file, known, out, error);
}

bool is_mastery(const SessionOutcome& outcome) {
  return outcome.assessment && outcome.passed && outcome.critical_errors == 0;
}

CurriculumProgress curriculum_progress(const Curriculum& curriculum, const std::vector<SessionOutcome>& history) {
  CurriculumProgress p;
  for (const CurriculumStep& s : curriculum.steps) {
    StepProgress sp;
    sp.scenario = s.scenario;
    p.steps.push_back(sp);
  }
  bool owes_remedial = false;
  for (const SessionOutcome& o : history) {
    if (p.current_step >= curriculum.steps.size()) break;
    const CurriculumStep& step = curriculum.steps[p.current_step];
    StepProgress& sp = p.steps[p.current_step];
    if (owes_remedial) {
      // only the remedial scenario, passed with no critical error, opens the retry
      if (o.scenario == step.remedial && o.passed && o.critical_errors == 0) {
        owes_remedial = false;
        ++sp.remediations;
      }
      continue;
    }
    if (o.scenario != step.scenario) continue;
    ++sp.attempts;
    if (is_mastery(o)) {
      sp.mastered = true;
      sp.mastered_at = o.finished_at;
      ++p.mastered;
      ++p.current_step;
    } else if (!o.passed || o.critical_errors > 0) {
      // a practice pass is neither mastery nor a failure: it sends nobody to remediation
      owes_remedial = !step.remedial.empty();
    }
  }
  if (p.current_step >= curriculum.steps.size()) {
    p.next = NextKind::Done;
  } else if (owes_remedial) {
    p.next = NextKind::Remedial;
    p.next_scenario = curriculum.steps[p.current_step].remedial;
  } else {
    p.next = NextKind::Step;
    p.next_scenario = curriculum.steps[p.current_step].scenario;
  }
  return p;
}

bool may_attempt(const CurriculumProgress& progress, const std::string& scenario_id) {
  return progress.next != NextKind::Done && progress.next_scenario == scenario_id;
}

}  // namespace tractus::scenarios
