#include "render/spine_layout.h"
#include "render/units.h"

#include <algorithm>

#include "scenarios/disc_levels.h"

namespace tractus::render {

namespace {

const char* const kLumbarVertebrae[] = {"L1", "L2", "L3", "L4", "L5", "S1"};
const char* const kCervicalVertebrae[] = {"C2", "C3", "C4", "C5", "C6", "C7", "T1"};

// adult sizes, metres: lumbar bodies about 26 mm tall with 9 mm discs, cervical about 14 and 5
struct ChainSize {
  float body_m, disc_m, radius_m;
};
constexpr ChainSize kLumbarSize{0.026f, 0.009f, 0.021f};
constexpr ChainSize kCervicalSize{0.014f, 0.005f, 0.011f};
// a disc squeezed by guarding never draws thinner than this share of its resting height
constexpr float kMinDiscShare = 0.4f;
constexpr int kDefaultTreated = 3;  // L4-5 or C5-6, the commonest levels

}  // namespace

glm::vec4 disc_pressure_colour(double pressure_mpa) {
  // the display edge: the scale's stops are the clinician's mmHg
  const double pressure_mmhg = units::mmhg_from_mpa(pressure_mpa);
  if (pressure_mmhg < 0.0) {
    const float t = std::clamp(static_cast<float>(-pressure_mmhg / 150.0), 0.0f, 1.0f);
    return {0.85f - 0.75f * t, 0.88f - 0.48f * t, 0.92f - 0.02f * t, 1.0f};
  }
  const float t = std::clamp(static_cast<float>(pressure_mmhg / 1200.0), 0.0f, 1.0f);
  return {0.85f + 0.12f * t, 0.88f - 0.58f * t, 0.92f - 0.77f * t, 1.0f};
}

glm::vec4 nerve_root_colour(double compression) {
  const float c = std::clamp(static_cast<float>(compression), 0.0f, 1.0f);
  return {0.95f, 0.85f - 0.75f * c, 0.35f - 0.3f * c, 1.0f};
}

int treated_level(const twin::TwinModel& model, const twin::TwinState& state, bool cervical) {
  const int n = cervical ? twin::kCervicalLevels : twin::kLumbarLevels;
  const twin::DiscModel* discs = cervical ? model.patient.cervical : model.patient.lumbar;
  const twin::LevelState* levels = cervical ? state.patient.cervical : state.patient.lumbar;
  int best = -1;
  for (int i = 0; i < n; ++i) {
    if (discs[i].protrusion_mm > 0.0 && (best < 0 || discs[i].protrusion_mm > discs[best].protrusion_mm)) best = i;
  }
  if (best >= 0) return best;
  for (int i = 0; i < n; ++i) {
    if (levels[i].nerve_compression > 0.0 &&
        (best < 0 || levels[i].nerve_compression > levels[best].nerve_compression)) {
      best = i;
    }
  }
  return best >= 0 ? best : kDefaultTreated;
}

SpineLayout layout_spine(const twin::TwinModel& model, const twin::TwinState& state, bool cervical,
                         const glm::vec3& fixed_end_m) {
  SpineLayout out;
  out.cervical = cervical;
  const ChainSize size = cervical ? kCervicalSize : kLumbarSize;
  const int n = cervical ? twin::kCervicalLevels : twin::kLumbarLevels;
  const twin::LevelState* levels = cervical ? state.patient.cervical : state.patient.lumbar;
  const char* const* vertebra_names = cervical ? kCervicalVertebrae : kLumbarVertebrae;
  const hal::Region chain = cervical ? hal::Region::Cervical : hal::Region::Lumbar;
  out.axis_y_m = fixed_end_m.y;
  out.body_radius_m = size.radius_m;
  out.treated = treated_level(model, state, cervical);

  // drawn disc heights first, so the chain can be stacked from either end
  std::vector<float> disc_h(static_cast<size_t>(n));
  float total_m = static_cast<float>(n + 1) * size.body_m;
  for (int i = 0; i < n; ++i) {
    const float open_m = static_cast<float>(levels[i].separation_mm) * 1e-3f * kSeparationExaggeration;
    disc_h[static_cast<size_t>(i)] = std::max(size.disc_m + open_m, kMinDiscShare * size.disc_m);
    total_m += disc_h[static_cast<size_t>(i)];
  }
  // lumbar: the cranial end is held; cervical: the caudal end is held
  float x = cervical ? fixed_end_m.x - total_m : fixed_end_m.x;
  for (int i = 0; i <= n; ++i) {
    out.vertebrae.push_back(SpineVertebra{vertebra_names[i], x, x + size.body_m});
    x += size.body_m;
    if (i == n) break;
    SpineDisc d;
    d.name = scenarios::disc_level_label(chain, i);
    d.x0_m = x;
    d.x1_m = x + disc_h[static_cast<size_t>(i)];
    d.bulge_m = std::max(0.0f, static_cast<float>(levels[i].protrusion_mm) * 1e-3f * kBulgeExaggeration);
    d.pressure_mpa = levels[i].pressure_mpa;
    d.nerve_compression = levels[i].nerve_compression;
    out.discs.push_back(d);
    x = d.x1_m;
  }
  return out;
}

}  // namespace tractus::render
