// [SECTION] the debrief: verdict and exports across the top, checklist / timeline / questions
// on the left, and on the right the session's 3D replay above a timeline scrubber and plots,
// all showing the same moment. Clicking a checklist time, a timeline entry or a plot moves
// that moment.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include <imgui.h>
#include <nlohmann/json.hpp>

#include "render/console_text.h"
#include "render/gl.h"
#include "render/table_scene.h"
#include "render/theme.h"
#include "render/trainer_ui.h"
#include "render/units.h"
#include "render/widgets.h"
#include "scenarios/display_names.h"

namespace tractus::render {

namespace {

constexpr float kHeaderH = 96.0f;
constexpr ImGuiWindowFlags kFixed = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                    ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoCollapse;

std::string clock_text(double t_s) {
  const int s = std::max(0, static_cast<int>(t_s));
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", s / 60, s % 60);
  return buf;
}

// timeline entries that deserve a mark on the scrubber, and their colour
bool marker_colour(const std::string& kind, ImVec4& colour) {
  if (kind == "critical" || kind == "sharp_pain" || kind == "patient_stop") {
    colour = theme::kDanger;
  } else if (kind == "alarm" || kind == "fault" || kind == "reaction") {
    colour = theme::kWarn;
  } else if (kind == "action") {
    colour = theme::kAccent;
  } else {
    return false;
  }
  return true;
}

// One lane of the plot stack: a series against session time, 0 at the bottom.
struct Lane {
  const char* title;
  const char* unit;
  float height_px;
};

using SampleValue = double (*)(const scenarios::Sample&);
double target_lbf(const scenarios::Sample& x) { return x.target_lbf; }
double measured_lbf(const scenarios::Sample& x) { return x.measured_lbf; }
double cord_lbf(const scenarios::Sample& x) { return x.force_lbf; }
double pressure_mmhg(const scenarios::Sample& x) { return x.pressure_mmhg; }
double pain(const scenarios::Sample& x) { return x.pain_0_10; }

// the largest value of a series over the whole session, at least floor
double series_max(const std::vector<scenarios::Sample>& s, SampleValue value, double floor) {
  double m = floor;
  for (const scenarios::Sample& x : s) m = std::max(m, value(x));
  return m;
}

// draws a polyline of value over [0, end_s] in the box; y from 0 to y_max
void lane_line(ImDrawList* dl, const std::vector<scenarios::Sample>& s, SampleValue value, double y_max,
               double end_s, ImVec2 p0, ImVec2 size, ImU32 colour, float thickness) {
  if (s.size() < 2 || end_s <= 0.0 || y_max <= 0.0) return;
  // at most two points per pixel column
  const std::size_t step = std::max<std::size_t>(1, s.size() / static_cast<std::size_t>(std::max(1.0f, size.x * 2.0f)));
  ImVec2 prev;
  bool have_prev = false;
  for (std::size_t i = 0; i < s.size(); i += step) {
    const float x = p0.x + static_cast<float>(s[i].t_s / end_s) * size.x;
    const float y = p0.y + size.y - static_cast<float>(std::clamp(value(s[i]) / y_max, 0.0, 1.0)) * size.y;
    const ImVec2 pt(x, y);
    if (have_prev) dl->AddLine(prev, pt, colour, thickness);
    prev = pt;
    have_prev = true;
  }
}

}  // namespace

void TrainerUi::draw_debrief(const FrameInput& in, UiRequests& out) {
  const ImGuiIO& io = ImGui::GetIO();
  const scenarios::Report* report = in.report;
  const scenarios::ReplayTrace* film = in.film;
  const float top = toolbar_height_px_;
  const float w = io.DisplaySize.x;
  const float h = io.DisplaySize.y;

  // a new film (a new session, or an opened record) starts at the beginning, paused
  if (film != debrief_film_seen_) {
    debrief_film_seen_ = film;
    debrief_t_s_ = 0.0;
    debrief_playing_ = false;
    debrief_prompts_.clear();
    // from the side the carriage travel and the patient are both in view
    camera_.apply(CameraPreset::Side);
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
      ImGui::TextWrapped("Highest force %.1f lbf; %.1f s above the safe limit.", report->max_force_lbf,
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

  // [SECTION] right: the 3D replay (no window: the scene shows through) and the scrubber
  const float right_x = left_w;
  const float right_w = w - left_w;
  const float body_h = h - body_top;
  const float bottom_h = std::clamp(body_h * 0.52f, 250.0f, 330.0f);
  replay_rect_px_[0] = right_x;
  replay_rect_px_[1] = body_top;
  replay_rect_px_[2] = right_w;
  replay_rect_px_[3] = std::max(1.0f, body_h - bottom_h);

  const scenarios::TraceFrame* frame = film_ready ? film->frame_at(static_cast<int64_t>(debrief_t_s_ * 1e6)) : nullptr;
  ImGui::SetNextWindowPos(ImVec2(right_x + 10.0f, body_top + 10.0f));
  ImGui::SetNextWindowBgAlpha(0.88f);
  ImGui::Begin("Replay readout", nullptr, kFixed | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing |
                                              ImGuiWindowFlags_NoNav);
  if (film == nullptr) {
    ImGui::TextDisabled("No replay for this session.");
  } else if (!film->ok()) {
    ImGui::TextColored(theme::kDanger, "No replay: %s", film->error().c_str());
  } else if (!film->done()) {
    ImGui::TextUnformatted("Preparing the 3D replay");
    ImGui::ProgressBar(static_cast<float>(film->progress()), ImVec2(260.0f, 0.0f));
    widgets_.record_last_item("debrief.film_progress");
  } else if (frame != nullptr) {
    const ForceUnit u = inputs_.unit;
    ImGui::Text("Replay %s / %s", clock_text(debrief_t_s_).c_str(), clock_text(end_s).c_str());
    hal::DisplayState shown;
    shown.state = frame->table_state;
    shown.alarm_code = frame->alarm_code;
    ImGui::Text("Table       %s", status_label(shown));
    ImGui::Text("Console     %5.1f %s (target %.1f)", to_display(frame->measured_force_n, u), unit_label(u),
                to_display(frame->target_force_n, u));
    ImGui::Text("Cord        %5.1f %s", to_display(static_cast<float>(frame->twin.cord_tension_n), u), unit_label(u));
    if (frame->alarm_code != 0)
      ImGui::TextColored(theme::kDanger, "Alarm %u: %s", static_cast<unsigned>(frame->alarm_code),
                         scenarios::alarm_display_name(frame->alarm_code).c_str());
  }
  ImGui::End();

  ImGui::SetNextWindowPos(ImVec2(right_x, h - bottom_h));
  ImGui::SetNextWindowSize(ImVec2(right_w, bottom_h));
  ImGui::Begin("Replay controls", nullptr, kFixed | ImGuiWindowFlags_NoScrollbar);
  if (film_ready && session != nullptr) {
    // transport: play, step, speed
    if (ImGui::Button(debrief_playing_ ? "Pause" : "Play", ImVec2(70.0f, 0.0f))) {
      if (!debrief_playing_ && debrief_t_s_ >= end_s) debrief_t_s_ = 0.0;
      debrief_playing_ = !debrief_playing_;
    }
    widgets_.record_last_item("debrief.play");
    ImGui::SameLine();
    if (ImGui::Button("-5 s")) debrief_t_s_ = std::max(0.0, debrief_t_s_ - 5.0);
    ImGui::SameLine();
    if (ImGui::Button("+5 s")) debrief_t_s_ = std::min(end_s, debrief_t_s_ + 5.0);
    widgets_.record_last_item("debrief.forward");
    for (int speed : {1, 10, 60}) {
      ImGui::SameLine();
      char label[8];
      std::snprintf(label, sizeof label, "%dx", speed);
      const bool on = debrief_play_speed_ == speed;
      if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_HeaderActive));
      if (ImGui::Button(label)) debrief_play_speed_ = speed;
      if (on) ImGui::PopStyleColor();
    }
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%s / %s", clock_text(debrief_t_s_).c_str(), clock_text(end_s).c_str());

    // the plot stack shares one time axis with the scrubber track above it
    const std::vector<scenarios::Sample>& s = session->series();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float axis_w = 46.0f;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float track_x = origin.x + axis_w;
    const float track_w = std::max(10.0f, ImGui::GetContentRegionAvail().x - axis_w - 4.0f);
    const float track_h = 22.0f;
    const Lane lanes[] = {{"Force", "lbf", 0.0f}, {"Disc", "mmHg", 0.0f}, {"Pain", "0-10", 0.0f}};
    const float lanes_h = ImGui::GetContentRegionAvail().y - track_h - 6.0f;
    const float lane_h[] = {lanes_h * 0.5f, lanes_h * 0.28f, lanes_h * 0.22f};
    const ImU32 grid = ImGui::GetColorU32(ImVec4(0.80f, 0.83f, 0.87f, 1.0f));
    const ImU32 muted = ImGui::GetColorU32(theme::kMuted);

    // scrubber track with the timeline's marks
    const ImVec2 t0(track_x, origin.y);
    dl->AddRectFilled(ImVec2(t0.x, t0.y + 8.0f), ImVec2(t0.x + track_w, t0.y + 14.0f), grid, 3.0f);
    for (const scenarios::TimelineEntry& e : report->timeline) {
      ImVec4 c;
      if (!marker_colour(e.kind, c) || end_s <= 0.0) continue;
      const float x = t0.x + static_cast<float>(static_cast<double>(e.t_us) * 1e-6 / end_s) * track_w;
      const bool big = c.x == theme::kDanger.x || c.x == theme::kWarn.x;
      dl->AddLine(ImVec2(x, t0.y + (big ? 1.0f : 5.0f)), ImVec2(x, t0.y + (big ? 21.0f : 17.0f)),
                  ImGui::GetColorU32(c), big ? 2.5f : 1.0f);
    }
    // the whole stack is one seek surface: click or drag anywhere on it
    ImGui::SetCursorScreenPos(ImVec2(track_x, origin.y));
    ImGui::InvisibleButton("scrub", ImVec2(track_w, track_h + lanes_h));
    widgets_.record_last_item("debrief.scrubber");
    if (ImGui::IsItemActive() && end_s > 0.0) {
      debrief_t_s_ = std::clamp(static_cast<double>((io.MousePos.x - track_x) / track_w), 0.0, 1.0) * end_s;
    }

    // lanes
    float y = origin.y + track_h + 4.0f;
    const double force_max = series_max(s, cord_lbf, 10.0) * 1.3;  // headroom for the legend
    const double pressure_max = series_max(s, pressure_mmhg, 100.0) * 1.3;
    for (int li = 0; li < 3; ++li) {
      const ImVec2 p0(track_x, y + 2.0f);
      const ImVec2 size(track_w, lane_h[li] - 6.0f);
      dl->AddRect(p0, ImVec2(p0.x + size.x, p0.y + size.y), grid);
      char top_label[32];
      const double top_value = li == 0 ? force_max : li == 1 ? pressure_max : 10.0;
      std::snprintf(top_label, sizeof top_label, "%.0f", top_value);
      dl->AddText(ImVec2(origin.x, p0.y), muted, top_label);
      dl->AddText(ImVec2(origin.x, p0.y + size.y - ImGui::GetTextLineHeight()), muted, lanes[li].title);
      if (li == 0) {
        lane_line(dl, s, target_lbf, force_max, end_s, p0, size, ImGui::GetColorU32(theme::kTarget), 1.5f);
        lane_line(dl, s, measured_lbf, force_max, end_s, p0, size, ImGui::GetColorU32(theme::kMeasured), 1.5f);
        lane_line(dl, s, cord_lbf, force_max, end_s, p0, size, ImGui::GetColorU32(theme::kDanger), 1.0f);
        dl->AddText(ImVec2(p0.x + 6.0f, p0.y + 2.0f), muted, "target (blue), console (orange), cord (red), lbf");
      } else if (li == 1) {
        lane_line(dl, s, pressure_mmhg, pressure_max, end_s, p0, size,
                  ImGui::GetColorU32(ImVec4(0.42f, 0.25f, 0.63f, 1.0f)), 1.5f);
        dl->AddText(ImVec2(p0.x + 6.0f, p0.y + 2.0f), muted, "treated disc: nucleus pressure, mmHg");
      } else {
        lane_line(dl, s, pain, 10.0, end_s, p0, size, ImGui::GetColorU32(theme::kDanger), 1.5f);
        dl->AddText(ImVec2(p0.x + 6.0f, p0.y + 2.0f), muted, "pain, 0-10");
      }
      y += lane_h[li];
    }
    // the cursor through track and lanes
    if (end_s > 0.0) {
      const float x = track_x + static_cast<float>(debrief_t_s_ / end_s) * track_w;
      dl->AddLine(ImVec2(x, origin.y), ImVec2(x, y), ImGui::GetColorU32(ImVec4(0.1f, 0.1f, 0.12f, 0.9f)), 2.0f);
      dl->AddCircleFilled(ImVec2(x, origin.y + 11.0f), 7.0f, ImGui::GetColorU32(theme::kAccent));
    }
  } else if (film != nullptr && film->ok()) {
    ImGui::TextDisabled("The timeline and plots appear when the replay is ready.");
  }
  ImGui::End();
}

void TrainerUi::draw_course_summary(const scenarios::CourseRun& run) {
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
                cs.dose_lbf, cs.tolerance_lbf, cs.score);
    if (cs.flare) {
      ImGui::SameLine();
      ImGui::TextColored(theme::kDanger, "FLARE-UP");
    }
  }
  if (!run.done()) {
    const scenarios::CourseSession& next = run.next_session();
    ImGui::TextWrapped("Next: day %.0f, pain %.1f/10 on arrival, prescription range %.0f-%.0f lbf.", next.day,
                       next.day_pain_0_10, next.goal_min_lbf, next.goal_max_lbf);
  }
  ImGui::Separator();
}

