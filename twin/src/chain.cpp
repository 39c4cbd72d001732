// Geometry and loads of the serial segmental chain (docs/twin.md, "The segmental chain").
#include "chain.h"

#include "twin/anatomy.h"
#include "twin/det_math.h"
#include "internal.h"

namespace tractus::twin::detail {

void chain_geometry(const PatientModel& p, bool cervical, ChainGeometry& g) {
  const anatomy::BodyScale scale = anatomy::body_scale(p.height_m, p.female);
  const int n = cervical ? kCervicalLevels : kLumbarLevels;
  g.count = n;
  anatomy::LevelGeometry lv[kMaxLevels];
  double wedge_deg[kMaxLevels];
  for (int i = 0; i < n; ++i) {
    lv[i] = anatomy::scaled_level(cervical ? anatomy::cervical_reference(i)
                                           : anatomy::lumbar_reference(i), scale);
    wedge_deg[i] = (!cervical && p.hips_flexed) ? lv[i].lordosis_hips_flexed_deg
                                                : lv[i].lordosis_hips_straight_deg;
    const double depth_mm = lv[i].endplate_depth_mm;
    g.anterior_mm[i] = lv[i].rotation_centre_depth_fraction * depth_mm;
    g.posterior_mm[i] = depth_mm - g.anterior_mm[i];
    g.foramen_height_mm[i] = lv[i].foramen_height_mm;
    g.nucleus_area_mm2[i] = anatomy::nucleus_area_mm2(lv[i]);
  }
  if (cervical) {
    // the head cradle sets C4-C5; toward the thorax each disc's wedge turns the cranial axis
    // further up, toward the head its axis turns down; the halter pulls from the head
    const int anchor = 2;
    g.axis_deg[anchor] = p.cervical_c45_axis_deg;
    for (int i = anchor + 1; i < n; ++i) {
      g.axis_deg[i] = g.axis_deg[i - 1] + 0.5 * (wedge_deg[i - 1] + wedge_deg[i]);
    }
    for (int i = anchor - 1; i >= 0; --i) {
      g.axis_deg[i] = g.axis_deg[i + 1] - 0.5 * (wedge_deg[i + 1] + wedge_deg[i]);
    }
    g.lever_m[0] = p.head_lever_m;
    for (int i = 1; i < n; ++i) {
      g.lever_m[i] = g.lever_m[i - 1] + 1e-3 * (lv[i].body_height_mm + lv[i].disc_height_mm);
    }
  } else {
    // the thoracic harness holds the thoracolumbar junction flat on the table; each disc's
    // wedge turns the caudal axis down on the way to the pelvis, which the pelvic harness pulls
    g.axis_deg[0] = p.lumbar_top_axis_deg - 0.5 * wedge_deg[0];
    for (int i = 1; i < n; ++i) {
      g.axis_deg[i] = g.axis_deg[i - 1] - 0.5 * (wedge_deg[i - 1] + wedge_deg[i]);
    }
    g.lever_m[n - 1] = p.pelvic_lever_m;
    for (int i = n - 2; i >= 0; --i) {
      g.lever_m[i] = g.lever_m[i + 1] + 1e-3 * (lv[i + 1].body_height_mm + lv[i + 1].disc_height_mm);
    }
  }
}

BodyFactors body_factors(const PatientModel& p) {
  const anatomy::BodyScale s = anatomy::body_scale(p.height_m, p.female);
  BodyFactors f;
  f.length = s.length;
  f.area = s.length * s.length * s.endplate * s.endplate;
  f.preload = det::clamp(p.body_mass_kg, 20.0, 300.0) / kReferenceBodyMassKg;
  f.pressure = f.preload / f.area;
  f.stiffness = f.area / f.length;
  return f;
}

LevelLoad level_load(const ChainGeometry& g, int i, double traction_n, double angle_deg,
                     double moment_share) {
  // the pull's line, at angle_deg above the table, resolved on the level's axis; its lever
  // about the centre of rotation grows with the distance from the load point and the angle
  const double off_rad = det::radians(angle_deg - g.axis_deg[i]);
  LevelLoad l;
  l.axial_n = traction_n * det::cos(off_rad);
  l.shear_n = traction_n * det::sin(off_rad);
  l.moment_nm = moment_share * traction_n * g.lever_m[i] * det::sin(det::radians(angle_deg));
  return l;
}

namespace {

// the inputs of a memoised pull
struct PullKey {
  double height_m, c45_axis_deg, head_lever_m, top_axis_deg, pelvic_lever_m, angle_deg;
  bool female, hips_flexed;
};

PullKey key_of(const PatientModel& p, double angle_deg) {
  return PullKey{p.height_m, p.cervical_c45_axis_deg, p.head_lever_m, p.lumbar_top_axis_deg,
                 p.pelvic_lever_m, angle_deg, p.female, p.hips_flexed};
}

bool same_key(const PullKey& a, const PullKey& b) {
  return same_bits(a.angle_deg, b.angle_deg) && same_bits(a.height_m, b.height_m) &&
         same_bits(a.c45_axis_deg, b.c45_axis_deg) && same_bits(a.head_lever_m, b.head_lever_m) &&
         same_bits(a.top_axis_deg, b.top_axis_deg) && same_bits(a.pelvic_lever_m, b.pelvic_lever_m) &&
         a.female == b.female && a.hips_flexed == b.hips_flexed;
}

struct PullMemo {
  bool valid = false;
  PullKey key{};
  ChainPull pull;
};

thread_local PullMemo pull_memo[2];  // lumbar, cervical

}  // namespace

const ChainPull& chain_pull(const PatientModel& p, bool cervical, double angle_deg) {
  PullMemo& m = pull_memo[cervical ? 1 : 0];
  const PullKey key = key_of(p, angle_deg);
  if (m.valid && same_key(m.key, key)) return m.pull;
  ChainPull& c = m.pull;
  chain_geometry(p, cervical, c.geometry);
  for (int i = 0; i < c.geometry.count; ++i) {
    // as level_load computes them
    const double off_rad = det::radians(angle_deg - c.geometry.axis_deg[i]);
    c.cos_off[i] = det::cos(off_rad);
    c.sin_off[i] = det::sin(off_rad);
  }
  c.sin_angle = det::sin(det::radians(angle_deg));
  m.key = key;
  m.valid = true;
  return c;
}

}  // namespace tractus::twin::detail
