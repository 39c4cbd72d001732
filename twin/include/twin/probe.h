// The probe: one traction dose applied to the twin by an ideal bench force servo, and the
// patient's answer per disc level. Educators use it through `tractus-cli probe`; the
// calibration tests use it to hold the model against published measurements.
//
// The bench servo stands in for the table firmware so that the probe measures the patient
// model alone: it ramps the cord tension to the set force (linearly, or with the VAX-D
// profile of a quick rise to half the force and a logarithmic rise to the rest), holds it,
// and reports the state at the end of the hold.
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
  double pressure_mmhg = 0.0;
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

}  // namespace tractus::twin
