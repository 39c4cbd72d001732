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

/// Short-lived inputs a person applies, handed to each step by whoever holds them (the rig)
/// rather than stored in TwinState, so the state's layout, its stored snapshots and its hash
/// stay as they were. The defaults are "nothing happening" and leave step() unchanged.
struct StepInputs {
  /// Seconds since the patient began a cough; negative when not coughing. The pulse lasts
  /// PatientModel::cough_duration_s.
  double cough_elapsed_s = -1.0;
  /// The operator holds the drive's hand-release lever: the spring brake is lifted by hand and
  /// the drum, back-driven by the cord, pays out at the governor's speed at most.
  bool manual_brake_release = false;
};

/// As step() above, with a person's short-lived inputs.
void step(const TwinModel& model, TwinState& state, const hal::ActuatorFrame& actuators,
          int64_t dt_us, const StepInputs& inputs);

/// The extra trunk-muscle activation of a cough elapsed_s after it began: a half-sine of
/// height cough_activation over cough_duration_s, zero before and after.
double cough_activation_at(const PatientModel& patient, double elapsed_s);

/// True while the drive has power: the supply (after a power-loss fault) is at least
/// TableModel::drive_min_supply_v. Without it the relay drops out and the brake sets.
bool drive_powered(const TwinModel& model, const TwinState& state);

/// How well the clinician fitted the harnesses.
enum class HarnessFitting : uint8_t { Good, Loose, Tight };
/// Fit of a loose harness: straps not cinched, so it grips and holds far less [U].
constexpr double kLooseHarnessFit = 0.2;
/// Fit of an over-tightened harness: it grips as well as a harness can, at some discomfort.
constexpr double kTightHarnessFit = 1.0;
/// The fit value (0.05..1) a fitting gives a harness whose well-fitted value is good_fit:
/// good keeps good_fit, loose and tight give the constants above.
double harness_fit_for(HarnessFitting fitting, double good_fit);

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
