// A spinal chain for the 3D view (anatomy_chain.h): its make-up, its pose and its mesh.
//
// Index of this file:
//   [SECTION] the chain's make-up
//   [SECTION] pose: the discs' wedges and openings
//   [SECTION] the rest-pose mesh: vertebrae, discs, cord, roots
//   [SECTION] one frame of the twin
#include "render/anatomy_chain.h"

#include <algorithm>
#include <cmath>
#include <string>

#include <glm/gtc/matrix_transform.hpp>

#include "anatomy_sweep.h"
#include "render/spine_layout.h"

namespace tractus::render {

namespace {

namespace an = twin::anatomy;
using glm::vec2;
using glm::vec3;
constexpr float kDegToRad = 3.14159265358979f / 180.0f;
constexpr float kMinRimShare = 0.3f;

float f(double x) { return static_cast<float>(x); }

an::LevelGeometry scaled_row(const an::LevelGeometry& g, double k) {
  an::LevelGeometry s = g;
  for (double* v : {&s.endplate_width_mm, &s.endplate_depth_mm, &s.body_height_mm, &s.pedicle_width_mm,
                    &s.pedicle_height_mm, &s.canal_width_mm, &s.canal_depth_mm}) {
    *v *= k;
  }
  return s;
}

vec3 point(const glm::mat4& frame, const vec3& local) { return vec3(frame * glm::vec4(local, 1.0f)); }
vec3 axis(const glm::mat4& frame, const vec3& local) { return glm::normalize(glm::mat3(frame) * local); }

// the canal's middle in a vertebra's frame at height x
vec3 canal_point(const an::LevelGeometry& g, float x) {
  return vec3(x, -0.5f * f(g.endplate_depth_mm) - 0.5f * f(g.canal_depth_mm), 0.0f);
}

}  // namespace

// [SECTION] the chain's make-up
ChainSpec chain_spec(const twin::PatientModel& p, bool cervical) {
  ChainSpec c;
  c.cervical = cervical;
  const an::BodyScale scale = an::body_scale(p.height_m, p.female);
  const auto wedge = [&](const an::LevelGeometry& g) {
    return f((!cervical && p.hips_flexed) ? g.lordosis_hips_flexed_deg : g.lordosis_hips_straight_deg);
  };
  float lordosis_deg = 0.0f, kyphosis_deg = 0.0f;
  if (!cervical) {
    const an::LevelGeometry l1 = an::scaled_level(an::lumbar_reference(0), scale);
    const char* thoracic[] = {"T10", "T11", "T12"};
    const double shrink[] = {0.88, 0.92, 0.96};
    for (int i = 0; i < 3; ++i) {
      c.vertebrae[i] = VertebraSpec{thoracic[i], VertebraKind::Thoracic, scaled_row(l1, shrink[i])};
      c.discs[i] = ChainDisc{f(5.0 * scale.length), -4.0f, -1};
      kyphosis_deg += -4.0f;
    }
    const char* names[] = {"L1", "L2", "L3", "L4", "L5"};
    for (int i = 0; i < twin::kLumbarLevels; ++i) {
      const an::LevelGeometry g = an::scaled_level(an::lumbar_reference(i), scale);
      c.vertebrae[3 + i] = VertebraSpec{names[i], VertebraKind::Lumbar, g};
      c.discs[3 + i] = ChainDisc{f(g.disc_height_mm), wedge(g), i};
      lordosis_deg += wedge(g);
    }
    c.vertebrae[8] = VertebraSpec{"S1", VertebraKind::Sacrum, c.vertebrae[7].g};
    c.count = 9;
    c.first_level = 3;
  } else {
    const char* names[] = {"C2", "C3", "C4", "C5", "C6", "C7"};
    for (int i = 0; i < twin::kCervicalLevels; ++i) {
      const an::LevelGeometry g = an::scaled_level(an::cervical_reference(i), scale);
      const VertebraKind kind = i == 0 ? VertebraKind::Axis : i == 5 ? VertebraKind::Prominens : VertebraKind::Cervical;
      c.vertebrae[i] = VertebraSpec{names[i], kind, g};
      c.discs[i] = ChainDisc{f(g.disc_height_mm), wedge(g), i};
      lordosis_deg += wedge(g);
    }
    c.vertebrae[6] = VertebraSpec{"T1", VertebraKind::FirstThoracic, scaled_row(c.vertebrae[5].g, 1.08)};
    c.count = 7;
    c.first_level = 0;
  }
  // each disc turns the caudal axis down by its wedge: start so the lordosis is symmetric
  c.start_axis_deg = 0.5f * lordosis_deg + kyphosis_deg;
  return c;
}

float endplate_dish_mm(const VertebraSpec& v) {
  const bool neck = v.kind == VertebraKind::Axis || v.kind == VertebraKind::Cervical ||
                    v.kind == VertebraKind::Prominens || v.kind == VertebraKind::FirstThoracic;
  return (neck ? 0.04f : 0.06f) * f(v.g.body_height_mm);
}

// [SECTION] pose: the discs' wedges and openings
ChainPose chain_pose(const ChainSpec& spec, const float* anterior_mm, const float* posterior_mm) {
  ChainPose pose;
  pose.frame[0] = glm::rotate(glm::mat4(1.0f), spec.start_axis_deg * kDegToRad, vec3(0, 0, 1));
  for (int i = 0; i + 1 < spec.count; ++i) {
    const ChainDisc& d = spec.discs[i];
    const auto& g = spec.vertebrae[i].g;
    const float depth = f(g.endplate_depth_mm);
    // at rest the rims differ by depth * sin(wedge), so the endplates meet at the wedge angle
    const float half_step = 0.5f * depth * std::sin(d.wedge_deg * kDegToRad);
    float front = d.height_mm + half_step, back = d.height_mm - half_step;
    if (d.level >= 0 && anterior_mm != nullptr && posterior_mm != nullptr) {
      front += anterior_mm[d.level];
      back += posterior_mm[d.level];
    }
    front = std::max(front, kMinRimShare * d.height_mm);
    back = std::max(back, kMinRimShare * d.height_mm);
    const float tilt = std::asin(std::clamp((front - back) / depth, -0.9f, 0.9f));
    pose.frame[i + 1] = glm::rotate(glm::translate(pose.frame[i], vec3(f(g.body_height_mm) + 0.5f * (front + back), 0, 0)),
                                    -tilt, vec3(0, 0, 1));
  }
  return pose;
}

// [SECTION] the rest-pose mesh: vertebrae, discs, cord, roots
namespace {

void add_disc(AnatomyMesh& m, const ChainSpec& spec, const ChainPose& rest, int i) {
  const VertebraSpec& up = spec.vertebrae[i];
  const VertebraSpec& down = spec.vertebrae[i + 1];
  const glm::mat4& fa = rest.frame[i];
  const glm::mat4& fb = rest.frame[i + 1];
  const vec3 top = point(fa, vec3(f(up.g.body_height_mm), 0, 0)), bottom = point(fb, vec3(0.0f));
  const int slot = spec.discs[i].level >= 0 ? kSlotDisc0 + spec.discs[i].level : kSlotStaticDisc;
  std::vector<sweep::Ring> rings;
  constexpr int kRings = 5;
  for (int k = 0; k < kRings; ++k) {
    const float t = static_cast<float>(k) / static_cast<float>(kRings - 1);
    const float swell = 1.0f + 0.05f * std::sin(3.14159265f * t);  // the annulus bulges a little
    sweep::Ring r;
    r.centre = glm::mix(top, bottom, t);
    r.u = glm::normalize(glm::mix(axis(fa, vec3(0, 0, 1)), axis(fb, vec3(0, 0, 1)), t));
    r.v = glm::normalize(glm::mix(axis(fa, vec3(0, 1, 0)), axis(fb, vec3(0, 1, 0)), t));
    r.a = 0.5f * swell * glm::mix(f(up.g.endplate_width_mm), f(down.g.endplate_width_mm), t);
    r.b = 0.5f * swell * glm::mix(f(up.g.endplate_depth_mm), f(down.g.endplate_depth_mm), t);
    r.bone_a = i;
    r.bone_b = i + 1;
    r.weight_b = t;
    if (k > 0 && k + 1 < kRings) {
      const float strength = std::sin(3.14159265f * t);
      // the herniation pushes the back of the rim toward the canal and the roots
      r.bulge = [strength](vec2 q) { return q.y < 0.0f ? strength * std::pow(-q.y, 3.0f) : 0.0f; };
    }
    rings.push_back(r);
  }
  // the disc fills its endplates' dishes
  sweep::add(m, std::string("disc.") + up.name, rings, sweep::kidney(), 32, slot, {-endplate_dish_mm(up)},
             {-endplate_dish_mm(down)});
}

void add_cord(AnatomyMesh& m, const ChainSpec& spec, const ChainPose& rest) {
  std::vector<sweep::Ring> rings;
  const auto ring = [&](int a, int b, float w, const vec3& centre, float half_w, float half_d) {
    sweep::Ring r;
    r.centre = centre;
    r.u = axis(rest.frame[a], vec3(0, 0, 1));
    r.v = axis(rest.frame[a], vec3(0, 1, 0));
    r.a = half_w;
    r.b = half_d;
    r.bone_a = a;
    r.bone_b = b;
    r.weight_b = w;
    rings.push_back(r);
  };
  const float width_share = spec.cervical ? 0.3f : 0.32f, depth_share = spec.cervical ? 0.33f : 0.3f;
  const int last = spec.count - 1;
  for (int i = 0; i < spec.count; ++i) {
    const auto& g = spec.vertebrae[i == last && !spec.cervical ? last - 1 : i].g;
    const float hw = width_share * f(g.canal_width_mm), hd = depth_share * f(g.canal_depth_mm);
    const float H = f(spec.vertebrae[i].g.body_height_mm);
    if (i == 0) ring(0, 0, 0.0f, point(rest.frame[0], canal_point(g, spec.cervical ? -0.8f * H : 0.0f)), hw, hd);
    if (i == last && !spec.cervical) {
      // the cauda equina narrows into the sacrum
      ring(i, i, 0.0f, point(rest.frame[i], canal_point(g, 12.0f) + vec3(0, 2.0f, 0)), 0.8f * hw, 0.8f * hd);
      ring(i, i, 0.0f, point(rest.frame[i], canal_point(g, 35.0f) + vec3(0, -6.0f, 0)), 0.35f * hw, 0.35f * hd);
      break;
    }
    ring(i, i, 0.0f, point(rest.frame[i], canal_point(g, 0.5f * H)), hw, hd);
    if (i < last) {
      const vec3 a = point(rest.frame[i], canal_point(g, H + 0.5f * spec.discs[i].height_mm));
      const vec3 b = point(rest.frame[i + 1], canal_point(spec.vertebrae[i + 1].g, -0.5f * spec.discs[i].height_mm));
      ring(i, i + 1, 0.5f, 0.5f * (a + b), hw, hd);
    } else {
      ring(i, i, 0.0f, point(rest.frame[i], canal_point(g, H)), hw, hd);
    }
  }
  sweep::add(m, spec.cervical ? "cord" : "cauda_equina", rings, sweep::superellipse(), 16, kSlotCord);
}

// a root's course in the frame of the vertebra above its disc: out of the dural sac, under the
// pedicle through the foramen, then down and out (lumbar) or out and forward (cervical)
std::vector<vec3> root_path(const VertebraSpec& v, const ChainDisc& d, float zs, bool cervical) {
  const auto& g = v.g;
  const float D = f(g.endplate_depth_mm), H = f(g.body_height_mm), W = f(g.endplate_width_mm);
  const float cw = f(g.canal_width_mm), cd = f(g.canal_depth_mm), pw = f(g.pedicle_width_mm);
  const float back = -0.5f * D;
  const float fw = f(g.foramen_width_mm);
  if (cervical) {
    const float x = H + 0.5f * d.height_mm;
    return {vec3(x - 2.0f, back - 0.5f * cd, zs * 0.2f * cw), vec3(x, back - 0.35f * fw, zs * (0.5f * cw + 0.3f * pw)),
            vec3(x + 1.0f, back + 0.1f * D, zs * (0.5f * cw + pw + 6.0f)), vec3(x + 4.0f, 0.1f * D, zs * (0.5f * cw + pw + 16.0f))};
  }
  return {vec3(0.45f * H, back - 0.5f * cd, zs * 0.2f * cw), vec3(0.7f * H, back - 0.4f * cd, zs * 0.42f * cw),
          vec3(0.88f * H, back - 0.45f * fw, zs * (0.5f * cw + 0.5f * pw)),
          vec3(1.3f * H, back + 0.15f * D, zs * (0.5f * W + 12.0f)), vec3(1.9f * H, 0.1f * D, zs * (0.5f * W + 24.0f))};
}

}  // namespace

AnatomyMesh chain_mesh(const ChainSpec& spec) {
  AnatomyMesh m;
  const ChainPose rest = chain_pose(spec);
  for (int i = 0; i < spec.count; ++i) {
    m.append(vertebra_mesh(spec.vertebrae[i]), rest.frame[i], i, std::string(spec.vertebrae[i].name) + ".");
  }
  for (int i = 0; i + 1 < spec.count; ++i) add_disc(m, spec, rest, i);
  add_cord(m, spec, rest);
  for (int i = 0; i + 1 < spec.count; ++i) {
    const ChainDisc& d = spec.discs[i];
    if (d.level < 0) continue;
    const float radius = spec.cervical ? 2.0f : 2.8f;  // [U] about a root's size
    for (int side = -1; side <= 1; side += 2) {
      std::vector<vec3> path = root_path(spec.vertebrae[i], d, static_cast<float>(side), spec.cervical);
      for (vec3& p : path) p = point(rest.frame[i], p);
      std::vector<sweep::Ring> rings = sweep::along(path, {vec2(radius, radius)}, axis(rest.frame[i], vec3(1, 0, 0)));
      for (sweep::Ring& r : rings) r.bone_a = r.bone_b = i;
      sweep::add(m, std::string("root.") + spec.vertebrae[i].name + (side < 0 ? "_right" : "_left"), rings,
                 sweep::superellipse(), 10, kSlotRoot0 + d.level);
    }
  }
  return m;
}

// [SECTION] one frame of the twin
ChainFrame chain_frame(const ChainSpec& spec, const ChainPose& rest, const twin::TwinState& state,
                       const glm::vec3& held_m, const glm::mat4& world_from_table) {
  ChainFrame out;
  out.count = spec.count;
  const int n = spec.cervical ? twin::kCervicalLevels : twin::kLumbarLevels;
  const twin::LevelState* levels = spec.cervical ? state.patient.cervical : state.patient.lumbar;
  float front[kMaxChainVertebrae] = {}, back[kMaxChainVertebrae] = {};
  for (int i = 0; i < n; ++i) {
    // the mean opening is drawn larger; the tilt between the rims stays true to scale, since
    // ten times a millimetre's difference over a 30 mm endplate would bend the chain double
    const float ant = f(levels[i].anterior_separation_mm), post = f(levels[i].posterior_separation_mm);
    const float mean = 0.5f * (ant + post);
    front[i] = mean * kSeparationExaggeration + (ant - mean);
    back[i] = mean * kSeparationExaggeration + (post - mean);
  }
  const ChainPose now = chain_pose(spec, front, back);
  // the held end: L1's upper endplate, or T1's lower one
  const int last = spec.count - 1;
  const vec3 held_chain = spec.cervical ? point(now.frame[last], vec3(f(spec.vertebrae[last].g.body_height_mm), 0, 0))
                                        : point(now.frame[spec.first_level], vec3(0.0f));
  const glm::mat4 place = world_from_table * glm::translate(glm::mat4(1.0f), held_m) *
                          glm::scale(glm::mat4(1.0f), vec3(1e-3f)) * glm::translate(glm::mat4(1.0f), -held_chain);
  const glm::vec4 bone_colour{0.78f, 0.72f, 0.58f, 1.0f}, cord_colour{0.80f, 0.68f, 0.30f, 1.0f};
  for (glm::vec4& c : out.colour) c = bone_colour;
  out.colour[kSlotCord] = cord_colour;
  out.colour[kSlotStaticDisc] = glm::vec4(0.62f, 0.66f, 0.72f, 1.0f);
  const auto linear = [](const glm::vec4& s) {
    return glm::vec4(std::pow(s.r, 2.2f), std::pow(s.g, 2.2f), std::pow(s.b, 2.2f), 1.0f);
  };
  for (int i = 0; i < n; ++i) {
    out.colour[kSlotDisc0 + i] = linear(disc_pressure_colour(levels[i].pressure_mpa));
    out.colour[kSlotRoot0 + i] = linear(nerve_root_colour(levels[i].nerve_compression));
    out.bulge_mm[kSlotDisc0 + i] = std::max(0.0f, f(levels[i].protrusion_mm)) * kBulgeExaggeration;
  }
  const auto world = [&](int i, const vec3& local) { return vec3(place * now.frame[i] * glm::vec4(local, 1.0f)); };
  for (int i = 0; i < spec.count; ++i) {
    out.bone[i] = place * now.frame[i] * glm::inverse(rest.frame[i]);
    const auto& g = spec.vertebrae[i].g;
    out.vertebra_centre_m[i] = world(i, vec3(0.5f * f(g.body_height_mm), 0, 0));
    if (i + 1 < spec.count) {
      const float x = f(g.body_height_mm) + 0.5f * spec.discs[i].height_mm;
      out.disc_back_m[i] = world(i, vec3(x, -0.5f * f(g.endplate_depth_mm), 0));
      const std::vector<vec3> path = root_path(spec.vertebrae[i], spec.discs[i], 1.0f, spec.cervical);
      out.root_exit_m[i] = world(i, path[3]);
    }
    out.min_m = i == 0 ? out.vertebra_centre_m[i] : glm::min(out.min_m, out.vertebra_centre_m[i]);
    out.max_m = i == 0 ? out.vertebra_centre_m[i] : glm::max(out.max_m, out.vertebra_centre_m[i]);
  }
  const int a = spec.first_level, b = spec.first_level + n;
  out.centre_m = 0.5f * (out.vertebra_centre_m[a] + out.vertebra_centre_m[b]);
  return out;
}

}  // namespace tractus::render
