// The debrief: the verdict and exports across the top and the checklist / timeline /
// questions tabs on the left; the replay's panels on the right are in debrief_replay.cpp.
//
// Sections:
//   [SECTION] state: a new film, the prompts, playback
//   [SECTION] header: verdict and exports
//   [SECTION] left column: checklist, timeline, debrief questions
//   [SECTION] course summary
#include "render/debrief_screen.h"

#include <algorithm>
#include <cstdio>

#include <imgui.h>
#include <nlohmann/json.hpp>

#include "debrief_common.h"
#include "render/theme.h"
#include "render/widgets.h"
#include "scenarios/course.h"
#include "scenarios/display_names.h"
#include "scenarios/replay_trace.h"
#include "scenarios/scoring.h"
#include "scenarios/session.h"

namespace tractus::render {

using debrief::clock_text;
using debrief::kFixed;
using debrief::marker_colour;

namespace {
constexpr float kHeaderH = 96.0f;
}  // namespace

ViewRequests DebriefScreen::draw_debrief(const FrameInput& in, ForceUnit unit, const OrbitCamera& camera, UiRequests& out) {
  ViewRequests view;
  const ImGuiIO& io = ImGui::GetIO();
  const scenarios::Report* report = in.report;
  const scenarios::ReplayTrace* film = in.film;
  const float top = kToolbarHeightPx;
  const float w = io.DisplaySize.x;
  const float h = io.DisplaySize.y;

  // [SECTION] state: a new film, the prompts, playback
  // a new film (a new session, or an opened record) starts at the beginning, paused
  if (film != debrief_film_seen_) {
    debrief_film_seen_ = film;
    debrief_t_s_ = 0.0;
    debrief_playing_ = false;
    debrief_prompts_.clear();
    // from the side the carriage travel and the patient are both in view
    OrbitCamera side = camera;
    side.apply(CameraPreset::Side);
    view.camera = side;
  }
  // the engine's structured prompts, which name this session's moments; made once per debrief
  if (debrief_prompts_.empty() && report != nullptr && in.session != nullptr) {
    const nlohmann::json p = scenarios::report_to_json(*report, *in.session, false)["debrief"]["prompts"];
    for (const char* k : {"reactions", "description", "analysis", "summary"}) {
      debrief_prompts_.push_back(p.contains(k) && p[k].is_string() ? p[k].get<std::string>() : std::string());
    }
  }
  const double end_s = film != nullptr ? static_cast<double>(film->end_us()) * 1e-6 : 0.0;
  const bool film_ready = film != nullptr && film->ok() && film->done();
  if (debrief_playing_ && film_ready) {
    debrief_t_s_ += static_cast<double>(io.DeltaTime) * debrief_play_speed_;
    if (debrief_t_s_ >= end_s) {
      debrief_t_s_ = end_s;
      debrief_playing_ = false;
    }
  }

  // [SECTION] header: verdict and exports
  ImGui::SetNextWindowPos(ImVec2(0, top));
  ImGui::SetNextWindowSize(ImVec2(w, kHeaderH));
  ImGui::Begin("Debrief header", nullptr, kFixed | ImGuiWindowFlags_NoScrollbar);
  const scenarios::Session* session = in.session;
  ImGui::PushFont(fonts_.heading);
  ImGui::TextUnformatted(session != nullptr ? session->scenario().title.c_str()
                                            : report != nullptr ? report->scenario.c_str() : "Session record");
  ImGui::PopFont();
  if (report == nullptr) {
    ImGui::TextDisabled("Replaying the session record to score it... %.0f%%", film ? film->progress() * 100.0 : 0.0);
  } else {
    ImGui::PushFont(fonts_.gauge);
    ImGui::TextColored(report->passed ? theme::kOk : theme::kDanger, "%.0f", report->score);
    ImGui::PopFont();
    widgets_.record_last_item("debrief.score");
    ImGui::SameLine();
    ImGui::BeginGroup();
    ImGui::TextColored(report->passed ? theme::kOk : theme::kDanger, "%s", report->passed ? "PASS" : "FAIL");
    if (!report->critical_errors.empty()) {
      ImGui::SameLine();
      ImGui::TextColored(theme::kDanger, " %d critical error%s", static_cast<int>(report->critical_errors.size()),
                         report->critical_errors.size() == 1 ? "" : "s");
    }
    ImGui::TextDisabled("Pass needs 80 and no critical error. %s mode, seed %llu.", report->mode.c_str(),
                        static_cast<unsigned long long>(report->seed));
    ImGui::EndGroup();
    widgets_.record_last_item("debrief.verdict");
  }
  // exports, right-aligned on the score's line
  {
    const float bw = w < 1100.0f ? 118.0f : 140.0f;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    ImGui::SetCursorPos(ImVec2(w - 4 * bw - 3 * gap - 12.0f, kHeaderH - 46.0f));
    const bool can_export = report != nullptr && session != nullptr;
    if (coloured_button("Report (JSON)", theme::kAccent, ImVec2(bw, 34.0f), can_export)) out.export_report_json = true;
    widgets_.record_last_item("debrief.export_json");
    ImGui::SameLine();
    if (coloured_button("Printable report", theme::kAccent, ImVec2(bw, 34.0f), can_export)) out.export_report_html = true;
    widgets_.record_last_item("debrief.export_html");
    ImGui::SameLine();
    if (coloured_button("Session record", theme::kAccent, ImVec2(bw, 34.0f), can_export)) out.export_record = true;
    widgets_.record_last_item("debrief.export_record");
    ImGui::SameLine();
    if (in.course != nullptr && !in.course->done()) {
      // a course goes on: the next session's button takes the place of the way out
      char next[48];
      std::snprintf(next, sizeof next, "Session %d of %d", in.course->next_session().index + 1,
                    in.course->course().course.sessions);
      if (coloured_button(next, theme::kOk, ImVec2(bw, 34.0f), true)) out.next_course_session = true;
      widgets_.record_last_item("debrief.next_session");
    } else {
      if (ImGui::Button("Back to scenarios", ImVec2(bw, 34.0f))) out.go_to = Screen::ScenarioList;
      widgets_.record_last_item("debrief.back");
    }
  }
  ImGui::End();

  // [SECTION] left column: checklist, timeline, debrief questions
  const float body_top = top + kHeaderH;
  const float left_w = std::clamp(w * 0.4f, 380.0f, 540.0f);
  ImGui::SetNextWindowPos(ImVec2(0, body_top));
  ImGui::SetNextWindowSize(ImVec2(left_w, h - body_top));
  ImGui::Begin("Debrief details", nullptr, kFixed);
  if (!in.debrief_message.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, theme::kWarn);
    ImGui::TextWrapped("%s", in.debrief_message.c_str());
    ImGui::PopStyleColor();
  }
  if (report != nullptr && ImGui::BeginTabBar("debrief tabs")) {
    // a small "at mm:ss" link that moves the replay to t_us
    // the link comes first on its line, so wrapped text never pushes it out of sight
    const auto seek_link = [&](int64_t t_us, int id) {
      if (t_us < 0) return;
      ImGui::PushID(id);
      const std::string label = "at " + clock_text(static_cast<double>(t_us) * 1e-6);
      ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
      ImGui::PushStyleColor(ImGuiCol_Text, theme::kAccent);
      if (ImGui::SmallButton(label.c_str())) debrief_t_s_ = static_cast<double>(t_us) * 1e-6;
      ImGui::PopStyleColor(2);
      ImGui::PopID();
      ImGui::SameLine();
    };
    // each tab's rectangle is its own item's, taken right after it is submitted
    const bool checklist_open = ImGui::BeginTabItem("Checklist");
    widgets_.record_last_item("debrief.tab.checklist");
    if (checklist_open) {
      debrief_tab_ = DebriefTab::Checklist;
      ImGui::BeginChild("checklist");
      if (in.course != nullptr) draw_course_summary(*in.course);
      int id = 0;
      for (const scenarios::CriticalError& c : report->critical_errors) {
        seek_link(c.t_us, id++);
        ImGui::PushStyleColor(ImGuiCol_Text, theme::kDanger);
        // the error's name, then what exactly happened in this session
        ImGui::TextWrapped("CRITICAL  %s", scenarios::critical_error_display_name(c.id).c_str());
        ImGui::PopStyleColor();
        ImGui::Indent();
        ImGui::PushStyleColor(ImGuiCol_Text, theme::kMuted);
        ImGui::TextWrapped("%s", c.message.c_str());
        ImGui::PopStyleColor();
        ImGui::Unindent();
      }
      if (!report->critical_errors.empty()) ImGui::Separator();
      for (const scenarios::ItemScore& item : report->items) {
        const bool earned = item.earned >= item.weight - 1e-9;
        ImGui::TextColored(earned ? theme::kOk : theme::kWarn, "%s", earned ? "[done]" : "[missed]");
        ImGui::SameLine();
        seek_link(item.t_us, id++);
        ImGui::TextWrapped("%s  (%.1f / %.1f)", item.label.c_str(), item.earned, item.weight);
        if (!earned && !item.expected.empty()) {
          ImGui::Indent();
          ImGui::TextWrapped("Expected: %s", item.expected.c_str());
          if (!item.why.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, theme::kMuted);
            ImGui::TextWrapped("Why: %s", item.why.c_str());
            ImGui::PopStyleColor();
          }
          ImGui::Unindent();
        }
      }
      ImGui::Separator();
      ImGui::TextWrapped("Highest force %.1f lbf; %.1f s above the safe limit.", report->max_force_n / units::kNewtonsPerLbf,
                         report->time_outside_safe_band_s);
      for (const scenarios::StopMetric& m : report->time_to_stop) {
        if (m.time_to_stop_s >= 0.0) {
          ImGui::TextWrapped("Stopped %.1f s after the stop signal at %s.", m.time_to_stop_s, clock_text(m.t_s).c_str());
        } else {
          ImGui::TextColored(theme::kDanger, "Traction was not stopped after the stop signal at %s.",
                             clock_text(m.t_s).c_str());
        }
      }
      ImGui::EndChild();
      ImGui::EndTabItem();
    }
    const bool timeline_open = ImGui::BeginTabItem("Timeline");
    widgets_.record_last_item("debrief.tab.timeline");
    if (timeline_open) {
      debrief_tab_ = DebriefTab::Timeline;
      ImGui::BeginChild("timeline");
      const int64_t cursor_us = static_cast<int64_t>(debrief_t_s_ * 1e6);
      const std::vector<scenarios::TimelineEntry>& tl = report->timeline;
      // the entry the replay is at: the last one at or before the cursor
      std::size_t current = tl.size();
      for (std::size_t i = 0; i < tl.size() && tl[i].t_us <= cursor_us; ++i) current = i;
      for (std::size_t i = 0; i < tl.size(); ++i) {
        const scenarios::TimelineEntry& e = tl[i];
        ImVec4 colour = ImGui::GetStyleColorVec4(ImGuiCol_Text);
        ImVec4 mark;
        if (marker_colour(e.kind, mark) && mark.x == theme::kDanger.x) colour = theme::kDanger;
        ImGui::PushID(static_cast<int>(i));
        const std::string label = clock_text(static_cast<double>(e.t_us) * 1e-6) + "  " + e.text;
        ImGui::PushStyleColor(ImGuiCol_Text, colour);
        ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x);
        if (ImGui::Selectable(label.c_str(), i == current)) debrief_t_s_ = static_cast<double>(e.t_us) * 1e-6;
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        if (i == current && debrief_playing_) ImGui::SetScrollHereY(0.5f);
        ImGui::PopID();
      }
      ImGui::EndChild();
      ImGui::EndTabItem();
    }
    const bool questions_open = ImGui::BeginTabItem("Questions");
    widgets_.record_last_item("debrief.tab.questions");
    if (questions_open) {
      debrief_tab_ = DebriefTab::Questions;
      ImGui::TextWrapped("Talk these through with your instructor, in order. Scrub the replay to the "
                         "moments you discuss.");
      ImGui::Spacing();
      const char* titles[] = {"Reactions", "Description", "Analysis", "Summary"};
      for (std::size_t i = 0; i < debrief_prompts_.size() && i < 4; ++i) {
        ImGui::PushFont(fonts_.heading);
        ImGui::TextUnformatted(titles[i]);
        ImGui::PopFont();
        ImGui::TextWrapped("%s", debrief_prompts_[i].c_str());
        ImGui::Spacing();
      }
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
  ImGui::End();

  draw_replay_panels(in, unit, left_w, body_top);
  return view;
}

