// The probe's bench force servo and report.
#include "twin/probe.h"

#include "twin/det_math.h"
#include "twin/twin.h"

namespace tractus::twin {

namespace {

constexpr int64_t kTickUs = 1000;

// the bench servo: feedforward plus PI on the true cord tension, at 1 kHz
struct BenchServo {
  double integral = 0.0;
  hal::ActuatorFrame update(const TwinModel& m, const TwinState& s, double target_n, bool split) {
    const double rated_n = m.table.motor_rated_force_n;
    const double error_n = target_n - s.cord_tension_n;
    integral = det::clamp(integral + 0.004 * error_n * 1e-3, -0.3, 0.3);
    const double cmd = det::clamp(target_n / rated_n + 0.0006 * error_n + integral, -1.0, 1.0);
    hal::ActuatorFrame a;
    a.motor_enable = true;
    a.brake_engaged = false;
    a.carriage_lock = !split;
    a.motor_command = static_cast<float>(cmd);
    return a;
  }
};

}  // namespace

double probe_force_at(const ProbeProtocol& p, double t_s) {
  if (p.ramp_s <= 0.0 || t_s >= p.ramp_s) return p.force_n;
  if (t_s <= 0.0) return 0.0;
  const double u = t_s / p.ramp_s;
  if (p.ramp_shape == RampShape::Linear) return p.force_n * u;
  // quick rise to half the force in the first tenth, then half again along ln(1 + 9v)/ln(10)
  if (u < 0.1) return p.force_n * 0.5 * u / 0.1;
  const double v = (u - 0.1) / 0.9;
  return p.force_n * (0.5 + 0.5 * det::log(1.0 + 9.0 * v) / det::log(10.0));
}

ProbeReport report_of(const TwinModel& model, const TwinState& s) {
  ProbeReport r;
  const bool cervical = model.setup == hal::Region::Cervical;
  r.level_count = cervical ? kCervicalLevels : kLumbarLevels;
  for (int i = 0; i < r.level_count; ++i) {
    const LevelState& l = cervical ? s.patient.cervical[i] : s.patient.lumbar[i];
    ProbeLevel& o = r.levels[i];
    o.name = cervical ? model.patient.cervical[i].name : model.patient.lumbar[i].name;
    o.separation_mm = l.separation_mm;
    o.posterior_separation_mm = l.posterior_separation_mm;
    o.anterior_separation_mm = l.anterior_separation_mm;
    o.foraminal_height_mm = l.foraminal_height_mm;
    o.axial_force_n = l.axial_force_n;
    o.moment_nm = l.moment_nm;
    o.pressure_mpa = l.pressure_mpa;
    o.protrusion_mm = l.protrusion_mm;
    o.nerve_compression = l.nerve_compression;
  }
  const PatientState& p = s.patient;
  r.cord_tension_n = s.cord_tension_n;
  r.spine_force_n = p.spine_force_n;
  r.muscle_activation = p.muscle_activation;
  r.peak_muscle_activation = p.muscle_activation;
  r.pain_back = p.pain_back;
  r.pain_radicular = p.pain_radicular;
  r.anxiety = p.anxiety;
  r.soreness = p.soreness;
  r.stature_gain_mm = p.stature_gain_mm;
  r.fracture_risk = p.fracture_risk;
  r.implant_stress = p.implant_stress;
  r.carriage_travel_mm = s.carriage_pos_m * 1000.0;
  return r;
}

ProbeReport run_probe_on(const TwinModel& model, const ProbeProtocol& protocol, TwinState& s) {
  s.inputs.pull_angle_deg = protocol.angle_deg;
  BenchServo servo;
  double peak_activation = s.patient.muscle_activation;
  const int64_t ramp_us = static_cast<int64_t>(protocol.ramp_s * 1e6);
  const int64_t total_us = ramp_us + static_cast<int64_t>(protocol.hold_s * 1e6);
  for (int64_t t_us = 0; t_us < total_us; t_us += kTickUs) {
    const double target_n = probe_force_at(protocol, static_cast<double>(t_us) * 1e-6);
    step(model, s, servo.update(model, s, target_n, protocol.split), kTickUs);
    if (s.patient.muscle_activation > peak_activation) peak_activation = s.patient.muscle_activation;
  }
  ProbeReport r = report_of(model, s);
  r.peak_muscle_activation = peak_activation;
  return r;
}

namespace {

double dose_force_at(const void* context, double t_s) {
  return probe_force_at(*static_cast<const ProbeProtocol*>(context), t_s);
}

// whole ticks in a span of seconds, rounded to the nearest tick
int64_t ticks_in(double seconds) {
  return seconds > 0.0 ? static_cast<int64_t>(seconds * 1000.0 + 0.5) : 0;
}

}  // namespace

ForceProfile dose_profile(const ProbeProtocol& protocol) {
  ForceProfile f;
  f.force_at_n = dose_force_at;
  f.context = &protocol;
  // the same whole ticks run_probe_on runs: the ramp and the hold, each cut to microseconds
  const int64_t total_us = static_cast<int64_t>(protocol.ramp_s * 1e6) +
                           static_cast<int64_t>(protocol.hold_s * 1e6);
  f.duration_s = static_cast<double>((total_us + kTickUs - 1) / kTickUs) * 1e-3;
  return f;
}

ProbeSessionReport run_probe_session(const TwinModel& model, const ProbeSession& session,
                                     TwinState* final_state) {
  ProbeSessionReport out;
  TwinState s = make_state(model);
  s.inputs.pull_angle_deg = session.angle_deg;
  BenchServo servo;
  double peak_activation = s.patient.muscle_activation;
  const bool series = session.sink != nullptr && session.sample_every_s > 0.0;
  const int64_t sample_ticks = series ? (ticks_in(session.sample_every_s) > 0 ? ticks_in(session.sample_every_s) : 1) : 0;
  auto emit = [&](int64_t tick, ProbePhase phase, double target_n) {
    ProbeReport r = report_of(model, s);
    r.peak_muscle_activation = peak_activation;
    session.sink(session.sink_context, static_cast<double>(tick) * 1e-3, phase, target_n, r);
  };
  if (series) emit(0, ProbePhase::Treatment, 0.0);

  // the treatment: the profile through the bench servo, the loaded report at its peak
  const int64_t treatment_ticks = ticks_in(session.profile.duration_s);
  double peak_n = 0.0;
  bool loaded_taken = false;
  for (int64_t k = 0; k < treatment_ticks; ++k) {
    const double target_n = session.profile.force_at_n(session.profile.context,
                                                       static_cast<double>(k * kTickUs) * 1e-6);
    step(model, s, servo.update(model, s, target_n, session.split), kTickUs);
    if (s.patient.muscle_activation > peak_activation) peak_activation = s.patient.muscle_activation;
    if (target_n > peak_n) peak_n = target_n;
    const bool at_peak = target_n >= peak_n * 0.999;
    if (at_peak && ((k + 1) % 10 == 0 || k + 1 == treatment_ticks)) {
      out.loaded = report_of(model, s);
      out.loaded.peak_muscle_activation = peak_activation;
      out.loaded_at_s = static_cast<double>(k + 1) * 1e-3;
      loaded_taken = true;
    }
    if (series && ((k + 1) % sample_ticks == 0 || k + 1 == treatment_ticks)) {
      emit(k + 1, ProbePhase::Treatment, target_n);
    }
  }
  out.peak_set_force_n = peak_n;
  out.peak_muscle_activation = peak_activation;
  out.released = report_of(model, s);
  out.released.peak_muscle_activation = peak_activation;
  if (!loaded_taken) out.loaded = out.released;

  // the rest: lying on the table with the cord slack, or standing off the table
  const int64_t rest_ticks = ticks_in(session.then_rest_s);
  if (session.rest_posture == RestPosture::LyingOnTable) {
    for (int64_t k = 0; k < rest_ticks; ++k) {
      step(model, s, servo.update(model, s, 0.0, session.split), kTickUs);
      const int64_t tick = treatment_ticks + k + 1;
      if (series && (tick % sample_ticks == 0 || k + 1 == rest_ticks)) emit(tick, ProbePhase::Rest, 0.0);
    }
  } else {
    // off the table in chunks of the series interval, at least the one-minute step of
    // advance_off_table
    const int64_t chunk = sample_ticks > 60000 ? sample_ticks : 60000;
    for (int64_t done = 0; done < rest_ticks;) {
      const int64_t n = rest_ticks - done < chunk ? rest_ticks - done : chunk;
      advance_off_table(model, s, static_cast<double>(n) * 1e-3, Posture::Standing);
      done += n;
      if (series) emit(treatment_ticks + done, ProbePhase::Rest, 0.0);
    }
  }
  out.recovered = report_of(model, s);
  out.recovered.peak_muscle_activation = peak_activation;
  if (final_state != nullptr) *final_state = s;
  return out;
}

ProbeReport run_probe(const TwinModel& model, const ProbeProtocol& protocol,
                      TwinState* final_state) {
  TwinState s = make_state(model);
  const ProbeReport r = run_probe_on(model, protocol, s);
  if (final_state != nullptr) *final_state = s;
  return r;
}

}  // namespace tractus::twin
