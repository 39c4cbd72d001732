// Procedural spine anatomy as CPU meshes: vertebrae, discs, sacrum and pelvis, lower ribs,
// nerve roots and the cord, generated from the twin's per-level geometry (twin/anatomy.h).
//
// Meshes are built in millimetres. A single vertebra is built in its own frame: X runs
// caudally from the upper endplate's centre (x = 0) to the lower one (x = body height), Y is
// anterior and Z lateral. A whole chain is built in its rest ("bind") pose, each vertex bound
// to one or two of the chain's vertebrae, so that one draw call with one bone matrix per
// vertebra moves every part with the twin (anatomy_pose.h computes those matrices).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "twin/anatomy.h"

namespace tractus::render {

/// Colour slots: every vertex names the slot its colour comes from, so one draw call colours
/// bone, cord, each disc by its pressure and each root by its compression.
constexpr int kSlotBone = 0;
constexpr int kSlotCord = 1;
constexpr int kSlotStaticDisc = 2;  ///< thoracic discs the twin does not model
constexpr int kSlotDisc0 = 3;       ///< + level: disc level 0..5
constexpr int kSlotRoot0 = 9;       ///< + level: nerve roots of level 0..5
constexpr int kAnatomySlots = 16;
/// Most vertebrae (bones) in one chain: T10..S1 lumbar (9), C2..T1 cervical (7).
constexpr int kMaxChainVertebrae = 10;

/// One vertex: position and normal in the mesh's frame (millimetres), the two bones it follows
/// (weight_b of bone_b, the rest of bone_a), its colour slot, and how strongly the disc's
/// herniation bulge pushes it outward (0 for everything but a disc's posterior rim).
struct AnatomyVertex {
  glm::vec3 position_mm{0.0f};
  glm::vec3 normal{0.0f};
  float bone_a = 0.0f, bone_b = 0.0f, weight_b = 0.0f;
  float slot = 0.0f;
  float bulge = 0.0f;
};

/// A named, closed piece of a mesh (a vertebral body, a pedicle, a disc) and its bounds in the
/// mesh's frame.
struct MeshPart {
  std::string name;
  uint32_t first_index = 0, index_count = 0;
  glm::vec3 min_mm{0.0f}, max_mm{0.0f};
};

/// Triangles (three indices each, counter-clockwise seen from outside) over the vertices.
struct AnatomyMesh {
  std::vector<AnatomyVertex> vertices;
  std::vector<uint32_t> indices;
  std::vector<MeshPart> parts;

  /// The part with this name, or null.
  const MeshPart* part(const std::string& name) const;
  /// Appends another mesh, its positions and normals taken through frame (a rigid transform),
  /// every vertex bound to bone; part names get the prefix.
  void append(const AnatomyMesh& other, const glm::mat4& frame, int bone, const std::string& prefix);
};

/// What kind of vertebra to build; the shapes differ by region.
enum class VertebraKind { Thoracic, Lumbar, Sacrum, Axis, Cervical, Prominens, FirstThoracic };

/// One vertebra of a chain: its name, kind and dimensions (the twin's row for the level below
/// it, or a row scaled for the vertebrae the twin has no row for).
struct VertebraSpec {
  const char* name = "";
  VertebraKind kind = VertebraKind::Lumbar;
  twin::anatomy::LevelGeometry g;
};

/// Builds one vertebra in its own frame (see the top of this file). Lumbar and thoracic ones
/// have a body with a concave waist and dished endplates, pedicles, laminae, spinous and
/// transverse processes and superior and inferior articular processes (the facets); cervical
/// ones add uncinate processes and a bifid spinous process, C2 (Axis) a dens; a thoracic one
/// carries its ribs. The Sacrum kind builds the sacrum with both ilia and the pubic rami.
AnatomyMesh vertebra_mesh(const VertebraSpec& spec);

}  // namespace tractus::render
