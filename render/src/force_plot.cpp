#include "render/force_plot.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "render/theme.h"
#include "render/units.h"

namespace tractus::render {

namespace {
// a "nice" grid step (1, 2 or 5 times a power of ten) giving about `target` lines
float nice_step(float span, int target) {
  const float raw = span / static_cast<float>(target);
  const float mag = std::pow(10.0f, std::floor(std::log10(raw)));
  const float norm = raw / mag;
  return (norm < 1.5f ? 1.0f : norm < 3.5f ? 2.0f : norm < 7.5f ? 5.0f : 10.0f) * mag;
}
}  // namespace

void draw_force_plot(const ForceHistory& history, float axis_max_n, ForceUnit unit,
                     float window_s, ImVec2 size) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 target_col = ImGui::GetColorU32(theme::kTarget);
  const ImU32 measured_col = ImGui::GetColorU32(theme::kMeasured);
  const ImU32 label = ImGui::GetColorU32(theme::kMuted);

  // legend on its own line above the plot, so it never hides a trace
  {
    const ImVec2 l = ImGui::GetCursorScreenPos();
    const float mid = l.y + 0.5f * ImGui::GetTextLineHeight();
    dl->AddLine(ImVec2(l.x + 44, mid), ImVec2(l.x + 62, mid), target_col, 2.0f);
    dl->AddText(ImVec2(l.x + 68, l.y), label, "target");
    dl->AddLine(ImVec2(l.x + 140, mid), ImVec2(l.x + 158, mid), measured_col, 2.0f);
    char legend[48];
    std::snprintf(legend, sizeof legend, "measured force (%s)", unit_label(unit));
    dl->AddText(ImVec2(l.x + 164, l.y), label, legend);
    ImGui::Dummy(ImVec2(size.x, ImGui::GetTextLineHeight()));
    size.y -= ImGui::GetTextLineHeightWithSpacing();
  }
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float label_w = 44.0f, label_h = ImGui::GetTextLineHeight() + 4.0f;
  const ImVec2 p0(origin.x + label_w, origin.y + 4.0f);
  const ImVec2 p1(origin.x + size.x, origin.y + size.y - label_h);
  dl->AddRectFilled(p0, p1, IM_COL32(255, 255, 255, 255), 4.0f);

  const double t_end_s = history.size() > 0 ? history.newest().t_s : 0.0;
  const double t_start_s = std::max(0.0, t_end_s - window_s);
  const double span_s = std::max(window_s, static_cast<float>(t_end_s - t_start_s));
  float max_display = to_display(axis_max_n, unit);
  for (std::size_t i = 0; i < history.size(); ++i) {
    const ForceSample& s = history.at(i);
    if (s.t_s >= t_start_s) max_display = std::max(max_display, to_display(s.measured_n, unit));
  }
  max_display *= 1.1f;
  // about four grid lines, fewer on a short plot so their labels never crowd (22 px apiece)
  const int y_lines = std::clamp(static_cast<int>((p1.y - p0.y) / 22.0f), 2, 4);
  const float step = nice_step(max_display, y_lines);

  auto to_screen = [&](double t_s, float value) {
    const float x = p0.x + static_cast<float>((t_s - t_start_s) / span_s) * (p1.x - p0.x);
    const float y = p1.y - (value / max_display) * (p1.y - p0.y);
    return ImVec2(x, std::clamp(y, p0.y, p1.y));
  };

  // grid and labels
  const ImU32 grid = IM_COL32(226, 230, 235, 255);
  char text[32];
  for (float v = 0.0f; v <= max_display; v += step) {
    const float y = to_screen(t_start_s, v).y;
    dl->AddLine(ImVec2(p0.x, y), ImVec2(p1.x, y), grid);
    std::snprintf(text, sizeof text, "%.0f", v);
    dl->AddText(ImVec2(origin.x, y - ImGui::GetTextLineHeight() * 0.5f), label, text);
  }
  const float t_step = nice_step(static_cast<float>(span_s), 4);
  for (double t = std::ceil(t_start_s / t_step) * t_step; t <= t_start_s + span_s; t += t_step) {
    const float x = to_screen(t, 0.0f).x;
    dl->AddLine(ImVec2(x, p0.y), ImVec2(x, p1.y), grid);
    std::snprintf(text, sizeof text, "%.0f s", t);
    const float text_w = ImGui::CalcTextSize(text).x;
    if (x + 0.5f * text_w <= origin.x + size.x) dl->AddText(ImVec2(x - 0.5f * text_w, p1.y + 2.0f), label, text);
  }

  // series: target then measured on top
  for (int series = 0; series < 2; ++series) {
    ImVec2 prev;
    bool have_prev = false;
    for (std::size_t i = 0; i < history.size(); ++i) {
      const ForceSample& s = history.at(i);
      if (s.t_s < t_start_s) continue;
      const float v = to_display(series == 0 ? s.target_n : s.measured_n, unit);
      const ImVec2 p = to_screen(s.t_s, v);
      if (have_prev) dl->AddLine(prev, p, series == 0 ? target_col : measured_col, series == 0 ? 1.5f : 2.0f);
      prev = p;
      have_prev = true;
    }
  }
  dl->AddRect(p0, p1, IM_COL32(200, 205, 212, 255), 4.0f);

  ImGui::Dummy(size);
}

}  // namespace tractus::render
