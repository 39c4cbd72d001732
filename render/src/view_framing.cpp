// Framing (view_framing.h): the free part of the view and a camera fit into it.
#include "render/view_framing.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace tractus::render {

bool rects_overlap(const glm::vec4& a, const glm::vec4& b) {
  return a.x < b.z && b.x < a.z && a.y < b.w && b.y < a.w;
}

glm::vec4 free_view_rect(const glm::vec4& view, const ScreenRects& obstacles, float subject_aspect) {
  // a maximal empty rectangle has each edge on the view's or an obstacle's edge, so trying
  // every pair of candidate edges finds it (a handful of panels: a few thousand rectangles)
  std::vector<float> xs{view.x, view.z}, ys{view.y, view.w};
  ScreenRects inside;
  for (const glm::vec4& o : obstacles) {
    if (!rects_overlap(o, view)) continue;
    inside.push_back(o);
    for (float x : {o.x, o.z}) {
      if (x > view.x && x < view.z) xs.push_back(x);
    }
    for (float y : {o.y, o.w}) {
      if (y > view.y && y < view.w) ys.push_back(y);
    }
  }
  if (inside.empty()) return view;
  const float aspect = std::max(subject_aspect, 1e-3f);
  glm::vec4 best = view;
  float best_score = -1.0f;
  for (float x0 : xs) {
    for (float x1 : xs) {
      if (x1 <= x0) continue;
      for (float y0 : ys) {
        for (float y1 : ys) {
          if (y1 <= y0) continue;
          const glm::vec4 r(x0, y0, x1, y1);
          // the subject's height at the largest size it fits: the rectangle's score
          const float score = std::min(y1 - y0, (x1 - x0) / aspect);
          if (score <= best_score) continue;
          if (std::any_of(inside.begin(), inside.end(), [&](const glm::vec4& o) { return rects_overlap(o, r); })) {
            continue;
          }
          best = r;
          best_score = score;
        }
      }
    }
  }
  return best;
}

glm::vec4 project_box(const OrbitCamera& camera, const glm::vec4& view, const WorldBox& box, bool* behind) {
  const float w = std::max(view.z - view.x, 1.0f), h = std::max(view.w - view.y, 1.0f);
  const glm::mat4 vp = camera.projection(w / h) * camera.view();
  glm::vec4 r(1e9f, 1e9f, -1e9f, -1e9f);
  bool back = false;
  for (int i = 0; i < 8; ++i) {
    const glm::vec3 c((i & 1) ? box.max_m.x : box.min_m.x, (i & 2) ? box.max_m.y : box.min_m.y,
                      (i & 4) ? box.max_m.z : box.min_m.z);
    const glm::vec4 clip = vp * glm::vec4(c, 1.0f);
    if (clip.w <= 1e-3f) {
      back = true;
      continue;
    }
    const float sx = view.x + (0.5f + 0.5f * clip.x / clip.w) * w;
    const float sy = view.y + (0.5f - 0.5f * clip.y / clip.w) * h;
    r = glm::vec4(std::min(r.x, sx), std::min(r.y, sy), std::max(r.z, sx), std::max(r.w, sy));
  }
  if (behind != nullptr) *behind = back;
  return r;
}

void frame_box(OrbitCamera& camera, const glm::vec4& view, const glm::vec4& free, const WorldBox& box, float fill,
               float min_distance_m) {
  const float view_h = std::max(view.w - view.y, 1.0f);
  const float free_w = std::max(free.z - free.x, 1.0f), free_h = std::max(free.w - free.y, 1.0f);
  camera.target_m = 0.5f * (box.min_m + box.max_m);
  // perspective makes size and position depend on each other a little: a few rounds settle both
  for (int round = 0; round < 12; ++round) {
    bool behind = false;
    const glm::vec4 r = project_box(camera, view, box, &behind);
    if (behind) {
      camera.distance_m *= 1.5f;
      continue;
    }
    const float fit = std::max((r.z - r.x) / (fill * free_w), (r.w - r.y) / (fill * free_h));
    const float before_m = camera.distance_m;
    camera.distance_m = std::max(min_distance_m, std::clamp(before_m * fit, 0.25f, 12.0f));
    const float scale = camera.distance_m / before_m;
    const glm::vec3 forward = glm::normalize(camera.target_m - camera.eye());
    const glm::vec3 right = glm::normalize(glm::cross(forward, glm::vec3(0, 1, 0)));
    const glm::vec3 up = glm::cross(right, forward);
    // metres per pixel at the target's depth
    const float m_per_px = 2.0f * camera.distance_m * std::tan(0.5f * camera.fov_y_rad) / view_h;
    const float dx_px = 0.5f * (free.x + free.z) - 0.5f * (r.x + r.z);
    const float dy_px = 0.5f * (free.y + free.w) - 0.5f * (r.y + r.w);
    // moving the target right moves the picture left
    camera.target_m += (-dx_px * right + dy_px * up) * m_per_px / std::max(scale, 1e-3f);
  }
}

bool inside_body(const glm::vec3& p, const BodyCapsule* parts, int count, float margin_m) {
  for (int i = 0; i < count; ++i) {
    const glm::vec3 ab = parts[i].b_m - parts[i].a_m;
    const float len2 = glm::dot(ab, ab);
    const float t = len2 > 0.0f ? std::clamp(glm::dot(p - parts[i].a_m, ab) / len2, 0.0f, 1.0f) : 0.0f;
    if (glm::length(p - (parts[i].a_m + t * ab)) < parts[i].radius_m + margin_m) return true;
  }
  return false;
}

bool segment_hits_box(const glm::vec3& a, const glm::vec3& b, const WorldBox& box) {
  // slab test on the segment's parameter range 0..1
  float t0 = 0.0f, t1 = 1.0f;
  const glm::vec3 d = b - a;
  for (int k = 0; k < 3; ++k) {
    if (std::fabs(d[k]) < 1e-9f) {
      if (a[k] < box.min_m[k] || a[k] > box.max_m[k]) return false;
      continue;
    }
    float ta = (box.min_m[k] - a[k]) / d[k], tb = (box.max_m[k] - a[k]) / d[k];
    if (ta > tb) std::swap(ta, tb);
    t0 = std::max(t0, ta);
    t1 = std::min(t1, tb);
    if (t0 > t1) return false;
  }
  return true;
}

}  // namespace tractus::render
