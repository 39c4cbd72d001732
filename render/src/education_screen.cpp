// [SECTION] the patient education tour: large plain-language steps with a picture each, and
// on one step the running twin. Back/Next buttons, Left/Right arrows, Escape to leave.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include <imgui.h>

#include "render/education_tour.h"
#include "render/theme.h"
#include "render/trainer_ui.h"
#include "render/units.h"
#include "render/widgets.h"

namespace tractus::render {

namespace {

constexpr ImGuiWindowFlags kFixed = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                    ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoCollapse |
                                    ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoScrollbar |
                                    ImGuiWindowFlags_NoBringToFrontOnFocus;

const ImU32 kBone = IM_COL32(236, 228, 210, 255);
const ImU32 kBoneEdge = IM_COL32(160, 150, 130, 255);
const ImU32 kRing = IM_COL32(214, 170, 120, 255);
const ImU32 kGel = IM_COL32(120, 170, 215, 255);
const ImU32 kNerve = IM_COL32(240, 200, 60, 255);
const ImU32 kNervePressed = IM_COL32(215, 60, 40, 255);
const ImU32 kInk = IM_COL32(40, 48, 60, 255);
const ImU32 kMutedInk = IM_COL32(102, 110, 120, 255);

ImU32 col(const ImVec4& c) { return ImGui::GetColorU32(c); }

void ellipse_filled(ImDrawList* dl, ImVec2 c, ImVec2 r, ImU32 colour) {
  ImVec2 pts[32];
  for (int i = 0; i < 32; ++i) {
    const float a = 6.2831853f * static_cast<float>(i) / 32.0f;
    pts[i] = ImVec2(c.x + r.x * std::cos(a), c.y + r.y * std::sin(a));
  }
  dl->AddConvexPolyFilled(pts, 32, colour);
}

// a text label with a thin leader line to the point it names
void callout(ImDrawList* dl, ImFont* font, ImVec2 text_at, ImVec2 points_to, const char* text) {
  const float size = font->FontSize * ImGui::GetIO().FontGlobalScale;
  const ImVec2 ts = font->CalcTextSizeA(size, 1e6f, 0.0f, text);
  const ImVec2 anchor(text_at.x < points_to.x ? text_at.x + ts.x + 6.0f : text_at.x - 6.0f, text_at.y + ts.y * 0.5f);
  dl->AddLine(anchor, points_to, kMutedInk, 1.5f);
  dl->AddCircleFilled(points_to, 3.5f, kMutedInk);
  dl->AddText(font, size, text_at, kInk, text);
}

void vertebra(ImDrawList* dl, ImVec2 p, float w, float h) {
  dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), kBone, 10.0f);
  dl->AddRect(p, ImVec2(p.x + w, p.y + h), kBoneEdge, 10.0f, 0, 2.0f);
  // the arch behind the canal
  const ImVec2 a(p.x + w + 0.30f * w, p.y + 0.15f * h), b(p.x + w + 0.62f * w, p.y + 0.85f * h);
  dl->AddRectFilled(a, b, kBone, 8.0f);
  dl->AddRect(a, b, kBoneEdge, 8.0f, 0, 2.0f);
}

