#include "controller/table_safety_policy.h"

namespace tractus::controller {

namespace {

using A = SafetyAction;
using L = Latch;

// The table's rules, indexed by FaultId. Confirmation times are as short as the signal allows
// without tripping on noise; each row is one hazard row in docs/hazards.md.
const SafetyRule kRules[kFaultCount] = {
    {kAlarmPatientStop, A::ReleaseFast, L::UntilAcknowledged, 0, "patient stop pressed"},
    {kAlarmStopSwitchUnplugged, A::ReleaseFast, L::UntilAcknowledged, 0, "patient stop switch unplugged"},
    {kAlarmCarriageLockStuck, A::ReleaseFast, L::UntilAcknowledged, 0, "carriage lock did not release"},
    {kAlarmPretensionNotReached, A::ReleaseFast, L::UntilAcknowledged, 0, "pretension not reached: check harness and cord"},
    {kAlarmHarnessSlip, A::ReleaseFast, L::UntilAcknowledged, 20000, "harness slip"},
    {kAlarmConsoleLinkLost, A::ReleaseChangeover, L::UntilAcknowledged, 0, "console link lost"},
    {kAlarmLoadCellDrift, A::Warn, L::WhileActive, 2000000, "load cell reads force at rest: re-tare"},
    {kAlarmHiLoLocked, A::Warn, L::WhileActive, 0, "table height locked during treatment"},
    {kAlarmMuscleGuarding, A::HoldRamp, L::WhileActive, 100000, "muscle guarding: ramp held"},
    // the operator's own button: cleared by releasing it and acknowledging (EmergencyStop state)
    {kAlarmEmergencyStop, A::PowerCut, L::UntilAcknowledged, 0, "emergency stop: release the button and acknowledge"},
    {kAlarmOverForce, A::DriveOff, L::UntilServiceReset, 1000, "force above prescription + 10%"},
    // a supply reading cannot tell a lost supply from a dead monitor: open the relay and leave
    // the brake to the physics (a real loss drops the spring brake in; a live drive lets the
    // tension pay the cord out, then brakes)
    {kAlarmBrownOut, A::DriveOff, L::UntilServiceReset, 5000, "supply brown-out"},
    {kAlarmPowerLoss, A::DriveOff, L::UntilServiceReset, 0, "power loss"},
    {kAlarmOverForceAbsolute, A::DriveOff, L::UntilServiceReset, 5000, "force above the device maximum"},
    {kAlarmForceRate, A::DriveOff, L::UntilServiceReset, 30000, "force rising faster than prescribed"},
    {kAlarmLoadCellSaturated, A::DriveOff, L::UntilServiceReset, 0, "load cell saturated or dropping out"},
    {kAlarmLoadCellStuck, A::DriveOff, L::UntilServiceReset, 0, "load cell stuck"},
    {kAlarmLoadCellImplausible, A::DriveOff, L::UntilServiceReset, 50000, "load cell disagrees with motor current"},
    {kAlarmEncoderLoss, A::DriveOff, L::UntilServiceReset, 0, "encoder lost"},
    {kAlarmMotorStall, A::DriveOff, L::UntilServiceReset, 0, "motor stalled"},
    {kAlarmMotorRunaway, A::DriveOff, L::UntilServiceReset, 0, "motor runaway"},
    {kAlarmCordBreak, A::DriveOff, L::UntilServiceReset, 0, "traction cord broken"},
    {kAlarmWatchdog, A::DriveOff, L::UntilServiceReset, 0, "control loop watchdog"},
    {kAlarmLoadCellNoisy, A::DriveOff, L::UntilServiceReset, 0, "load cell noisy: force reading not trusted"},
};

bool active_treatment(hal::TableState s) {
  return s == hal::TableState::Pretension || s == hal::TableState::Treating ||
         s == hal::TableState::Paused || s == hal::TableState::Releasing;
}

}  // namespace

const SafetyRule* table_safety_rules(int* count) {
  if (count != nullptr) *count = kFaultCount;
  return kRules;
}

const char* alarm_text(uint16_t code) {
  switch (code) {
    case kAlarmNone: return "";
    case kAlarmStopSwitchNotConnected: return "start refused: patient stop switch not connected";
    case kAlarmHarnessNotConfirmed: return "start refused: confirm the harnesses first";
    case kAlarmHiLoActive: return "start refused: table height is moving";
    case kAlarmFaultLatched: return "start refused: a fault is latched";
    case kAlarmTensionHeld: return "tension held on the cord: press Release tension";
    case kAlarmTareOutOfRange: return "self-test: load-cell zero out of range";
    case kAlarmStopSwitchTestFailed: return "self-test: patient stop switch reads pressed";
    case kAlarmCurrentSensorOffset: return "self-test: motor current not zero with the drive off";
    default: break;
  }
  for (int i = 0; i < kFaultCount; ++i) {
    if (kRules[i].code == code) return kRules[i].text;
  }
  return "unknown alarm";
}

FaultConditions evaluate_table_policy(const PolicyInputs& in, const PolicyConfig& cfg) {
  FaultConditions c;
  const hal::SensorFrame& s = *in.sensors;
  const MonitorFlags& m = *in.monitors;
  const bool treating = active_treatment(in.state);
  const bool powered = in.state != hal::TableState::SelfTest;

  // patient side: only meaningful while a treatment holds the patient, or a stop has left
  // them loaded with the drive able to run again (the e-stop button released, or the table
  // holding the tension for a release): the patient stop always leads to a release then
  const bool loaded_hold = in.state == hal::TableState::TensionHeld ||
                           (in.state == hal::TableState::EmergencyStop && !s.emergency_stop);
  c.active[kFaultPatientStop] = (treating || loaded_hold) && s.patient_stop_pressed;
  c.active[kFaultStopSwitchUnplugged] = treating && !s.patient_stop_connected;
  c.active[kFaultCarriageLockStuck] = treating && in.carriage_lock_overdue;
  c.active[kFaultPretensionNotReached] = in.pretension_overdue;
  c.active[kFaultHarnessSlip] = treating && m.harness_slipping;
  c.active[kFaultConsoleLinkLost] = treating && m.console_link_lost;
  c.active[kFaultLoadCellDrift] = powered && m.load_cell_drift_at_rest;
  c.active[kFaultHiLoDuringTreatment] = treating && (s.hilo_up_requested || s.hilo_down_requested);
  c.active[kFaultMuscleGuarding] = treating && m.guarding;

  // power and operator
  c.active[kFaultEmergencyStop] = powered && s.emergency_stop;
  c.active[kFaultPowerLoss] = powered && in.supply_v < cfg.power_loss_v;
  c.active[kFaultBrownOut] = powered && in.supply_v < cfg.brownout_v && !c.active[kFaultPowerLoss];

  // force limits, on the unfiltered reading too: the filter's lag is time a runaway uses
  const float peak_n = in.raw_force_n > in.measured_force_n ? in.raw_force_n : in.measured_force_n;
  c.active[kFaultOverForce] =
      treating && peak_n > in.prescription_max_force_n * (1.0f + cfg.overforce_fraction);
  c.active[kFaultOverForceAbsolute] = powered && peak_n > in.device_max_force_n + cfg.absolute_margin_n;
  c.active[kFaultForceRate] = (treating || in.state == hal::TableState::Stopped) && m.force_rising_too_fast;

  // sensors, drive and timing
  c.active[kFaultLoadCellSaturated] = powered && m.load_cell_saturated;
  c.active[kFaultLoadCellStuck] = powered && m.load_cell_stuck;
  c.active[kFaultLoadCellImplausible] = treating && m.load_cell_implausible;
  c.active[kFaultEncoderLoss] = powered && m.encoder_lost;
  c.active[kFaultMotorStall] = powered && m.motor_stalled;
  c.active[kFaultMotorRunaway] = powered && m.motor_runaway;
  c.active[kFaultCordBreak] = treating && m.cord_broken;
  c.active[kFaultWatchdog] = powered && m.watchdog_overrun;
  // a locked fault has the drive off already; a coasting drum's brake can then curve the real
  // tension as much as a noisy cell would
  c.active[kFaultLoadCellNoisy] = powered && in.state != hal::TableState::Fault && m.load_cell_noisy;
  return c;
}

bool fast_release_may_finish(const SafetySupervisor& supervisor) {
  bool fast_release = false;
  bool encoder_lost = false;
  bool cell_lost = false;
  for (int i = 0; i < supervisor.rule_count(); ++i) {
    if (!supervisor.tripped(i)) continue;
    const SafetyAction a = supervisor.rule(i).action;
    if (a == SafetyAction::ReleaseFast) fast_release = true;
    if (a < SafetyAction::DriveOff) continue;
    if (i == kFaultEncoderLoss) {
      encoder_lost = true;
    } else if (i == kFaultLoadCellSaturated || i == kFaultLoadCellStuck || i == kFaultLoadCellNoisy) {
      cell_lost = true;
    } else {
      return false;
    }
  }
  return fast_release && !(encoder_lost && cell_lost);
}

bool load_cell_trusted(const SafetySupervisor& supervisor) {
  return !supervisor.tripped(kFaultLoadCellSaturated) && !supervisor.tripped(kFaultLoadCellStuck) &&
         !supervisor.tripped(kFaultLoadCellImplausible) && !supervisor.tripped(kFaultLoadCellDrift) &&
         !supervisor.tripped(kFaultLoadCellNoisy);
}

}  // namespace tractus::controller
