// The training screen's column: the chart panel (the screening questions, declining treatment
// with its reason, the treatment record, hints, and the briefing and chart below the controls)
// and the patient panel (a face that follows the patient's pain and anxiety, the bedside actions
// and what the patient said). Its width and the strip it folds to are in training_layout.cpp.
#include "render/training_screen.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include <imgui.h>

#include "render/theme.h"
#include "render/widgets.h"
#include "scenarios/scoring.h"
#include "scenarios/session.h"
#include "scenarios/vocabulary.h"

namespace tractus::render {

namespace {

scenarios::Action make(scenarios::ActionKind kind) {
  scenarios::Action a;
  a.kind = kind;
  return a;
}

void labelled(const char* label, const std::string& value) {
  if (value.empty()) return;
  ImGui::TextDisabled("%s", label);
  ImGui::SameLine(110.0f);
  ImGui::TextWrapped("%s", value.c_str());
}

// a face whose mouth and brows follow pain and anxiety (0..10)
void comfort_face(int pain, int anxiety, float radius) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const ImVec2 c(p.x + radius, p.y + radius);
  const float distress = std::clamp(static_cast<float>(std::max(pain, anxiety)) / 10.0f, 0.0f, 1.0f);
  const ImVec4 calm(0.98f, 0.85f, 0.55f, 1.0f), upset(0.95f, 0.55f, 0.45f, 1.0f);
  const ImVec4 skin(calm.x + (upset.x - calm.x) * distress, calm.y + (upset.y - calm.y) * distress,
                    calm.z + (upset.z - calm.z) * distress, 1.0f);
  dl->AddCircleFilled(c, radius, ImGui::GetColorU32(skin), 32);
  dl->AddCircle(c, radius, IM_COL32(120, 90, 60, 255), 32, 1.5f);
  const ImU32 ink = IM_COL32(60, 45, 35, 255);
  const float eye_dx = radius * 0.35f, eye_y = c.y - radius * 0.2f;
  dl->AddCircleFilled(ImVec2(c.x - eye_dx, eye_y), radius * 0.08f, ink);
  dl->AddCircleFilled(ImVec2(c.x + eye_dx, eye_y), radius * 0.08f, ink);
  // brows tilt inward with anxiety
  const float tilt = radius * 0.18f * std::clamp(static_cast<float>(anxiety) / 10.0f, 0.0f, 1.0f);
  dl->AddLine(ImVec2(c.x - eye_dx - radius * 0.15f, eye_y - radius * 0.22f),
              ImVec2(c.x - eye_dx + radius * 0.15f, eye_y - radius * 0.22f - tilt), ink, 2.0f);
  dl->AddLine(ImVec2(c.x + eye_dx - radius * 0.15f, eye_y - radius * 0.22f - tilt),
              ImVec2(c.x + eye_dx + radius * 0.15f, eye_y - radius * 0.22f), ink, 2.0f);
  // mouth: a smile that flattens and turns down with pain
  const float curve = radius * 0.25f * (1.0f - 2.0f * distress);
  const ImVec2 m0(c.x - radius * 0.4f, c.y + radius * 0.35f), m1(c.x + radius * 0.4f, c.y + radius * 0.35f);
  dl->AddBezierQuadratic(m0, ImVec2(c.x, c.y + radius * 0.35f + curve), m1, ink, 2.5f);
  ImGui::Dummy(ImVec2(2.0f * radius, 2.0f * radius));
}

// one speech bubble with the time it was said
void bubble(const scenarios::Utterance& u, float width) {
  const ImVec2 pad(10, 6);
  const float wrap = width - 2 * pad.x;
  const ImVec2 text = ImGui::CalcTextSize(u.text.c_str(), nullptr, false, wrap);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + text.x + 2 * pad.x, p.y + text.y + 2 * pad.y), IM_COL32(232, 242, 250, 255), 10.0f);
  dl->AddRect(p, ImVec2(p.x + text.x + 2 * pad.x, p.y + text.y + 2 * pad.y), IM_COL32(170, 200, 225, 255), 10.0f);
  dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(p.x + pad.x, p.y + pad.y),
              ImGui::GetColorU32(ImGuiCol_Text), u.text.c_str(), nullptr, wrap);
  ImGui::Dummy(ImVec2(text.x + 2 * pad.x, text.y + 2 * pad.y));
}

