#include <algorithm>
#include <cmath>
#include <numeric>

#include <imgui.h>

#include "render/scene_label.h"

namespace tractus::render {

namespace {

constexpr float kPadX = 6.0f, kPadY = 3.0f;
constexpr float kOffsetX = 14.0f, kOffsetY = -26.0f;  // box above and right of its point
constexpr int kTries = 13;                            // vertical nudges tried before leaving one out
constexpr float kMargin = 4.0f;                       // clearance from the view's edges
constexpr float kMinDetailPx = 22.0f;                 // a label's detail must span this to show

const ImU32 kBack = IM_COL32(255, 255, 255, 235);
const ImU32 kEdge = IM_COL32(90, 100, 115, 255);
const ImU32 kText = IM_COL32(25, 30, 40, 255);

bool overlaps(const glm::vec4& a, const glm::vec4& b) {
  return a.x < b.z && b.x < a.z && a.y < b.w && b.y < a.w;
}

bool inside(const glm::vec2& p, const glm::vec4& r) { return p.x >= r.x && p.x <= r.z && p.y >= r.y && p.y <= r.w; }

bool clear_of(const glm::vec4& box, const ScreenRects& a, const ScreenRects& b) {
  const auto hit = [&](const glm::vec4& o) { return overlaps(box, o); };
  return std::none_of(a.begin(), a.end(), hit) && std::none_of(b.begin(), b.end(), hit);
}

void backed_text(ImDrawList* dl, const glm::vec4& box, float pad_x, float pad_y, const char* text) {
  dl->AddRectFilled(ImVec2(box.x, box.y), ImVec2(box.z, box.w), kBack, 4.0f);
  dl->AddRect(ImVec2(box.x, box.y), ImVec2(box.z, box.w), kEdge, 4.0f);
  dl->AddText(ImVec2(box.x + pad_x, box.y + pad_y), kText, text);
}

}  // namespace

ScreenRects draw_scene_labels(const std::vector<SceneLabel>& labels, const glm::mat4& view_proj,
                       const glm::vec2& view_min, const glm::vec2& view_max, const ScreenRects& obstacles) {
  ImDrawList* dl = ImGui::GetBackgroundDrawList();
  dl->PushClipRect(ImVec2(view_min.x, view_min.y), ImVec2(view_max.x, view_max.y), true);
  std::vector<size_t> order(labels.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return labels[a].priority < labels[b].priority; });
  ScreenRects placed;
  const float line_h = ImGui::GetTextLineHeight();
  for (size_t i : order) {
    const SceneLabel& l = labels[i];
    const glm::vec4 clip = view_proj * glm::vec4(l.world_m, 1.0f);
    if (clip.w <= 1e-4f) continue;  // behind the camera
    const glm::vec2 ndc = glm::vec2(clip) / clip.w;
    if (std::fabs(ndc.x) > 1.0f || std::fabs(ndc.y) > 1.0f) continue;
    const auto to_screen = [&](const glm::vec2& n) {
      return glm::vec2(view_min.x + (0.5f + 0.5f * n.x) * (view_max.x - view_min.x),
                       view_min.y + (0.5f - 0.5f * n.y) * (view_max.y - view_min.y));
    };
    const glm::vec2 p = to_screen(ndc);
    if (l.detail_m > 0.0f) {
      // the on-screen size of detail_m along X and Y at the point
      float span_px = 0.0f;
      for (const glm::vec3 d : {glm::vec3(l.detail_m, 0, 0), glm::vec3(0, l.detail_m, 0)}) {
        const glm::vec4 c = view_proj * glm::vec4(l.world_m + d, 1.0f);
        if (c.w > 1e-4f) span_px = std::max(span_px, glm::length(to_screen(glm::vec2(c) / c.w) - p));
      }
      if (span_px < kMinDetailPx) continue;
    }
    if (std::any_of(obstacles.begin(), obstacles.end(), [&](const glm::vec4& o) { return inside(p, o); })) continue;
    const float w = ImGui::CalcTextSize(l.text.c_str()).x + 2.0f * kPadX, h = line_h + 2.0f * kPadY;
    bool found = false;
    glm::vec4 box;
    for (int k = 0; k < 2 * kTries && !found; ++k) {
      // right of the point, then left of it; each at 0, up, down, further up, further down...
      const int n = k % kTries;
      const float step = static_cast<float>((n + 1) / 2) * (n % 2 == 1 ? -1.0f : 1.0f) * (h + 3.0f);
      const float x0 = k < kTries ? p.x + kOffsetX : p.x - kOffsetX - w;
      const float y0 = p.y + kOffsetY + step;
      box = glm::vec4(x0, y0, x0 + w, y0 + h);
      if (box.x < view_min.x + kMargin || box.z > view_max.x - kMargin || box.y < view_min.y + kMargin ||
          box.w > view_max.y - kMargin) {
        continue;
      }
      found = clear_of(box, placed, obstacles);
    }
    if (!found) continue;
    placed.push_back(box);
    const ImVec2 corner(box.x < p.x ? box.z : box.x, std::clamp(p.y, box.y, box.w));
    dl->AddLine(ImVec2(p.x, p.y), corner, kEdge, 1.5f);
    dl->AddCircleFilled(ImVec2(p.x, p.y), 3.0f, kEdge);
    backed_text(dl, box, kPadX, kPadY, l.text.c_str());
  }
  dl->PopClipRect();
  return placed;
}

bool draw_view_note(const char* text, const glm::vec2& view_min, const glm::vec2& view_max,
                    const ScreenRects& obstacles, glm::vec4* box_out) {
  const float pad_x = 1.5f * kPadX, pad_y = 1.5f * kPadY;
  const float w = ImGui::CalcTextSize(text).x + 2.0f * pad_x, h = ImGui::GetTextLineHeight() + 2.0f * pad_y;
  // bottom centre, bottom right, top centre, top right: the first spot clear of the panels
  const float centre_x = 0.5f * (view_min.x + view_max.x) - 0.5f * w;
  const float right_x = view_max.x - w - 10.0f;
  const float bottom_y = view_max.y - h - 10.0f, top_y = view_min.y + 10.0f;
  for (const glm::vec2 at : {glm::vec2(centre_x, bottom_y), glm::vec2(right_x, bottom_y), glm::vec2(centre_x, top_y),
                             glm::vec2(right_x, top_y)}) {
    const glm::vec4 box(std::max(at.x, view_min.x + kMargin), at.y, std::max(at.x, view_min.x + kMargin) + w, at.y + h);
    if (box.z > view_max.x || !clear_of(box, obstacles, {})) continue;
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    dl->PushClipRect(ImVec2(view_min.x, view_min.y), ImVec2(view_max.x, view_max.y), true);
    backed_text(dl, box, pad_x, pad_y, text);
    dl->PopClipRect();
    if (box_out != nullptr) *box_out = box;
    return true;
  }
  return false;
}

}  // namespace tractus::render
