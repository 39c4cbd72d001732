// Geometry of the treated spinal chain for the segmental mechanics (internal to the twin).
//
// The chain is serial: the harness force passes through every level. Each level's axis has its
// own orientation to the table (from the lordosis of the discs between it and the chain's
// anchor), and its centre of rotation its own distance from the harness's load point along the
// chain, so the same pull puts a different axial force, shear and bending moment on each level.
#pragma once

#include "twin/model.h"

namespace tractus::twin::detail {

struct ChainGeometry {
  int count = 0;
  /// Orientation of each level's axis, pointing toward the harness's load point, above the
  /// table (degrees): the pull angle at which the whole pull is axial at this level.
  double axis_deg[kMaxLevels] = {};
  /// Distance along the chain from the load point to the level's centre of rotation, metres.
  double lever_m[kMaxLevels] = {};
  /// Distances from the centre of rotation to the disc's posterior and anterior edges, mm.
  double posterior_mm[kMaxLevels] = {};
  double anterior_mm[kMaxLevels] = {};
  /// Foraminal height below the level, lying unloaded, mm.
  double foramen_height_mm[kMaxLevels] = {};
  /// Nucleus area, square millimetres.
  double nucleus_area_mm2[kMaxLevels] = {};
};

/// The lumbar (cervical == false) or cervical chain of this patient: the anatomy of
/// twin/anatomy.h scaled by height and sex, in the posture of PatientModel::hips_flexed.
void chain_geometry(const PatientModel& patient, bool cervical, ChainGeometry& out);

/// Loads on one level from a traction force T at pull angle theta: axial (tension positive),
/// shear, and the flexion moment about the level's centre of rotation (newton-metres).
struct LevelLoad {
  double axial_n;
  double shear_n;
  double moment_nm;
};
LevelLoad level_load(const ChainGeometry& g, int level, double traction_n, double angle_deg,
                     double moment_share);

/// A chain's geometry with the trigonometry of one pull angle on it: the cosine and sine of the
/// angle between the pull and each level's axis, and the sine of the pull angle itself.
struct ChainPull {
  ChainGeometry geometry;
  double cos_off[kMaxLevels] = {};
  double sin_off[kMaxLevels] = {};
  double sin_angle = 0.0;
};

/// The chain's geometry and its trigonometry for angle_deg, memoised per thread and per chain
/// (lumbar, cervical): computed again only when an input it depends on has changed (the
/// patient's height, sex, posture, axis and lever fields, or the angle, compared bit for bit).
/// So it returns exactly what chain_geometry and level_load compute, and the twin's slow step
/// does not re-derive the anatomy and six sines and cosines a level every 10 ms. The reference
/// stays valid until the next call for the same chain on this thread.
const ChainPull& chain_pull(const PatientModel& patient, bool cervical, double angle_deg);

/// level_load of a memoised pull: the same products of the same factors, so the same bits.
inline LevelLoad level_load(const ChainPull& c, int i, double traction_n, double moment_share) {
  LevelLoad l;
  l.axial_n = traction_n * c.cos_off[i];
  l.shear_n = traction_n * c.sin_off[i];
  l.moment_nm = moment_share * traction_n * c.geometry.lever_m[i] * c.sin_angle;
  return l;
}

}  // namespace tractus::twin::detail
