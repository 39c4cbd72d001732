// A spinal chain for the 3D view: which vertebrae and discs it has (from the twin's patient and
// twin/anatomy.h), where each vertebra sits for the twin's disc openings, and the one mesh of
// the whole chain in its rest pose, with every vertex bound to the vertebrae it moves with.
//
// Chain space is millimetres with X caudal, Y anterior (up, the patient lying supine) and Z
// lateral, the same axes as the scene's (the head at -X). Pure functions: no GL, no ImGui.
#pragma once

#include <glm/glm.hpp>

#include "render/anatomy_mesh.h"
#include "twin/model.h"
#include "twin/state.h"

namespace tractus::render {

/// One disc of a chain: resting mid height, wedge (lordosis, taller in front) and the twin's
/// level it shows (-1 for a thoracic disc the twin does not model).
struct ChainDisc {
  float height_mm = 0.0f;
  float wedge_deg = 0.0f;
  int level = -1;
};

/// The vertebrae of a chain, cranial first, and the discs between them (disc i lies below
/// vertebra i). Lumbar: T10, T11, T12 (held by the thoracic harness), L1..L5 and the sacrum
/// with the pelvis. Cervical: C2..C7 and T1.
struct ChainSpec {
  bool cervical = false;
  int count = 0;
  VertebraSpec vertebrae[kMaxChainVertebrae];
  ChainDisc discs[kMaxChainVertebrae - 1];
  /// Vertebra above the twin's level 0 (L1 or C2).
  int first_level = 0;
  /// Orientation of the first vertebra's caudal axis above the table, degrees: chosen so that
  /// the chain's two ends lie level (the apex of the lordosis up, away from the table).
  float start_axis_deg = 0.0f;
};

/// The chain for a patient: each vertebra's dimensions are the twin's row for the level below
/// it, scaled to the patient (twin::anatomy::scaled_level); each disc's wedge is the level's
/// lordosis (hips flexed or straight as the patient lies). The vertebrae the twin has no row
/// for are scaled from the nearest row [U]: T10-T12 from L1 by 0.88-0.96 with 4-degree
/// kyphotic discs of 5 mm, T1 from C7 by 1.08, the sacrum from L5.
ChainSpec chain_spec(const twin::PatientModel& patient, bool cervical);

/// Where each vertebra's frame (see anatomy_mesh.h) sits in chain space.
struct ChainPose {
  glm::mat4 frame[kMaxChainVertebrae];
};

/// The chain's pose when each modelled disc has opened by anterior_mm and posterior_mm at its
/// front and back rims (indexed by the twin's level; null for the rest pose). A disc never
/// closes below 30% of its resting height at either rim.
ChainPose chain_pose(const ChainSpec& spec, const float* anterior_mm = nullptr, const float* posterior_mm = nullptr);

/// The whole chain in its rest pose: every vertebra (bound to its own bone), every disc (its
/// upper rim bound to the vertebra above, its lower rim to the one below), the cord or cauda
/// equina down the canal, and both nerve roots of each modelled level leaving through the
/// foramen (bound to the vertebra above the disc).
AnatomyMesh chain_mesh(const ChainSpec& spec);

/// Depth of an endplate's dish for a vertebra, millimetres [U: about 6% of a lumbar body's
/// height, 4% of a cervical one's].
float endplate_dish_mm(const VertebraSpec& v);

/// What the view needs to draw a chain for one frame of the twin.
struct ChainFrame {
  int count = 0;
  glm::mat4 bone[kMaxChainVertebrae];        ///< rest-pose chain mm to world metres
  glm::vec4 colour[kAnatomySlots];           ///< linear RGB per colour slot
  float bulge_mm[kAnatomySlots] = {};        ///< outward push of each disc's posterior rim
  glm::vec3 vertebra_centre_m[kMaxChainVertebrae];
  glm::vec3 disc_back_m[kMaxChainVertebrae];  ///< middle of each disc's posterior rim
  glm::vec3 root_exit_m[kMaxChainVertebrae];  ///< where each disc's left root leaves the foramen
  glm::vec3 centre_m{0.0f};                   ///< middle of the modelled levels
  glm::vec3 min_m{0.0f}, max_m{0.0f};         ///< bounds of the vertebral bodies' centres
};

/// Poses the chain for the twin's state: each level's mean opening (of the twin's anterior and
/// posterior separation) is drawn times the view's exaggeration (spine_layout.h) while the
/// difference between its rims, the tilt, stays true to scale; the herniation bulges
/// its disc's back by the protrusion times the bulge exaggeration, discs take their pressure
/// colour and roots their compression colour. The held end stays put: L1's upper endplate
/// centre (lumbar) or T1's lower one (cervical) at held_m, in the coordinates that
/// world_from_table takes to the world.
ChainFrame chain_frame(const ChainSpec& spec, const ChainPose& rest, const twin::TwinState& state,
                       const glm::vec3& held_m, const glm::mat4& world_from_table);

}  // namespace tractus::render
