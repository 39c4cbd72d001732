#include "controller/prescription.h"

#include "controller/config.h"
#include "controller/protocol.h"

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

void warn(PrescriptionCheck& c, const char* text) {
  if (c.warning_count < hal::kMaxPrescriptionWarnings) c.warnings[c.warning_count++] = text;
}
}  // namespace

PrescriptionCheck check_prescription(const hal::Prescription& p) {
  const bool lumbar = p.region == hal::Region::Lumbar;
  const bool periodic = p.protocol != hal::Protocol::Static;
  const float max_n = lumbar ? kMaxLumbarForceN : kMaxCervicalForceN;

  // [ranges] the table's limits
  if (!within(p.max_force_n, 1.0f, max_n)) {
    return refuse("max_force_n", lumbar ? "must be between 1 N and 890 N (200 lbf) for lumbar"
                                        : "must be between 1 N and 222 N (50 lbf) for cervical");
  }
  if (!within(p.ramp_s, 1.0f, 600.0f)) return refuse("ramp_s", "must be between 1 s and 600 s");
  if (!(periodic && p.cycles > 0) && !within(p.treatment_s, 60.0f, 5940.0f)) {
    return refuse("treatment_s", "must be between 1 min and 99 min");
  }
  if (!within(p.release_n_per_s, 5.0f, 200.0f)) {
    return refuse("release_n_per_s", "must be between 5 N/s and 200 N/s");
  }
  if (!within(p.base_force_n, 0.0f, p.max_force_n) || (periodic && !(p.base_force_n < p.max_force_n))) {
    return refuse("base_force_n", "must be at least 0 N and below max_force_n");
  }
  if (!within(p.hold_s, 1.0f, 600.0f)) return refuse("hold_s", "must be between 1 s and 600 s");
  if (!within(p.rest_s, 0.0f, 600.0f)) return refuse("rest_s", "must be between 0 s and 600 s");
  if (!within(p.ramp_down_s, 1.0f, 600.0f)) return refuse("ramp_down_s", "must be between 1 s and 600 s");
  if (p.progressive_steps > 10) return refuse("progressive_steps", "must be between 0 and 10");
  if (p.regressive_steps > 10) return refuse("regressive_steps", "must be between 0 and 10");
  if (p.cycles > 99) return refuse("cycles", "must be between 0 and 99");
  if (!within(p.pretension_n, 0.0f, 50.0f) || (p.pretension_n > 0.0f && !(p.pretension_n < p.max_force_n))) {
    return refuse("pretension_n", "must be between 0 N and 50 N and below max_force_n");
  }
  if (!(p.body_mass_kg == 0.0f || within(p.body_mass_kg, 20.0f, 250.0f))) {
    return refuse("body_mass_kg", "must be 0 (unknown) or between 20 kg and 250 kg");
  }

  // [time] the computed total must be 1..99 min and leave room for the main part
  const ProfilePlan plan = build_profile(p);
  if (!within(plan.total_s, 60.0f, 5940.0f)) {
    return refuse(periodic && p.cycles > 0 ? "cycles" : "treatment_s",
                  "gives a treatment time outside 1 min to 99 min");
  }
  const float fixed_s = plan.prologue.duration_s + plan.epilogue.duration_s + plan.final_release_s;
  if (!(fixed_s < plan.total_s)) {
    return refuse("treatment_s", "is too short to ramp up and release at the set speeds");
  }

  // [guidance] warn, do not refuse
  PrescriptionCheck c;
  c.total_s = plan.total_s;
  const float force_lbf = p.max_force_n / units::kNewtonsPerLbfF;
  if (lumbar) {
    const float body_weight_n = p.body_mass_kg * units::kStandardGravityF;
    if (p.body_mass_kg > 0.0f && p.max_force_n > 0.5f * body_weight_n) {
      warn(c, "lumbar force above 50% of body weight");
    }
    if (p.max_force_n > 60.0f * units::kStandardGravityF) warn(c, "lumbar force above the typical 60 kg");
    if (p.first_session) {
      const float cap_lbf = p.sex == hal::PatientSex::Male ? 50.0f : 40.0f;
      if (force_lbf > cap_lbf) {
        warn(c, p.sex == hal::PatientSex::Male ? "first session above the conservative 50 lb cap"
                                               : "first session above the conservative 40 lb cap");
      }
    }
  } else {
    if (force_lbf > 30.0f) warn(c, "cervical force above 30 lb: more discomfort reported");
    if (force_lbf < 20.0f) warn(c, "cervical force below 20 lb: no mid or lower separation expected");
  }
  return c;
}

}  // namespace tractus::controller
