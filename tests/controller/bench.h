// A test bench for the firmware alone: a first-order stand-in for drive, cord and patient
// that answers the firmware's outputs with consistent sensor frames (force follows the
// drive, the encoder follows the force, the current follows the command), plus helpers to
// send console commands. Closed-loop tests against the real twin live in tests/scenarios.
#pragma once

#include <cstdint>

#include "controller/controller.h"

namespace tractus::fwtest {

constexpr int32_t kTareCounts = 2000;

struct Bench {
  controller::Controller fw;
  int64_t now_us = 0;
  hal::ActuatorFrame out;
  float plant_force_n = 0.0f;  // force on the cord of the stand-in plant
  bool stop_connected = true;
  bool stop_pressed = false;
  bool estop = false;
  bool hilo_up = false;
  float supply_v = 24.0f;
  bool lock_sensor_stuck = false;  // the carriage-lock sensor keeps reading engaged
  bool cord_attached = true;       // false: the drum winds a cord attached to nothing
  float tremor_n = 0.0f;           // muscle tremor amplitude at 2 Hz on the measured force
  int64_t tick_us = 1000;
  int32_t drum_counts = 0;  // extra drum travel of an unattached cord
  bool drum_held = false;   // something the firmware cannot command holds the drum (a spring
                            // brake without power, a jammed shaft): the force stays
  float cell_noise_n = 0.0f;         // extra load-cell noise, standard deviation (a failing cell)
  float cell_offset_n = 0.0f;        // the cell's zero drifted by this since the tare (no force)
  int32_t cell_frozen_counts = -1;   // >= 0: the load cell reads these counts whatever the force
  mutable uint32_t noise_state = 1u;  // the noise's own generator (a 32-bit LCG)

  explicit Bench(const controller::ControllerConfig& c = controller::ControllerConfig{}) : fw(c) {}

  hal::SensorFrame sense() const {
    hal::SensorFrame f;
    // a count of dither stands for the cell's electrical noise
    const int32_t dither = static_cast<int32_t>((now_us / 1000) % 3) - 1;
    // a triangle wave: +-tremor_n at 2 Hz, slopes of 8 x tremor_n per second
    const float phase = static_cast<float>(now_us % 500000) / 500000.0f;
    const float tremor = tremor_n * (phase < 0.5f ? 4.0f * phase - 1.0f : 3.0f - 4.0f * phase);
    f.load_cell_counts = kTareCounts + static_cast<int32_t>((plant_force_n + cell_offset_n + tremor + noise_n()) * 30.0f) + dither;
    if (cell_frozen_counts >= 0) f.load_cell_counts = cell_frozen_counts;
    f.encoder_counts = static_cast<int32_t>(plant_force_n * 8.0f) + drum_counts;  // 25 N/mm at 200 counts/mm
    const float current = out.motor_enable ? out.motor_command : 0.0f;
    f.motor_current_counts = 2048 + static_cast<int32_t>(current * 2000.0f);
    f.supply_counts = static_cast<int32_t>(supply_v / (30.0f / 4095.0f) + 0.5f);
    f.patient_stop_connected = stop_connected;
    f.patient_stop_pressed = stop_pressed && stop_connected;
    f.emergency_stop = estop;
    f.carriage_locked = out.carriage_lock || lock_sensor_stuck;
    f.hilo_up_requested = hilo_up;
    return f;
  }

  // a normal deviate of cell_noise_n (12 uniforms less 6), zero when the cell is healthy
  float noise_n() const {
    if (cell_noise_n <= 0.0f) return 0.0f;
    float sum = 0.0f;
    for (int k = 0; k < 12; ++k) {
      noise_state = noise_state * 1664525u + 1013904223u;
      sum += static_cast<float>(noise_state >> 8) / 16777216.0f;
    }
    return cell_noise_n * (sum - 6.0f);
  }

  // force follows the drive with a 50 ms lag; an unpowered, unbraked drum lets it go
  void step_plant() {
    const float dt_s = static_cast<float>(tick_us) * 1e-6f;
    float goal_n = plant_force_n;
    if (!out.brake_engaged && !drum_held) goal_n = out.motor_enable && out.motor_command > 0.0f ? out.motor_command * 1200.0f : 0.0f;
    plant_force_n += (goal_n - plant_force_n) * dt_s / 0.05f;
    if (!cord_attached) {
      plant_force_n = 0.0f;
      if (out.motor_enable && !out.brake_engaged) drum_counts += static_cast<int32_t>(out.motor_command * 160.0f);  // drive force balanced by the drum's 1500 N s/m loss
    }
  }

  const hal::ActuatorFrame& tick(hal::CommandKind kind = hal::CommandKind::None,
                                 const hal::Prescription& p = hal::Prescription{}) {
    hal::ConsoleCommand cmd;
    cmd.kind = kind;
    cmd.prescription = p;
    out = fw.tick(sense(), cmd, now_us);
    step_plant();
    now_us += tick_us;
    return out;
  }
  void run_s(double seconds) {
    const long n = static_cast<long>(seconds * 1e6 / static_cast<double>(tick_us) + 0.5);
    for (long i = 0; i < n; ++i) tick();
  }
  hal::TableState state() const { return fw.display().state; }
  uint16_t alarm() const { return fw.display().alarm_code; }

  // powers up, prescribes, confirms the harness and starts
  void start(const hal::Prescription& p) {
    run_s(0.25);
    tick(hal::CommandKind::SetPrescription, p);
    tick(hal::CommandKind::ConfirmHarness);
    tick(hal::CommandKind::Start);
  }
};

inline hal::Prescription static_prescription(float force_n, float ramp_s = 10.0f, float treatment_s = 120.0f,
                                             float release_n_per_s = 50.0f) {
  hal::Prescription p;
  p.max_force_n = force_n;
  p.ramp_s = ramp_s;
  p.treatment_s = treatment_s;
  p.release_n_per_s = release_n_per_s;
  return p;
}

}  // namespace tractus::fwtest