// [SECTION] course summary
void DebriefScreen::draw_course_summary(const scenarios::CourseRun& run) {
  const scenarios::CourseReport& r = run.report();
  const int total = run.course().course.sessions;
  ImGui::PushFont(fonts_.heading);
  ImGui::Text("Course of care: %d of %d sessions", static_cast<int>(r.sessions.size()), total);
  ImGui::PopFont();
  widgets_.record_last_item("debrief.course");
  if (run.done()) {
    ImGui::TextColored(r.passed ? theme::kOk : theme::kDanger, "Course %s with %.0f (mean of the sessions)",
                       r.passed ? "passed" : "failed", r.score);
  } else {
    ImGui::TextDisabled("Course score so far %.0f. A course passes with every session safe.", r.score);
  }
  // one line per session: day, dose against the tolerance going in, flare-ups in red
  for (const scenarios::CourseSession& cs : r.sessions) {
    const ImVec4 c = cs.flare ? theme::kDanger : cs.passed ? theme::kOk : theme::kWarn;
    ImGui::TextColored(c, "%2d", cs.index + 1);
    ImGui::SameLine(30.0f);
    ImGui::Text("day %2.0f  pain %.1f  dose %4.1f lbf (tolerated %.0f)  %3.0f", cs.day, cs.day_pain_0_10,
                cs.dose_n / units::kNewtonsPerLbf, cs.tolerance_n / units::kNewtonsPerLbf, cs.score);
    if (cs.flare) {
      ImGui::SameLine();
      ImGui::TextColored(theme::kDanger, "FLARE-UP");
    }
  }
  if (!run.done()) {
    const scenarios::CourseSession& next = run.next_session();
    ImGui::TextWrapped("Next: day %.0f, pain %.1f/10 on arrival, prescription range %.0f-%.0f lbf.", next.day,
                       next.day_pain_0_10, next.goal_min_n / units::kNewtonsPerLbf,
                       next.goal_max_n / units::kNewtonsPerLbf);
  }
  ImGui::Separator();
}

}  // namespace tractus::render
