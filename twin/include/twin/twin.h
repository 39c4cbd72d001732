// Stepping and sensing the digital twin: the table's side of the HAL.
//
// step() advances the mechanics by a whole number of fixed sub-steps; sense() produces the raw
// SensorFrame the firmware would read at that moment. Neither does I/O or allocates, and
// neither reads a clock: time comes in as integer microseconds.
#pragma once

#include <cstdint>

#include "hal/hal.h"
#include "twin/model.h"
#include "twin/rng.h"
#include "twin/state.h"

namespace tractus::twin {

/// Creates the power-on state of the twin for a model.
TwinState make_state(const TwinModel& model);

/// Advances state by dt_us microseconds under the given actuator commands, in fixed
/// sub-steps of model.substep_us (dt_us should be a multiple of it; any remainder is
/// integrated as one shorter step).
void step(const TwinModel& model, TwinState& state, const hal::ActuatorFrame& actuators,
          int64_t dt_us);

/// Samples the sensors as the table's electronics would deliver them now, drawing noise
/// from rng.
hal::SensorFrame sense(const TwinModel& model, const TwinState& state, Rng& rng);

/// Result of restoring a snapshot.
struct RestoreResult {
  bool ok = false;
  char message[96] = {};  // why the snapshot was refused, empty when ok
};

/// Restores state from a snapshot (a TwinState copied earlier, possibly stored). A snapshot of
/// another layout version is refused and state is left unchanged.
RestoreResult restore_state(TwinState& state, const TwinState& snapshot);

/// Retained stature gain since the patient lay down, millimetres: the fluid height every disc
/// (lumbar, thoracic lumped, cervical) has regained over the height it arrived with after
/// standing. This is what a stadiometer would read on standing up.
double stature_gain_mm(const TwinModel& model, const TwinState& state);

/// How the patient spends time off the table.
enum class Posture : uint8_t { Standing, LyingInBed };

/// Lets seconds pass with the patient off the table, in coarse steps of up to a minute: fluid
/// height fades standing (or returns lying in bed), soreness decays, muscles and feelings
/// settle. The table's mechanics do not move. Use it to ask how the patient is an hour or two
/// days later.
void advance_off_table(const TwinModel& model, TwinState& state, double seconds,
                       Posture posture = Posture::Standing);

/// 64-bit FNV-1a hash of every field of state, by bit pattern, for determinism checks.
uint64_t hash_state(const TwinState& state, uint64_t seed_hash = 14695981039346656037ULL);

}  // namespace tractus::twin