// side view: three vertebrae, a healthy disc above and a bulging one below, a nerve root; the
// labels sit in one column on the right with leader lines
void draw_disc_diagram(ImDrawList* dl, ImVec2 o, ImVec2 size, ImFont* font) {
  const float fs = font->FontSize * ImGui::GetIO().FontGlobalScale;
  const char* labels[] = {"Bone (vertebra)", "Tough outer ring", "Soft, gel-like centre",
                          "Bulge presses on the nerve", "Nerve root (can cause sciatica)"};
  float label_w = 0.0f;
  for (const char* l : labels) label_w = std::max(label_w, font->CalcTextSizeA(fs, 1e6f, 0.0f, l).x);
  const float label_x = o.x + size.x - label_w - 8.0f;
  const float w = std::min((label_x - o.x - 40.0f) / 1.75f, 210.0f);
  const float bh = std::min(size.y * 0.16f, 0.48f * w), dh = bh * 0.45f;
  const float x = o.x + 10.0f;
  float y = o.y + (size.y - (3 * bh + 2 * dh)) * 0.5f;
  const float top = y;
  ImVec2 ring_at, gel_at, bulge_at, nerve_at;
  for (int i = 0; i < 3; ++i) {
    vertebra(dl, ImVec2(x, y), w, bh);
    y += bh;
    if (i == 2) break;
    const bool bulging = i == 1;
    const ImVec2 c(x + w * 0.5f, y + dh * 0.5f);
    dl->AddRectFilled(ImVec2(x + 4.0f, y + 1.0f), ImVec2(x + w - 4.0f, y + dh - 1.0f), kRing, dh * 0.45f);
    const ImVec2 gel_c(bulging ? c.x + w * 0.10f : c.x, c.y);
    ellipse_filled(dl, gel_c, ImVec2(w * 0.22f, dh * 0.28f), kGel);
    // the nerve root leaves the canal (between body and arch) just behind the disc
    const float nx = x + w + 0.14f * w;
    const ImU32 nerve = bulging ? kNervePressed : kNerve;
    const ImVec2 n0(nx, y - bh * 0.35f), n3(nx + 0.55f * w, y + dh + bh * 0.55f);
    dl->AddBezierCubic(n0, ImVec2(nx, y + dh * 0.4f), ImVec2(nx + 0.15f * w, y + dh), n3, nerve, 6.0f);
    if (bulging) {
      const ImVec2 bulge(x + w + 2.0f, c.y);
      dl->AddCircleFilled(bulge, dh * 0.62f, kRing, 24);
      ellipse_filled(dl, ImVec2(bulge.x - dh * 0.15f, bulge.y), ImVec2(dh * 0.35f, dh * 0.28f), kGel);
      bulge_at = ImVec2(bulge.x + dh * 0.4f, bulge.y);
      nerve_at = ImVec2(nx + 0.45f * w, y + dh + bh * 0.42f);
    } else {
      ring_at = ImVec2(x + w - 10.0f, c.y - dh * 0.25f);
      gel_at = ImVec2(c.x + w * 0.12f, c.y);
    }
    y += dh;
  }
  const ImVec2 bone_at(x + w * 0.75f, top + bh * 0.45f);
  const ImVec2 points[] = {bone_at, ring_at, gel_at, bulge_at, nerve_at};
  const float ys[] = {bone_at.y, ring_at.y - fs, gel_at.y + 4.0f, bulge_at.y, nerve_at.y + fs * 0.6f};
  for (int i = 0; i < 5; ++i) callout(dl, font, ImVec2(label_x, ys[i] - fs * 0.5f), points[i], labels[i]);
  dl->AddText(font, fs, ImVec2(x, y + 12.0f), kMutedInk, "Front of the body");
  const float back_w = font->CalcTextSizeA(fs, 1e6f, 0.0f, "Back").x;
  dl->AddText(font, fs, ImVec2(x + 1.46f * w - back_w * 0.5f, y + 12.0f), kMutedInk, "Back");
}

