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

// what step_muscles takes from the model and the step's length alone: the same inputs give the
// same values, so the memo changes no bit of the result, only the work of a tick (a division
// into the latency's slots, two divisions for the capacity, an exponential and a square root
// for the tremor's filter)
struct MuscleConstants {
  int lag_slots = 0;           // the reflex's latency in delay-line slots
  double capacity_n = 0.0;     // extensor_capacity_n
  double rise_alpha = 0.0;     // lag(guard_rise_tau_s, dt)
  double fall_alpha = 0.0;     // lag(guard_fall_tau_s, dt)
  double tremor_alpha = 0.0;   // lag(0.05 s, dt)
  double tremor_gain = 0.0;    // sqrt((2 - tremor_alpha) / tremor_alpha)
};

struct MuscleKey {
  int64_t dt_us;
  bool cervical, female;
  double latency_s, rise_tau_s, fall_tau_s, body_mass_kg, mvc_nm, moment_arm_m, cervical_capacity_n;
};

bool same_key(const MuscleKey& a, const MuscleKey& b) {
  return a.dt_us == b.dt_us && a.cervical == b.cervical && a.female == b.female &&
         same_bits(a.latency_s, b.latency_s) && same_bits(a.rise_tau_s, b.rise_tau_s) &&
         same_bits(a.fall_tau_s, b.fall_tau_s) && same_bits(a.body_mass_kg, b.body_mass_kg) &&
         same_bits(a.mvc_nm, b.mvc_nm) && same_bits(a.moment_arm_m, b.moment_arm_m) &&
         same_bits(a.cervical_capacity_n, b.cervical_capacity_n);
}

struct MuscleMemo {
  bool valid = false;
  MuscleKey key{};
  MuscleConstants constants;
};

thread_local MuscleMemo muscle_memo;

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

namespace {

const MuscleConstants& muscle_constants(const PatientModel& p, bool cervical, int64_t dt_us) {
  const double latency_s = p.female ? p.reflex_latency_female_s : p.reflex_latency_s;
  const MuscleKey key{dt_us, cervical, p.female, latency_s, p.guard_rise_tau_s, p.guard_fall_tau_s,
                      p.body_mass_kg, p.lumbar_extensor_mvc_nm, p.lumbar_extensor_moment_arm_m,
                      p.cervical_extensor_capacity_n};
  MuscleMemo& m = muscle_memo;
  if (m.valid && same_key(m.key, key)) return m.constants;
  const double dt_s = static_cast<double>(dt_us) * 1e-6;
  MuscleConstants& k = m.constants;
  int lag_slots = static_cast<int>(latency_s * 1e6 / static_cast<double>(kReflexSlotUs) + 0.5);
  k.lag_slots = lag_slots < 0 ? 0 : (lag_slots > kReflexDelaySlots - 1 ? kReflexDelaySlots - 1 : lag_slots);
  k.capacity_n = extensor_capacity_n(p, cervical);
  k.rise_alpha = lag(p.guard_rise_tau_s, dt_s);
  k.fall_alpha = lag(p.guard_fall_tau_s, dt_s);
  k.tremor_alpha = lag(0.05, dt_s);
  k.tremor_gain = std::sqrt((2.0 - k.tremor_alpha) / k.tremor_alpha);
  m.key = key;
  m.valid = true;
  return k;
}

}  // namespace

void step_muscles(const TwinModel& model, TwinState& state, int64_t dt_us, bool on_table) {
  const PatientModel& p = model.patient;
  PatientState& ps = state.patient;
  const bool cervical = model.setup == hal::Region::Cervical;
  const MuscleConstants& k = muscle_constants(p, cervical, dt_us);
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
  const int lag_slots = k.lag_slots;
  const double delayed = ps.reflex_delay[(ps.reflex_delay_head - lag_slots + kReflexDelaySlots) % kReflexDelaySlots];

  // tonic guarding from pain and anxiety, which habituates over the time under traction
  const double tonic = (p.guard_pain_gain * provoked_pain(p, ps) +
                        p.guard_anxiety_gain * det::clamp(ps.anxiety - 0.3, 0.0, 1.0)) *
                       (1.0 - p.session_habituation_max * ps.session_habituation);
  const double drive = (delayed + tonic) * (p.conditions.acute_inflammation ? 1.3 : 1.0);
  const double target = det::clamp(p.muscle_tone + p.guard_strong_activation * drive, 0.0, 1.0);
  const double alpha = target > ps.muscle_activation ? k.rise_alpha : k.fall_alpha;
  ps.muscle_activation += alpha * (target - ps.muscle_activation);
  ps.muscle_force_n = guard_above_tone(p, ps) * k.capacity_n;

  // tremor: low-passed noise, its spread a share of the guarding force (force steadiness)
  const double tremor_alpha = k.tremor_alpha;
  const double tremor_sd_n = p.tremor_force_cv * ps.muscle_force_n;
  if (tremor_sd_n > 0.0 && on_table) {
    const double gain = k.tremor_gain;
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
