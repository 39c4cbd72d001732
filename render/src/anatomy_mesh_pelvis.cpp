// The sacrum with both ilia and the pubic rami, and the lower ribs (anatomy_mesh.h). The
// sacrum's frame is S1's: X caudal from S1's upper endplate, Y anterior, Z lateral, mm.
// Pelvic proportions are fractions of L5's endplate width W and depth D, which the twin scales
// with the patient [U: drawn to read as the bone; a bi-iliac breadth of about 5.5 W, some
// 260 mm for the reference man, is within the adult range].
#include <cmath>
#include <string>

#include "anatomy_sweep.h"
#include "render/anatomy_mesh.h"

namespace tractus::render {

namespace {

using glm::vec2;
using glm::vec3;
constexpr vec3 kX{1, 0, 0}, kY{0, 1, 0}, kZ{0, 0, 1};

float f(double x) { return static_cast<float>(x); }

}  // namespace

void add_sacrum_and_pelvis(AnatomyMesh& m, const VertebraSpec& s) {
  const float W = f(s.g.endplate_width_mm), D = f(s.g.endplate_depth_mm);
  // S1's body, then the sacrum curving back (posterior) and narrowing to the coccyx
  {
    std::vector<sweep::Ring> rings;
    for (float x : {0.0f, 4.0f, 9.0f}) {
      sweep::Ring r;
      r.centre = kX * x;
      r.u = kZ;
      r.v = kY;
      r.a = 0.5f * W;
      r.b = 0.5f * D;
      rings.push_back(r);
    }
    sweep::add(m, "body", rings, sweep::kidney(), 32, kSlotBone, {0.8f}, {});
  }
  sweep::add(m, "sacrum",
             sweep::along({vec3(5.0f, -0.15f * D, 0), vec3(0.6f * D, -0.3f * D, 0), vec3(1.4f * D, -0.55f * D, 0),
                           vec3(2.2f * D, -1.0f * D, 0), vec3(2.7f * D, -1.45f * D, 0)},
                          {vec2(1.0f * W, 0.42f * D), vec2(0.95f * W, 0.32f * D), vec2(0.6f * W, 0.24f * D),
                           vec2(0.3f * W, 0.16f * D), vec2(0.12f * W, 0.1f * D)},
                          kY),
             sweep::superellipse(2.5f), 24, kSlotBone);
  for (int side = -1; side <= 1; side += 2) {
    const char* tag = side < 0 ? "_right" : "_left";
    const float zs = static_cast<float>(side);
    // the ilium: a curved plate from the sacroiliac joint up to the iliac crest, where the
    // pelvic harness bears; its face turns to look forward and in
    std::vector<sweep::Ring> rings;
    const float xs[] = {2.2f * D, 1.4f * D, 0.5f * D, -0.4f * D, -1.1f * D, -1.35f * D};
    const float zc[] = {1.25f, 1.45f, 1.75f, 2.1f, 2.4f, 2.5f};
    const float yc[] = {0.2f, 0.05f, 0.0f, 0.05f, 0.15f, 0.2f};
    const float half[] = {0.45f, 0.75f, 1.05f, 1.25f, 1.2f, 0.8f};
    for (int i = 0; i < 6; ++i) {
      const float turn = 0.55f + 0.15f * static_cast<float>(i) / 5.0f;  // radians from AP
      sweep::Ring r;
      r.centre = vec3(xs[i], yc[i] * D, zs * zc[i] * W);
      r.v = glm::normalize(vec3(0.0f, std::cos(turn), zs * std::sin(turn)));
      r.u = glm::normalize(glm::cross(r.v, kX));
      r.a = i == 0 ? 6.0f : 4.5f;
      r.b = half[i] * D;
      rings.push_back(r);
    }
    sweep::add(m, std::string("ilium") + tag, rings, sweep::superellipse(), 20, kSlotBone);
    // the pubic ramus runs forward and in from below the acetabulum to the symphysis
    const vec3 hip(2.3f * D, 0.45f * D, zs * 1.55f * W);
    sweep::add(m, std::string("pubis") + tag,
               sweep::along({hip, vec3(2.6f * D, 1.2f * D, zs * 1.2f * W), vec3(2.7f * D, 1.9f * D, zs * 0.5f * W),
                             vec3(2.7f * D, 2.1f * D, zs * 0.08f * W)},
                            {vec2(6.0f, 9.0f), vec2(5.0f, 7.0f), vec2(5.0f, 8.0f), vec2(5.5f, 9.0f)}, kX),
               sweep::superellipse(), 12, kSlotBone);
    // the femoral head in the acetabulum, for scale and to read as a hip
    sweep::blob(m, std::string("femoral_head") + tag, hip + vec3(-0.5f * D, 0.1f * D, zs * 0.3f * W),
                hip + vec3(0.45f * D, 0.1f * D, zs * 0.3f * W), vec2(0.46f * D, 0.46f * D), kY, kSlotBone, 16);
  }
}

void add_ribs(AnatomyMesh& m, const VertebraSpec& s) {
  // a lower rib leaves the transverse process, sweeps out and forward and falls caudally; the
  // tenth reaches round to the front, the twelfth stops short (a floating rib)
  const float W = f(s.g.endplate_width_mm), D = f(s.g.endplate_depth_mm), H = f(s.g.body_height_mm);
  const float reach = std::string(s.name) == "T12" ? 0.6f : std::string(s.name) == "T11" ? 0.85f : 1.0f;
  for (int side = -1; side <= 1; side += 2) {
    const float zs = static_cast<float>(side);
    std::vector<vec3> path = {vec3(0.4f * H, -0.5f * D - 8.0f, zs * 0.9f * W), vec3(0.8f * H, -0.6f * D, zs * 1.7f * W),
                              vec3(1.5f * H, 0.0f, zs * 2.6f * W)};
    if (reach > 0.7f) path.push_back(vec3(2.4f * H, 1.3f * D, zs * 3.0f * W));
    if (reach > 0.9f) path.push_back(vec3(3.3f * H, 2.6f * D, zs * 2.7f * W));
    sweep::add(m, std::string("rib") + (side < 0 ? "_right" : "_left"),
               sweep::along(path, {vec2(3.0f, 6.0f), vec2(3.0f, 7.0f), vec2(2.8f, 6.0f), vec2(2.5f, 5.0f), vec2(2.0f, 4.0f)},
                            kX),
               sweep::superellipse(), 10, kSlotBone);
  }
}

}  // namespace tractus::render
