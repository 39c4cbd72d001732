// Spine geometry as data: one table of per-level dimensions for the lumbar (L1-L2 .. L5-S1)
// and cervical (C2-C3 .. C7-T1) motion segments, for the segmental mechanics and the 3D view.
//
// The reference tables describe a 1.75 m man. scaled_level() scales them to a patient's
// height and sex. Each figure's source is given where the table is defined
// (twin/src/anatomy.cpp) and in docs/twin.md; tags follow DESIGN.md section 4: [S] a study,
// [P] a practitioner's teaching, [U] an assumption, configurable, not a fact. Lengths are
// millimetres and angles degrees, the units the anatomical literature reports them in; the
// physics converts at its edge.
#pragma once

namespace tractus::twin::anatomy {

/// Number of levels in each table (the same as kLumbarLevels and kCervicalLevels in model.h).
constexpr int kLumbarLevelCount = 5;    // L1-L2, L2-L3, L3-L4, L4-L5, L5-S1
constexpr int kCervicalLevelCount = 6;  // C2-C3, C3-C4, C4-C5, C5-C6, C6-C7, C7-T1

/// Height of the person the reference tables describe, metres.
constexpr double kReferenceHeightM = 1.75;

/// One motion segment: the vertebra above the disc and the disc below it. A disc named
/// "L4-L5" uses L4's body and endplate figures (the vertebra above it).
struct LevelGeometry {
  const char* name = "";
  // the vertebra above the disc
  double endplate_width_mm = 0.0;   ///< upper endplate, left to right
  double endplate_depth_mm = 0.0;   ///< upper endplate, front to back
  double body_height_mm = 0.0;      ///< posterior vertebral body height
  double pedicle_width_mm = 0.0;
  double pedicle_height_mm = 0.0;
  double canal_width_mm = 0.0;      ///< spinal canal, left to right
  double canal_depth_mm = 0.0;      ///< spinal canal, front to back
  // the disc
  double disc_height_mm = 0.0;      ///< mean (mid) disc height, unloaded lying
  /// Fraction of the endplate area the nucleus occupies; its area carries the nucleus
  /// pressure.
  double nucleus_area_fraction = 0.0;
  /// Wedge angle of the disc plane (lordosis, positive when the disc is taller in front),
  /// supine with hips and knees flexed over a bolster, and supine with the legs straight.
  double lordosis_hips_flexed_deg = 0.0;
  double lordosis_hips_straight_deg = 0.0;
  /// Centre of rotation of the segment in the sagittal plane: its distance from the front of
  /// the endplate as a fraction of the endplate depth, and its height above the lower
  /// endplate of the disc (negative: inside the vertebra below), millimetres.
  double rotation_centre_depth_fraction = 0.0;
  double rotation_centre_height_mm = 0.0;
  /// Facet joint orientation: in the transverse plane, the angle of the joint plane to the
  /// mid-sagittal plane (0: sagittal, 90: coronal); in the sagittal plane, its inclination
  /// to the transverse plane (90: vertical).
  double facet_transverse_deg = 0.0;
  double facet_sagittal_deg = 0.0;
  /// Intervertebral foramen below this vertebra: height (pedicle to pedicle, the dimension
  /// that opens in flexion) and width (front to back).
  double foramen_height_mm = 0.0;
  double foramen_width_mm = 0.0;
};

/// Reference tables, cranial to caudal, for a 1.75 m man.
const LevelGeometry& lumbar_reference(int level);    ///< 0 = L1-L2 .. 4 = L5-S1
const LevelGeometry& cervical_reference(int level);  ///< 0 = C2-C3 .. 5 = C7-T1

/// How a patient's body scales the reference geometry.
struct BodyScale {
  double length = 1.0;         ///< every length: height over the reference height
  double endplate = 1.0;       ///< extra factor on endplate width and depth (sex)
  double lumbar_lordosis = 1.0;    ///< factor on each lumbar disc's wedge angle (sex)
  double cervical_lordosis = 1.0;  ///< factor on each cervical disc's wedge angle (sex)
};

/// The scale for a patient of this height and sex. Lengths scale isometrically with height
/// [U]. A woman's endplates are 6% smaller than a man's of the same height [U: direction from
/// Ezra 2019, C3-C7, and Razzouk 2024, L1-S1, where women's vertebrae and foramina measured
/// smaller]; her lumbar lordosis is 10% larger [U: direction from Hegazy 2014, MRI of 93
/// adults, lordosis angle larger in women] and her cervical lordosis 10% smaller [U: direction
/// from Guo 2018, meta-analysis of 15,364 adults, lordosis higher in men]. Height is held to
/// 1.2-2.2 m, so a bad input cannot produce a zero or negative length.
BodyScale body_scale(double height_m, bool female);

/// A reference level scaled for a patient.
LevelGeometry scaled_level(const LevelGeometry& reference, const BodyScale& scale);

/// Endplate area as an ellipse of the endplate's width and depth, square millimetres.
double endplate_area_mm2(const LevelGeometry& g);

/// Area of the nucleus, square millimetres: nucleus_area_fraction of the endplate area.
double nucleus_area_mm2(const LevelGeometry& g);

/// Sum of the wedge angles of a chain's discs, supine, degrees (hips flexed or straight).
double lumbar_lordosis_deg(bool hips_flexed, const BodyScale& scale);
double cervical_lordosis_deg(const BodyScale& scale);

}  // namespace tractus::twin::anatomy
