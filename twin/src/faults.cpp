// The fault catalogue and the fault table's bookkeeping. What each fault does to the
// mechanics and the sensors lives in twin.cpp and sensors.cpp.
#include "twin/faults.h"

#include <cmath>
#include <cstdio>
#include <cstring>

namespace tractus::twin {

namespace {

using K = FaultKind;
using C = SensorChannel;

// the catalogue: six faults for each analogue channel, three for each switch, then the
// actuator, mechanical and electrical faults
const FaultCatalogueEntry kCatalogue[] = {
    {"load_cell.off", K::SensorOff, C::LoadCell, 0.0, "", "The load-cell amplifier output is lost; the ADC reads 0 counts."},
    {"load_cell.stuck", K::SensorStuck, C::LoadCell, 0.0, "", "The load-cell reading freezes at its value when the fault starts."},
    {"load_cell.drift", K::SensorDrift, C::LoadCell, 2.0, "N/s", "The load-cell zero drifts upward at a steady rate."},
    {"load_cell.noisy", K::SensorNoisy, C::LoadCell, 20.0, "N", "The load-cell signal picks up extra noise of this standard deviation."},
    {"load_cell.intermittent", K::SensorIntermittent, C::LoadCell, 0.2, "fraction", "The load-cell connector drops out in this fraction of samples."},
    {"load_cell.gain", K::SensorWrongGain, C::LoadCell, 1.2, "factor", "The load-cell gain is off by this factor (a wrong calibration)."},
    {"encoder.off", K::SensorOff, C::Encoder, 0.0, "", "The encoder stops counting and reads 0."},
    {"encoder.stuck", K::SensorStuck, C::Encoder, 0.0, "", "The encoder count freezes."},
    {"encoder.drift", K::SensorDrift, C::Encoder, 0.5, "mm/s", "The encoder slips, adding a steadily growing error."},
    {"encoder.noisy", K::SensorNoisy, C::Encoder, 2.0, "mm", "The encoder count jitters by this standard deviation."},
    {"encoder.intermittent", K::SensorIntermittent, C::Encoder, 0.2, "fraction", "The encoder reads 0 in this fraction of samples."},
    {"encoder.gain", K::SensorWrongGain, C::Encoder, 1.2, "factor", "The encoder scale is off by this factor."},
    {"motor_current.off", K::SensorOff, C::MotorCurrent, 0.0, "", "The current-sense amplifier output is lost; the ADC reads 0 counts."},
    {"motor_current.stuck", K::SensorStuck, C::MotorCurrent, 0.0, "", "The motor-current reading freezes."},
    {"motor_current.drift", K::SensorDrift, C::MotorCurrent, 5.0, "counts/s", "The current-sense zero drifts."},
    {"motor_current.noisy", K::SensorNoisy, C::MotorCurrent, 50.0, "counts", "The current-sense signal picks up extra noise."},
    {"motor_current.intermittent", K::SensorIntermittent, C::MotorCurrent, 0.2, "fraction", "The current-sense reads 0 in this fraction of samples."},
    {"motor_current.gain", K::SensorWrongGain, C::MotorCurrent, 1.5, "factor", "The current-sense gain is off by this factor."},
    {"supply.off", K::SensorOff, C::Supply, 0.0, "", "The supply monitor reads 0 although the supply is present."},
    {"supply.stuck", K::SensorStuck, C::Supply, 0.0, "", "The supply monitor reading freezes."},
    {"supply.drift", K::SensorDrift, C::Supply, -20.0, "counts/s", "The supply monitor drifts."},
    {"supply.noisy", K::SensorNoisy, C::Supply, 50.0, "counts", "The supply monitor picks up extra noise."},
    {"supply.intermittent", K::SensorIntermittent, C::Supply, 0.2, "fraction", "The supply monitor reads 0 in this fraction of samples."},
    {"supply.gain", K::SensorWrongGain, C::Supply, 0.8, "factor", "The supply monitor gain is off by this factor."},
    {"home_limit.off", K::SensorOff, C::HomeLimit, 0.0, "", "The carriage home switch never closes."},
    {"home_limit.stuck", K::SensorStuck, C::HomeLimit, 0.0, "", "The carriage home switch stays as it was."},
    {"home_limit.intermittent", K::SensorIntermittent, C::HomeLimit, 0.2, "fraction", "The carriage home switch reads open in this fraction of samples."},
    {"end_limit.off", K::SensorOff, C::EndLimit, 0.0, "", "The carriage end-of-travel switch never closes."},
    {"end_limit.stuck", K::SensorStuck, C::EndLimit, 0.0, "", "The carriage end-of-travel switch stays as it was."},
    {"end_limit.intermittent", K::SensorIntermittent, C::EndLimit, 0.2, "fraction", "The carriage end-of-travel switch reads open in this fraction of samples."},
    {"stop_switch.off", K::SensorOff, C::StopSwitch, 0.0, "", "The patient stop switch's pressed line reads released whatever the patient does."},
    {"stop_switch.stuck", K::SensorStuck, C::StopSwitch, 0.0, "", "The patient stop switch's pressed line stays as it was."},
    {"stop_switch.intermittent", K::SensorIntermittent, C::StopSwitch, 0.2, "fraction", "The patient stop switch's pressed line reads released in this fraction of samples."},
    {"emergency_stop.off", K::SensorOff, C::EmergencyStop, 0.0, "", "The emergency-stop sense line reads released (the relay still cuts the drive)."},
    {"emergency_stop.stuck", K::SensorStuck, C::EmergencyStop, 0.0, "", "The emergency-stop sense line stays as it was."},
    {"emergency_stop.intermittent", K::SensorIntermittent, C::EmergencyStop, 0.2, "fraction", "The emergency-stop sense line reads released in this fraction of samples."},
    {"lock_sensor.off", K::SensorOff, C::CarriageLock, 0.0, "", "The carriage-lock sensor reads unlocked whatever the pin does."},
    {"lock_sensor.stuck", K::SensorStuck, C::CarriageLock, 0.0, "", "The carriage-lock sensor stays as it was."},
    {"lock_sensor.intermittent", K::SensorIntermittent, C::CarriageLock, 0.2, "fraction", "The carriage-lock sensor reads unlocked in this fraction of samples."},
    {"motor.stall", K::MotorStall, C::None, 0.0, "", "The motor shaft jams and cannot turn."},
    {"motor.runaway", K::MotorRunaway, C::None, 0.6, "fraction of rated force", "The drive pulls at this force whatever it is commanded, while its relay is closed."},
    {"motor.weak", K::MotorWeak, C::None, 0.4, "fraction", "The drive delivers only this fraction of the commanded force."},
    {"harness.slip", K::HarnessSlip, C::None, 150.0, "N", "The harness grip gives way above this force and slides."},
    {"cord.break", K::CordBreak, C::None, 0.0, "", "The traction cord parts."},
    {"carriage.jam", K::CarriageJam, C::None, 0.0, "", "The split carriage seizes where it is."},
    {"power.loss", K::PowerLoss, C::None, 0.0, "V", "The supply falls to this voltage; below 15 V the drive loses power and the brake drops in."},
    {"stop_switch.unplugged", K::StopSwitchUnplugged, C::None, 0.0, "", "The patient stop switch cable comes out of the console."},
};

constexpr int kCatalogueSize = static_cast<int>(sizeof kCatalogue / sizeof kCatalogue[0]);

const FaultCatalogueEntry* entry_for(FaultKind kind, SensorChannel channel) {
  for (const FaultCatalogueEntry& e : kCatalogue) {
    if (e.kind == kind && e.channel == channel) return &e;
  }
  return nullptr;
}

// the range each kind's magnitude must fall in; the message names the bound
bool magnitude_ok(const FaultSpec& spec, char* message, std::size_t size) {
  const double m = spec.magnitude;
  if (!std::isfinite(m)) {
    std::snprintf(message, size, "magnitude must be a finite number");
    return false;
  }
  auto out_of = [&](double lo, double hi) {
    std::snprintf(message, size, "magnitude %g is outside %g..%g for %s", m, lo, hi,
                  fault_name(spec));
    return false;
  };
  switch (spec.kind) {
    case K::SensorIntermittent:
    case K::MotorWeak:
      return (m >= 0.0 && m <= 1.0) || out_of(0.0, 1.0);
    case K::MotorRunaway:
      return (m >= -1.0 && m <= 1.0) || out_of(-1.0, 1.0);
    case K::SensorWrongGain:
      return (m > 0.0 && m <= 10.0) || out_of(0.0, 10.0);
    case K::SensorNoisy:
      return (m >= 0.0 && m <= 1e4) || out_of(0.0, 1e4);
    case K::HarnessSlip:
      return (m >= 0.0 && m <= 5000.0) || out_of(0.0, 5000.0);
    case K::PowerLoss:
      return (m >= 0.0 && m <= 40.0) || out_of(0.0, 40.0);
    default:
      return true;
  }
}

}  // namespace

const FaultCatalogueEntry* fault_catalogue(int* count) {
  if (count != nullptr) *count = kCatalogueSize;
  return kCatalogue;
}

FaultResult find_fault(const char* name) {
  FaultResult r;
  if (name == nullptr || name[0] == '\0') {
    std::snprintf(r.message, sizeof r.message, "empty fault name");
    return r;
  }
  for (const FaultCatalogueEntry& e : kCatalogue) {
    if (std::strcmp(e.name, name) == 0) {
      r.ok = true;
      r.entry = &e;
      return r;
    }
  }
  std::snprintf(r.message, sizeof r.message,
                "unknown fault '%.60s' (names look like load_cell.stuck or cord.break; "
                "see the fault catalogue)",
                name);
  return r;
}

FaultResult make_fault_spec(const char* name, FaultSpec* out, int64_t at_us) {
  FaultResult r = find_fault(name);
  if (!r.ok) return r;
  FaultSpec spec;
  spec.kind = r.entry->kind;
  spec.channel = r.entry->channel;
  spec.magnitude = r.entry->default_magnitude;
  spec.trigger = FaultTrigger::AtTime;
  spec.at_us = at_us;
  if (out != nullptr) *out = spec;
  return r;
}

const char* fault_name(const FaultSpec& spec) {
  const FaultCatalogueEntry* e = entry_for(spec.kind, spec.channel);
  return e != nullptr ? e->name : "unknown";
}

FaultResult schedule_fault(FaultTable& table, const FaultSpec& spec) {
  FaultResult r;
  r.entry = entry_for(spec.kind, spec.channel);
  if (r.entry == nullptr) {
    std::snprintf(r.message, sizeof r.message,
                  "fault kind %d on channel %d is not in the fault catalogue",
                  static_cast<int>(spec.kind), static_cast<int>(spec.channel));
    return r;
  }
  if (!magnitude_ok(spec, r.message, sizeof r.message)) return r;
  if (spec.duration_us < 0) {
    std::snprintf(r.message, sizeof r.message, "duration_us must not be negative");
    return r;
  }
  for (int i = 0; i < kMaxFaults; ++i) {
    FaultSlot& s = table.slots[i];
    if (s.used) continue;
    s = FaultSlot{};
    s.spec = spec;
    s.used = true;
    ++table.used_count;
    r.ok = true;
    r.slot = i;
    return r;
  }
  std::snprintf(r.message, sizeof r.message, "the fault table is full (%d faults)", kMaxFaults);
  return r;
}

void clear_faults(FaultTable& table) {
  for (FaultSlot& s : table.slots) s = FaultSlot{};
  table.used_count = 0;
}

bool clear_fault(FaultTable& table, int slot) {
  if (slot < 0 || slot >= kMaxFaults || !table.slots[slot].used) return false;
  table.slots[slot] = FaultSlot{};
  --table.used_count;
  return true;
}

int active_fault_count(const FaultTable& table) {
  if (table.used_count == 0) return 0;
  int n = 0;
  for (const FaultSlot& s : table.slots) n += (s.used && s.active) ? 1 : 0;
  return n;
}

const FaultSlot* find_active_fault(const FaultTable& table, FaultKind kind, SensorChannel channel) {
  for (const FaultSlot& s : table.slots) {
    if (s.used && s.active && s.spec.kind == kind && s.spec.channel == channel) return &s;
  }
  return nullptr;
}

}  // namespace tractus::twin
