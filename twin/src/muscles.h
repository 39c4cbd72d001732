// The paraspinal muscles (internal to the twin): a stretch-rate reflex with a latency, tonic
// guarding from pain and anxiety, protective guarding past the comfortable force, habituation,
// and the force fluctuation the load cell sees (docs/twin.md, "Muscles").
#pragma once

#include <cstdint>

#include "twin/model.h"
#include "twin/rng.h"
#include "twin/state.h"

namespace tractus::twin::detail {

/// Force of the treated region's extensors at maximal voluntary contraction (MVC), newtons,
/// compressing the chain: lumbar, the trunk extensors' MVC moment over their lever arm; both
/// scale with body weight (activation is a fraction of this).
double extensor_capacity_n(const PatientModel& patient, bool cervical);

/// Guarding above resting tone, as a fraction of MVC (0 when at or below tone).
inline double guard_above_tone(const PatientModel& p, const PatientState& ps) {
  return ps.muscle_activation > p.muscle_tone ? ps.muscle_activation - p.muscle_tone : 0.0;
}

/// Pain the treatment provokes: local pain above the patient's own baseline, and radicular
/// pain past moderate. Chronic pain the patient arrives with does not by itself make them guard.
double provoked_pain(const PatientModel& p, const PatientState& ps);

/// The fast part, every step: the stretch drive into the reflex's delay line, the activation's
/// answer to the delayed drive and to pain and anxiety, the guarding force and the tremor.
/// spine_force_n and its filtered rate are this step's (PatientState). Bounded work: at most
/// kReflexDelaySlots pushes per call.
void step_muscles(const TwinModel& model, TwinState& state, int64_t dt_us, bool on_table);

/// The slow part: habituation of the reflex to repeated provocation, and of the tonic guarding
/// over the time lying under traction.
void step_habituation(const PatientModel& p, PatientState& ps, double dt_s, bool on_table);

/// Time a slot of the reflex's delay line covers, microseconds.
constexpr int64_t kReflexSlotUs = 4000;

}  // namespace tractus::twin::detail
