// The constant description of a table and of the patient lying on it.
//
// A TwinModel never changes during a session; everything that changes lives in TwinState.
// Fields are SI with the unit in the name, and each default names where it comes from.
#pragma once

#include <cstdint>

namespace tractus::twin {

/// Drive, cord, carriage and sensors of the reference table.
struct TableModel {
  // drive, lumped at the cord: the servo torque and drum inertia reflected to the cord line
  double motor_rated_force_n = 1200.0;       // cord force at motor_command = 1 (drive rating)
  double motor_reflected_mass_kg = 5.0;      // rotor and drum inertia over drum radius squared
  double motor_damping_n_s_per_m = 1500.0;   // back-EMF and gearbox viscous loss
  double motor_coulomb_n = 10.0;             // gearbox breakaway friction
  // traction cord (strap) in series with the load cell
  double cord_stiffness_n_per_m = 150000.0;  // 150 N/mm: a short polyester strap
  double cord_damping_n_s_per_m = 500.0;
  // split lower carriage on linear bearings
  double carriage_mass_kg = 15.0;
  double carriage_travel_m = 0.090;          // about 90 mm of travel (issue 3)
  double carriage_coulomb_n = 15.0;          // bearing friction, low by design
  double friction_smoothing_m_per_s = 0.001; // velocity scale of the smoothed Coulomb law
  // sensors
  double load_cell_counts_per_n = 30.0;      // 16-bit ADC over about 2000 N
  double load_cell_offset_counts = 2000.0;   // zero-force reading before tare
  double load_cell_noise_n = 0.3;            // one-sigma electrical noise
  double load_cell_bandwidth_hz = 200.0;     // first-order response of cell and amplifier
  double encoder_counts_per_m = 200000.0;    // 200 counts per mm of cord
  double current_adc_counts_per_unit = 2000.0; // counts above mid-scale at motor_command = 1
  double current_adc_noise_counts = 2.0;
  double supply_nominal_v = 24.0;
  double supply_volts_per_count = 30.0 / 4095.0;
};

/// A compliant patient: the lower body rides on the carriage and the spine with its soft
/// tissue and harnesses acts as a spring-damper between the thoracic harness (fixed to the
/// table) and the pelvic harness (pulled by the cord). The full spine model replaces this in
/// the twin issue.
struct PatientModel {
  double body_mass_kg = 70.0;
  double lower_body_fraction = 0.49;            // share of body weight on the carriage (Judovich) [U]
  double stretch_stiffness_n_per_m = 30000.0;   // harness and tissue, 30 N/mm [U]
  double stretch_damping_n_s_per_m = 2000.0;
};

/// Everything constant about one simulated table with one patient.
struct TwinModel {
  TableModel table;
  PatientModel patient;
  /// Integration sub-step in microseconds. 100 us keeps the stiffest element (the cord against
  /// the reflected motor mass, about 27 Hz) far inside the stable range of semi-implicit Euler.
  int64_t substep_us = 100;
};

}  // namespace tractus::twin
