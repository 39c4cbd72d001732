// Where the vertebrae, discs and nerve roots of the x-ray spine sit, and how they are coloured,
// computed from the twin's state alone. Pure functions (no GL, no ImGui) so they can be tested
// and shared by the 3D scene and the 2D spine panel.
//
// Coordinates follow the scene: metres, X along the table with the head at negative X, Y up.
// The patient lies supine, so anterior is +Y and the spinous processes point down (-Y).
#pragma once

#include <vector>

#include <glm/glm.hpp>

#include "twin/model.h"
#include "twin/state.h"

namespace tractus::render {

/// Disc separation is about a millimetre: both views draw it ten times larger and say so.
constexpr float kSeparationExaggeration = 10.0f;
/// A herniation protrudes a few millimetres: the 3D view draws it three times larger.
constexpr float kBulgeExaggeration = 3.0f;

/// Display colour (sRGB, opaque) of a disc's nucleus pressure: blue below zero (suction), pale
/// at zero, orange to red as pressure rises to 1200 mmHg (0.16 MPa). Shared by the 2D panel and
/// the 3D view. The pressure is gauge, in megapascals.
glm::vec4 disc_pressure_colour(double pressure_mpa);
/// Display colour (sRGB, opaque) of a nerve root: pale yellow when free, red when the twin's
/// compression (0 free .. 1 fully compressed) is high.
glm::vec4 nerve_root_colour(double compression);

/// One vertebral body: a cylinder along X from x0_m to x1_m, centred on the spine's axis.
struct SpineVertebra {
  const char* name = "";
  float x0_m = 0.0f, x1_m = 0.0f;
};

/// One disc between two vertebrae, with what the twin says about it.
struct SpineDisc {
  const char* name = "";
  float x0_m = 0.0f, x1_m = 0.0f;  // drawn height: resting height plus exaggerated separation
  float bulge_m = 0.0f;            // exaggerated herniation beyond the posterior rim
  double pressure_mpa = 0.0;       // nucleus pressure, gauge
  double nerve_compression = 0.0;
};

/// The chain on show, cranial first. Disc i lies between vertebra i and vertebra i + 1, and
/// matches the twin's level i (lumbar[0] is L1-2, cervical[0] is C2-3).
struct SpineLayout {
  bool cervical = false;
  float axis_y_m = 0.0f;       // height of the bodies' axis
  float body_radius_m = 0.0f;  // radius of the vertebral bodies
  int treated = 0;             // index of the treated (herniated) disc
  std::vector<SpineVertebra> vertebrae;
  std::vector<SpineDisc> discs;
};

/// Lays out the lumbar (L1 to S1) or cervical (C2 to T1) chain. The end that the table holds
/// still stays put: L1's cranial face at fixed_end_m for the lumbar chain (the pelvis is pulled
/// away from it), T1's caudal face at fixed_end_m for the cervical chain (the head is pulled).
SpineLayout layout_spine(const twin::TwinModel& model, const twin::TwinState& state, bool cervical,
                         const glm::vec3& fixed_end_m);

/// The treated level of a chain: the disc with the largest herniation in the model, else the
/// most compressed nerve root, else L4-5 / C5-6 (index 3).
int treated_level(const twin::TwinModel& model, const twin::TwinState& state, bool cervical);

}  // namespace tractus::render