// force over part of a session: a slow rise, a hold, an easing to rest, repeated
void draw_session_timeline(ImDrawList* dl, ImVec2 o, ImVec2 size, ImFont* font, ImFont* big) {
  const float fs = font->FontSize * ImGui::GetIO().FontGlobalScale;
  const ImVec2 a(o.x + 40.0f, o.y + size.y * 0.12f), b(o.x + size.x - 20.0f, o.y + size.y * 0.62f);
  dl->AddLine(ImVec2(a.x, b.y), b, kMutedInk, 2.0f);
  dl->AddLine(a, ImVec2(a.x, b.y), kMutedInk, 2.0f);
  dl->AddText(font, fs, ImVec2(a.x - 30.0f, a.y - fs - 6.0f), kMutedInk, "Pull");
  dl->AddText(font, fs, ImVec2(b.x - 60.0f, b.y + 6.0f), kMutedInk, "Time");
  // one cycle: rise, hold, ease, rest (in proportion, not to scale)
  const float cycle[] = {40.0f, 55.0f, 10.0f, 35.0f};
  const float total = 2.0f * (cycle[0] + cycle[1] + cycle[2] + cycle[3]);
  const float sx = (b.x - a.x - 10.0f) / total, hi = b.y - (b.y - a.y) * 0.85f, lo = b.y - (b.y - a.y) * 0.35f;
  float t = 0.0f;
  ImVec2 prev(a.x, b.y);
  const ImU32 curve = col(theme::kAccent);
  for (int k = 0; k < 2; ++k) {
    const float start_y = k == 0 ? b.y : lo;
    for (int i = 1; i <= 20; ++i) {  // a smooth, slow rise
      const float f = static_cast<float>(i) / 20.0f;
      const ImVec2 p(a.x + (t + f * cycle[0]) * sx, start_y + (hi - start_y) * (1.0f - (1.0f - f) * (1.0f - f)));
      dl->AddLine(prev, p, curve, 4.0f);
      prev = p;
    }
    if (k == 0) dl->AddText(font, fs, ImVec2(a.x + 0.45f * cycle[0] * sx + 10.0f, hi + 0.3f * (b.y - hi)), kInk, "Slow pull");
    t += cycle[0];
    ImVec2 p(a.x + (t + cycle[1]) * sx, hi);
    dl->AddLine(prev, p, curve, 4.0f);
    if (k == 0) dl->AddText(font, fs, ImVec2(a.x + (t + 0.5f * cycle[1]) * sx - 20.0f, hi - fs - 8.0f), kInk, "Hold");
    prev = p;
    t += cycle[1];
    p = ImVec2(a.x + (t + cycle[2]) * sx, lo);
    dl->AddLine(prev, p, curve, 4.0f);
    prev = p;
    t += cycle[2];
    p = ImVec2(a.x + (t + cycle[3]) * sx, lo);
    dl->AddLine(prev, p, curve, 4.0f);
    if (k == 0) dl->AddText(font, fs, ImVec2(a.x + t * sx + 2.0f, lo + 8.0f), kInk, "Rest");
    prev = p;
    t += cycle[3];
  }
  // the stop button in the hand
  const ImVec2 c(o.x + 80.0f, o.y + size.y * 0.82f);
  dl->AddCircleFilled(c, 34.0f, col(theme::kDanger), 40);
  dl->AddCircle(c, 34.0f, IM_COL32(120, 20, 20, 255), 40, 3.0f);
  const float bs = big->FontSize * ImGui::GetIO().FontGlobalScale * 0.62f;
  const ImVec2 st = big->CalcTextSizeA(bs, 1e6f, 0.0f, "STOP");
  dl->AddText(big, bs, ImVec2(c.x - st.x * 0.5f, c.y - st.y * 0.5f), IM_COL32_WHITE, "STOP");
  const char* stop_text = "Your stop button: press it at any time and the table lets go at once.";
  const float wrap = o.x + size.x - c.x - 60.0f;
  const float th = font->CalcTextSizeA(fs, 1e6f, wrap, stop_text).y;
  dl->AddText(font, fs, ImVec2(c.x + 50.0f, c.y - th * 0.5f), kInk, stop_text, nullptr, wrap);
}

// a rounded card with a coloured heading and a list of short lines, as tall as its content;
// returns its height
float card(ImDrawList* dl, ImVec2 p, float width, const ImVec4& colour, const char* heading,
           const std::vector<const char*>& lines, ImFont* font, ImFont* bold) {
  const float fs = font->FontSize * ImGui::GetIO().FontGlobalScale;
  const float hs = bold->FontSize * ImGui::GetIO().FontGlobalScale;
  const float wrap = width - 70.0f;
  float height = 26.0f + hs + 18.0f;
  for (const char* line : lines) height += font->CalcTextSizeA(fs, 1e6f, wrap, line).y + 12.0f;
  const ImVec2 q(p.x + width, p.y + height);
  dl->AddRectFilled(p, q, IM_COL32_WHITE, 10.0f);
  dl->AddRect(p, q, col(colour), 10.0f, 0, 2.5f);
  dl->AddRectFilled(p, ImVec2(p.x + 10.0f, q.y), col(colour), 10.0f, ImDrawFlags_RoundCornersLeft);
  dl->AddText(bold, hs, ImVec2(p.x + 28.0f, p.y + 16.0f), col(colour), heading);
  float y = p.y + 26.0f + hs;
  for (const char* line : lines) {
    dl->AddCircleFilled(ImVec2(p.x + 34.0f, y + fs * 0.55f), 4.5f, col(colour));
    dl->AddText(font, fs, ImVec2(p.x + 50.0f, y), kInk, line, nullptr, wrap);
    y += font->CalcTextSizeA(fs, 1e6f, wrap, line).y + 12.0f;
  }
  return height;
}