void format_time(int64_t t_us, char* out, std::size_t n) {
  const int s = static_cast<int>(t_us / 1000000);
  std::snprintf(out, n, "%02d:%02d", s / 60, s % 60);
}

}  // namespace

void TrainingScreen::draw_chart_panel(const scenarios::Session& session, UiRequests& out) {
  const ImGuiIO& io = ImGui::GetIO();
  const scenarios::Scenario& sc = session.scenario();
  const float width = training_column_w_px();
  ImGui::SetNextWindowPos(ImVec2(8.0f, kToolbarHeightPx + 8.0f));
  ImGui::SetNextWindowSize(ImVec2(width, io.DisplaySize.y * 0.5f));
  ImGui::Begin("Chart", nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoTitleBar);
  ImGui::PushFont(fonts_.heading);
  draw_fold_button();
  ImGui::TextWrapped("%s", sc.title.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopFont();
  double score = 0.0;
  if (scenarios::live_score(session, score)) {
    ImGui::TextColored(theme::kAccent, "Live score %.0f / 100 (practice)", score);
  }

  // screening questions
  ImGui::Spacing();
  ImGui::TextDisabled("Ask the patient");
  const std::vector<scenarios::Term>& questions = scenarios::screening_questions();
  if (!questions.empty()) {
    question_index_ = std::clamp(question_index_, 0, static_cast<int>(questions.size()) - 1);
    ImGui::SetNextItemWidth(-70.0f);
    widgets_.record_next_item("chart.question");
    const bool question_open = ImGui::BeginCombo("##question", questions[question_index_].label);
    if (question_open) {
      for (int i = 0; i < static_cast<int>(questions.size()); ++i) {
        if (ImGui::Selectable(questions[i].label, i == question_index_)) question_index_ = i;
        widgets_.record_last_item((std::string("chart.question.") + questions[i].id).c_str());
      }
      ImGui::EndCombo();
    }
    ImGui::SameLine();
    if (ImGui::Button("Ask", ImVec2(-1.0f, 0.0f))) {
      scenarios::Action a = make(scenarios::ActionKind::Ask);
      a.question = questions[question_index_].id;
      out.actions.push_back(a);
    }
    widgets_.record_last_item("chart.ask");
  }
  for (const std::string& id : session.revealed_findings()) {
    for (const scenarios::HiddenFinding& f : sc.findings) {
      if (f.id != id) continue;
      ImGui::PushStyleColor(ImGuiCol_Text, theme::kWarn);
      ImGui::TextWrapped("Finding: %s", f.answer.c_str());
      ImGui::PopStyleColor();
    }
  }

  // declining treatment names a contraindication or precaution
  ImGui::Spacing();
  ImGui::TextDisabled("Decline treatment because of");
  std::vector<const scenarios::Term*> reasons;
  for (const scenarios::Term& t : scenarios::contraindications()) reasons.push_back(&t);
  for (const scenarios::Term& t : scenarios::precautions()) reasons.push_back(&t);
  if (!reasons.empty()) {
    decline_index_ = std::clamp(decline_index_, 0, static_cast<int>(reasons.size()) - 1);
    ImGui::SetNextItemWidth(-90.0f);
    widgets_.record_next_item("chart.decline_reason");
    // every reason in view at once: a scrolled list hides the last contraindications
    const bool decline_open = ImGui::BeginCombo("##decline", reasons[decline_index_]->label, ImGuiComboFlags_HeightLargest);
    if (decline_open) {
      for (int i = 0; i < static_cast<int>(reasons.size()); ++i) {
        if (ImGui::Selectable(reasons[i]->label, i == decline_index_)) decline_index_ = i;
        widgets_.record_last_item((std::string("chart.decline.") + reasons[i]->id).c_str());
      }
      ImGui::EndCombo();
    }
    ImGui::SameLine();
    if (ImGui::Button("Decline", ImVec2(-1.0f, 0.0f))) {
      scenarios::Action a = make(scenarios::ActionKind::DeclineTreatment);
      a.reason = reasons[decline_index_]->id;
      out.actions.push_back(a);
    }
    widgets_.record_last_item("chart.decline");
  }
  // the treatment record
  ImGui::Spacing();
  ImGui::TextDisabled("Treatment record note");
  ImGui::SetNextItemWidth(-70.0f);
  const bool entered = ImGui::InputText("##note", note_, sizeof note_, ImGuiInputTextFlags_EnterReturnsTrue);
  widgets_.record_last_item("chart.note");
  ImGui::SameLine();
  if ((ImGui::Button("Add", ImVec2(-1.0f, 0.0f)) || entered) && note_[0] != '\0') {
    scenarios::Action a = make(scenarios::ActionKind::Note);
    a.text = note_;
    out.actions.push_back(a);
    note_[0] = '\0';
  }
  widgets_.record_last_item("chart.add_note");
  if (session.options().mode == scenarios::Mode::Practice) {
    if (ImGui::Button("Hint (costs points)")) out.actions.push_back(make(scenarios::ActionKind::RequestHint));
    widgets_.record_last_item("chart.hint");
  }

  // the briefing and chart sit below the controls, which stay in view
  ImGui::Spacing();
  if (ImGui::CollapsingHeader("Briefing and chart")) {
    // opening the chart is the review_chart action, once
    bool reviewed = false;
    for (const scenarios::RecordedAction& a : session.actions()) {
      reviewed = reviewed || a.action.kind == scenarios::ActionKind::ReviewChart;
    }
    if (!reviewed) out.actions.push_back(make(scenarios::ActionKind::ReviewChart));
    ImGui::TextWrapped("%s", sc.briefing.c_str());
    ImGui::Separator();
    const scenarios::PatientChart& p = sc.patient;
    char line[160];
    std::snprintf(line, sizeof line, "%s, %d, %s, %.0f kg, %.0f cm", p.name.c_str(), p.age_years, p.sex.c_str(),
                  p.body_mass_kg, p.height_cm);
    labelled("Patient", line);
    labelled("Complaint", p.presenting_complaint);
    labelled("Diagnosis", p.diagnosis);
    labelled("Imaging", p.imaging);
    labelled("History", p.history);
    std::string meds;
    for (const std::string& m : p.medications) meds += (meds.empty() ? "" : ", ") + m;
    labelled("Medication", meds);
    labelled("Referral", p.referral);
    labelled("Order", sc.goal.text);
  }
  widgets_.record_last_item("chart.header");
  ImGui::End();
}

void TrainingScreen::draw_patient_talk(const scenarios::Session& session, UiRequests& out) {
  const ImGuiIO& io = ImGui::GetIO();
  const float width = training_column_w_px();
  const float top = kToolbarHeightPx + 16.0f + io.DisplaySize.y * 0.5f;
  ImGui::SetNextWindowPos(ImVec2(8.0f, top));
  ImGui::SetNextWindowSize(ImVec2(width, io.DisplaySize.y - top - 8.0f));
  ImGui::Begin("Patient", nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoTitleBar);
  const scenarios::PerceivedPatient& p = session.patient();
  comfort_face(p.pain_0_10, p.anxiety_0_10, 26.0f);
  ImGui::SameLine();
  ImGui::BeginGroup();
  ImGui::PushFont(fonts_.heading);
  ImGui::TextUnformatted(session.scenario().patient.name.c_str());
  ImGui::PopFont();
  ImGui::TextDisabled("Stop switch: %s%s", p.stop_switch_in_hand ? "in hand" : "not given",
                      session.rig().twin_state().inputs.patient_stop_pressed ? " (PRESSED)" : "");
  ImGui::TextDisabled("Harness: %s", p.harness_fitted ? p.harness_quality.c_str() : "not fitted");
  ImGui::EndGroup();

  // the trainee's bedside actions
  const float third = (ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().ItemSpacing.x) / 3.0f;
  if (ImGui::Button("Explain", ImVec2(third, 0))) out.actions.push_back(make(scenarios::ActionKind::ExplainProcedure));
  widgets_.record_last_item("patient.explain");
  ImGui::SameLine();
  if (ImGui::Button("Fit harness", ImVec2(third, 0))) {
    scenarios::Action a = make(scenarios::ActionKind::FitHarness);
    a.quality = "good";
    out.actions.push_back(a);
  }
  widgets_.record_last_item("patient.fit_harness");
  ImGui::SameLine();
  if (ImGui::Button("Give switch", ImVec2(third, 0))) out.actions.push_back(make(scenarios::ActionKind::GiveStopSwitch));
  widgets_.record_last_item("patient.give_stop_switch");
  const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
  if (ImGui::Button("How do you feel?", ImVec2(half, 0))) out.actions.push_back(make(scenarios::ActionKind::CheckIn));
  widgets_.record_last_item("patient.check_in");
  ImGui::SameLine();
  if (ImGui::Button("Remove harness", ImVec2(half, 0))) out.actions.push_back(make(scenarios::ActionKind::RemoveHarness));
  widgets_.record_last_item("patient.remove_harness");
  // the console's emergency stop (it latches: pressed again, it turns back up), and the
  // drive's hand-release lever: the only way to bring the force down without power
  const bool estop = session.rig().twin_state().inputs.emergency_stop;
  if (coloured_button(estop ? "Release e-stop" : "EMERGENCY STOP",
                      estop ? theme::kMuted : ImVec4(0.62f, 0.05f, 0.05f, 1.0f), ImVec2(half, 0), true)) {
    out.actions.push_back(make(estop ? scenarios::ActionKind::ReleaseEmergencyStop : scenarios::ActionKind::EmergencyStop));
  }
  widgets_.record_last_item("patient.emergency_stop");
  ImGui::SameLine();
  if (ImGui::Button("Hand brake release", ImVec2(half, 0))) out.actions.push_back(make(scenarios::ActionKind::ReleaseBrake));
  widgets_.record_last_item("patient.release_brake");
  // the tower's pull-angle arm is set by hand at the table, not on the console
  float angle_deg = static_cast<float>(session.rig().twin_state().inputs.pull_angle_deg);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Pull angle");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-1.0f);
  if (ImGui::InputFloat("##pull_angle", &angle_deg, 1.0f, 5.0f, "%.0f deg", ImGuiInputTextFlags_EnterReturnsTrue)) {
    scenarios::Action set = make(scenarios::ActionKind::SetAngle);
    // the arm has 1-degree detents over its 0-35 degree travel
    set.value = static_cast<double>(static_cast<int>(std::clamp(angle_deg, 0.0f, 35.0f) + 0.5f));
    out.actions.push_back(set);
  }
  widgets_.record_last_item("patient.pull_angle");

  // the latest things the patient said, newest first
  ImGui::Separator();
  ImGui::BeginChild("speech", ImVec2(0, 0), false);
  const std::vector<scenarios::Utterance>& speech = session.speech();
  int shown = 0;
  for (auto it = speech.rbegin(); it != speech.rend() && shown < 6; ++it, ++shown) {
    char t[16];
    format_time(it->t_us, t, sizeof t);
    ImGui::TextDisabled("%s", t);
    bubble(*it, ImGui::GetContentRegionAvail().x);
  }
  if (speech.empty()) ImGui::TextDisabled("The patient has not said anything yet.");
  ImGui::EndChild();
  ImGui::End();
}

}  // namespace tractus::render
