// The patient's answers: findings the scenario hides behind questions, else the shared lines
// of the dialogue table (patient_dialogue.h).
#include "scenarios/session.h"

#include <algorithm>

#include "session_detail.h"
#include "patient_dialogue.h"
#include "scenarios/display_names.h"

namespace tractus::scenarios {

using hal::TableState;
using namespace session_detail;

std::string Session::answer(const std::string& question) {
  std::string reply;
  for (const HiddenFinding& f : scenario_.findings) {
    if (std::find(f.questions.begin(), f.questions.end(), question) == f.questions.end()) continue;
    if (std::find(revealed_.begin(), revealed_.end(), f.id) == revealed_.end()) {
      revealed_.push_back(f.id);
      log("finding", "finding", "Finding: " + finding_display_name(f.id, f.answer));
    }
    reply += (reply.empty() ? "" : " ") + f.answer;
  }
  if (!reply.empty()) return reply;
  if (question == "pain_now")
    return dialogue::fill(dialogue::Line::PainNow, std::to_string(patient_.pain_0_10));
  if (question == "medications") {
    if (scenario_.patient.medications.empty()) return dialogue::text(dialogue::Line::NoMedications);
    std::string list;
    for (const std::string& m : scenario_.patient.medications) list += (list.empty() ? "" : ", ") + m;
    return dialogue::fill(dialogue::Line::Medications, list);
  }
  if (question == "previous_traction") return dialogue::text(dialogue::Line::PreviousTraction);
  if (question == "surgery_history") return dialogue::text(dialogue::Line::SurgeryHistory);
  return dialogue::text(dialogue::Line::NothingLikeThat);
}

std::string Session::check_in_reply() const {
  const TableState s = rig_.display().state;
  const bool traction = s == TableState::Treating || s == TableState::Releasing;
  using dialogue::Line;
  if (patient_.pain_0_10 >= 7) return dialogue::text(Line::CheckInSharp);
  if (patient_.anxiety_0_10 >= 7) return dialogue::text(Line::CheckInAnxious);
  if (!traction) return dialogue::text(patient_.anxiety_0_10 >= 4 ? Line::CheckInNervous : Line::CheckInFine);
  if (patient_.pain_0_10 >= 5) return dialogue::text(Line::CheckInSore);
  return dialogue::text(Line::CheckInStretch);
}

}  // namespace tractus::scenarios
