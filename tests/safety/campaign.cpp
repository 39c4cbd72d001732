#include "campaign.h"

#include <algorithm>
#include <cstdio>
#include <string_view>

#include "controller/prescription.h"
#include "scenarios/rig.h"
#include "twin/faults.h"
#include "twin/rng.h"

namespace tractus::safety {

namespace {

constexpr int64_t kUsPerS = 1000000;

// faults that may act in a session; excursions are reported apart for the runaway row
struct FaultChoice {
  const char* name;
  bool runaway;
};
const FaultChoice kFaults[] = {
    {"load_cell.off", false},     {"load_cell.stuck", false},    {"load_cell.drift", false},
    {"load_cell.noisy", false},   {"load_cell.intermittent", false}, {"load_cell.gain", false},
    {"encoder.off", false},       {"encoder.stuck", false},      {"encoder.noisy", false},
    {"motor_current.off", false}, {"motor_current.gain", false}, {"motor.stall", false},
    {"motor.runaway", true},      {"motor.weak", false},         {"harness.slip", false},
    {"cord.break", false},        {"carriage.jam", false},       {"power.loss", false},
    {"stop_switch.unplugged", false}, {"supply.off", false},
};
constexpr int kFaultChoices = static_cast<int>(sizeof(kFaults) / sizeof(kFaults[0]));

hal::Prescription random_prescription(Rng& rng, hal::Region region, double body_mass_kg) {
  hal::Prescription p;
  p.region = region;
  p.protocol = static_cast<hal::Protocol>(rng.below(4));
  const double max_n = region == hal::Region::Lumbar ? 600.0 : 180.0;
  p.max_force_n = static_cast<float>(rng.uniform(region == hal::Region::Lumbar ? 100.0 : 40.0, max_n));
  p.base_force_n = static_cast<float>(rng.uniform(0.1, 0.6)) * p.max_force_n;
  p.ramp_s = static_cast<float>(rng.uniform(2.0, 8.0));
  p.hold_s = static_cast<float>(rng.uniform(1.0, 5.0));
  p.rest_s = static_cast<float>(rng.uniform(0.0, 4.0));
  p.ramp_down_s = static_cast<float>(rng.uniform(1.0, 4.0));
  p.release_n_per_s = static_cast<float>(rng.uniform(20.0, 200.0));
  p.progressive_steps = static_cast<uint8_t>(rng.below(10) == 0 ? 2 : 0);
  p.treatment_s = 60.0f;
  p.pretension_n = rng.below(4) == 0 ? 20.0f : 0.0f;
  p.body_mass_kg = static_cast<float>(body_mass_kg);
  return p;
}

// the e-stop's schedule, drawn at the start of a session
struct EstopPlan {
  bool on = false;
  int64_t press_at_us = 0;    // from the start of the treatment
  int64_t release_at_us = 0;  // the button comes up
  int64_t ack_at_us = 0;      // the operator acknowledges
  int64_t act_at_us = 0;      // the operator presses Release tension, or the patient their stop
  bool patient_releases = false;
};

// the session's tail after the e-stop's release: the acknowledge of Complete or Stopped comes
// 1 s after it, and the table then rests for the invariant to judge
constexpr double kEstopTailS = 4.0;

EstopPlan draw_estop(Rng& rng, double treat_s, bool enabled) {
  EstopPlan e;
  if (!enabled) return e;
  e.on = rng.below(5) == 0;
  e.press_at_us = static_cast<int64_t>(rng.uniform(0.5, treat_s) * 1e6) / 1000 * 1000;
  e.release_at_us = e.press_at_us + static_cast<int64_t>(rng.uniform(0.2, 20.0) * 1e6) / 1000 * 1000;
  e.ack_at_us = e.release_at_us + static_cast<int64_t>(rng.uniform(0.05, 2.0) * 1e6) / 1000 * 1000;
  e.act_at_us = e.ack_at_us + static_cast<int64_t>(rng.uniform(0.05, 2.0) * 1e6) / 1000 * 1000;
  e.patient_releases = rng.below(4) == 0;
  return e;
}

// what the e-stop's sequence has done so far in a session
struct EstopRun {
  bool acted = false;             // Release tension pressed or the patient's stop pressed
  bool patient_pressed = false;   // the patient's switch is held because of the e-stop phase
  int64_t settled_since_us = -1;  // Complete or Stopped after the release, since when
  bool rested = false;            // that was acknowledged
};

// one tick of the e-stop's sequence, before the rig ticks; t_us from the treatment's start
void drive_estop(const EstopPlan& e, int64_t t_us, scenarios::Rig& rig, InvariantChecker& checker,
                 CampaignCounts& counts, EstopRun& run) {
  hal::ConsoleCommand c;
  const hal::TableState s = rig.display().state;
  const bool locked = rig.firmware().supervisor().locked();
  if (t_us == e.press_at_us) {
    rig.set_emergency_stop(true);
    checker.emergency_stop(rig.now_us());
    ++counts.estops;
  }
  if (t_us == e.release_at_us) {
    rig.set_emergency_stop(false);
    // a patient stop held through the stop releases them as soon as the drive can run again
    if (s == hal::TableState::EmergencyStop && rig.sensors().patient_stop_pressed && !locked) {
      checker.patient_stop(rig.now_us());
    }
  }
  if (t_us == e.ack_at_us) {
    c.kind = hal::CommandKind::Acknowledge;
    rig.send(c);
    if (s == hal::TableState::EmergencyStop) ++counts.estops_acknowledged;
  }
  if (t_us == e.ack_at_us + 2000 && s == hal::TableState::TensionHeld) ++counts.tension_held;
  if (!run.acted && t_us >= e.act_at_us && s == hal::TableState::TensionHeld) {
    run.acted = true;
    if (e.patient_releases && !rig.twin_state().inputs.patient_stop_pressed && rig.sensors().patient_stop_connected) {
      rig.set_patient_stop_pressed(true);
      run.patient_pressed = true;
      checker.patient_stop(rig.now_us());
      ++counts.estop_patient_stops;
    } else {
      c.kind = hal::CommandKind::ReleaseTension;
      rig.send(c);
      ++counts.release_tension_presses;
    }
  }
  // the patient lets go of the switch after a second; the operator acknowledges the end of the
  // release a second after it, and the table comes to rest
  if (run.patient_pressed && t_us >= e.act_at_us + 1000000 && rig.twin_state().inputs.patient_stop_pressed) {
    rig.set_patient_stop_pressed(false);
  }
  if (t_us <= e.ack_at_us || run.rested) return;
  const bool settled = s == hal::TableState::Complete || s == hal::TableState::Stopped;
  if (!settled) {
    run.settled_since_us = -1;
    return;
  }
  if (run.settled_since_us < 0) run.settled_since_us = t_us;
  if (t_us - run.settled_since_us == 1000000) {
    c.kind = hal::CommandKind::Acknowledge;
    rig.send(c);
    run.rested = true;
  }
}

}  // namespace

long CampaignCounts::total_violations() const {
  long n = 0;
  for (long v : violations) n += v;
  return n;
}

void run_session(uint64_t seed, const CampaignOptions& options, CampaignCounts& counts) {
  Rng rng(seed * 0x9E3779B97F4A7C15ULL + 17);
  scenarios::RigConfig cfg;
  cfg.seed = seed;
  // a random patient
  const hal::Region region = rng.below(4) == 0 ? hal::Region::Cervical : hal::Region::Lumbar;
  cfg.twin.setup = region;
  cfg.twin.patient.body_mass_kg = rng.uniform(45.0, 120.0);
  cfg.twin.patient.female = rng.below(2) == 0;
  cfg.twin.patient.pelvic_harness_fit = rng.uniform(0.6, 1.0);
  cfg.twin.patient.head_halter_fit = rng.uniform(0.6, 1.0);
  cfg.twin.patient.anxiety_baseline = rng.uniform(0.0, 0.6);
  cfg.twin.patient_seed = seed;
  scenarios::Rig rig(cfg);

  // a valid random prescription
  hal::Prescription p = random_prescription(rng, region, cfg.twin.patient.body_mass_kg);
  for (int tries = 0; tries < 20 && !controller::check_prescription(p).ok; ++tries) {
    p = random_prescription(rng, region, cfg.twin.patient.body_mass_kg);
  }

  // a random schedule: fault, patient stop, operator stop, pause
  const double treat_s = options.session_s - 1.0;
  const bool with_fault = rng.below(3) != 0;
  const FaultChoice& fault = kFaults[rng.below(kFaultChoices)];
  const int64_t fault_at_us = static_cast<int64_t>(rng.uniform(0.5, treat_s) * 1e6);
  const bool patient_stop = rng.below(5) == 0;
  const int64_t stop_at_us = static_cast<int64_t>(rng.uniform(1.0, treat_s) * 1e6);
  const bool operator_stop = rng.below(6) == 0;
  const int64_t op_stop_at_us = static_cast<int64_t>(rng.uniform(1.0, treat_s) * 1e6);
  const bool pause = rng.below(8) == 0;
  const int64_t pause_at_us = static_cast<int64_t>(rng.uniform(1.0, treat_s) * 1e6);
  // issue 11: an emergency stop, drawn after the schedule above so that a session without one
  // runs as it always did: pressed, held 0.2-20 s, released, acknowledged; a tension the
  // firmware then holds is released by the operator (Release tension) or the patient (stop)
  const EstopPlan estop = draw_estop(rng, treat_s, options.emergency_stops);
  // the session runs on until the e-stop's release has had time to finish and be acknowledged
  const double release_s = static_cast<double>(p.max_force_n / p.release_n_per_s) * 1.2 + 3.0;
  const double end_s = estop.on ? std::max(treat_s, estop.act_at_us / 1e6 + release_s + kEstopTailS) : treat_s;

  rig.advance_us(kUsPerS / 2);
  rig.prescribe_and_start(p);
  hal::ConsoleCommand c;  // later console presses: stop, pause, resume
  c.prescription = p;
  const int64_t t0_us = rig.now_us();

  bool fault_injected = false;
  bool runaway = false;
  bool stop_pressed = false;
  int64_t critical_since_us = -1;
  uint16_t first_critical_code = 0;
  bool alarm_seen[400] = {};
  InvariantLimits limits;
  limits.prescription_n = p.max_force_n;
  limits.device_max_n = region == hal::Region::Cervical ? controller::kMaxCervicalForceN : controller::kMaxLumbarForceN;
  InvariantChecker checker(limits);

  EstopRun er;
  while (rig.now_us() - t0_us < static_cast<int64_t>(end_s * 1e6)) {
    const int64_t t_us = rig.now_us() - t0_us;
    if (estop.on) drive_estop(estop, t_us, rig, checker, counts, er);
    if (with_fault && !fault_injected && t_us >= fault_at_us) {
      fault_injected = rig.inject_fault(fault.name).ok;
      runaway = fault_injected && fault.runaway;
      if (fault_injected) ++counts.faults_injected;
      // a jammed drum cannot pay out whatever the firmware does (hazard 25), and without power
      // the spring brake holds the drum (hazard 16); neither release is the firmware's
      const std::string_view name(fault.name);
      if (fault_injected && (name == "motor.stall" || name == "power.loss")) checker.drum_held_by_fault(rig.now_us());
    }
    if (patient_stop && !stop_pressed && t_us >= stop_at_us) {
      rig.set_patient_stop_pressed(true);
      stop_pressed = true;
      const hal::TableState s = rig.display().state;
      // the stop only counts when it can act: a treatment under way, or a tension left on the
      // cord with the drive able to run (held for a release, or the e-stop button up), and the
      // switch plugged in
      const bool estop_up = s == hal::TableState::EmergencyStop && !rig.twin_state().inputs.emergency_stop &&
                            !rig.firmware().supervisor().locked();
      const bool active = s == hal::TableState::Treating || s == hal::TableState::Pretension ||
                          s == hal::TableState::Paused || s == hal::TableState::Releasing ||
                          s == hal::TableState::TensionHeld || estop_up;
      if (active && rig.sensors().patient_stop_connected) {
        checker.patient_stop(rig.now_us());
        ++counts.patient_stops;
      }
    }
    if (operator_stop && t_us == op_stop_at_us / 1000 * 1000) {
      c.kind = hal::CommandKind::Stop;
      rig.send(c);
      ++counts.operator_stops;
    }
    if (pause && t_us == pause_at_us / 1000 * 1000) {
      c.kind = hal::CommandKind::Pause;
      rig.send(c);
      ++counts.pauses;
    }
    if (pause && t_us == pause_at_us / 1000 * 1000 + 2 * kUsPerS) {
      c.kind = hal::CommandKind::Resume;
      rig.send(c);
    }

    rig.tick();
    ++counts.ticks;
    const hal::DisplayState& d = rig.display();
    if (d.alarm_code < 400) alarm_seen[d.alarm_code] = true;
    // the e-stop's 301 is the operator's own, cleared by releasing it; critical means a lock
    if (d.alarm_code >= 300 && d.alarm_code != controller::kAlarmEmergencyStop && critical_since_us < 0) {
      critical_since_us = rig.now_us();
      first_critical_code = d.alarm_code;
    }
    TickSample sample;
    sample.now_us = rig.now_us();
    sample.state = d.state;
    sample.alarm_code = d.alarm_code;
    sample.tension_n = rig.twin_state().cord_tension_n;
    sample.relay_closed = rig.actuators().motor_enable;
    sample.motor_command = rig.actuators().motor_command;
    sample.drum_mm = rig.twin_state().motor_pos_m * 1000.0;
    sample.hand_release_offered = rig.hand_release_available();
    checker.check(sample);

    const bool traced = options.verbose >= 3 ||
                        (options.verbose >= 2 && (critical_since_us >= 0 || stop_pressed) && rig.now_us() % 20000 == 0);
    if (traced) {
      std::printf("  t %.3f state %d alarm %d tension %.1f measured %.1f target %.1f relay %d brake %d cmd %.3f motor_mm %.3f carriage_mm %.2f muscles %.4f\n",
                  (rig.now_us() - t0_us) / 1e6, static_cast<int>(d.state), d.alarm_code, sample.tension_n,
                  d.measured_force_n, d.target_force_n, rig.actuators().motor_enable, rig.actuators().brake_engaged,
                  rig.actuators().motor_command, rig.twin_state().motor_pos_m * 1000.0,
                  rig.twin_state().carriage_pos_m * 1000.0, rig.twin_state().patient.muscle_activation);
    }
  }

  ++counts.sessions;
  const hal::DisplayState& d = rig.display();
  if (options.verbose) {
    std::printf("seed %llu protocol %d region %d force %.0f N mass %.0f kg fault %s at %.2f s%s stop %s | ramp %.1f s base %.0f N | end state %d alarm %d first critical %d at %.3f s | peak %.3f x, excursion %lld ms %.1f N, rise %.1f N | violations %d%d%d%d",
                static_cast<unsigned long long>(seed), static_cast<int>(p.protocol), static_cast<int>(region),
                p.max_force_n, cfg.twin.patient.body_mass_kg, with_fault ? fault.name : "-",
                fault_at_us / 1e6, fault_injected ? "" : " (not injected)",
                stop_pressed ? "yes" : "no", p.ramp_s, p.base_force_n, static_cast<int>(d.state), d.alarm_code,
                first_critical_code, critical_since_us >= 0 ? (critical_since_us - t0_us) / 1e6 : -1.0,
                checker.peak_tension_n() / p.max_force_n, static_cast<long long>(checker.longest_excursion_us() / 1000),
                checker.peak_excess_n(), checker.largest_rise_n(),
                checker.violated(kForce), checker.violated(kStopRelease), checker.violated(kDriveOff),
                checker.violated(kNoRise));
    for (int i = 0; i < kInvariantCount; ++i) {
      if (checker.violated(static_cast<Invariant>(i))) {
        std::printf(" [%d at %.3f s]", i, (checker.first_violation_us(static_cast<Invariant>(i)) - t0_us) / 1e6);
      }
    }
    std::printf("\n");
  }
  if (d.state == hal::TableState::Complete) ++counts.completed_sessions;
  if (d.state == hal::TableState::Stopped) ++counts.stopped_sessions;
  if (critical_since_us >= 0) ++counts.critical_alarms;
  for (int i = 0; i < 400; ++i) {
    if (alarm_seen[i]) ++counts.alarm_counts[i];
  }
  const double ratio = checker.peak_tension_n() / p.max_force_n;
  if (ratio > counts.peak_force_fraction) counts.peak_force_fraction = ratio;
  (runaway ? counts.excursion_ms_runaway : counts.excursion_ms_other)
      .offer(static_cast<double>(checker.longest_excursion_us()) / 1000.0, seed);
  (runaway ? counts.excess_runaway : counts.excess_other).offer(checker.peak_excess_n(), seed);
  counts.no_rise_n.offer(checker.largest_rise_n(), seed);
  counts.no_rise_ms.offer(static_cast<double>(checker.longest_rise_us()) / 1000.0, seed);
  counts.held_excess_n.offer(checker.held_excess_n(), seed);
  counts.loaded_rest_ms.offer(static_cast<double>(checker.longest_loaded_rest_us()) / 1000.0, seed);
  for (int i = 0; i < kInvariantCount; ++i) {
    if (checker.violated(static_cast<Invariant>(i))) {
      if (counts.violations[i] == 0) counts.first_violation_seed[i] = seed;
      ++counts.violations[i];
    }
  }
}

CampaignCounts run_campaign(const CampaignOptions& options) {
  CampaignCounts counts;
  for (long i = 0; i < options.sessions; ++i) {
    run_session(options.first_seed + static_cast<uint64_t>(i), options, counts);
  }
  return counts;
}

void print_counts(const CampaignCounts& c) {
  static const char* const kNames[kInvariantCount] = {
      "force excursion above prescription + 10% too long or high", "patient stop not at 15 N within 0.5 s",
      "drive relay closed after a critical alarm", "force rise while no rise was commanded",
      "cord above 15 N at rest for more than 2 s"};
  std::printf("sessions           %ld\n", c.sessions);
  std::printf("simulated ticks    %ld (%.1f s)\n", c.ticks, static_cast<double>(c.ticks) / 1000.0);
  std::printf("faults injected    %ld\n", c.faults_injected);
  std::printf("patient stops      %ld\n", c.patient_stops);
  std::printf("operator stops     %ld\n", c.operator_stops);
  std::printf("pauses             %ld\n", c.pauses);
  std::printf("emergency stops    %ld (acknowledged %ld; then tension held %ld: released by the console %ld, by the patient's stop %ld)\n",
              c.estops, c.estops_acknowledged, c.tension_held, c.release_tension_presses, c.estop_patient_stops);
  std::printf("ended complete     %ld\n", c.completed_sessions);
  std::printf("ended stopped      %ld\n", c.stopped_sessions);
  std::printf("critical alarms    %ld\n", c.critical_alarms);
  std::printf("peak tension       %.3f x prescription\n", c.peak_force_fraction);
  std::printf("force excursions above the limit (longest, highest over the limit):\n");
  std::printf("  runaway sessions %.0f ms (seed %llu), %.1f N (seed %llu)\n", c.excursion_ms_runaway.value,
              static_cast<unsigned long long>(c.excursion_ms_runaway.seed), c.excess_runaway.value,
              static_cast<unsigned long long>(c.excess_runaway.seed));
  std::printf("  other sessions   %.0f ms (seed %llu), %.1f N (seed %llu)\n", c.excursion_ms_other.value,
              static_cast<unsigned long long>(c.excursion_ms_other.seed), c.excess_other.value,
              static_cast<unsigned long long>(c.excess_other.seed));
  std::printf("largest rise with no rise commanded %.1f N (seed %llu), longest past 10 N %.0f ms (seed %llu)\n",
              c.no_rise_n.value, static_cast<unsigned long long>(c.no_rise_n.seed), c.no_rise_ms.value,
              static_cast<unsigned long long>(c.no_rise_ms.seed));
  std::printf("patient's pull over the limit on a drum a fault held, relay open (not judged) %.1f N (seed %llu)\n",
              c.held_excess_n.value, static_cast<unsigned long long>(c.held_excess_n.seed));
  std::printf("longest at rest above 15 N %.0f ms (seed %llu)\n", c.loaded_rest_ms.value,
              static_cast<unsigned long long>(c.loaded_rest_ms.seed));
  std::printf("alarms (sessions raising each code):\n");
  for (int code = 1; code < 400; ++code) {
    if (c.alarm_counts[code] > 0) std::printf("  %3d  %ld\n", code, c.alarm_counts[code]);
  }
  std::printf("violations:\n");
  for (int i = 0; i < kInvariantCount; ++i) {
    std::printf("  %-50s %ld", kNames[i], c.violations[i]);
    if (c.violations[i] > 0) std::printf("  (first seed %llu)", static_cast<unsigned long long>(c.first_violation_seed[i]));
    std::printf("\n");
  }
}

}  // namespace tractus::safety
