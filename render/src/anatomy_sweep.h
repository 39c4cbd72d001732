// Swept tubes: the one primitive the procedural anatomy is made of. A sweep is a sequence of
// rings (a closed cross-section placed in 3D) joined side to side and closed with caps, so
// every part is a closed surface with outward normals.
#pragma once

#include <functional>
#include <vector>

#include <glm/glm.hpp>

#include "render/anatomy_mesh.h"

namespace tractus::render::sweep {

/// A unit cross-section: the point at angle phi (radians, 0..2 pi), about radius 1.
using Section = std::function<glm::vec2(float phi)>;

/// An ellipse (exponent 2) or a superellipse (above 2: boxier).
Section superellipse(float exponent = 2.0f);
/// A vertebral body's outline: rounded in front (+v), with its back wall (-v) drawn in.
Section kidney();

/// One ring: its centre, the two axes of its plane and the half sizes along them; bone
/// binding and bulge weight apply to every vertex of the ring.
struct Ring {
  glm::vec3 centre{0.0f};
  glm::vec3 u{0, 0, 1}, v{0, 1, 0};
  float a = 1.0f, b = 1.0f;
  int bone_a = 0, bone_b = 0;
  float weight_b = 0.0f;
  /// Bulge weight of the ring's vertices as a function of their unit cross-section point;
  /// null for none.
  std::function<float(glm::vec2)> bulge;
};

/// How to close an end: flat, or dished by depth_mm along the sweep (positive: into the part).
struct Cap {
  float dish_mm = 0.0f;
};

/// Adds a closed sweep as a part: the side through the rings, a cap at each end. The winding is
/// made outward whatever the handedness of the ring axes, and normals are smooth over the side
/// and flat-ish over each cap.
void add(AnatomyMesh& m, const std::string& name, const std::vector<Ring>& rings, const Section& section,
         int segments, int slot, Cap first = {}, Cap last = {});

/// Rings along a polyline with half sizes interpolated from a (first) to b (last) per point;
/// each ring's v axis is "up" made perpendicular to the path.
std::vector<Ring> along(const std::vector<glm::vec3>& path, const std::vector<glm::vec2>& half_sizes,
                        const glm::vec3& up);

/// A closed ellipsoid-like blob from a to b (its long axis) with half sizes across it.
void blob(AnatomyMesh& m, const std::string& name, const glm::vec3& a, const glm::vec3& b, glm::vec2 half,
          const glm::vec3& up, int slot, int segments = 12);

/// Signed volume of a part (positive when its triangles wind outward), cubic millimetres.
double signed_volume(const AnatomyMesh& m, const MeshPart& p);

}  // namespace tractus::render::sweep
