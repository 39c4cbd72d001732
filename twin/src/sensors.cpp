// The table's electronics as the firmware sees them: ADC counts, encoder counts and switch
// lines, with the sensor faults applied; and the fault table's activation over time.
#include <cmath>

#include "internal.h"
#include "twin/det_math.h"
#include "twin/hash.h"
#include "twin/twin.h"

namespace tractus::twin {

namespace {

bool is_switch(SensorChannel c) {
  return c == SensorChannel::HomeLimit || c == SensorChannel::EndLimit ||
         c == SensorChannel::StopSwitch || c == SensorChannel::EmergencyStop ||
         c == SensorChannel::CarriageLock;
}

// the raw value a channel sits at with zero signal, used by the gain fault
double zero_point(const TwinModel& m, SensorChannel c) {
  switch (c) {
    case SensorChannel::LoadCell: return m.table.load_cell_offset_counts;
    case SensorChannel::MotorCurrent: return 2048.0;
    default: return 0.0;
  }
}

// converts a fault magnitude in the catalogue's unit to the channel's raw unit
double raw_per_unit(const TwinModel& m, SensorChannel c) {
  switch (c) {
    case SensorChannel::LoadCell: return m.table.load_cell_counts_per_n;      // per newton
    case SensorChannel::Encoder: return m.table.encoder_counts_per_m * 1e-3;  // per millimetre
    default: return 1.0;                                                      // counts
  }
}

// applies every active fault on one channel to its raw reading
double apply_sensor_faults(const TwinModel& m, const TwinState& s, SensorChannel c, double raw,
                           Rng& rng) {
  if (s.faults.used_count == 0) return raw;
  for (const FaultSlot& f : s.faults.slots) {
    if (!f.used || !f.active || f.spec.channel != c) continue;
    const double mag = f.spec.magnitude;
    const double since_s = static_cast<double>(s.time_us - f.activated_us) * 1e-6;
    switch (f.spec.kind) {
      case FaultKind::SensorOff: raw = 0.0; break;
      case FaultKind::SensorStuck: raw = f.held_value; break;
      case FaultKind::SensorDrift:
        if (!is_switch(c)) raw += mag * raw_per_unit(m, c) * since_s;
        break;
      case FaultKind::SensorNoisy:
        if (!is_switch(c)) raw += rng.normal(0.0, mag * raw_per_unit(m, c));
        break;
      case FaultKind::SensorIntermittent:
        if (rng.uniform01() < mag) raw = 0.0;
        break;
      case FaultKind::SensorWrongGain: {
        const double z = zero_point(m, c);
        raw = z + mag * (raw - z);
        break;
      }
      default: break;
    }
  }
  return raw;
}

int32_t clamp_counts(double counts, int32_t max_counts) {
  const double rounded = std::floor(counts + 0.5);
  if (rounded < 0.0) return 0;
  if (rounded > static_cast<double>(max_counts)) return max_counts;
  return static_cast<int32_t>(rounded);
}

int32_t to_i32(double counts) {
  const double f = std::floor(counts);
  if (f > 2147483647.0) return 2147483647;
  if (f < -2147483648.0) return -2147483647 - 1;
  return static_cast<int32_t>(f);
}

double supply_now(const TwinState& s) {
  if (const FaultSlot* f = active_fault(s.faults, FaultKind::PowerLoss)) return f->spec.magnitude;
  return s.inputs.supply_v;
}

bool stop_switch_connected(const TwinState& s) {
  return s.inputs.patient_stop_connected &&
         !fault_active(s.faults, FaultKind::StopSwitchUnplugged);
}

}  // namespace

namespace detail {

double true_channel_reading(const TwinModel& m, const TwinState& s, SensorChannel c) {
  const TableModel& t = m.table;
  switch (c) {
    case SensorChannel::LoadCell:
      return t.load_cell_offset_counts + s.load_cell_filtered_n * t.load_cell_counts_per_n;
    case SensorChannel::Encoder: return s.motor_pos_m * t.encoder_counts_per_m;
    case SensorChannel::MotorCurrent: {
      // the winding carries what the drive delivers: a runaway drive its own level, whatever
      // it is commanded (the firmware's "current the command does not explain")
      double units = s.motor_enabled ? s.motor_command : 0.0;
      const FaultSlot* runaway = active_fault(s.faults, FaultKind::MotorRunaway);
      if (runaway != nullptr && s.motor_enabled) units = runaway->spec.magnitude;
      return 2048.0 + units * t.current_adc_counts_per_unit;
    }
    case SensorChannel::Supply: return supply_now(s) / t.supply_volts_per_count;
    case SensorChannel::HomeLimit: return s.carriage_pos_m <= 0.0005 ? 1.0 : 0.0;
    case SensorChannel::EndLimit:
      return s.carriage_pos_m >= t.carriage_travel_m - 0.0005 ? 1.0 : 0.0;
    case SensorChannel::StopSwitch:
      return (s.inputs.patient_stop_pressed && stop_switch_connected(s)) ? 1.0 : 0.0;
    case SensorChannel::EmergencyStop: return s.inputs.emergency_stop ? 1.0 : 0.0;
    case SensorChannel::CarriageLock: return s.carriage_locked ? 1.0 : 0.0;
    default: return 0.0;
  }
}

double fault_magnitude(const FaultTable& table, FaultKind kind, SensorChannel channel,
                       double fallback) {
  const FaultSlot* f = active_fault(table, kind, channel);
  return f != nullptr ? f->spec.magnitude : fallback;
}

void update_faults(const TwinModel& m, TwinState& s) {
  if (s.faults.used_count == 0) return;
  for (FaultSlot& f : s.faults.slots) {
    if (!f.used || f.expired) continue;
    if (!f.active) {
      // pending: check its trigger
      bool fire = false;
      switch (f.spec.trigger) {
        case FaultTrigger::AtTime: fire = s.time_us >= f.spec.at_us; break;
        case FaultTrigger::TensionAboveN: fire = s.cord_tension_n > f.spec.threshold; break;
        case FaultTrigger::CarriageAboveMm:
          fire = s.carriage_pos_m * 1000.0 > f.spec.threshold;
          break;
      }
      if (!fire) continue;
      f.active = true;
      f.activated_us = s.time_us;
      // a stuck sensor keeps the reading it had at this moment
      if (f.spec.kind == FaultKind::SensorStuck) {
        f.held_value = true_channel_reading(m, s, f.spec.channel);
      }
    } else if (f.spec.duration_us > 0 && s.time_us >= f.activated_us + f.spec.duration_us) {
      f.active = false;
      f.expired = true;
    }
  }
}

}  // namespace detail

hal::SensorFrame sense(const TwinModel& model, const TwinState& state, Rng& rng) {
  const TableModel& t = model.table;
  using C = SensorChannel;
  // a fault-free table (the usual case) skips the call, not only the lookup inside it
  const bool faults = state.faults.used_count != 0;
  auto reading = [&](C c, double raw) {
    return faults ? apply_sensor_faults(model, state, c, raw, rng) : raw;
  };
  auto line = [&](C c) { return reading(c, detail::true_channel_reading(model, state, c)) > 0.5; };

  hal::SensorFrame f;
  const double cell_counts = detail::true_channel_reading(model, state, C::LoadCell) +
                             rng.normal(0.0, t.load_cell_noise_n) * t.load_cell_counts_per_n;
  f.load_cell_counts = clamp_counts(reading(C::LoadCell, cell_counts), hal::kLoadCellAdcMaxCounts);
  f.encoder_counts = to_i32(reading(C::Encoder, detail::true_channel_reading(model, state, C::Encoder)));
  const double current_counts = detail::true_channel_reading(model, state, C::MotorCurrent) +
                                rng.normal(0.0, t.current_adc_noise_counts);
  f.motor_current_counts =
      clamp_counts(reading(C::MotorCurrent, current_counts), hal::kMotorCurrentAdcMaxCounts);
  f.supply_counts = clamp_counts(reading(C::Supply, detail::true_channel_reading(model, state, C::Supply)),
                                 hal::kSupplyAdcMaxCounts);
  f.carriage_home_limit = line(C::HomeLimit);
  f.carriage_end_limit = line(C::EndLimit);
  f.patient_stop_pressed = line(C::StopSwitch);
  f.patient_stop_connected = stop_switch_connected(state);
  f.emergency_stop = line(C::EmergencyStop);
  f.carriage_locked = line(C::CarriageLock);
  f.hilo_up_requested = state.inputs.hilo_up_pressed;
  f.hilo_down_requested = state.inputs.hilo_down_pressed;
  return f;
}

namespace {
void hash_level(Fnv1a& h, const LevelState& l) {
  h.f64(l.creep_mm);
  h.f64(l.fluid_mm);
  h.f64(l.protrusion_mm);
  h.f64(l.axial_force_n);
  h.f64(l.separation_mm);
  h.f64(l.posterior_separation_mm);
  h.f64(l.anterior_separation_mm);
  h.f64(l.foraminal_height_mm);
  h.f64(l.shear_n);
  h.f64(l.moment_nm);
  h.f64(l.pressure_mpa);
  h.f64(l.nerve_compression);
}
}  // namespace

uint64_t hash_state(const TwinState& s, uint64_t seed_hash) {
  Fnv1a h(seed_hash);
  h.u32(s.layout_version);
  h.i64(s.time_us);
  h.f64(s.motor_pos_m);
  h.f64(s.motor_vel_m_per_s);
  h.f64(s.carriage_pos_m);
  h.f64(s.carriage_vel_m_per_s);
  h.f64(s.body_pos_m);
  h.f64(s.body_vel_m_per_s);
  h.f64(s.harness_slip_m);
  h.f64(s.cord_tension_n);
  h.f64(s.load_cell_filtered_n);
  h.f64(s.harness_force_n);
  h.f64(s.motor_command);
  h.boolean(s.motor_enabled);
  h.boolean(s.brake_engaged);
  h.boolean(s.carriage_locked);
  h.boolean(s.cord_broken);
  h.boolean(s.inputs.patient_stop_pressed);
  h.boolean(s.inputs.patient_stop_connected);
  h.boolean(s.inputs.emergency_stop);
  h.f64(s.inputs.supply_v);
  h.f64(s.inputs.pull_angle_deg);
  h.f64(s.inputs.table_height_m);
  h.boolean(s.inputs.hilo_up_pressed);
  h.boolean(s.inputs.hilo_down_pressed);
  // the patient
  const PatientState& p = s.patient;
  for (const LevelState& l : p.lumbar) hash_level(h, l);
  for (const LevelState& l : p.cervical) hash_level(h, l);
  h.f64(p.spine_force_n);
  h.f64(p.spine_force_rate_n_per_s);
  h.f64(p.muscle_activation);
  h.f64(p.muscle_force_n);
  h.f64(p.reflex_stimulus);
  for (double d : p.reflex_delay) h.f64(d);
  h.u32(static_cast<uint32_t>(p.reflex_delay_head));
  h.i64(p.reflex_delay_accum_us);
  h.f64(p.reflex_habituation);
  h.f64(p.session_habituation);
  h.f64(p.tremor_n);
  h.f64(p.anxiety);
  h.f64(p.pain_back);
  h.f64(p.pain_radicular);
  h.f64(p.soreness);
  h.f64(p.thoracic_fluid_mm);
  h.f64(p.overnight_fluid_mm);
  h.f64(p.tissue_creep_m);
  h.f64(p.slack_m);
  h.f64(p.stature_gain_mm);
  h.f64(p.fracture_risk);
  h.f64(p.implant_stress);
  h.f64(p.time_on_table_s);
  h.i64(p.slow_elapsed_us);
  // the fault table
  h.u32(static_cast<uint32_t>(s.faults.used_count));
  for (const FaultSlot& f : s.faults.slots) {
    h.boolean(f.used);
    if (!f.used) continue;
    h.u32(static_cast<uint32_t>(f.spec.kind));
    h.u32(static_cast<uint32_t>(f.spec.channel));
    h.f64(f.spec.magnitude);
    h.u32(static_cast<uint32_t>(f.spec.trigger));
    h.i64(f.spec.at_us);
    h.f64(f.spec.threshold);
    h.i64(f.spec.duration_us);
    h.boolean(f.active);
    h.boolean(f.expired);
    h.i64(f.activated_us);
    h.f64(f.held_value);
  }
  for (int i = 0; i < 4; ++i) h.u64(s.patient_rng.state_words()[i]);
  return h.value();
}

}  // namespace tractus::twin
