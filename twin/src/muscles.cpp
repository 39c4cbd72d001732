// The paraspinal muscles: reflex, tonic and protective guarding, habituation and tremor
// (docs/twin.md, "Muscles").
#include "muscles.h"

#include <cmath>

#include "internal.h"
#include "twin/det_math.h"

namespace tractus::twin::detail {

namespace {

// 1 - e^(-dt/tau); a short series when dt is far below tau keeps the per-tick cost low
double lag(double tau_s, double dt_s) {
  const double x = dt_s / tau_s;
  if (x < 1e-2) return x * (1.0 - x * (0.5 - x * (1.0 / 6.0 - x * (1.0 / 24.0))));
  return 1.0 - det::exp(-x);
}

// how far the pull has come toward the patient's comfortable force, 0 .. 1: the stretch
// reflex's gain rises over the last reflex_gate_span below it, where the tissues are taut
double reflex_gate(const PatientModel& p, bool cervical, double force_n, double bw_n) {
  if (cervical && p.cervical_reflex_gate_span_n <= 0.0) return 1.0;
  const double x = cervical ? (force_n - p.cervical_guard_force_threshold_n) / p.cervical_reflex_gate_span_n
                            : (force_n / bw_n - p.guard_force_threshold_bw) / p.reflex_gate_span_bw;
  return det::clamp(1.0 + x, 0.0, 1.0);
}

}  // namespace

double extensor_capacity_n(const PatientModel& p, bool cervical) {
  // strength goes with body weight (sex differences in trunk torque vanish once normalised to
  // it); the lumbar moment also goes with height and so does its lever arm, so height cancels
  const double weight = det::clamp(p.body_mass_kg, 20.0, 300.0) / kReferenceBodyMassKg;
  if (cervical) return p.cervical_extensor_capacity_n * weight;
  return p.lumbar_extensor_mvc_nm / p.lumbar_extensor_moment_arm_m * weight;
}

double provoked_pain(const PatientModel& p, const PatientState& ps) {
  const double local = ps.pain_back - p.back_pain_baseline;
  const double radicular = ps.pain_radicular - 5.0;
  return (local > 0.0 ? local : 0.0) + (radicular > 0.0 ? radicular : 0.0);
}

void step_muscles(const TwinModel& model, TwinState& state, int64_t dt_us, bool on_table) {
  const PatientModel& p = model.patient;
  PatientState& ps = state.patient;
  const bool cervical = model.setup == hal::Region::Cervical;
  const double dt_s = static_cast<double>(dt_us) * 1e-6;
  const double bw_n = p.body_mass_kg * kGravity_m_per_s2;
  const double force_n = ps.spine_force_n;

  // the stretch drive, in units of strong guarding: the stretch-rate reflex (a rise faster
  // than the comfortable rate, its gain rising as the pull nears the comfortable force and
  // falling as it habituates) and the protective response to force past the comfortable range
  const double rate_bw_per_s = ps.spine_force_rate_n_per_s / (cervical ? 0.25 * bw_n : bw_n);
  const double rate_excess = rate_bw_per_s - p.guard_rate_threshold_bw_per_s;
  const double stimulus =
      rate_excess > 0.0 ? p.guard_rate_gain_s_per_bw * rate_excess * reflex_gate(p, cervical, force_n, bw_n) : 0.0;
  ps.reflex_stimulus = stimulus;
  const double reflex = stimulus * (1.0 - p.reflex_habituation_max * ps.reflex_habituation);
  const double force_excess =
      cervical ? (force_n - p.cervical_guard_force_threshold_n) / p.cervical_guard_force_span_n
               : (force_n / bw_n - p.guard_force_threshold_bw) * p.guard_force_gain_per_bw;
  const double stretch = reflex + (force_excess > 0.0 ? force_excess : 0.0);

  // the reflex arc's latency: the drive enters a delay line of kReflexSlotUs slots and the
  // muscles answer what it held a latency ago
  ps.reflex_delay_accum_us += dt_us;
  for (int pushes = 0; ps.reflex_delay_accum_us >= kReflexSlotUs && pushes < kReflexDelaySlots; ++pushes) {
    ps.reflex_delay_head = (ps.reflex_delay_head + 1) % kReflexDelaySlots;
    ps.reflex_delay[ps.reflex_delay_head] = stretch;
    ps.reflex_delay_accum_us -= kReflexSlotUs;
  }
  ps.reflex_delay_accum_us %= kReflexSlotUs;
  const double latency_s = p.female ? p.reflex_latency_female_s : p.reflex_latency_s;
  int lag_slots = static_cast<int>(latency_s * 1e6 / static_cast<double>(kReflexSlotUs) + 0.5);
  lag_slots = lag_slots < 0 ? 0 : (lag_slots > kReflexDelaySlots - 1 ? kReflexDelaySlots - 1 : lag_slots);
  const double delayed = ps.reflex_delay[(ps.reflex_delay_head - lag_slots + kReflexDelaySlots) % kReflexDelaySlots];

  // tonic guarding from pain and anxiety, which habituates over the time under traction
  const double tonic = (p.guard_pain_gain * provoked_pain(p, ps) +
                        p.guard_anxiety_gain * det::clamp(ps.anxiety - 0.3, 0.0, 1.0)) *
                       (1.0 - p.session_habituation_max * ps.session_habituation);
  const double drive = (delayed + tonic) * (p.conditions.acute_inflammation ? 1.3 : 1.0);
  const double target = det::clamp(p.muscle_tone + p.guard_strong_activation * drive, 0.0, 1.0);
  const double alpha = lag(target > ps.muscle_activation ? p.guard_rise_tau_s : p.guard_fall_tau_s, dt_s);
  ps.muscle_activation += alpha * (target - ps.muscle_activation);
  ps.muscle_force_n = guard_above_tone(p, ps) * extensor_capacity_n(p, cervical);

  // tremor: low-passed noise, its spread a share of the guarding force (force steadiness)
  const double tremor_alpha = lag(0.05, dt_s);
  const double tremor_sd_n = p.tremor_force_cv * ps.muscle_force_n;
  if (tremor_sd_n > 0.0 && on_table) {
    const double gain = std::sqrt((2.0 - tremor_alpha) / tremor_alpha);
    ps.tremor_n += tremor_alpha * (gain * tremor_sd_n * state.patient_rng.normal01() - ps.tremor_n);
  } else {
    ps.tremor_n += tremor_alpha * (0.0 - ps.tremor_n);
  }
}

void step_habituation(const PatientModel& p, PatientState& ps, double dt_s, bool on_table) {
  // the reflex habituates to each provocation and recovers over a rest
  ps.reflex_habituation += dt_s * p.reflex_habituation_per_unit_s * ps.reflex_stimulus *
                           (1.0 - ps.reflex_habituation);
  ps.reflex_habituation -= ps.reflex_habituation * lag(p.reflex_habituation_recovery_tau_s, dt_s);
  ps.reflex_habituation = det::clamp(ps.reflex_habituation, 0.0, 1.0);
  // lying in the harness the patient settles; off the table that wears off
  const double target = on_table ? 1.0 : 0.0;
  const double tau_s = on_table ? p.session_habituation_tau_s : p.session_habituation_recovery_tau_s;
  ps.session_habituation += lag(tau_s, dt_s) * (target - ps.session_habituation);
}

}  // namespace tractus::twin::detail
