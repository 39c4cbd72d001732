#include "demo_director.h"

#include <algorithm>
#include <cstdio>
#include "hal/units.h"

namespace tractus::web {

namespace {

constexpr int64_t kTickUs = 1000;
using units::kNewtonsPerLbf;
// the patient stop's release floor (Eltrac manual; DESIGN.md section 4)
constexpr double kStopFloorN = 15.0;

console::PrescriptionEntry lumbar(hal::Protocol protocol, double max_lbf, double ramp_s, double treatment_s) {
  console::PrescriptionEntry p;
  p.region = hal::Region::Lumbar;
  p.protocol = protocol;
  p.max_force_n = max_lbf * kNewtonsPerLbf;
  p.ramp_s = ramp_s;
  p.treatment_s = treatment_s;
  p.release_n_per_s = 40.0;
  return p;
}

// the cyclic ramp-down and decompression release take the HAL's 10 s
console::PrescriptionEntry cycling(hal::Protocol protocol, double max_lbf, double base_lbf, double ramp_s,
                                   double hold_s, double rest_s, double treatment_s) {
  console::PrescriptionEntry p = lumbar(protocol, max_lbf, ramp_s, treatment_s);
  p.base_force_n = base_lbf * kNewtonsPerLbf;
  p.hold_s = hold_s;
  p.rest_s = rest_s;
  return p;
}

Cue prescribe(double at_s, const console::PrescriptionEntry& p) {
  Cue c;
  c.at_s = at_s;
  c.kind = CueKind::Prescribe;
  c.prescription = p;
  return c;
}

Cue cue(double at_s, CueKind kind, const std::string& fault = "") {
  Cue c;
  c.at_s = at_s;
  c.kind = kind;
  c.fault = fault;
  return c;
}

bool treating(hal::TableState s) {
  return s == hal::TableState::Pretension || s == hal::TableState::Treating || s == hal::TableState::Paused ||
         s == hal::TableState::Releasing;
}

bool has_cue(const DemoStep& step, CueKind kind) {
  return std::any_of(step.cues.begin(), step.cues.end(), [kind](const Cue& c) { return c.kind == kind; });
}

}  // namespace

DemoDirector::DemoDirector(std::vector<DemoStep> script) : script_(std::move(script)) {
  if (script_.empty()) {
    DemoStep idle;
    idle.id = "idle";
    idle.title = "Demo";
    idle.body = "This demo has no steps.";
    script_.push_back(idle);
  }
  seen_.visits.assign(script_.size(), 0);
}

void DemoDirector::restart(std::unique_ptr<scenarios::Rig>& rig) {
  loops_ = 0;
  total_us_ = 0;
  seen_ = DemoObservations{};
  seen_.visits.assign(script_.size(), 0);
  rig = std::make_unique<scenarios::Rig>(scenarios::RigConfig{});
  begin_step(rig, 0);
}

void DemoDirector::begin_step(std::unique_ptr<scenarios::Rig>& rig, int index) {
  step_ = index;
  const DemoStep& s = step();
  if (s.power_on) {
    scenarios::RigConfig cfg;
    cfg.seed = 1;
    rig = std::make_unique<scenarios::Rig>(cfg);
  }
  rig->set_patient_stop_pressed(false);
  step_start_us_ = rig->now_us();
  next_cue_ = 0;
  fault_step_ = has_cue(s, CueKind::InjectFault);
  stop_pressed_at_us_ = -1;
  fault_injected_at_us_ = -1;
  ++seen_.visits[static_cast<std::size_t>(index)];
}

void DemoDirector::run_cue(scenarios::Rig& rig, const Cue& c) {
  const hal::DisplayState& d = rig.display();
  switch (c.kind) {
    case CueKind::Prescribe: {
      // the operator's sequence on the console, sent one command a tick as time runs
      console::Console& console = rig.console();
      if (d.state == hal::TableState::Complete || d.state == hal::TableState::Stopped)
        console.press(hal::CommandKind::Acknowledge);
      console.set_prescription(c.prescription);
      console.press(hal::CommandKind::ConfirmHarness);
      console.start_once_ready();
      break;
    }
    case CueKind::PressStopSwitch:
      rig.set_patient_stop_pressed(true);
      stop_pressed_at_us_ = rig.now_us();
      seen_.last_stop_force_n = d.measured_force_n;
      seen_.last_stop_release_s = -1.0;
      ++seen_.stop_presses;
      break;
    case CueKind::ReleaseStopSwitch:
      rig.set_patient_stop_pressed(false);
      break;
    case CueKind::InjectFault:
      if (rig.inject_fault(c.fault.c_str()).ok) {
        fault_injected_at_us_ = rig.now_us();
        seen_.last_fault_trip_s = -1.0;
        ++seen_.faults_injected;
      }
      break;
    case CueKind::Acknowledge:
      rig.console().press(hal::CommandKind::Acknowledge);
      break;
  }
}

void DemoDirector::observe(const scenarios::Rig& rig) {
  const hal::DisplayState& d = rig.display();
  const double tension_n = rig.twin_state().cord_tension_n;
  if (stop_pressed_at_us_ >= 0 && d.measured_force_n <= kStopFloorN && tension_n <= kStopFloorN) {
    seen_.last_stop_release_s = static_cast<double>(rig.now_us() - stop_pressed_at_us_) * 1e-6;
    seen_.worst_stop_release_s = std::max(seen_.worst_stop_release_s, seen_.last_stop_release_s);
    stop_pressed_at_us_ = -1;
  }
  if (d.state == hal::TableState::Stopped && rig.actuators().buzzer) seen_.stop_alarm_seen = true;
  if (fault_injected_at_us_ >= 0 && d.state == hal::TableState::Fault) {
    ++seen_.faults_stopped;
    seen_.last_fault_alarm = d.alarm_code;
    seen_.last_fault_trip_s = static_cast<double>(rig.now_us() - fault_injected_at_us_) * 1e-6;
    fault_injected_at_us_ = -1;
  }
  const double prescribed_n = rig.firmware().prescription().max_force_n;
  if (!fault_step_ && treating(d.state) && prescribed_n > 0.0) {
    seen_.peak_force_ratio = std::max(seen_.peak_force_ratio, tension_n / prescribed_n);
  }
}

void DemoDirector::advance_us(std::unique_ptr<scenarios::Rig>& rig, int64_t dt_us) {
  int64_t left_us = dt_us;
  while (true) {
    // cues that are due, then the move to the next step, before any more time passes
    const DemoStep& s = step();
    const int64_t elapsed_us = rig->now_us() - step_start_us_;
    while (next_cue_ < s.cues.size() && elapsed_us >= static_cast<int64_t>(s.cues[next_cue_].at_s * 1e6)) {
      run_cue(*rig, s.cues[next_cue_++]);
    }
    if (elapsed_us >= static_cast<int64_t>(s.duration_s * 1e6)) {
      const int next = (step_ + 1) % static_cast<int>(script_.size());
      if (next == 0) ++loops_;
      begin_step(rig, next);
      continue;
    }
    if (left_us < kTickUs) break;
    // one tick at a time, so the observations see every controller period
    const int64_t before = rig->now_us();
    rig->advance_us(kTickUs);
    left_us -= rig->now_us() - before;
    total_us_ += rig->now_us() - before;
    observe(*rig);
  }
}

double DemoDirector::step_elapsed_s(const scenarios::Rig& rig) const {
  return static_cast<double>(rig.now_us() - step_start_us_) * 1e-6;
}

render::DemoCaption DemoDirector::caption(const scenarios::Rig& rig) const {
  const DemoStep& s = step();
  render::DemoCaption c;
  c.step = step_;
  c.step_count = static_cast<int>(script_.size());
  c.loop = loops_;
  c.title = s.title;
  c.body = s.body;
  c.camera = s.camera;
  c.step_elapsed_s = step_elapsed_s(rig);
  c.step_duration_s = s.duration_s;
  char fact[160] = "";
  if (has_cue(s, CueKind::PressStopSwitch) && seen_.last_stop_release_s >= 0.0) {
    std::snprintf(fact, sizeof fact, "Measured in this run: %.0f N released to 15 N in %.2f s.",
                  seen_.last_stop_force_n, seen_.last_stop_release_s);
  } else if (fault_step_ && seen_.last_fault_trip_s >= 0.0) {
    std::snprintf(fact, sizeof fact, "Measured in this run: alarm %d, drive off %.0f ms after the fault began.",
                  seen_.last_fault_alarm, seen_.last_fault_trip_s * 1000.0);
  }
  c.fact = fact;
  return c;
}

// Every prescription below sets a whole number of minutes: the console enters and shows the
// treatment time in minutes, so 75 s read "1 min" beside "01:12 remaining".
std::vector<DemoStep> sales_demo_script() {
  using render::CameraPreset;
  using hal::Protocol;
  std::vector<DemoStep> s;
  s.push_back(DemoStep{"self_test", "Switch on: the table checks itself",
                       "Before it will treat, the firmware zeroes the load cell, checks the motor-current "
                       "sensor and tests the patient's stop switch.",
                       CameraPreset::Overview, 6.0, true, {}});
  s.push_back(DemoStep{"static", "Static traction",
                       "The table ramps slowly to the prescribed force, here 60 lbf, and holds it, taking up "
                       "slack as the patient relaxes. A load cell in the cord measures the force 1,000 times "
                       "a second.",
                       CameraPreset::Side, 68.0, false,
                       {prescribe(1.0, lumbar(Protocol::Static, 60.0, 20.0, 60.0)), cue(66.0, CueKind::Acknowledge)}});
  s.push_back(DemoStep{"intermittent", "Intermittent traction",
                       "The pull alternates between the traction force and a lower base force, each with its "
                       "own hold time, changing over at a set speed.",
                       CameraPreset::Overview, 67.0, false,
                       {prescribe(0.0, cycling(Protocol::Intermittent, 60.0, 25.0, 10.0, 15.0, 10.0, 60.0)),
                        cue(65.0, CueKind::Acknowledge)}});
  s.push_back(DemoStep{"decompression", "Decompression cycle",
                       "From a baseline: a quick rise to half the force, a slow, logarithmic rise to the "
                       "maximum, a hold, a linear release and a rest. The spine panel shows the simulated "
                       "disc pressure falling during the pull.",
                       CameraPreset::Spine, 75.0, false,
                       {prescribe(0.0, cycling(Protocol::Decompression, 70.0, 30.0, 15.0, 20.0, 10.0, 300.0))}});
  s.push_back(DemoStep{"patient_stop", "The patient's stop switch",
                       "The patient holds a stop switch throughout. One press and the table releases at its "
                       "fastest rate, down to 15 N or less, and sounds an alarm until the clinician "
                       "acknowledges it.",
                       CameraPreset::Side, 14.0, false,
                       {cue(0.0, CueKind::PressStopSwitch), cue(0.3, CueKind::ReleaseStopSwitch),
                        cue(12.0, CueKind::Acknowledge)}});
  s.push_back(DemoStep{"monitoring", "Independent safety checks",
                       "While it treats, the firmware checks every millisecond: force against prescription, "
                       "the load cell against motor current, the encoder, the cord and the supply. Any of "
                       "them stops the pull.",
                       CameraPreset::Overview, 25.0, false,
                       {prescribe(0.0, lumbar(Protocol::Static, 60.0, 15.0, 120.0))}});
  s.push_back(DemoStep{"runaway", "A fault, caught: drive runaway",
                       "We now make the simulated drive run away, pulling harder than commanded. The firmware "
                       "sees motor current its command does not explain, switches the drive off, sounds the "
                       "alarm and locks the table until a service reset.",
                       CameraPreset::FootEnd, 15.0, false,
                       {cue(0.0, CueKind::InjectFault, "motor.runaway")}});
  return s;
}

std::vector<DemoStep> gentle_pull_script() {
  std::vector<DemoStep> s;
  // 50 lbf is about a third of a 70 kg patient's body weight, the low end of the trial doses
  s.push_back(DemoStep{"gentle", "A gentle decompression pull", "", render::CameraPreset::Side, 600.0, true,
                       {prescribe(1.0, cycling(hal::Protocol::Decompression, 50.0, 20.0, 10.0, 15.0, 10.0, 540.0))}});
  return s;
}

}  // namespace tractus::web
