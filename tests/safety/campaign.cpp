#include "campaign.h"

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

  while (rig.now_us() - t0_us < static_cast<int64_t>(treat_s * 1e6)) {
    const int64_t t_us = rig.now_us() - t0_us;
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
      // the stop only counts when it can act: a treatment under way and the switch plugged in
      const bool active = s == hal::TableState::Treating || s == hal::TableState::Pretension ||
                          s == hal::TableState::Paused || s == hal::TableState::Releasing;
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
    if (d.alarm_code >= 300 && critical_since_us < 0) {
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
      "drive relay closed after a critical alarm", "force rise while no rise was commanded"};
  std::printf("sessions           %ld\n", c.sessions);
  std::printf("simulated ticks    %ld (%.1f s)\n", c.ticks, static_cast<double>(c.ticks) / 1000.0);
  std::printf("faults injected    %ld\n", c.faults_injected);
  std::printf("patient stops      %ld\n", c.patient_stops);
  std::printf("operator stops     %ld\n", c.operator_stops);
  std::printf("pauses             %ld\n", c.pauses);
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
