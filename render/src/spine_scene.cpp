#include "render/spine_scene.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace tractus::render {

namespace {

const glm::vec4 kBone{0.78f, 0.72f, 0.58f, 1.0f};   // linear RGB
const glm::vec4 kCord{0.80f, 0.68f, 0.30f, 1.0f};

// the shared colour functions give display (sRGB) colours; the shape shader wants linear ones
glm::vec4 linear(const glm::vec4& srgb) {
  return {std::pow(srgb.r, 2.2f), std::pow(srgb.g, 2.2f), std::pow(srgb.b, 2.2f), srgb.a};
}

void vertebra(ShapeRenderer& s, const SpineVertebra& v, float a, float r) {
  const float len = v.x1_m - v.x0_m;
  const float xm = 0.5f * (v.x0_m + v.x1_m);
  s.cylinder({v.x0_m, a, 0.0f}, {v.x1_m, a, 0.0f}, r, kBone);
  // pedicles either side of the canal, the lamina closing it, the spinous and transverse processes
  for (float z : {-0.55f * r, 0.55f * r}) {
    s.box({xm, a - 1.25f * r, z}, {0.45f * len, 0.6f * r, 0.3f * r}, kBone);
  }
  s.box({xm, a - 1.75f * r, 0.0f}, {0.6f * len, 0.3f * r, 1.4f * r}, kBone);
  s.box({xm + 0.15f * len, a - 2.45f * r, 0.0f}, {0.35f * len, 1.1f * r, 0.25f * r}, kBone);
  s.box({xm, a - 1.3f * r, 0.0f}, {0.3f * len, 0.25f * r, 3.2f * r}, kBone);
}

}  // namespace

void draw_spine(ShapeRenderer& s, const SpineLayout& layout, std::vector<SceneLabel>* labels) {
  if (layout.vertebrae.empty()) return;
  const float a = layout.axis_y_m;
  const float r = layout.body_radius_m;
  for (const SpineVertebra& v : layout.vertebrae) vertebra(s, v, a, r);
  // the cord (cauda equina in the lumbar chain) runs down the canal
  const float canal_y = a - 1.3f * r;
  s.cylinder({layout.vertebrae.front().x0_m, canal_y, 0.0f}, {layout.vertebrae.back().x1_m, canal_y, 0.0f},
             0.28f * r, kCord);

  for (size_t i = 0; i < layout.discs.size(); ++i) {
    const SpineDisc& d = layout.discs[i];
    const bool treated = static_cast<int>(i) == layout.treated;
    const float h = d.x1_m - d.x0_m;
    const float xm = 0.5f * (d.x0_m + d.x1_m);
    const glm::vec4 disc = linear(disc_pressure_colour(d.pressure_mmhg));
    s.cylinder({d.x0_m, a, 0.0f}, {d.x1_m, a, 0.0f}, 1.03f * r, disc);
    // the herniation pushes back into the canal, towards the cord and the roots
    if (d.bulge_m > 1e-4f) {
      s.sphere({xm, a - 0.85f * r, 0.0f}, {0.5f * h + 0.2f * r, 0.15f * r + d.bulge_m, 0.45f * r}, disc * 0.85f);
    }
    // the roots leave the canal through the foramina either side, heading down and out
    const glm::vec4 nerve = linear(nerve_root_colour(d.nerve_compression));
    const float root_r = (treated ? 0.2f : 0.14f) * r;
    for (float side : {-1.0f, 1.0f}) {
      s.cylinder({xm, canal_y, side * 0.3f * r}, {xm + 0.9f * r, a - 0.6f * r, side * 2.1f * r}, root_r, nerve);
    }
  }

  if (labels == nullptr) return;
  const int t = std::clamp(layout.treated, 0, static_cast<int>(layout.discs.size()) - 1);
  // the vertebrae around the treated disc: one above it, the two bounding it and one below
  const int first = std::max(0, t - 1);
  const int last = std::min(static_cast<int>(layout.vertebrae.size()) - 1, t + 2);
  for (int i = first; i <= last; ++i) {
    const SpineVertebra& v = layout.vertebrae[static_cast<size_t>(i)];
    // a vertebra's name only once its body is big enough on screen to tell it from the next
    labels->push_back(SceneLabel{{0.5f * (v.x0_m + v.x1_m), a + r, 0.0f}, v.name, 2, v.x1_m - v.x0_m});
  }
  const SpineDisc& d = layout.discs[static_cast<size_t>(t)];
  const float xm = 0.5f * (d.x0_m + d.x1_m);
  char text[96];
  std::snprintf(text, sizeof text, "%s disc %+.0f mmHg", d.name, d.pressure_mmhg);
  labels->push_back(SceneLabel{{xm, a - 0.85f * r - d.bulge_m, 0.0f}, text, 0});
  std::snprintf(text, sizeof text, "Nerve root %s: %.0f%% compressed", d.name, 100.0 * d.nerve_compression);
  labels->push_back(SceneLabel{{xm + 0.9f * r, a - 0.6f * r, 2.1f * r}, text, 0});
}

}  // namespace tractus::render
