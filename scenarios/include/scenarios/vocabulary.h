// The closed vocabularies shared by scenario files, action files and the UI: screening
// questions a trainee can ask, the contraindications and precautions of DESIGN.md section 4,
// and patient reactions. Closed lists let the loader refuse a misspelt name loudly and let the
// UI offer menus instead of free text.
#pragma once

#include <string>
#include <vector>

namespace tractus::scenarios {

/// One entry of a vocabulary: its id and a label a clinician would read.
struct Term {
  const char* id;
  const char* label;
};

/// Screening questions for `ask`. The label is the question as the trainee asks it.
const std::vector<Term>& screening_questions();
/// Contraindications (treatment must be declined) and precautions (treatment must be adapted),
/// the valid reasons of `decline_treatment` and of a scenario's `safety.contraindication`.
const std::vector<Term>& contraindications();
const std::vector<Term>& precautions();
/// Patient reactions that scenario events and the instructor's `trigger_reaction` can provoke.
const std::vector<Term>& reactions();

/// True when id is in terms.
bool has_term(const std::vector<Term>& terms, const std::string& id);
/// The label for id, or id itself when unknown.
std::string term_label(const std::vector<Term>& terms, const std::string& id);
/// The ids of terms joined with ", ", for error messages.
std::string term_ids(const std::vector<Term>& terms);

}  // namespace tractus::scenarios
