// The reference spine geometry and its scaling. Every figure names its source; docs/twin.md
// (section "Anatomy") repeats the table with the same tags.
#include "twin/anatomy.h"

#include "twin/det_math.h"

namespace tractus::twin::anatomy {

namespace {

// Endplate depth and pedicle height from posterior body height h, a published regression used
// by open lumbar shape models (DESIGN.md section 4b) [U].
constexpr double depth_from_height(double h_mm) { return 1.2326 * h_mm + 2.838; }
constexpr double pedicle_height_from_height(double h_mm) { return 0.5528 * h_mm + 2.049; }

// Figures common to every lumbar level:
// - the nucleus takes about 43% of the endplate area [U: anatomy texts put it at 30-50% of the
//   disc's cross-section];
// - the centre of rotation lies in the posterior third of the disc, near the lower endplate
//   (DESIGN.md 4b [P]): 0.65 of the depth from the front, on the lower endplate;
// - the facet planes stand about vertical in the sagittal plane [P].
constexpr double kNucleusFraction = 0.43;
constexpr double kLumbarCorDepth = 0.65;
constexpr double kLumbarFacetSagittalDeg = 90.0;

// Lumbar columns, L1 .. L5 (the vertebra above each disc):
// - endplate width, posterior body height, canal width and depth: Panjabi 1992 (Spine 17:299,
//   12 specimens, means) [S];
// - pedicle width: Panjabi 1992 [S] (Zindrick 1987 gives 8.7, 8.9, 10.3, 12.9, 18.0 [S]);
// - disc height L1/2 .. L5/S1: CT of 700 adults (Shin 2024) [S];
// - lordosis with the legs straight: the wedge of each disc grows caudally, L5-S1 the largest
//   (Razzouk 2024, Neurosurgery 94:813, CT of 969 patients: segmental angulation increases
//   from L1 to S1 [S, direction]); the magnitudes 4, 6, 9, 12, 16 degrees (47 in all, inside
//   the 30-80 degree normal range of Hegazy 2014 [S]) are [U]. Supine with the legs straight
//   reproduces standing lordosis within a median 3 degrees (Andreasen 2007, J Manipulative
//   Physiol Ther 30:26 [S]), so these stand for both;
// - lordosis with hips flexed: flexing the hips tilts the pelvis back and flattens the lumbar
//   curve; 60% of the straight-leg wedge [U];
// - facets in the transverse plane: T12-L2 25.9-33.9 degrees, L3-L5 40.4-56.3 degrees to the
//   mid-sagittal plane (Masharawi 2004, Spine 29:1755, as quoted [S, secondary]); L1-L2 30.0,
//   L2-L3 33.9, L3-L4 40.4, L5-S1 56.3 from those ranges, L4-L5 48.0 between them [U];
// - foramen height and width: cadaver morphometry of 21 lumbar sets ("Morphometry of lumbar
//   intervertebral foramen", vertical diameter L1 14.83, L2 15.52, L3 15.29, L5 12.48 mm;
//   transverse L1 9.89, L3 9.78, L4 11.15 mm) [S]; L4 height 13.9 and the L2 (9.8) and L5
//   (12.8) widths are interpolated or set by its statement that at L5-S1 the width exceeds the
//   height [U].
struct LumbarRow {
  const char* name;
  double width, body_h, pedicle_w, canal_w, canal_d, disc_h, lordosis, facet, foramen_h,
      foramen_w;
};
constexpr LumbarRow kLumbarRows[kLumbarLevelCount] = {
    {"L1-L2", 41.2, 23.8, 8.60, 23.7, 19.0, 6.6, 4.0, 30.0, 14.83, 9.89},
    {"L2-L3", 42.6, 24.3, 8.25, 23.8, 18.2, 7.9, 6.0, 33.9, 15.52, 9.80},
    {"L3-L4", 44.1, 23.8, 10.15, 24.3, 17.5, 8.8, 9.0, 40.4, 15.29, 9.78},
    {"L4-L5", 46.6, 24.1, 14.05, 25.4, 18.6, 9.3, 12.0, 48.0, 13.90, 11.15},
    {"L5-S1", 47.3, 22.9, 18.60, 27.1, 19.7, 8.1, 16.0, 56.3, 12.48, 12.80},
};
constexpr double kHipsFlexedLordosisFactor = 0.6;

// Cervical columns, C2 .. C7, all [U] unless stated: the published tables (Panjabi 1991,
// cervical) were not at hand, so the figures follow the directions the accessible studies
// report:
// - endplate width and depth grow from C3 to C7 (Korean CT of 272 vertebrae, Spine 2007
//   32:E376 [S, direction]);
// - vertebral body height is least at C5 and greatest at C7 (mid-sagittal radiographs of 61
//   young adults, Am J Phys Anthropol [S, direction]); magnitudes about 14 mm [U];
// - the C2-C7 Cobb lordosis averages 12.7 degrees (Guo 2018, meta-analysis of 15,364
//   asymptomatic adults [S]); it is spread over the five discs C2-C3 .. C6-C7 as 3.0, 2.8,
//   2.6, 2.4, 1.9 degrees [U], and C7-T1 is taken as flat [U]. The hips do not change it;
// - the centre of rotation lies below the disc, near the upper endplate of the vertebra below
//   (Amevo 1991 [S, from memory: U]): 0.55 of the depth from the front, 2 mm below [U];
// - facets stand near coronal in the transverse plane and lean about 45 degrees in the
//   sagittal plane [P: anatomy teaching];
// - canal about 22-24 mm wide and 14-15 mm deep, foramen about 9 mm high and 5 mm wide [U].
struct CervicalRow {
  const char* name;
  double width, depth, body_h, pedicle_w, canal_w, canal_d, disc_h, lordosis, foramen_h,
      foramen_w;
};
constexpr CervicalRow kCervicalRows[kCervicalLevelCount] = {
    {"C2-C3", 15.0, 15.5, 15.0, 5.5, 22.0, 15.0, 4.8, 3.0, 8.5, 5.0},
    {"C3-C4", 15.8, 15.6, 14.2, 5.5, 23.5, 14.5, 5.0, 2.8, 9.0, 5.0},
    {"C4-C5", 16.5, 16.0, 13.9, 5.6, 24.0, 14.2, 5.2, 2.6, 9.2, 5.2},
    {"C5-C6", 17.5, 16.5, 13.6, 5.8, 24.2, 14.0, 5.4, 2.4, 9.2, 5.4},
    {"C6-C7", 19.5, 17.0, 14.3, 6.2, 24.0, 14.2, 5.2, 1.9, 9.0, 5.4},
    {"C7-T1", 22.0, 17.5, 15.6, 6.8, 23.0, 14.5, 5.0, 0.0, 9.0, 5.6},
};
constexpr double kCervicalCorDepth = 0.55;
constexpr double kCervicalCorHeightMm = -2.0;
constexpr double kCervicalFacetTransverseDeg = 85.0;
constexpr double kCervicalFacetSagittalDeg = 45.0;

struct Tables {
  LevelGeometry lumbar[kLumbarLevelCount];
  LevelGeometry cervical[kCervicalLevelCount];
};

Tables build_tables() {
  Tables t;
  for (int i = 0; i < kLumbarLevelCount; ++i) {
    const LumbarRow& r = kLumbarRows[i];
    LevelGeometry& g = t.lumbar[i];
    g.name = r.name;
    g.endplate_width_mm = r.width;
    g.endplate_depth_mm = depth_from_height(r.body_h);
    g.body_height_mm = r.body_h;
    g.pedicle_width_mm = r.pedicle_w;
    g.pedicle_height_mm = pedicle_height_from_height(r.body_h);
    g.canal_width_mm = r.canal_w;
    g.canal_depth_mm = r.canal_d;
    g.disc_height_mm = r.disc_h;
    g.nucleus_area_fraction = kNucleusFraction;
    g.lordosis_hips_straight_deg = r.lordosis;
    g.lordosis_hips_flexed_deg = r.lordosis * kHipsFlexedLordosisFactor;
    g.rotation_centre_depth_fraction = kLumbarCorDepth;
    g.rotation_centre_height_mm = 0.0;
    g.facet_transverse_deg = r.facet;
    g.facet_sagittal_deg = kLumbarFacetSagittalDeg;
    g.foramen_height_mm = r.foramen_h;
    g.foramen_width_mm = r.foramen_w;
  }
  for (int i = 0; i < kCervicalLevelCount; ++i) {
    const CervicalRow& r = kCervicalRows[i];
    LevelGeometry& g = t.cervical[i];
    g.name = r.name;
    g.endplate_width_mm = r.width;
    g.endplate_depth_mm = r.depth;
    g.body_height_mm = r.body_h;
    g.pedicle_width_mm = r.pedicle_w;
    g.pedicle_height_mm = 0.5 * r.body_h;  // [U]
    g.canal_width_mm = r.canal_w;
    g.canal_depth_mm = r.canal_d;
    g.disc_height_mm = r.disc_h;
    g.nucleus_area_fraction = kNucleusFraction;
    g.lordosis_hips_straight_deg = r.lordosis;
    g.lordosis_hips_flexed_deg = r.lordosis;
    g.rotation_centre_depth_fraction = kCervicalCorDepth;
    g.rotation_centre_height_mm = kCervicalCorHeightMm;
    g.facet_transverse_deg = kCervicalFacetTransverseDeg;
    g.facet_sagittal_deg = kCervicalFacetSagittalDeg;
    g.foramen_height_mm = r.foramen_h;
    g.foramen_width_mm = r.foramen_w;
  }
  return t;
}

const Tables& tables() {
  static const Tables t = build_tables();
  return t;
}

}  // namespace

namespace {
int clamp_level(int level, int count) { return level < 0 ? 0 : (level >= count ? count - 1 : level); }
}  // namespace

const LevelGeometry& lumbar_reference(int level) {
  return tables().lumbar[clamp_level(level, kLumbarLevelCount)];
}

const LevelGeometry& cervical_reference(int level) {
  return tables().cervical[clamp_level(level, kCervicalLevelCount)];
}

BodyScale body_scale(double height_m, bool female) {
  BodyScale s;
  // a NaN height fails every comparison and falls back to the reference
  const double h = height_m >= 1.2 && height_m <= 2.2 ? height_m
                   : height_m > 2.2                  ? 2.2
                   : height_m < 1.2                  ? 1.2
                                                     : kReferenceHeightM;
  s.length = h / kReferenceHeightM;
  if (female) {
    s.endplate = 0.94;
    s.lumbar_lordosis = 1.1;
    s.cervical_lordosis = 0.9;
  }
  return s;
}

LevelGeometry scaled_level(const LevelGeometry& r, const BodyScale& s) {
  LevelGeometry g = r;
  const double k = s.length;
  g.endplate_width_mm = r.endplate_width_mm * k * s.endplate;
  g.endplate_depth_mm = r.endplate_depth_mm * k * s.endplate;
  g.body_height_mm = r.body_height_mm * k;
  g.pedicle_width_mm = r.pedicle_width_mm * k;
  g.pedicle_height_mm = r.pedicle_height_mm * k;
  g.canal_width_mm = r.canal_width_mm * k;
  g.canal_depth_mm = r.canal_depth_mm * k;
  g.disc_height_mm = r.disc_height_mm * k;
  g.rotation_centre_height_mm = r.rotation_centre_height_mm * k;
  g.foramen_height_mm = r.foramen_height_mm * k;
  g.foramen_width_mm = r.foramen_width_mm * k;
  // a wedge's angle does not change with size; the sex factor differs by chain, told apart by
  // the level's name (every lumbar name starts with 'L', every cervical one with 'C')
  const double lordosis = r.name[0] == 'L' ? s.lumbar_lordosis : s.cervical_lordosis;
  g.lordosis_hips_flexed_deg = r.lordosis_hips_flexed_deg * lordosis;
  g.lordosis_hips_straight_deg = r.lordosis_hips_straight_deg * lordosis;
  return g;
}

double endplate_area_mm2(const LevelGeometry& g) {
  return 0.25 * det::kPi * g.endplate_width_mm * g.endplate_depth_mm;
}

double nucleus_area_mm2(const LevelGeometry& g) {
  return g.nucleus_area_fraction * endplate_area_mm2(g);
}

double lumbar_lordosis_deg(bool hips_flexed, const BodyScale& scale) {
  double sum = 0.0;
  for (int i = 0; i < kLumbarLevelCount; ++i) {
    const LevelGeometry g = scaled_level(lumbar_reference(i), scale);
    sum += hips_flexed ? g.lordosis_hips_flexed_deg : g.lordosis_hips_straight_deg;
  }
  return sum;
}

double cervical_lordosis_deg(const BodyScale& scale) {
  double sum = 0.0;
  for (int i = 0; i < kCervicalLevelCount; ++i) {
    sum += scaled_level(cervical_reference(i), scale).lordosis_hips_straight_deg;
  }
  return sum;
}

}  // namespace tractus::twin::anatomy
