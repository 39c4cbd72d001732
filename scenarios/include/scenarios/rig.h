// The rig couples the table firmware and the digital twin in lock-step.
//
// Time is integer microseconds. Every controller tick (1 kHz) the rig samples the twin's
// sensors, ticks the touchscreen console, then the controller with the one command it gives, and integrates the
// twin over the tick under the resulting actuator commands in fixed sub-steps. One seeded Rng
// supplies every random draw, so a seed and a sequence of inputs determine the whole run.
#pragma once

#include <cstdint>

#include <string>
#include <vector>

#include "console/console.h"
#include "controller/controller.h"
#include "twin/model.h"
#include "twin/rng.h"
#include "twin/state.h"
#include "twin/twin.h"

namespace tractus::scenarios {

/// How to build a rig.
struct RigConfig {
  twin::TwinModel twin;                     // the table and patient
  controller::ControllerConfig controller;  // firmware calibration and tuning
  uint64_t seed = 1;                        // seeds the one random generator
};

/// A controller and a twin stepped together.
class Rig {
 public:
  explicit Rig(const RigConfig& config);

  /// The table's touchscreen console (console/console.h): operator intents queue here and
  /// reach the firmware one command a tick.
  console::Console& console() { return console_; }
  const console::Console& console() const { return console_; }
  /// Queues a raw console command on the console; it reaches the firmware at the next free
  /// tick (a test bench's shortcut for console().send).
  void send(const hal::ConsoleCommand& command) { console_.send(command); }

  /// The patient presses (true) or releases (false) the stop switch.
  void set_patient_stop_pressed(bool pressed) { twin_.inputs.patient_stop_pressed = pressed; }
  /// Plugs (true) or unplugs (false) the patient stop switch cable.
  void set_patient_stop_connected(bool connected) { twin_.inputs.patient_stop_connected = connected; }
  /// Latches (true) or releases (false) the console's emergency stop.
  void set_emergency_stop(bool latched) { twin_.inputs.emergency_stop = latched; }
  /// The operator holds (true) or lets go of (false) the hi-lo pendant's up and down buttons.
  void set_hilo_pendant(bool up, bool down) {
    twin_.inputs.hilo_up_pressed = up;
    twin_.inputs.hilo_down_pressed = down;
  }
  /// Sets the pull-angle arm in degrees, as the operator would (twin issue 3).
  void set_pull_angle_deg(double angle_deg) { twin_.inputs.pull_angle_deg = angle_deg; }
  /// The patient coughs now: a trunk-muscle pulse of PatientModel::cough_duration_s that the
  /// twin turns into a cord-tension and disc-pressure spike.
  void cough() { cough_started_us_ = now_us_; }
  /// The operator pulls (true) or lets go of (false) the drive's hand brake-release lever.
  void set_manual_brake_release(bool held) { hand_release_ = held; }
  bool manual_brake_release() const { return hand_release_; }
  /// True while the hand brake release is the way to let the tension down, so the UI offers
  /// it and the trainee's release_brake is accepted: the drive has no power (a power loss, its
  /// spring brake holding the drum). With power the console releases the tension (Stop,
  /// Release tension), and the firmware pays it out under the load cell.
  bool hand_release_available() const { return !twin::drive_powered(config_.twin, twin_); }
  /// Refits the harnesses (or head halter): good restores the patient model's own fit, loose
  /// and tight give twin::kLooseHarnessFit and twin::kTightHarnessFit. Only between
  /// treatments: the model must not change under traction.
  void fit_harness(twin::HarnessFitting fitting);
  /// Leaves the harnesses (or head halter) lying unfastened on the patient, as before the
  /// bedside fit or after removal: they grip with kUnfastenedHarnessFit, so a pull slides
  /// them off instead of distracting the spine. Only between treatments, like fit_harness.
  void unfasten_harness();
  /// The fit of a harness that lies on the patient but is not cinched: the twin's lowest fit
  /// (twin::detail::harness_of clamps to 0.05), a grip of about 75 N on the pelvis [U].
  static constexpr double kUnfastenedHarnessFit = 0.05;
  /// Fits the traction unit for a region: the pelvic and thoracic harnesses (lumbar) or the
  /// cervical unit's head halter, so the twin pulls on that part of the patient. Only at
  /// rest: while a treatment, stop or fault release is under way, or the cord carries more
  /// than kUnitSwapMaxTensionN, it changes nothing and returns false.
  bool fit_unit(hal::Region region);
  /// The most cord tension at which the unit may be swapped, newtons (the firmware's slack).
  static constexpr double kUnitSwapMaxTensionN = 8.0;

  /// Schedules a fault on the twin's side of the HAL (twin/faults.h). The result says why a
  /// spec was refused (not in the catalogue, magnitude out of range, table full).
  twin::FaultResult inject_fault(const twin::FaultSpec& spec) {
    return twin::schedule_fault(twin_.faults, spec);
  }
  /// Injects the named fault now, until cleared: a console fault (console.link_loss) on the
  /// console, any other from the twin's catalogue at its default magnitude. This is the one
  /// path by name; an unknown name is refused with a message naming it.
  twin::FaultResult inject_fault(const char* name);
  /// Removes every injected fault of this name; false if none was injected.
  bool clear_fault(const std::string& name);
  /// Removes every injected fault, the console's and the twin's. A parted cord stays parted.
  void clear_faults();
  /// Names of the faults injected and not cleared (the console's first, then the twin's table
  /// in slot order): the one list the instructor sees.
  std::vector<std::string> active_fault_names() const;

  /// Runs whole controller ticks until at least dt_us more microseconds have elapsed and
  /// returns the number of ticks run.
  int64_t advance_us(int64_t dt_us);
  /// Runs exactly one controller tick: the console gives this tick's command (with its
  /// heartbeat), the firmware ticks on the twin's sensors, and the twin steps under the
  /// firmware's actuator commands.
  void tick();
  /// The console's heartbeat period; the firmware declares the link lost after 500 ms.
  static constexpr int64_t kHeartbeatPeriodUs = console::Console::kHeartbeatPeriodUs;

  /// The console's start sequence: queues the prescription, the harness confirmation and
  /// Start, and runs two ticks (Start reaches the firmware at the next tick).
  void prescribe_and_start(const hal::Prescription& prescription);

  int64_t now_us() const { return now_us_; }
  const twin::TwinModel& model() const { return config_.twin; }
  const twin::TwinState& twin_state() const { return twin_; }
  const controller::Controller& firmware() const { return controller_; }
  const hal::DisplayState& display() const { return controller_.display(); }
  const hal::ActuatorFrame& actuators() const { return actuators_; }
  const hal::SensorFrame& sensors() const { return sensors_; }

  /// Hash of the twin state, the generator state, the time and the controller's outputs.
  /// Two rigs built alike and fed alike have equal hashes at every tick.
  uint64_t state_hash() const;

 private:
  RigConfig config_;
  twin::PatientModel fitted_patient_;  // the patient model as built, before any refit
  controller::Controller controller_;
  twin::TwinState twin_;
  Rng rng_;
  console::Console console_;
  hal::SensorFrame sensors_;
  hal::ActuatorFrame actuators_;
  int64_t now_us_ = 0;
  int64_t carry_us_ = 0;  // time owed to the next advance when dt_us is not a tick multiple
  int64_t cough_started_us_ = -1;  // rig time the last cough began, -1 when none is running
  bool hand_release_ = false;      // the brake's hand-release lever is held
};

}  // namespace tractus::scenarios
