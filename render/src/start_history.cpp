// The start screen's saved data: the trainee's name, the offer to resume a session a
// reload left, and the history list, whose rows open their debrief. Every user-supplied string
// is clipped to one line, so no saved value can stretch the screen.
#include <algorithm>
#include <cstdio>

#include <imgui.h>

#include "render/start_screen.h"
#include "render/text_clip.h"
#include "render/theme.h"
#include "render/widgets.h"

namespace tractus::render {

namespace {
// rows of the history list shown before it scrolls
constexpr int kHistoryRowsShown = 4;

std::string mm_ss(double seconds) {
  const int s = seconds > 0.0 ? static_cast<int>(seconds) : 0;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", s / 60, s % 60);
  return buf;
}
}  // namespace

std::string resume_offer_where(const ResumeOffer& offer) {
  const std::string at = " at " + mm_ss(offer.left_at_s);
  if (offer.course_sessions <= 0) return at;
  char which[64];
  std::snprintf(which, sizeof which, ": %sSession %d of %d", offer.between_sessions ? "after " : "",
                offer.course_session, offer.course_sessions);
  return which + (offer.between_sessions ? std::string() : at);
}

void StartScreen::draw_resume_offer(const ResumeOffer& offer, UiRequests& out) {
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.90f, 0.95f, 0.98f, 1.0f));
  ImGui::PushStyleColor(ImGuiCol_Border, theme::kAccent);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(12, 8));
  const float row_h = ImGui::GetFrameHeightWithSpacing();
  ImGui::BeginChild("resume", ImVec2(0.0f, ImGui::GetTextLineHeightWithSpacing() + row_h + 18.0f), true,
                    ImGuiWindowFlags_NoScrollbar);
  const bool course = offer.course_sessions > 0;
  if (course) {
    ImGui::Text("A course of care was left unfinished when the page was closed: %d of %d sessions done.",
                offer.course_finished, offer.course_sessions);
  } else {
    ImGui::TextUnformatted("A training session was left unfinished when the page was closed or reloaded.");
  }
  const float discard_w = 90.0f;
  const float resume_w = ImGui::GetContentRegionAvail().x - discard_w - ImGui::GetStyle().ItemSpacing.x;
  // the session it returns to is never clipped, only the title
  const std::string at = resume_offer_where(offer);
  const std::string label =
      "Resume " + clip_to_width(offer.title, resume_w - ImGui::CalcTextSize(("Resume " + at).c_str()).x - 24.0f) + at;
  if (coloured_button((label + "##resume").c_str(), theme::kAccent, ImVec2(resume_w, 0.0f), true))
    out.resume_session = true;
  widgets_.record_last_item("start.resume");
  ImGui::SameLine();
  if (ImGui::Button("Discard", ImVec2(discard_w, 0.0f))) out.resume_session = false;
  widgets_.record_last_item("start.discard_resume");
  ImGui::EndChild();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor(2);
}

void StartScreen::draw_saved_data(const FrameInput& in, UiRequests& out) {
  ImGui::Spacing();
  ImGui::Separator();
  if (in.resume_offer != nullptr) draw_resume_offer(*in.resume_offer, out);
  // the field follows the saved name when it changes (an import may replace it)
  if (!trainee_loaded_ || in.trainee != trainee_seen_) {
    std::snprintf(trainee_, sizeof trainee_, "%s", in.trainee.c_str());
    trainee_seen_ = in.trainee;
    trainee_loaded_ = true;
  }
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Trainee");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-80.0f);
  ImGui::InputTextWithHint("##trainee", "your name", trainee_, sizeof trainee_);
  widgets_.record_last_item("start.trainee");
  ImGui::SameLine();
  if (ImGui::Button("Save", ImVec2(-1.0f, 0.0f))) out.set_trainee = std::string(trainee_);
  widgets_.record_last_item("start.save_trainee");
  const float width = ImGui::GetContentRegionAvail().x;
  // messages are clipped too: a hostile file name or reason never pushes the buttons away
  if (!in.storage_message.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, theme::kDanger);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextUnformatted(clip_bytes(in.storage_message, 400).c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    widgets_.record_last_item("start.storage_message");
  } else if (!in.history_notice.empty()) {
    ImGui::TextColored(theme::kOk, "%s", clip_to_width(in.history_notice, width).c_str());
    widgets_.record_last_item("start.history_notice");
  }

  const int n = in.history != nullptr ? static_cast<int>(in.history->size()) : 0;
  if (n == 0) {
    ImGui::TextDisabled("No training sessions saved in this browser yet.");
  } else {
    ImGui::TextDisabled("Recent sessions (%d saved in this browser)%s", n,
                        n > kHistoryRowsShown ? ", newest first: scroll for more" : "");
    const float row_h = ImGui::GetTextLineHeightWithSpacing();
    // exactly the rows shown: no sliver of the next one peeks in
    const float list_h =
        row_h * static_cast<float>(std::min(n, kHistoryRowsShown)) - ImGui::GetStyle().ItemSpacing.y + 1.0f;
    ImGui::BeginChild("history_list", ImVec2(0.0f, list_h), false);
    const float score_w = ImGui::CalcTextSize("100 pass  ").x;
    for (int i = n - 1; i >= 0; --i) {
      const HistoryRow& h = (*in.history)[i];
      ImGui::PushID(i);
      const ImVec2 p0 = ImGui::GetCursorScreenPos();
      const float row_w = ImGui::GetContentRegionAvail().x;
      if (h.replayable) {
        // no overlap flag: with it ImGui ignores a click on a row the pointer has only just
        // reached (a tap, or a fast click coming from another button)
        if (ImGui::Selectable("##open", false, 0, ImVec2(row_w, 0.0f)))
          out.open_history_entry = i;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Open this session's debrief");
      } else {
        ImGui::Dummy(ImVec2(row_w, ImGui::GetTextLineHeight()));
        if (ImGui::IsItemHovered())
          ImGui::SetTooltip(h.unknown_scenario ? "This scenario is not in this trainer's library"
                                               : "No replay: this session was saved without its record");
      }
      char id[40];
      std::snprintf(id, sizeof id, "start.history.row.%d", i);
      widgets_.record_last_item(id);
      // the row's text is drawn over its selectable, from the row's left edge
      ImGui::SameLine();
      ImGui::SetCursorScreenPos(p0);
      ImGui::TextColored(h.passed ? theme::kOk : theme::kDanger, "%3.0f %s", h.score, h.passed ? "pass" : "fail");
      ImGui::SameLine();
      ImGui::SetCursorScreenPos(ImVec2(p0.x + score_w, p0.y));
      const std::string tail = " (" + h.mode + ") " + h.finished_at.substr(0, 10) +
                               (h.unknown_scenario ? "  unknown scenario" : "");
      const float tail_w = ImGui::CalcTextSize(tail.c_str()).x;
      const std::string title = clip_to_width(h.title, row_w - score_w - tail_w - 8.0f);
      if (h.replayable) {
        ImGui::TextUnformatted((title + tail).c_str());
      } else {
        ImGui::TextDisabled("%s", (title + tail).c_str());
      }
      ImGui::PopID();
    }
    ImGui::EndChild();
  }
  widgets_.record_last_item("start.history");
  if (ImGui::Button("Export history")) out.export_history = true;
  widgets_.record_last_item("start.export");
  ImGui::SameLine();
  if (ImGui::Button("Import history...")) out.import_history = true;
  widgets_.record_last_item("start.import");
}

}  // namespace tractus::render