void draw_normal_or_report(ImDrawList* dl, ImVec2 o, ImVec2 size, ImFont* font, ImFont* bold) {
  const float h = card(dl, ImVec2(o.x, o.y + 10.0f), size.x, theme::kOk, "Normal",
                       {"A gentle stretch during the pull", "Mild soreness that passes in a day or two",
                        "Relief that builds slowly, with ups and downs"},
                       font, bold);
  card(dl, ImVec2(o.x, o.y + h + 40.0f), size.x, theme::kDanger, "Tell us straight away",
       {"Sharp pain during or after the session", "Pain that stays, or spreads down an arm or leg",
        "Anything that worries you: press your stop button"},
       font, bold);
}

// six weeks of sessions, two or three a week, with sessions 4 to 6 marked
void draw_course_calendar(ImDrawList* dl, ImVec2 o, ImVec2 size, ImFont* font) {
  const float fs = font->FontSize * ImGui::GetIO().FontGlobalScale;
  const char* days[] = {"Mon", "Tue", "Wed", "Thu", "Fri"};
  const int weeks = 6;
  const bool session[weeks][5] = {{1, 0, 1, 0, 1}, {1, 0, 1, 0, 1}, {1, 0, 1, 0, 0},
                                  {1, 0, 0, 1, 0}, {1, 0, 0, 1, 0}, {0, 1, 0, 1, 0}};
  const float cell = std::min((size.x - 110.0f) / 5.0f, (size.y - 110.0f) / weeks);
  const ImVec2 g(o.x + 90.0f, o.y + 40.0f);
  for (int d = 0; d < 5; ++d) {
    const ImVec2 ts = font->CalcTextSizeA(fs, 1e6f, 0.0f, days[d]);
    dl->AddText(font, fs, ImVec2(g.x + (d + 0.5f) * cell - ts.x * 0.5f, g.y - fs - 8.0f), kMutedInk, days[d]);
  }
  int n = 0;
  for (int w = 0; w < weeks; ++w) {
    char label[16];
    std::snprintf(label, sizeof label, "Week %d", w + 1);
    dl->AddText(font, fs, ImVec2(o.x, g.y + (w + 0.5f) * cell - fs * 0.5f), kMutedInk, label);
    for (int d = 0; d < 5; ++d) {
      const ImVec2 c(g.x + (d + 0.5f) * cell, g.y + (w + 0.5f) * cell);
      dl->AddRect(ImVec2(c.x - cell * 0.45f, c.y - cell * 0.45f), ImVec2(c.x + cell * 0.45f, c.y + cell * 0.45f),
                  IM_COL32(210, 215, 222, 255), 6.0f);
      if (!session[w][d]) continue;
      ++n;
      const bool early_sign = n >= 4 && n <= 6;
      dl->AddCircleFilled(c, cell * 0.30f, col(early_sign ? theme::kOk : theme::kAccent), 28);
      char num[8];
      std::snprintf(num, sizeof num, "%d", n);
      const ImVec2 ts = font->CalcTextSizeA(fs, 1e6f, 0.0f, num);
      dl->AddText(font, fs, ImVec2(c.x - ts.x * 0.5f, c.y - ts.y * 0.5f), IM_COL32_WHITE, num);
    }
  }
  const float y = g.y + weeks * cell + 14.0f;
  dl->AddCircleFilled(ImVec2(o.x + 10.0f, y + fs * 0.5f), 8.0f, col(theme::kOk));
  dl->AddText(font, fs, ImVec2(o.x + 26.0f, y), kInk, "Sessions 4 to 6: when most who improve notice it");
  dl->AddText(font, fs, ImVec2(o.x + 26.0f, y + fs + 6.0f), kMutedInk, "(clinics' experience, not trial evidence)");
}

void draw_evidence(ImDrawList* dl, ImVec2 o, ImVec2 size, ImFont* font, ImFont* bold, const char* sources) {
  float y = o.y + 10.0f;
  y += card(dl, ImVec2(o.x, y), size.x, theme::kWarn, "What trials found",
            {"32 trials reviewed (Cochrane, 2013)", "Little or no difference to pain or daily activity in low back pain"},
            font, bold) + 24.0f;
  y += card(dl, ImVec2(o.x, y), size.x, theme::kAccent, "What is measured",
            {"Disc pressure falls during a decompression pull (1994)", "A lower pressure is not proof of lasting relief"},
            font, bold) + 24.0f;
  const float fs = font->FontSize * ImGui::GetIO().FontGlobalScale * 0.72f;
  dl->AddText(font, fs, ImVec2(o.x + 2.0f, y), kMutedInk, "Sources");
  dl->AddText(font, fs, ImVec2(o.x + 2.0f, y + fs + 4.0f), kMutedInk, sources, nullptr, size.x - 4.0f);
}

}  // namespace

