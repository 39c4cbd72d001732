#include "patient_role_play.h"

#include <algorithm>

#include "scenarios/display_names.h"
#include "scenarios/engine_rules.h"

namespace tractus::scenarios {

using dialogue::Line;

namespace {

int round_0_10(double v) {
  const int r = static_cast<int>(v + 0.5);
  return r < 0 ? 0 : (r > 10 ? 10 : r);
}

}  // namespace

int anxiety_0_10_from_twin(double anxiety_0_1) { return round_0_10(anxiety_0_1 * 10.0); }

int pain_0_10_from_twin(double pain_0_10) { return round_0_10(pain_0_10); }

PatientRolePlay::PatientRolePlay(const Scenario& scenario)
    : lines_(dialogue::lines_with(scenario.dialogue)) {}

// [SECTION] how the patient feels

void PatientRolePlay::feel(const twin::PatientState& body) {
  // the twin's physiology and the scenario's script both set how the patient feels
  const double worst = body.pain_back > body.pain_radicular ? body.pain_back : body.pain_radicular;
  perceived_.pain_0_10 = std::max(scripted_pain_, pain_0_10_from_twin(worst));
  perceived_.anxiety_0_10 = std::max(scripted_anxiety_, anxiety_0_10_from_twin(body.anxiety));
}

void PatientRolePlay::set_scripted(int pain_0_10, int anxiety_0_10) {
  if (pain_0_10 >= 0) perceived_.pain_0_10 = scripted_pain_ = pain_0_10;
  if (anxiety_0_10 >= 0) perceived_.anxiety_0_10 = scripted_anxiety_ = anxiety_0_10;
}

// [SECTION] answers and check-ins

std::string PatientRolePlay::answer(const std::string& question, const Scenario& scenario,
                                    Recorder& recorder, int64_t t_us) {
  std::string reply;
  for (const HiddenFinding& f : scenario.findings) {
    if (std::find(f.questions.begin(), f.questions.end(), question) == f.questions.end()) continue;
    if (std::find(revealed_.begin(), revealed_.end(), f.id) == revealed_.end()) {
      revealed_.push_back(f.id);
      recorder.log(t_us, "finding", "finding", "Finding: " + finding_display_name(f.id, f.answer));
    }
    reply += (reply.empty() ? "" : " ") + f.answer;
  }
  if (!reply.empty()) return reply;
  if (question == "pain_now") return lines_.fill(Line::PainNow, std::to_string(perceived_.pain_0_10));
  if (question == "medications") {
    if (scenario.patient.medications.empty()) return lines_.text(Line::NoMedications);
    std::string list;
    for (const std::string& m : scenario.patient.medications) list += (list.empty() ? "" : ", ") + m;
    return lines_.fill(Line::Medications, list);
  }
  if (question == "previous_traction") return lines_.text(Line::PreviousTraction);
  if (question == "surgery_history") return lines_.text(Line::SurgeryHistory);
  return lines_.text(Line::NothingLikeThat);
}

std::string PatientRolePlay::check_in_reply(hal::TableState s) const {
  const bool traction = s == hal::TableState::Treating || s == hal::TableState::Releasing;
  const PerceivedPatient& p = perceived_;
  if (p.pain_0_10 >= kSharpPain_0_10) return lines_.text(Line::CheckInSharp);
  if (p.anxiety_0_10 >= 7) return lines_.text(Line::CheckInAnxious);
  if (!traction) return lines_.text(p.anxiety_0_10 >= 4 ? Line::CheckInNervous : Line::CheckInFine);
  if (p.pain_0_10 >= 5) return lines_.text(Line::CheckInSore);
  return lines_.text(Line::CheckInStretch);
}

// [SECTION] reactions

Reaction PatientRolePlay::react(const std::string& reaction, const std::string& line,
                                bool stop_switch_connected) {
  Reaction r;
  const auto speak = [&](Line fallback) { r.says = line.empty() ? lines_.text(fallback) : line; };
  if (reaction == "sharp_pain") {
    scripted_pain_ = std::max(scripted_pain_, 8);
    perceived_.pain_0_10 = std::max(perceived_.pain_0_10, scripted_pain_);
    speak(Line::SharpPain);
    r.log_kind = r.stop_trigger = "sharp_pain";
    r.log_text = "the patient reports sharp radiating pain";
  } else if (reaction == "panic") {
    perceived_.anxiety_0_10 = scripted_anxiety_ = 9;
    r.presses_stop = perceived_.stop_switch_in_hand && stop_switch_connected;
    if (r.presses_stop) {
      speak(Line::PanicPressesStop);
      r.log_kind = r.stop_trigger = "patient_stop";
      r.log_text = "the patient pressed the stop switch";
    } else {
      speak(Line::PanicShouts);
      r.log_kind = r.stop_trigger = "stop_request";
      r.log_text = "the patient shouts to stop: no stop switch in reach";
    }
  } else if (reaction == "cough") {
    r.coughs = true;  // the trunk muscles fire: the cord tension and disc pressure spike
    speak(Line::Cough);
  } else if (reaction == "shift") {
    speak(Line::Shift);
  } else if (reaction == "guarding") {
    scripted_pain_ = std::min(10, perceived_.pain_0_10 + 2);
    perceived_.pain_0_10 = scripted_pain_;
    speak(Line::Guarding);
  } else if (reaction == "soreness") {
    speak(Line::Soreness);
  }
  return r;
}

// [SECTION] the bedside: harness, stop switch, explanation

const std::string& PatientRolePlay::on_harness_slip() {
  scripted_anxiety_ = std::max(scripted_anxiety_, 6);
  perceived_.anxiety_0_10 = std::max(perceived_.anxiety_0_10, scripted_anxiety_);
  return lines_.text(perceived_.harness_fitted ? Line::SlipFitted : Line::SlipUnfastened);
}

const std::string& PatientRolePlay::on_explained() {
  scripted_anxiety_ = std::max(0, scripted_anxiety_ - 3);
  perceived_.anxiety_0_10 = std::max(0, perceived_.anxiety_0_10 - 3);
  return lines_.text(Line::ProcedureExplained);
}

void PatientRolePlay::fit_harness(const std::string& quality) {
  perceived_.harness_fitted = true;
  perceived_.harness_quality = quality;
}

bool PatientRolePlay::lets_go_of_stop(int64_t now_us) {
  if (stop_release_at_us_ < 0 || now_us < stop_release_at_us_) return false;
  stop_release_at_us_ = -1;
  return true;
}

}  // namespace tractus::scenarios
