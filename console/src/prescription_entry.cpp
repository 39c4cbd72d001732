#include "console/prescription_entry.h"

namespace tractus::console {

hal::Prescription PrescriptionEntry::to_hal() const {
  hal::Prescription p;
  p.region = region;
  p.protocol = protocol;
  p.max_force_n = static_cast<float>(max_force_n);
  p.ramp_s = static_cast<float>(ramp_s);
  p.treatment_s = static_cast<float>(treatment_s);
  p.release_n_per_s = static_cast<float>(release_n_per_s);
  p.base_force_n = static_cast<float>(base_force_n);
  p.hold_s = static_cast<float>(hold_s);
  p.rest_s = static_cast<float>(rest_s);
  // the HAL carries 0..99 cycles in a byte; anything else is left for the firmware to refuse
  p.cycles = static_cast<uint8_t>(cycles < 0 ? 0 : (cycles > 255 ? 255 : cycles));
  return p;
}

}  // namespace tractus::console
