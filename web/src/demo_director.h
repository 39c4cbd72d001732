// The demo director: plays a script of captioned steps on the sandbox table, unattended and
// forever. It works the table only through the entry points a person at the console would
// use (prescribe and start, acknowledge, the patient's stop switch) and injects faults on the
// twin's side of the HAL, as the instructor panel does. It runs on simulated time alone, so a
// faster clock plays the same show faster and a paused clock holds it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "hal/hal.h"
#include "render/camera.h"
#include "render/demo_caption.h"
#include "console/prescription_entry.h"
#include "scenarios/rig.h"

namespace tractus::web {

/// What the director does to the table at a moment in a step.
enum class CueKind {
  Prescribe,          // acknowledge whatever is showing, then prescribe and start
  PressStopSwitch,    // the patient presses the hand-held stop switch
  ReleaseStopSwitch,  // and lets go of it
  InjectFault,        // a catalogue fault on the twin's side of the HAL, at its default size
  Acknowledge,        // the operator acknowledges the tone or alarm
};

/// One timed action inside a step.
struct Cue {
  double at_s = 0.0;                // simulated seconds after the step began
  CueKind kind = CueKind::Acknowledge;
  console::PrescriptionEntry prescription;  // with Prescribe
  std::string fault;                // with InjectFault: a fault catalogue name
};

/// One captioned step of a script.
struct DemoStep {
  std::string id;       // short stable name, for the hook and tests ("patient_stop")
  std::string title;    // caption headline
  std::string body;     // caption text: what the table does, truthfully
  render::CameraPreset camera = render::CameraPreset::Overview;
  double duration_s = 10.0;  // simulated
  bool power_on = false;     // the step begins with the table switched on afresh (self-test)
  std::vector<Cue> cues;     // in time order
};

/// What the director saw the table do, kept across loops for the hook and the browser tests.
struct DemoObservations {
  std::vector<int> visits;            // times each step has begun
  int stop_presses = 0;               // patient stop-switch presses so far
  double last_stop_force_n = -1.0;    // measured force when the switch was last pressed
  double last_stop_release_s = -1.0;  // from that press until measured force and cord tension
                                      // were both at or under 15 N; -1 until seen
  double worst_stop_release_s = -1.0; // the slowest such release over the run
  bool stop_alarm_seen = false;       // the table showed PATIENT STOP with the buzzer on
  int faults_injected = 0;
  int faults_stopped = 0;             // injected faults after which the table went to FAULT
  int last_fault_alarm = 0;           // the alarm code the fault raised
  double last_fault_trip_s = -1.0;    // from injection to the FAULT state
  double peak_force_ratio = 0.0;      // highest cord tension over the prescribed force while
                                      // a prescription was running, outside fault steps
};

/// Plays a script of steps on a sandbox table, looping forever.
class DemoDirector {
 public:
  /// Takes the script to play; it must hold at least one step.
  explicit DemoDirector(std::vector<DemoStep> script);

  /// Starts the show at its first step with a freshly switched-on table in rig.
  void restart(std::unique_ptr<scenarios::Rig>& rig);
  /// Advances the table by dt_us of simulated time, running each cue at its moment and moving
  /// on (and round) as steps end. A step that powers the table on replaces rig.
  void advance_us(std::unique_ptr<scenarios::Rig>& rig, int64_t dt_us);

  int step_index() const { return step_; }
  int loop_count() const { return loops_; }
  const DemoStep& step() const { return script_[static_cast<std::size_t>(step_)]; }
  const std::vector<DemoStep>& script() const { return script_; }
  double step_elapsed_s(const scenarios::Rig& rig) const;
  /// Simulated seconds the show has run since restart, over every power-on.
  double total_s() const { return static_cast<double>(total_us_) * 1e-6; }
  const DemoObservations& observations() const { return seen_; }
  /// The caption the UI shows now, with a measured figure where the step has one.
  render::DemoCaption caption(const scenarios::Rig& rig) const;

 private:
  void begin_step(std::unique_ptr<scenarios::Rig>& rig, int index);
  void run_cue(scenarios::Rig& rig, const Cue& cue);
  void observe(const scenarios::Rig& rig);

  std::vector<DemoStep> script_;
  int step_ = 0;
  int loops_ = 0;
  std::size_t next_cue_ = 0;
  int64_t step_start_us_ = 0;
  int64_t total_us_ = 0;
  DemoObservations seen_;
  int64_t stop_pressed_at_us_ = -1;   // waiting for the release to 15 N
  int64_t fault_injected_at_us_ = -1; // waiting for the FAULT state
  bool fault_step_ = false;           // this step injects a fault
};

/// The sales demo: power-on self-test, static, intermittent and decompression traction, a
/// patient stop with its fast release, a drive runaway caught by the firmware, then round again.
std::vector<DemoStep> sales_demo_script();

/// The patient tour's live picture: a gentle decompression pull, repeated.
std::vector<DemoStep> gentle_pull_script();

}  // namespace tractus::web