void TrainerUi::draw_replay_scene(const FrameInput& in, int fb_w, int fb_h) {
  glViewport(0, 0, fb_w, fb_h);
  glClearColor(0.86f, 0.88f, 0.90f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
  const scenarios::ReplayTrace* film = in.film;
  if (fb_w <= 0 || fb_h <= 0 || film == nullptr || !film->ok() || film->frames().empty()) return;
  const scenarios::TraceFrame* frame = film->frame_at(static_cast<int64_t>(debrief_t_s_ * 1e6));
  const ImGuiIO& io = ImGui::GetIO();
  const float scale = io.DisplaySize.x > 0.0f ? static_cast<float>(fb_w) / io.DisplaySize.x : 1.0f;
  const int x = static_cast<int>(replay_rect_px_[0] * scale);
  const int w = std::max(1, static_cast<int>(replay_rect_px_[2] * scale));
  const int h = std::max(1, static_cast<int>(replay_rect_px_[3] * scale));
  const int y_gl = fb_h - static_cast<int>((replay_rect_px_[1] + replay_rect_px_[3]) * scale);
  glViewport(x, y_gl, w, h);
  shapes_.begin(camera_.view(), camera_.projection(static_cast<float>(w) / static_cast<float>(h)), camera_.eye());
  SceneOptions options;
  options.xray = xray_;
  scene_info_ = draw_table_scene(shapes_, film->session().rig().model(), frame->twin, options);
  shapes_.flush();
  glViewport(0, 0, fb_w, fb_h);
}

}  // namespace tractus::render
