// The table-specific half of the safety supervisor: which faults exist, their tiered alarm
// codes, reactions and latches, and when each condition holds given the table state.
//
// Codes are tiered as on the Triton: 1xx general (cleared by acknowledge once the cause has
// gone), 2xx internal warnings, 3xx critical (lock the unit until a service reset). The one
// exception is 301, the emergency stop: the operator's own action, not a failure of the unit,
// so releasing the button and acknowledging clears it (back to Idle).
#pragma once

#include <cstdint>

#include "controller/monitors.h"
#include "controller/safety_mechanism.h"
#include "hal/hal.h"

namespace tractus::controller {

/// Alarm codes shown on the console.
enum AlarmCode : uint16_t {
  kAlarmNone = 0,
  // 1xx general
  kAlarmStopSwitchNotConnected = 101,  // start refused: patient stop switch not plugged in
  kAlarmPatientStop = 102,             // patient pressed the stop switch
  kAlarmStopSwitchUnplugged = 103,     // stop switch cable pulled during treatment
  kAlarmHarnessNotConfirmed = 104,     // start refused: harnesses not confirmed
  kAlarmHiLoActive = 105,              // start refused: table-height motion requested
  kAlarmCarriageLockStuck = 106,       // carriage lock did not release at start
  kAlarmPretensionNotReached = 107,    // pretension never built: harness or cord not attached
  kAlarmHarnessSlip = 108,             // force dropped while the drum wound in
  kAlarmConsoleLinkLost = 109,         // console heartbeat stopped during treatment
  kAlarmFaultLatched = 110,            // start refused: a fault is latched
  kAlarmTensionHeld = 111,             // a stop left the cord loaded: Release tension
  // 2xx internal warnings
  kAlarmTareOutOfRange = 201,          // self-test: load-cell zero outside its window
  kAlarmStopSwitchTestFailed = 202,    // self-test: stop switch reads pressed at power-on
  kAlarmLoadCellDrift = 203,           // at rest the slack cord does not read zero
  kAlarmHiLoLocked = 204,              // hi-lo request ignored during treatment
  kAlarmMuscleGuarding = 205,          // guarding detected: the ramp holds or backs off
  kAlarmCurrentSensorOffset = 206,     // self-test: motor current not zero with the drive off
  // 3xx critical, locking
  kAlarmEmergencyStop = 301,           // emergency stop pressed (cleared: release + acknowledge)
  kAlarmOverForce = 302,               // force above prescription + 10%
  kAlarmBrownOut = 303,                // supply voltage below the brown-out threshold
  kAlarmPowerLoss = 304,               // supply lost
  kAlarmOverForceAbsolute = 305,       // force above the device maximum for the region
  kAlarmForceRate = 306,               // force rising faster than anything prescribed
  kAlarmLoadCellSaturated = 307,       // load cell at a rail: disconnected, shorted, dropouts
  kAlarmLoadCellStuck = 308,           // load cell frozen while the cord moves
  kAlarmLoadCellImplausible = 309,     // load cell disagrees with motor current (drift, gain)
  kAlarmEncoderLoss = 310,             // encoder frozen or jumping
  kAlarmMotorStall = 311,              // drive pushes, drum does not move
  kAlarmMotorRunaway = 312,            // current the command does not explain
  kAlarmCordBreak = 313,               // force collapsed under load
  kAlarmWatchdog = 314,                // control loop missed its period
  kAlarmLoadCellNoisy = 315,           // load cell noise far above its specification
};

/// Index of each rule in the table policy. The order is the rule table's order.
enum FaultId : uint8_t {
  kFaultPatientStop,
  kFaultStopSwitchUnplugged,
  kFaultCarriageLockStuck,
  kFaultPretensionNotReached,
  kFaultHarnessSlip,
  kFaultConsoleLinkLost,
  kFaultLoadCellDrift,
  kFaultHiLoDuringTreatment,
  kFaultMuscleGuarding,
  kFaultEmergencyStop,
  kFaultOverForce,
  kFaultBrownOut,
  kFaultPowerLoss,
  kFaultOverForceAbsolute,
  kFaultForceRate,
  kFaultLoadCellSaturated,
  kFaultLoadCellStuck,
  kFaultLoadCellImplausible,
  kFaultEncoderLoss,
  kFaultMotorStall,
  kFaultMotorRunaway,
  kFaultCordBreak,
  kFaultWatchdog,
  kFaultLoadCellNoisy,
  kFaultCount
};

/// The table's rule table, indexed by FaultId; count receives kFaultCount.
const SafetyRule* table_safety_rules(int* count);

/// Short text for an alarm code (rules, start refusals and self-test codes), "" for none.
const char* alarm_text(uint16_t code);

/// Everything the policy needs to decide which conditions hold this tick.
struct PolicyInputs {
  const hal::SensorFrame* sensors = nullptr;
  const MonitorFlags* monitors = nullptr;
  hal::TableState state = hal::TableState::Idle;
  float measured_force_n = 0.0f;       // filtered
  float raw_force_n = 0.0f;            // this tick's valid sample, unfiltered
  float prescription_max_force_n = 0.0f;
  float device_max_force_n = 0.0f;
  float supply_v = 24.0f;
  bool carriage_lock_overdue = false;    // lock sensor still engaged after the release time
  bool pretension_overdue = false;       // pretension not reached within its time
};

/// Table-specific thresholds of the policy.
struct PolicyConfig {
  float overforce_fraction = 0.10f;   // over prescription (issue 4: prescription + 10%)
  float absolute_margin_n = 20.0f;    // above the device maximum
  float brownout_v = 20.0f;           // drive cannot hold force below this
  float power_loss_v = 5.0f;          // supply gone
};

/// Fault conditions, one per FaultId; each is false while its cause is absent.
struct FaultConditions {
  bool active[kFaultCount] = {};
};

/// Decides each rule's condition from the inputs. Pure: no state, no clock.
FaultConditions evaluate_table_policy(const PolicyInputs& in, const PolicyConfig& cfg);

/// True when a fast release (a ReleaseFast rule, such as the patient stop) has tripped and
/// every tripped rule that takes the drive (DriveOff or stronger) leaves the drive able to
/// finish paying the cord out on one good sensor. A lost encoder does: the fast release reads
/// the load cell. A failed load cell (saturated, stuck, noisy) does too, as long as the
/// encoder is good: the release then pays out until the drum is back where the treatment
/// started, where the cord was slack (campaign seed 13884: a cell stuck during an e-stop's
/// hold, found as the patient's stop began the release; the unpowered coast missed 15 N in
/// 0.5 s). Paying out is faster than the coast and adds no force. Both sensors lost, or any
/// other drive-off cause (runaway, stall, supply, watchdog, a cell that disagrees with the
/// drive's current), makes the drive untrustworthy.
bool fast_release_may_finish(const SafetySupervisor& supervisor);

/// True unless a load-cell rule has tripped (saturated or dropping out, stuck, implausible
/// against the motor current, drifting at rest, noisy). While it is false a drive-off's coast
/// may end by time with the cell still reading tension, and a fast release also ends once the
/// drum is back at the treatment's start position.
bool load_cell_trusted(const SafetySupervisor& supervisor);

}  // namespace tractus::controller
