#include "controller/prescription.h"

#include "controller/config.h"

namespace tractus::controller {

namespace {
PrescriptionCheck refuse(const char* field, const char* reason) {
  PrescriptionCheck c;
  c.ok = false;
  c.field = field;
  c.reason = reason;
  return c;
}
// true when x is a number within [lo, hi]; NaN fails both comparisons and is refused
bool within(float x, float lo, float hi) { return x >= lo && x <= hi; }
}  // namespace

PrescriptionCheck check_prescription(const hal::Prescription& p) {
  const bool lumbar = p.region == hal::Region::Lumbar;
  const float max_n = lumbar ? kMaxLumbarForceN : kMaxCervicalForceN;
  if (!within(p.max_force_n, 1.0f, max_n)) {
    return refuse("max_force_n", lumbar ? "must be between 1 N and 890 N (200 lbf) for lumbar"
                                        : "must be between 1 N and 222 N (50 lbf) for cervical");
  }
  if (!within(p.ramp_s, 1.0f, 600.0f)) {
    return refuse("ramp_s", "must be between 1 s and 600 s");
  }
  if (!within(p.treatment_s, 60.0f, 5940.0f)) {
    return refuse("treatment_s", "must be between 1 min and 99 min");
  }
  if (!within(p.release_n_per_s, 5.0f, 200.0f)) {
    return refuse("release_n_per_s", "must be between 5 N/s and 200 N/s");
  }
  if (p.ramp_s + p.max_force_n / p.release_n_per_s >= p.treatment_s) {
    return refuse("treatment_s", "is too short to ramp up and release at the set speeds");
  }
  return PrescriptionCheck{};
}

}  // namespace tractus::controller
