// The probe: one traction dose applied to the twin by an ideal bench force servo, and the
// patient's answer per disc level. Educators use it through `tractus-cli probe`; the
// calibration tests use it to hold the model against published measurements.
//
// The bench servo stands in for the table firmware so that the probe measures the patient
// model alone: it ramps the cord tension to the set force (linearly, or with the VAX-D
// profile of a quick rise to half the force and a logarithmic rise to the rest), holds it,
// and reports the state at the end of the hold. A whole session (run_probe_session) takes any
// force profile, such as the console's protocols, then lets the patient rest and reports how
// the spine recovers, with a time series on request.
#pragma once

#include "twin/model.h"
#include "twin/state.h"

namespace tractus::twin {

/// How the force rises to its set value.
enum class RampShape : uint8_t {
  Linear,       // constant rate over ramp_s
  Logarithmic,  // VAX-D (US 6,039,737): quick rise to 50% in the first tenth of ramp_s,
                // then an approximately logarithmic rise to the maximum
};

/// One dose.
struct ProbeProtocol {
  double force_n = 0.0;      // set cord tension, newtons
  double angle_deg = 15.0;   // pull angle
  double ramp_s = 30.0;      // time to reach force_n
  double hold_s = 60.0;      // time at force_n before the report
  RampShape ramp_shape = RampShape::Linear;
  bool split = true;         // split carriage (or head cradle) free to slide
};

/// One level's answer at the end of the hold.
struct ProbeLevel {
  const char* name = "";
  double separation_mm = 0.0;
  double posterior_separation_mm = 0.0;
  double anterior_separation_mm = 0.0;
  double foraminal_height_mm = 0.0;
  double axial_force_n = 0.0;   // net, tension positive
  double moment_nm = 0.0;       // flexion moment about the centre of rotation
  double pressure_mpa = 0.0;    // nucleus pressure, gauge
  double protrusion_mm = 0.0;
  double nerve_compression = 0.0;
};

/// The patient's answer. Levels are those of the set-up's chain (model.setup).
struct ProbeReport {
  ProbeLevel levels[kMaxLevels];
  int level_count = 0;
  double cord_tension_n = 0.0;          // at the end of the hold
  double spine_force_n = 0.0;           // traction reaching the spine at the end
  double muscle_activation = 0.0;       // at the end of the hold
  double peak_muscle_activation = 0.0;  // highest during ramp and hold
  double pain_back = 0.0;
  double pain_radicular = 0.0;          // leg for lumbar, arm for cervical
  double anxiety = 0.0;
  double soreness = 0.0;
  double stature_gain_mm = 0.0;
  double fracture_risk = 0.0;
  double implant_stress = 0.0;
  double carriage_travel_mm = 0.0;
};

/// Runs a dose on a fresh patient and reports. If final_state is not null it receives the
/// twin's state at the end of the hold, for follow-up (advance_off_table, more doses).
ProbeReport run_probe(const TwinModel& model, const ProbeProtocol& protocol,
                      TwinState* final_state = nullptr);

/// Runs a dose on an existing state (a patient who already had one), then reports.
ProbeReport run_probe_on(const TwinModel& model, const ProbeProtocol& protocol, TwinState& state);

/// Reads a report from a state without stepping.
ProbeReport report_of(const TwinModel& model, const TwinState& state);

/// The set force at time t_s of the protocol's ramp (then flat at force_n).
double probe_force_at(const ProbeProtocol& protocol, double t_s);

// [SECTION] A whole session: any force profile, a rest afterwards and a time series

/// A force profile of any shape: the bench servo's set cord tension at each moment of a
/// treatment. The console's protocols (static, intermittent, cyclic, decompression, with
/// progressive and regressive steps) become one of these in the command-line tool, which
/// knows the firmware's profile builder; the twin does not.
struct ForceProfile {
  /// Returns the set cord tension in newtons at time t_s from the start of the treatment.
  /// Called once every 1 ms tick with rising t_s. Must not be null.
  double (*force_at_n)(const void* context, double t_s) = nullptr;
  /// Passed to force_at_n unchanged.
  const void* context = nullptr;
  /// Length of the treatment in seconds, the release to zero included.
  double duration_s = 0.0;
};

/// Where the patient spends the rest after the treatment.
enum class RestPosture : uint8_t {
  LyingOnTable,  // still on the table, harness on, cord slack (the servo holds zero)
  Standing,      // off the table and upright (advance_off_table, Posture::Standing)
};

/// The phase a time-series sample belongs to.
enum class ProbePhase : uint8_t { Treatment, Rest };

/// Receives one sample of the time series: time from the start of the treatment, its phase,
/// the set force (0 during the rest) and the patient's state as a report. Called at t = 0, at
/// every multiple of ProbeSession::sample_every_s during the treatment and a lying rest, at
/// the end of each phase, and once a minute (at least) during a standing rest.
using ProbeSampleSink = void (*)(void* context, double t_s, ProbePhase phase, double target_n,
                                 const ProbeReport& report);

/// A treatment under a force profile, then an optional rest.
struct ProbeSession {
  ForceProfile profile;
  double angle_deg = 15.0;  // pull angle
  bool split = true;        // split carriage (or head cradle) free to slide
  double then_rest_s = 0.0; // rest after the treatment, seconds (0: none)
  RestPosture rest_posture = RestPosture::LyingOnTable;
  double sample_every_s = 1.0;      // time-series interval; <= 0 turns the series off
  ProbeSampleSink sink = nullptr;   // null: no time series
  void* sink_context = nullptr;
};

/// The answers of a session.
struct ProbeSessionReport {
  /// At the end of the last stretch at the profile's highest set force (within 0.1%): the
  /// end of the hold for a plain dose, of the last peak hold for a cyclic one. Sampled every
  /// 10 ms (the patient's slow step), and at the last tick of the treatment.
  ProbeReport loaded;
  double loaded_at_s = 0.0;
  /// At the end of the treatment, after its release (or at the end of the hold when the
  /// profile has none).
  ProbeReport released;
  /// After then_rest_s of rest; equal to released when there is none.
  ProbeReport recovered;
  double peak_set_force_n = 0.0;       // highest set force of the profile
  double peak_muscle_activation = 0.0; // highest during the treatment
};

/// Runs a session on a fresh patient. If final_state is not null it receives the twin's state
/// at the end of the rest. With ForceProfile of run_probe's ramp and hold and no rest, the
/// report `loaded` equals run_probe's, bit for bit.
ProbeSessionReport run_probe_session(const TwinModel& model, const ProbeSession& session,
                                     TwinState* final_state = nullptr);

/// The ForceProfile of a single dose (probe_force_at), for run_probe_session. The profile
/// reads *protocol, which must outlive its use.
ForceProfile dose_profile(const ProbeProtocol& protocol);

}  // namespace tractus::twin
