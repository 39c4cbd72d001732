// Lumbar, thoracic and cervical vertebrae built from one level's dimensions (anatomy_mesh.h).
// Frame: X caudal from the upper endplate's centre, Y anterior, Z lateral; millimetres.
// Shapes of the posterior elements are proportions of the level's body and canal [U: drawn
// to read as the bone, not measured]; the body, pedicles and canal are the twin's figures.
#include <cmath>

#include "anatomy_sweep.h"
#include "render/anatomy_mesh.h"

namespace tractus::render {

namespace {

using glm::vec2;
using glm::vec3;
constexpr vec3 kX{1, 0, 0}, kY{0, 1, 0}, kZ{0, 0, 1};
constexpr int kSeg = 14;  // segments round a process; bodies use more

float f(double x) { return static_cast<float>(x); }

// a tube along a polyline, the same half sizes at every point unless given per point
void tube(AnatomyMesh& m, const std::string& name, const std::vector<vec3>& path, const std::vector<vec2>& half,
          const vec3& up, int segments = kSeg) {
  sweep::add(m, name, sweep::along(path, half, up), sweep::superellipse(), segments, kSlotBone);
}

// the vertebral body: kidney-shaped, its waist drawn in, its endplates dished
void body(AnatomyMesh& m, float width, float depth, float height, float waist, float dish, float exponent) {
  std::vector<sweep::Ring> rings;
  constexpr int kStations = 7;
  for (int i = 0; i < kStations; ++i) {
    const float t = static_cast<float>(i) / static_cast<float>(kStations - 1);
    const float s = 1.0f - waist * std::sin(3.14159265f * t);
    sweep::Ring r;
    r.centre = kX * (height * t);
    r.u = kZ;
    r.v = kY;
    r.a = 0.5f * width * s;
    r.b = 0.5f * depth * s;
    rings.push_back(r);
  }
  const sweep::Section section = exponent > 2.0f ? sweep::superellipse(exponent) : sweep::kidney();
  sweep::add(m, "body", rings, section, 32, kSlotBone, {dish}, {dish});
}

// [SECTION] lumbar and thoracic
void lumbar(AnatomyMesh& m, const VertebraSpec& s) {
  const auto& g = s.g;
  const float W = f(g.endplate_width_mm), D = f(g.endplate_depth_mm), H = f(g.body_height_mm);
  const float pw = f(g.pedicle_width_mm), ph = f(g.pedicle_height_mm);
  const float cw = f(g.canal_width_mm), cd = f(g.canal_depth_mm);
  const bool thoracic = s.kind == VertebraKind::Thoracic;
  body(m, W, D, H, 0.08f, 0.06f * H, 2.0f);
  const float back = -0.5f * D;                      // posterior wall of the body
  const float arch = back - cd;                      // inner face of the arch at the midline
  const float ped_x = 0.5f * ph + 0.06f * H;         // pedicles spring from the upper body
  const float ped_end = back - 0.6f * cd;
  const float facet = f(g.facet_transverse_deg) * 3.14159265f / 180.0f;
  for (int side = -1; side <= 1; side += 2) {
    const char* tag = side < 0 ? "_right" : "_left";
    const float zs = static_cast<float>(side);
    const float zp = zs * (0.5f * cw + 0.5f * pw);  // pedicle axis: its inner face on the canal
    tube(m, std::string("pedicle") + tag, {vec3(ped_x, back + 3.0f, zp), vec3(ped_x, ped_end, zp)},
         {vec2(0.5f * pw, 0.5f * ph)}, kX);
    // lamina: from the pedicle round the canal to the midline, its inner face on the canal
    tube(m, std::string("lamina") + tag,
         {vec3(0.45f * H, ped_end, zp + zs * 0.1f * pw), vec3(0.55f * H, arch - 2.5f, zs * 1.5f)},
         {vec2(2.5f, 0.36f * H)}, kX);
    // transverse process, out beyond the body; thoracic ones are short and carry the ribs
    const float reach = thoracic ? 0.95f * W : 0.85f * W;
    tube(m, std::string("transverse") + tag,
         {vec3(0.4f * H, ped_end, zp), vec3(0.45f * H, ped_end - 0.15f * cd, zs * reach)},
         {vec2(3.5f, 0.22f * H), vec2(3.0f, 0.15f * H)}, kX);
    // the facets: superior processes rise above the upper endplate, inferior ones hang below
    // the lower; their joint lines turn from sagittal by the level's facet angle
    const vec3 joint_line = glm::normalize(vec3(0.0f, std::cos(facet), -zs * std::sin(facet)));
    const vec3 sup(0.0f, back - 0.72f * cd, zp + zs * 0.15f * pw);
    tube(m, std::string("facet_superior") + tag, {sup + vec3(0.35f * H, 0, 0), sup + vec3(-0.3f * H, 0, 0)},
         {vec2(3.0f, 6.0f), vec2(2.5f, 5.0f)}, joint_line, 10);
    const vec3 inf(0.0f, back - 0.9f * cd, zp - zs * 0.25f * pw);
    tube(m, std::string("facet_inferior") + tag, {inf + vec3(0.65f * H, 0, 0), inf + vec3(1.3f * H, 0, 0)},
         {vec2(2.5f, 5.5f), vec2(2.2f, 4.5f)}, joint_line, 10);
  }
  // spinous process: back from the laminae's meeting and caudally (steeply in the thorax)
  const float reach = thoracic ? 0.8f * D : 0.9f * D;
  const float drop = thoracic ? 0.7f * H : 0.25f * H;
  const float tall = thoracic ? 0.25f * H : 0.36f * H;  // a thoracic process is slender
  // (its root runs straight back, so it never dips into the canal)
  tube(m, "spinous", {vec3(0.5f * H, arch - 2.5f, 0), vec3(0.5f * H, arch - 0.3f * reach, 0),
                      vec3(0.55f * H + 0.5f * drop, arch - 0.6f * reach, 0), vec3(0.6f * H + drop, arch - reach, 0)},
       {vec2(3.0f, tall), vec2(3.0f, 0.95f * tall), vec2(3.0f, 0.85f * tall), vec2(3.5f, 0.8f * tall)}, kX);
}

// [SECTION] cervical
void cervical(AnatomyMesh& m, const VertebraSpec& s) {
  const auto& g = s.g;
  const float W = f(g.endplate_width_mm), D = f(g.endplate_depth_mm), H = f(g.body_height_mm);
  const float pw = f(g.pedicle_width_mm), ph = f(g.pedicle_height_mm);
  const float cw = f(g.canal_width_mm), cd = f(g.canal_depth_mm);
  body(m, W, D, H, 0.05f, 0.04f * H, 3.0f);
  const float back = -0.5f * D;
  const float arch = back - cd;
  const bool bifid = s.kind == VertebraKind::Cervical || s.kind == VertebraKind::Axis;
  for (int side = -1; side <= 1; side += 2) {
    const char* tag = side < 0 ? "_right" : "_left";
    const float zs = static_cast<float>(side);
    // uncinate process: a lip on each upper lateral edge of the body, rising above the endplate
    tube(m, std::string("uncinate") + tag, {vec3(-0.15f * H, back + 0.2f * D, zs * (0.5f * W - 1.2f)),
                                            vec3(-0.15f * H, 0.15f * D, zs * (0.5f * W - 1.2f))},
         {vec2(1.2f, 0.2f * H)}, kX, 8);
    // pedicles run back and out to the articular pillars either side of the wide canal
    const float zl = zs * (0.5f * cw + 0.5f * pw);
    const vec3 pillar(0.0f, back - 0.35f * cd, zl);
    tube(m, std::string("pedicle") + tag, {vec3(0.4f * H, back + 2.0f, zs * (0.5f * W - 1.5f)), pillar + vec3(0.4f * H, 0, 0)},
         {vec2(0.5f * pw, 0.5f * ph)}, kX);
    // the articular pillar carries both facets: it overlaps the next pillar across the disc
    tube(m, std::string("facet_pillar") + tag, {pillar + vec3(-0.3f * H, 0, 0), pillar + vec3(1.25f * H, -0.15f * H, 0)},
         {vec2(4.5f, 5.0f)}, kZ, 10);
    tube(m, std::string("transverse") + tag,
         {vec3(0.5f * H, -0.1f * D, zs * 0.5f * W), vec3(0.55f * H, back + 0.1f * D, zl + zs * 8.0f)},
         {vec2(2.2f, 0.18f * H), vec2(2.0f, 0.14f * H)}, kX, 10);
    tube(m, std::string("lamina") + tag, {pillar + vec3(0.5f * H, -2.0f, 0), vec3(0.6f * H, arch - 1.5f, zs * 1.2f)},
         {vec2(1.8f, 0.33f * H)}, kX, 10);
    if (bifid) {
      // a bifid spinous process: two tips from one stem
      const float reach = s.kind == VertebraKind::Axis ? 1.2f * D : 0.85f * D;
      tube(m, std::string("spinous") + tag, {vec3(0.65f * H, arch - 0.5f * reach, 0), vec3(0.95f * H, arch - reach, zs * 4.0f)},
           {vec2(1.8f, 0.22f * H), vec2(2.0f, 0.18f * H)}, kX, 10);
    }
  }
  if (bifid) {
    const float reach = s.kind == VertebraKind::Axis ? 1.2f * D : 0.85f * D;
    tube(m, "spinous", {vec3(0.55f * H, arch - 1.0f, 0), vec3(0.68f * H, arch - 0.55f * reach, 0)},
         {vec2(2.2f, 0.28f * H)}, kX, 10);
  } else {
    // C7 (vertebra prominens) and T1: one long tip
    const float reach = s.kind == VertebraKind::FirstThoracic ? 2.0f * D : 1.7f * D;
    tube(m, "spinous", {vec3(0.55f * H, arch - 1.0f, 0), vec3(0.9f * H, arch - 0.6f * reach, 0), vec3(1.2f * H, arch - reach, 0)},
         {vec2(2.5f, 0.3f * H), vec2(2.5f, 0.22f * H), vec2(3.0f, 0.22f * H)}, kX, 10);
  }
  if (s.kind == VertebraKind::Axis) {
    // the dens rises from C2's upper endplate into the ring of C1, about 15 mm [U]
    const float length = 1.0f * H;
    tube(m, "dens", {vec3(0.2f * H, 0.1f * D, 0), vec3(-0.5f * length, 0.1f * D, 0), vec3(-length, 0.1f * D, 0)},
         {vec2(0.3f * W, 0.3f * W), vec2(0.27f * W, 0.27f * W), vec2(0.12f * W, 0.12f * W)}, kY, 16);
  }
}

}  // namespace

void add_sacrum_and_pelvis(AnatomyMesh& m, const VertebraSpec& s);  // anatomy_mesh_pelvis.cpp
void add_ribs(AnatomyMesh& m, const VertebraSpec& s);               // anatomy_mesh_pelvis.cpp

AnatomyMesh vertebra_mesh(const VertebraSpec& spec) {
  AnatomyMesh m;
  switch (spec.kind) {
    case VertebraKind::Thoracic:
      lumbar(m, spec);
      add_ribs(m, spec);
      break;
    case VertebraKind::Lumbar: lumbar(m, spec); break;
    case VertebraKind::Sacrum: add_sacrum_and_pelvis(m, spec); break;
    case VertebraKind::Axis:
    case VertebraKind::Cervical:
    case VertebraKind::Prominens:
    case VertebraKind::FirstThoracic: cervical(m, spec); break;
  }
  return m;
}

}  // namespace tractus::render
