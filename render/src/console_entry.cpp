#include "render/console_entry.h"

#include <cmath>

namespace tractus::render {

namespace {

// the display edge's float conversion, as the panel has always sent a typed force
double lbf_to_n(float lbf) { return to_newtons(lbf, ForceUnit::Lbf); }

}  // namespace

console::PrescriptionEntry power_on_entry() {
  console::PrescriptionEntry e;
  e.region = hal::Region::Lumbar;
  e.protocol = hal::Protocol::Static;
  e.max_force_n = lbf_to_n(70.0f);
  e.ramp_s = 30.0;
  e.treatment_s = 10.0 * 60.0;
  e.release_n_per_s = lbf_to_n(9.0f);
  e.base_force_n = lbf_to_n(35.0f);
  e.hold_s = 60.0;
  e.rest_s = 30.0;
  e.cycles = 0;
  return e;
}

void apply_region_defaults(console::PrescriptionEntry& entry, hal::Region region) {
  // a lumbar force is out of the cervical unit's range: each region starts from its own
  const bool cervical = region == hal::Region::Cervical;
  entry.region = region;
  entry.max_force_n = lbf_to_n(cervical ? 25.0f : 70.0f);
  entry.base_force_n = lbf_to_n(cervical ? 12.5f : 35.0f);
}

float shown_force(double force_n, ForceUnit unit) {
  const float v = to_display(static_cast<float>(force_n), unit);
  return std::round(v * 100.0f) / 100.0f;
}

}  // namespace tractus::render
