// Internal seams between the twin's source files. Not part of the public API.
#pragma once

#include <cstdint>
#include <cstring>

#include "twin/model.h"
#include "twin/state.h"

namespace tractus::twin::detail {

constexpr double kGravity_m_per_s2 = 9.80665;

/// Whether two inputs of a memoised computation are the same, bit for bit: -0.0 and 0.0 are
/// different inputs (a sine or a quotient can tell them apart), and a NaN matches nothing, so
/// it is computed again every time. The twin's memos (chain.cpp, muscles.cpp) return exactly
/// what they would compute, and so change no bit of a result.
inline bool same_bits(double a, double b) {
  uint64_t x, y;
  std::memcpy(&x, &a, sizeof x);
  std::memcpy(&y, &b, sizeof y);
  return x == y && a == a;
}

/// A disc's nucleus pressure lying relaxed on arrival, megapascals: a degenerated nucleus holds
/// less water and its pressure is lower, by up to 30% at full degeneration (direction: Sato
/// 1999 [S]; magnitude [U]).
inline double lying_pressure_mpa(const DiscModel& d) {
  const double deg = d.degeneration < 0.0 ? 0.0 : (d.degeneration > 1.0 ? 1.0 : d.degeneration);
  return d.lying_pressure_mpa * (1.0 - 0.3 * deg);
}

/// How the patient's body scales the reference disc, a 70 kg, 1.75 m man (Wilke 1999's
/// subject and twin/anatomy.h's reference) [U: proportional and isometric scaling]:
/// - preload: resting muscle tone and the gravity components lying go with body weight;
/// - area: the endplate (and nucleus) area, height squared and a woman's smaller endplates;
/// - length: every length, height over the reference height;
/// - pressure: the lying pressure, preload over area;
/// - stiffness: the axial stiffness, area over length.
/// Age changes none of these: no source at hand says how it would.
struct BodyFactors {
  double preload = 1.0;
  double area = 1.0;
  double length = 1.0;
  double pressure = 1.0;
  double stiffness = 1.0;
};
BodyFactors body_factors(const PatientModel& patient);

/// Body mass of the reference patient the disc and muscle defaults describe, kilograms.
constexpr double kReferenceBodyMassKg = 70.0;

/// Stiffness and grip of the harness set-up in use: the pelvic and thoracic harnesses in
/// series with the soft tissue (lumbar), or the head halter (cervical).
struct HarnessSetup {
  double stiffness_n_per_m;
  double grip_n;  // the lower of the harnesses' slip limits
  /// How far the worse harness's fit falls below the reference fit (0.9), 0 when it does not:
  /// a loose fit creeps more and passes less force to the spine (PatientModel::loose_fit_*).
  double fit_shortfall = 0.0;
};

/// Reference harness fit: the fit at which the model's stiffness and grip are quoted.
constexpr double kReferenceHarnessFit = 0.9;
HarnessSetup harness_of(const TwinModel& model);

/// Advances the patient (spine, muscles, pain, anxiety) by dt_s with the harness force of
/// the mechanics as input; writes the tremor and guarding outputs the mechanics read next.
/// lying is false while the patient stands after the session. The discs, pain, anxiety and
/// risk change slowly and are advanced every kSlowStepUs; muscles and tremor every call.
/// in_bed is true while the patient lies off the table (only read when not lying on it).
/// cough is the extra trunk-muscle activation of a cough in progress (0 when none). harness
/// is harness_of(model) when the caller has it already (the mechanics' step), else nullptr.
void step_patient(const TwinModel& model, TwinState& state, int64_t dt_us, bool lying = true,
                  bool in_bed = false, double cough = 0.0, const HarnessSetup* harness = nullptr);

/// Step of the patient's slow part, microseconds.
constexpr int64_t kSlowStepUs = 10000;

/// Activates, expires and latches scheduled faults at the start of a step.
void update_faults(const TwinModel& model, TwinState& state);

/// The noiseless raw reading of one sensor channel now, in the channel's unit (counts, or
/// 0/1 for switches), before any fault.
double true_channel_reading(const TwinModel& model, const TwinState& state,
                            SensorChannel channel);

/// The magnitude of the first active fault of this kind and channel, or fallback.
double fault_magnitude(const FaultTable& table, FaultKind kind, SensorChannel channel,
                       double fallback);

}  // namespace tractus::twin::detail
