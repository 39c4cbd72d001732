// The debrief's right side: the 3D replay's readout over the scene, and below it the
// transport (play, step, speed) and the plot stack, one seek surface with the scrubber track.
#include <algorithm>
#include <cstdio>
#include <vector>

#include <imgui.h>

#include "debrief_common.h"
#include "render/console_text.h"
#include "render/debrief_screen.h"
#include "render/force_text.h"
#include "render/theme.h"
#include "render/widgets.h"
#include "scenarios/display_names.h"
#include "scenarios/replay_trace.h"
#include "scenarios/scoring.h"
#include "scenarios/session.h"

namespace tractus::render {

using debrief::clock_text;
using debrief::kFixed;
using debrief::marker_colour;

namespace {

// One lane of the plot stack: a series against session time, 0 at the bottom.
struct Lane {
  const char* title;
  const char* unit;
  float height_px;
};

using SampleValue = double (*)(const scenarios::Sample&);
// the display edge: the force lanes read in lbf
double target_lbf(const scenarios::Sample& x) { return x.target_n / units::kNewtonsPerLbf; }
double measured_lbf(const scenarios::Sample& x) { return x.measured_n / units::kNewtonsPerLbf; }
double cord_lbf(const scenarios::Sample& x) { return x.force_n / units::kNewtonsPerLbf; }
double pressure_mmhg(const scenarios::Sample& x) { return units::mmhg_from_mpa(x.pressure_mpa); }
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

void DebriefScreen::draw_replay_panels(const FrameInput& in, ForceUnit unit, float left_w, float body_top) {
  const ImGuiIO& io = ImGui::GetIO();
  const scenarios::Report* report = in.report;
  const scenarios::ReplayTrace* film = in.film;
  const scenarios::Session* session = in.session;
  const float w = io.DisplaySize.x;
  const float h = io.DisplaySize.y;
  const double end_s = film != nullptr ? static_cast<double>(film->end_us()) * 1e-6 : 0.0;
  const bool film_ready = film != nullptr && film->ok() && film->done();

  // the 3D replay (no window: the scene shows through), its readout, and the scrubber
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
    const ForceUnit u = unit;
    ImGui::Text("Replay %s / %s", clock_text(debrief_t_s_).c_str(), clock_text(end_s).c_str());
    hal::DisplayState shown;
    shown.state = frame->table_state;
    shown.alarm_code = frame->alarm_code;
    ImGui::Text("Table       %s", status_label(shown));
    ImGui::Text("Console     %s (target %s)", force_text(frame->measured_force_n, u, 1, 5).c_str(),
                force_number(frame->target_force_n, u).c_str());
    ImGui::Text("Cord        %s", force_text(static_cast<float>(frame->twin.cord_tension_n), u, 1, 5).c_str());
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

}  // namespace tractus::render