void TrainerUi::draw_education(const FrameInput& in, UiRequests& out) {
  const std::vector<EducationStep>& steps = education_steps();
  const int count = static_cast<int>(steps.size());
  const int index = std::clamp(in.education_step, 0, count - 1);
  const EducationStep& step = steps[index];
  const ImGuiIO& io = ImGui::GetIO();
  const bool live = step.visual == EducationVisual::LiveTwin;
  ImFont* large = fonts_.large != nullptr ? fonts_.large : fonts_.body;
  ImFont* title = fonts_.title != nullptr ? fonts_.title : fonts_.heading;

  // keyboard: Left/Right step through, Escape leaves
  auto go = [&](int to) {
    if (to >= count) out.go_to = Screen::Start;
    else if (to >= 0) out.education_step = to;
  };
  // the arrow keys stay inside the tour; only Finish or Escape leaves it
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow), false)) go(std::min(index + 1, count - 1));
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow), false)) go(index - 1);
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) out.go_to = Screen::Start;

  // [SECTION] the top bar: where we are in the tour
  begin_top_bar("Tour bar", toolbar_height_px_, fonts_.heading);
  if (ImGui::Button("Home")) out.go_to = Screen::Start;
  widgets_.record_last_item("educate.home");
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("Understanding spinal traction: a guide for patients");
  char where[32];
  std::snprintf(where, sizeof where, "Step %d of %d", index + 1, count);
  ImGui::PushFont(fonts_.heading);
  const float where_w = ImGui::CalcTextSize(where).x;
  const float dots_w = 16.0f * static_cast<float>(count);
  ImGui::SameLine(io.DisplaySize.x - where_w - dots_w - 28.0f);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(where);
  ImGui::PopFont();
  widgets_.record_last_item("educate.step");
  ImDrawList* bar = ImGui::GetWindowDrawList();
  const float dy = ImGui::GetItemRectMin().y + ImGui::GetItemRectSize().y * 0.5f;
  for (int i = 0; i < count; ++i) {
    const ImVec2 c(io.DisplaySize.x - dots_w - 4.0f + 16.0f * static_cast<float>(i), dy);
    if (i == index) bar->AddCircleFilled(c, 5.5f, col(theme::kAccent));
    else bar->AddCircle(c, 5.0f, col(i < index ? theme::kAccent : theme::kMuted), 0, 1.5f);
  }
  end_top_bar();

  // [SECTION] the text column, and the picture beside it
  const float top = toolbar_height_px_;
  const float text_w = live ? std::min(560.0f, io.DisplaySize.x * 0.42f) : io.DisplaySize.x * 0.48f;
  education_text_w_px_ = live ? text_w : 0.0f;
  ImGui::SetNextWindowPos(ImVec2(0, top));
  ImGui::SetNextWindowSize(ImVec2(live ? text_w : io.DisplaySize.x, io.DisplaySize.y - top));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(36, 28));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.975f, 0.978f, 0.982f, 1.0f));
  ImGui::Begin("Tour", nullptr, kFixed);
  const float col_w = text_w - 72.0f;
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + col_w);
  ImGui::PushFont(title);
  ImGui::TextColored(theme::kAccent, "%s", step.title);
  ImGui::PopFont();
  widgets_.record_last_item("educate.title");
  ImGui::Spacing();
  ImGui::PushFont(large);
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.10f, 0.12f, 0.15f, 1.0f));
  ImGui::TextWrapped("%s", step.lead);
  ImGui::PopStyleColor();
  ImGui::Spacing();
  ImGui::Spacing();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (const char* point : step.points) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    dl->AddCircleFilled(ImVec2(p.x + 6.0f, p.y + ImGui::GetTextLineHeight() * 0.5f), 5.0f, col(theme::kAccent));
    ImGui::Indent(24.0f);
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.22f, 0.25f, 0.30f, 1.0f));
    ImGui::TextWrapped("%s", point);
    ImGui::PopStyleColor();
    ImGui::Unindent(24.0f);
    ImGui::Spacing();
  }
  ImGui::PopFont();
  if (live && step.sources[0] != '\0') {
    ImGui::Spacing();
    ImGui::TextDisabled("Pressure inside the disc under decompression was measured by Ramos and Martin (1994).");
  }
  ImGui::PopTextWrapPos();

  // navigation at the foot of the text column
  const float nav_h = 52.0f;
  const float nav_w = std::min(col_w, 440.0f);
  ImGui::SetCursorPos(ImVec2(36.0f, io.DisplaySize.y - top - nav_h - 44.0f));
  const float bw = (nav_w - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
  ImGui::PushFont(fonts_.heading);
  ImGui::BeginDisabled(index == 0);
  if (ImGui::Button("< Back", ImVec2(bw, nav_h))) go(index - 1);
  ImGui::EndDisabled();
  widgets_.record_last_item("educate.back");
  ImGui::SameLine();
  if (coloured_button(index + 1 < count ? "Next >" : "Finish", theme::kAccent, ImVec2(bw, nav_h), true)) go(index + 1);
  widgets_.record_last_item("educate.next");
  ImGui::PopFont();
  ImGui::TextDisabled("Arrow keys step through; Esc returns to the start.");

  if (!live) {
    // the picture, right of the text
    const ImVec2 o(text_w + 20.0f, top + 36.0f);
    const ImVec2 size(io.DisplaySize.x - o.x - 36.0f, io.DisplaySize.y - o.y - 40.0f);
    dl->AddRectFilled(ImVec2(o.x - 16.0f, o.y - 16.0f), ImVec2(o.x + size.x + 16.0f, o.y + size.y + 16.0f),
                      IM_COL32(255, 255, 255, 255), 12.0f);
    switch (step.visual) {
      case EducationVisual::DiscDiagram: draw_disc_diagram(dl, o, size, fonts_.body); break;
      case EducationVisual::SessionTimeline: draw_session_timeline(dl, o, size, large, title); break;
      case EducationVisual::NormalOrReport: draw_normal_or_report(dl, o, size, large, title); break;
      case EducationVisual::CourseCalendar: draw_course_calendar(dl, o, size, large); break;
      case EducationVisual::Evidence: draw_evidence(dl, o, size, large, title, step.sources); break;
      case EducationVisual::LiveTwin: break;
    }
    widgets_.record("educate.visual", WidgetRect{o.x, o.y, size.x, size.y});
  }
  ImGui::End();
  ImGui::PopStyleColor();
  ImGui::PopStyleVar(2);

  if (live && in.rig != nullptr) {
    if (education_shown_step_ != index) {
      // a close side view of the lumbar spine through the x-ray body
      // a side view through the x-ray body, the spine right of centre to clear the spine panel
      camera_.apply(CameraPreset::Side);
      camera_.target_m = scene_info_.spine_centre_m - glm::vec3(0.10f, 0.0f, 0.0f);
      camera_.distance_m = 1.0f;
      camera_.yaw_rad = 0.35f;
      camera_.pitch_rad = 0.55f;
      xray_ = true;
    }
    draw_spine_panel(*in.rig, text_w + 280.0f);
    // the pull now, large, at the foot of the live view
    const hal::DisplayState& d = in.rig->display();
    ImGui::SetNextWindowPos(ImVec2(text_w + 16.0f, io.DisplaySize.y - 16.0f), ImGuiCond_Always, ImVec2(0.0f, 1.0f));
    ImGui::SetNextWindowBgAlpha(0.92f);
    ImGui::Begin("Pull now", nullptr, kFixed | ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::PushFont(large);
    const float lb = to_display(d.measured_force_n, ForceUnit::Lbf);
    ImGui::Text("Pull now: %.0f lb (%.0f kg)", lb, d.measured_force_n / units::kNewtonsPerKgfF);
    ImGui::PopFont();
    ImGui::TextDisabled("Simulated, gentle pull on a 70 kg patient. Blue discs: pressure below resting.");
    widgets_.record_last_item("educate.pull");
    ImGui::End();
    handle_camera_input();
  }
  // the x-ray is this step's picture; other steps and screens go back to the plain view
  if ((!live || out.go_to) && education_shown_step_ == education_live_step()) xray_ = false;
  education_shown_step_ = index;
}

}  // namespace tractus::render
