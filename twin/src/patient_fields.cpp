// Named access to the patient's parameters, with ranges.
#include "twin/patient_fields.h"

#include <cmath>
#include <cstdio>
#include <cstring>

namespace tractus::twin {

namespace {

struct NumberField {
  const char* name;
  double PatientModel::*member;
  double lo, hi;
};

struct FlagField {
  const char* name;
  bool PatientModel::*member;
};

struct ConditionNumber {
  const char* name;
  double Conditions::*member;
  double lo, hi;
};

struct ConditionFlag {
  const char* name;
  bool Conditions::*member;
};

struct DiscNumber {
  const char* name;
  double DiscModel::*member;
  double lo, hi;
};

struct DiscFlag {
  const char* name;
  bool DiscModel::*member;
};

using P = PatientModel;
const NumberField kNumbers[] = {
    {"body_mass_kg", &P::body_mass_kg, 25.0, 250.0},
    {"height_m", &P::height_m, 1.0, 2.3},
    {"age_years", &P::age_years, 12.0, 110.0},
    {"lower_body_fraction", &P::lower_body_fraction, 0.3, 0.7},
    {"head_fraction", &P::head_fraction, 0.04, 0.15},
    {"body_table_friction", &P::body_table_friction, 0.0, 1.5},
    {"pelvic_harness_fit", &P::pelvic_harness_fit, 0.05, 1.0},
    {"thoracic_harness_fit", &P::thoracic_harness_fit, 0.05, 1.0},
    {"thoracic_grip_n", &P::thoracic_grip_n, 50.0, 5000.0},
    {"head_halter_fit", &P::head_halter_fit, 0.05, 1.0},
    {"stretch_stiffness_n_per_m", &P::stretch_stiffness_n_per_m, 5000.0, 200000.0},
    {"harness_grip_n", &P::harness_grip_n, 50.0, 5000.0},
    {"tissue_creep_ratio", &P::tissue_creep_ratio, 0.0, 2.0},
    {"tissue_creep_tau_s", &P::tissue_creep_tau_s, 1.0, 1e5},
    {"loose_fit_creep_gain", &P::loose_fit_creep_gain, 0.0, 10.0},
    {"loose_fit_transmission_loss", &P::loose_fit_transmission_loss, 0.0, 1.0},
    {"cough_activation", &P::cough_activation, 0.0, 1.0},
    {"cough_duration_s", &P::cough_duration_s, 0.05, 2.0},
    {"neck_stiffness_n_per_m", &P::neck_stiffness_n_per_m, 2000.0, 100000.0},
    {"halter_grip_n", &P::halter_grip_n, 20.0, 2000.0},
    {"muscle_tone", &P::muscle_tone, 0.0, 0.5},
    {"guard_rate_threshold_bw_per_s", &P::guard_rate_threshold_bw_per_s, 0.0, 1.0},
    {"guard_rate_gain_s_per_bw", &P::guard_rate_gain_s_per_bw, 0.0, 100.0},
    {"guard_pain_gain", &P::guard_pain_gain, 0.0, 1.0},
    {"guard_anxiety_gain", &P::guard_anxiety_gain, 0.0, 2.0},
    {"guard_force_threshold_bw", &P::guard_force_threshold_bw, 0.1, 2.0},
    {"guard_force_gain_per_bw", &P::guard_force_gain_per_bw, 0.0, 20.0},
    {"lumbar_extensor_mvc_nm", &P::lumbar_extensor_mvc_nm, 20.0, 1000.0},
    {"lumbar_extensor_moment_arm_m", &P::lumbar_extensor_moment_arm_m, 0.02, 0.12},
    {"cervical_extensor_capacity_n", &P::cervical_extensor_capacity_n, 50.0, 5000.0},
    {"reflex_latency_s", &P::reflex_latency_s, 0.0, 0.06},
    {"reflex_latency_female_s", &P::reflex_latency_female_s, 0.0, 0.06},
    {"guard_strong_activation", &P::guard_strong_activation, 0.01, 1.0},
    {"reflex_habituation_max", &P::reflex_habituation_max, 0.0, 1.0},
    {"session_habituation_max", &P::session_habituation_max, 0.0, 1.0},
    {"tremor_force_cv", &P::tremor_force_cv, 0.0, 0.5},
    {"anxiety_baseline", &P::anxiety_baseline, 0.0, 1.0},
    {"back_pain_baseline", &P::back_pain_baseline, 0.0, 10.0},
    {"rib_contact_strength_n", &P::rib_contact_strength_n, 100.0, 20000.0},
    {"pelvic_contact_strength_n", &P::pelvic_contact_strength_n, 100.0, 50000.0},
    {"lumbar_bending_strength_nm", &P::lumbar_bending_strength_nm, 1.0, 2000.0},
    {"cervical_bending_strength_nm", &P::cervical_bending_strength_nm, 1.0, 500.0},
    {"implant_rated_n", &P::implant_rated_n, 50.0, 5000.0},
    {"implant_rated_compression_n", &P::implant_rated_compression_n, 50.0, 20000.0},
    {"implant_rated_moment_nm", &P::implant_rated_moment_nm, 0.5, 200.0},
    {"overnight_swelling_mpa", &P::overnight_swelling_mpa, 0.0, 1.0},
    {"overnight_tau_standing_s", &P::overnight_tau_standing_s, 60.0, 86400.0},
    {"fluid_standing_speedup", &P::fluid_standing_speedup, 0.1, 20.0},
    {"lumbar_top_axis_deg", &P::lumbar_top_axis_deg, -30.0, 60.0},
    {"cervical_c45_axis_deg", &P::cervical_c45_axis_deg, -30.0, 40.0},
    {"pelvic_lever_m", &P::pelvic_lever_m, 0.0, 0.3},
    {"head_lever_m", &P::head_lever_m, 0.0, 0.2},
    {"lumbar_moment_share", &P::lumbar_moment_share, 0.0, 1.0},
    {"cervical_moment_share", &P::cervical_moment_share, 0.0, 1.0},
};

const FlagField kFlags[] = {
    {"female", &P::female},
    {"hips_flexed", &P::hips_flexed},
};

using C = Conditions;
const ConditionNumber kConditionNumbers[] = {
    {"conditions.bone_strength", &C::bone_strength, 0.05, 2.0},
    {"conditions.stenosis_mm", &C::stenosis_mm, 0.0, 10.0},
};

const ConditionFlag kConditionFlags[] = {
    {"conditions.pregnancy", &C::pregnancy},
    {"conditions.hypermobility", &C::hypermobility},
    {"conditions.acute_inflammation", &C::acute_inflammation},
    {"conditions.claustrophobia", &C::claustrophobia},
};

using D = DiscModel;
const DiscNumber kDiscNumbers[] = {
    {"preload_n", &D::preload_n, 0.0, 2000.0},
    {"compression_stiffness_n_per_mm", &D::compression_stiffness_n_per_mm, 10.0, 20000.0},
    {"toe_mm", &D::toe_mm, 0.0, 5.0},
    {"toe_force_n", &D::toe_force_n, 1.0, 2000.0},
    {"creep_ratio", &D::creep_ratio, 0.0, 5.0},
    {"creep_tau_s", &D::creep_tau_s, 1.0, 1e6},
    {"creep_recovery_tau_s", &D::creep_recovery_tau_s, 1.0, 1e6},
    {"canal_clearance_mm", &D::canal_clearance_mm, 0.0, 20.0},
    {"bending_stiffness_nm_per_deg", &D::bending_stiffness_nm_per_deg, 0.05, 50.0},
    {"foramen_gain", &D::foramen_gain, 0.0, 5.0},
    {"protrusion_mm", &D::protrusion_mm, 0.0, 15.0},
    {"degeneration", &D::degeneration, 0.0, 1.0},
};

const DiscFlag kDiscFlags[] = {
    {"fused", &D::fused},
};

template <typename T, std::size_t N>
constexpr int count_of(const T (&)[N]) {
  return static_cast<int>(N);
}

constexpr int kPlainCount = count_of(kNumbers) + count_of(kFlags) + count_of(kConditionNumbers) +
                            count_of(kConditionFlags);
constexpr int kPerLevel = count_of(kDiscNumbers) + count_of(kDiscFlags);

FieldResult fail(const char* name, const char* why) {
  FieldResult r;
  std::snprintf(r.message, sizeof r.message, "%.60s: %s", name, why);
  return r;
}

FieldResult range_fail(const char* name, double v, double lo, double hi) {
  FieldResult r;
  std::snprintf(r.message, sizeof r.message, "%.60s: %g is outside %g..%g", name, v, lo, hi);
  return r;
}

FieldResult set_flag(bool& target, const char* name, double value) {
  if (value != 0.0 && value != 1.0) return fail(name, "must be 0 or 1 (false or true)");
  target = value == 1.0;
  FieldResult r;
  r.ok = true;
  return r;
}

FieldResult set_number(double& target, const char* name, double value, double lo, double hi) {
  if (value < lo || value > hi) return range_fail(name, value, lo, hi);
  target = value;
  FieldResult r;
  r.ok = true;
  return r;
}

// "lumbar.L4-L5.protrusion_mm": the chain, the level and the field
FieldResult set_disc_field(PatientModel& p, const char* name, double value) {
  const bool lumbar = std::strncmp(name, "lumbar.", 7) == 0;
  const char* rest = name + (lumbar ? 7 : 9);
  DiscModel* discs = lumbar ? p.lumbar : p.cervical;
  const int n = lumbar ? kLumbarLevels : kCervicalLevels;
  const char* dot = std::strchr(rest, '.');
  if (dot == nullptr) return fail(name, "expected chain.LEVEL.field, e.g. lumbar.L4-L5.protrusion_mm");
  const std::size_t level_len = static_cast<std::size_t>(dot - rest);
  DiscModel* disc = nullptr;
  for (int i = 0; i < n; ++i) {
    if (std::strlen(discs[i].name) == level_len && std::strncmp(discs[i].name, rest, level_len) == 0) {
      disc = &discs[i];
    }
  }
  if (disc == nullptr) {
    return fail(name, lumbar ? "unknown level (L1-L2, L2-L3, L3-L4, L4-L5, L5-S1)"
                             : "unknown level (C2-C3, C3-C4, C4-C5, C5-C6, C6-C7, C7-T1)");
  }
  const char* field = dot + 1;
  for (const DiscNumber& f : kDiscNumbers) {
    if (std::strcmp(f.name, field) == 0) return set_number(disc->*f.member, name, value, f.lo, f.hi);
  }
  for (const DiscFlag& f : kDiscFlags) {
    if (std::strcmp(f.name, field) == 0) return set_flag(disc->*f.member, name, value);
  }
  return fail(name, "unknown disc field");
}

}  // namespace

FieldResult set_patient_field(PatientModel& p, const char* name, double value) {
  if (name == nullptr || name[0] == '\0') return fail("(empty)", "empty field name");
  if (!std::isfinite(value)) return fail(name, "must be a finite number");
  for (const NumberField& f : kNumbers) {
    if (std::strcmp(f.name, name) == 0) return set_number(p.*f.member, name, value, f.lo, f.hi);
  }
  for (const FlagField& f : kFlags) {
    if (std::strcmp(f.name, name) == 0) return set_flag(p.*f.member, name, value);
  }
  for (const ConditionNumber& f : kConditionNumbers) {
    if (std::strcmp(f.name, name) == 0) return set_number(p.conditions.*f.member, name, value, f.lo, f.hi);
  }
  for (const ConditionFlag& f : kConditionFlags) {
    if (std::strcmp(f.name, name) == 0) return set_flag(p.conditions.*f.member, name, value);
  }
  if (std::strncmp(name, "lumbar.", 7) == 0 || std::strncmp(name, "cervical.", 9) == 0) {
    return set_disc_field(p, name, value);
  }
  return fail(name, "unknown patient field");
}

int patient_field_count() { return kPlainCount + kPerLevel * (kLumbarLevels + kCervicalLevels); }

void patient_field_name(int index, char* out, int size) {
  if (out == nullptr || size <= 0) return;
  out[0] = '\0';
  const auto put = [&](const char* s) { std::snprintf(out, static_cast<std::size_t>(size), "%s", s); };
  if (index < 0) return;
  if (index < count_of(kNumbers)) return put(kNumbers[index].name);
  index -= count_of(kNumbers);
  if (index < count_of(kFlags)) return put(kFlags[index].name);
  index -= count_of(kFlags);
  if (index < count_of(kConditionNumbers)) return put(kConditionNumbers[index].name);
  index -= count_of(kConditionNumbers);
  if (index < count_of(kConditionFlags)) return put(kConditionFlags[index].name);
  index -= count_of(kConditionFlags);
  const PatientModel reference;
  const int level = index / kPerLevel, field = index % kPerLevel;
  if (level >= kLumbarLevels + kCervicalLevels) return;
  const bool lumbar = level < kLumbarLevels;
  const char* level_name = lumbar ? reference.lumbar[level].name : reference.cervical[level - kLumbarLevels].name;
  const char* field_name = field < count_of(kDiscNumbers) ? kDiscNumbers[field].name
                                                          : kDiscFlags[field - count_of(kDiscNumbers)].name;
  std::snprintf(out, static_cast<std::size_t>(size), "%s.%s.%s", lumbar ? "lumbar" : "cervical",
                level_name, field_name);
}

}  // namespace tractus::twin
