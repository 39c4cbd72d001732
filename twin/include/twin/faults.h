// Fault injection on the twin's side of the HAL.
//
// Faults change what the table's hardware does or what its sensors report; the firmware only
// ever sees the consequences, as real firmware would. Every fault comes from one typed
// catalogue, has a stable dotted name ("load_cell.stuck", "cord.break"), and is scheduled by
// time or by a condition on the twin's state. An unknown name is refused with a message, never
// ignored. Active and pending faults live inside TwinState, so snapshots and hashes include
// them and the instructor can always list them.
#pragma once

#include <cstdint>

namespace tractus::twin {

/// What goes wrong.
enum class FaultKind : uint8_t {
  // sensor faults, applied to one SensorChannel
  SensorOff,           // the channel reads its "no signal" value (0 counts, switch open)
  SensorStuck,         // the channel freezes at its reading when the fault activates
  SensorDrift,         // an offset grows at magnitude units per second (newtons per second
                       // for the load cell, millimetres per second for the encoder, counts
                       // per second for ADCs; ignored for switches)
  SensorNoisy,         // extra gaussian noise of magnitude (newtons, millimetres or counts)
  SensorIntermittent,  // the channel drops to its "off" value in a fraction `magnitude`
                       // of samples
  SensorWrongGain,     // the channel's gain is multiplied by magnitude (e.g. 1.2)
  // actuator faults
  MotorStall,          // the motor shaft is mechanically blocked and cannot turn
  MotorRunaway,        // the drive pulls at `magnitude` of rated force whatever the command,
                       // as long as the enable relay is closed
  MotorWeak,           // the drive gives only `magnitude` (0..1) of the commanded force
  // mechanical and electrical faults
  HarnessSlip,         // the pelvic (or head) harness grip limit drops to `magnitude` newtons
  CordBreak,           // the traction cord parts: no tension from then on
  CarriageJam,         // the split carriage seizes where it is (the lock sensor still reads
                       // unlocked)
  PowerLoss,           // the supply falls to `magnitude` volts (0 for a full loss)
  StopSwitchUnplugged, // the patient stop switch cable comes out of the console
                       // (the console's own link loss is the console's fault: console/console.h)
};

/// Which sensor a sensor fault acts on.
enum class SensorChannel : uint8_t {
  None,          // for faults that are not sensor faults
  LoadCell,
  Encoder,
  MotorCurrent,
  Supply,
  HomeLimit,
  EndLimit,
  StopSwitch,    // the pressed line of the patient stop switch
  EmergencyStop,
  CarriageLock,  // the carriage-lock sensor
};

/// When a scheduled fault becomes active.
enum class FaultTrigger : uint8_t {
  AtTime,            // at state.time_us >= at_us
  TensionAboveN,     // the first time the true cord tension exceeds threshold (newtons)
  CarriageAboveMm,   // the first time carriage travel exceeds threshold (millimetres)
};

/// A fault to inject: what, on which channel, how strongly, when, and for how long.
struct FaultSpec {
  FaultKind kind = FaultKind::CordBreak;
  SensorChannel channel = SensorChannel::None;
  double magnitude = 0.0;            // meaning per kind, see FaultKind
  FaultTrigger trigger = FaultTrigger::AtTime;
  int64_t at_us = 0;                 // for AtTime
  double threshold = 0.0;            // for TensionAboveN and CarriageAboveMm
  int64_t duration_us = 0;           // how long it stays active; 0 means until cleared
};

/// One slot of the fault table inside TwinState.
struct FaultSlot {
  FaultSpec spec;
  bool used = false;        // the slot holds a fault
  bool active = false;      // the fault is acting now
  bool expired = false;     // it was active and its duration has run out
  int64_t activated_us = -1;  // when it became active, -1 before that
  double held_value = 0.0;  // the reading frozen by SensorStuck, in the channel's raw unit
};

/// Capacity of the fault table; fixed so TwinState stays a plain copyable value.
constexpr int kMaxFaults = 16;

/// The fault table: scheduled, active and expired faults.
struct FaultTable {
  FaultSlot slots[kMaxFaults];
  int used_count = 0;  // slots in use; lets a fault-free step skip every lookup
};

/// One row of the fault catalogue.
struct FaultCatalogueEntry {
  const char* name;         // stable dotted name, e.g. "load_cell.stuck"
  FaultKind kind;
  SensorChannel channel;
  double default_magnitude; // used when a scenario names the fault without a magnitude
  const char* magnitude_unit;  // "", "N/s", "fraction", "V", ...
  const char* description;  // one sentence for the instructor's panel
};

/// Every fault the twin can inject, in a stable order. count receives the number of rows.
const FaultCatalogueEntry* fault_catalogue(int* count);

/// Result of looking a fault up by name or of scheduling one.
struct FaultResult {
  bool ok = false;
  const FaultCatalogueEntry* entry = nullptr;  // the catalogue row, when found
  int slot = -1;                               // the slot used, when scheduled
  char message[160] = {};                      // why it failed, empty when ok
};

/// Looks a fault up by its dotted name. Unknown names fail with a message listing the form
/// of valid names; nothing is thrown.
FaultResult find_fault(const char* name);

/// Builds a spec for the named fault with its default magnitude, triggered at at_us and
/// lasting until cleared. Fails like find_fault for an unknown name.
FaultResult make_fault_spec(const char* name, FaultSpec* out, int64_t at_us = 0);

/// The catalogue name of a spec's kind and channel, or "unknown" for a combination that is not
/// in the catalogue.
const char* fault_name(const FaultSpec& spec);

/// Adds a fault to the table. Fails when the spec is not a catalogue combination, when its
/// magnitude is out of range for its kind, or when the table is full.
FaultResult schedule_fault(FaultTable& table, const FaultSpec& spec);

/// Removes every fault, active or pending.
void clear_faults(FaultTable& table);

/// Removes the fault in one slot; returns false if the slot was empty or out of range.
bool clear_fault(FaultTable& table, int slot);

/// Number of faults acting now.
int active_fault_count(const FaultTable& table);

/// The slot search behind active_fault, for a table with a slot in use.
const FaultSlot* find_active_fault(const FaultTable& table, FaultKind kind, SensorChannel channel);

/// The first active slot of this kind and channel, or nullptr. Inline so that a fault-free
/// table (the usual case, asked several times a tick) costs a comparison, not a call.
inline const FaultSlot* active_fault(const FaultTable& table, FaultKind kind,
                                     SensorChannel channel = SensorChannel::None) {
  return table.used_count == 0 ? nullptr : find_active_fault(table, kind, channel);
}

/// True when a fault of this kind (and, for sensor faults, this channel) is acting now.
inline bool fault_active(const FaultTable& table, FaultKind kind,
                         SensorChannel channel = SensorChannel::None) {
  return active_fault(table, kind, channel) != nullptr;
}

}  // namespace tractus::twin
