// `simulate`: one static-traction session, headless, as fast as the machine allows.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "commands.h"
#include "scenarios/number_text.h"
#include "scenarios/rig.h"
#include "hal/units.h"

namespace tractus::cli {

namespace {

using units::kNewtonsPerLbf;

void usage() {
  std::printf(
      "usage: tractus-cli simulate [--force-lbf F] [--ramp-s R] [--minutes M]\n"
      "                            [--release-n-per-s V] [--seed N] [--json]\n"
      "Runs one static-traction prescription on the reference table and patient.\n");
}

// one numeric option: where it goes and the range it may take before any cast to float or
// to integer microseconds (the firmware then applies its own, narrower limits)
struct NumberOption {
  const char* name;
  double* target;
  double lo, hi;
};

}  // namespace

int simulate_command(int argc, char** argv) {
  double force_lbf = 70.0, ramp_s = 30.0, minutes = 10.0, release = 40.0;
  uint64_t seed = 1;
  bool json = false;
  const NumberOption numbers[] = {
      {"--force-lbf", &force_lbf, 0.0, 1000.0},
      {"--ramp-s", &ramp_s, 0.0, 3600.0},
      {"--minutes", &minutes, 0.0, 99.0},  // the longest treatment a table offers
      {"--release-n-per-s", &release, 0.0, 10000.0},
  };
  for (int i = 1; i < argc; ++i) {
    const char* a = argv[i];
    if (std::strcmp(a, "--json") == 0) { json = true; continue; }
    if (std::strcmp(a, "--help") == 0) { usage(); return 0; }
    const NumberOption* number = nullptr;
    for (const NumberOption& n : numbers)
      if (std::strcmp(a, n.name) == 0) number = &n;
    const bool is_seed = std::strcmp(a, "--seed") == 0;
    if (number == nullptr && !is_seed) {
      std::fprintf(stderr, "tractus-cli simulate: unknown option '%s'\n", a);
      return 2;
    }
    if (i + 1 >= argc) {
      std::fprintf(stderr, "tractus-cli simulate: %s needs a value\n", a);
      return 2;
    }
    const char* v = argv[++i];
    std::string why;
    const bool ok = is_seed ? scenarios::parse_u64_text(v, seed, why)
                            : scenarios::parse_number_in(v, number->lo, number->hi, *number->target, why);
    if (!ok) {
      scenarios::print_option_error("tractus-cli simulate", a, v, why);
      return 2;
    }
  }

  scenarios::RigConfig cfg;
  cfg.seed = seed;
  scenarios::Rig rig(cfg);
  rig.advance_us(500000);  // power-on self-test
  // the operator's sequence on the rig's console: prescription, harnesses, Start, one a tick
  console::PrescriptionEntry entry;
  entry.max_force_n = force_lbf * kNewtonsPerLbf;
  entry.ramp_s = ramp_s;
  entry.treatment_s = minutes * 60.0;
  entry.release_n_per_s = release;
  rig.console().set_prescription(entry);
  rig.advance_us(1000);
  if (rig.display().prescription_rejected) {
    std::fprintf(stderr, "tractus-cli simulate: prescription refused: %s %s\n",
                 rig.display().reject_field, rig.display().reject_reason);
    return 2;
  }
  rig.console().press(hal::CommandKind::ConfirmHarness);
  rig.console().start_once_ready();

  // run to completion, tracking the peak tension
  double peak_n = 0.0;
  const int64_t limit_us = rig.now_us() + static_cast<int64_t>((minutes * 60.0 + 60.0) * 1e6);
  while (rig.display().state != hal::TableState::Complete && rig.now_us() < limit_us) {
    rig.advance_us(1000);
    if (rig.twin_state().cord_tension_n > peak_n) peak_n = rig.twin_state().cord_tension_n;
  }
  const bool complete = rig.display().state == hal::TableState::Complete;
  const double sim_s = static_cast<double>(rig.now_us()) * 1e-6;
  if (json) {
    std::printf(
        "{\"complete\": %s, \"simulated_s\": %.3f, \"peak_force_n\": %.2f, "
        "\"peak_force_lbf\": %.2f, \"alarm_code\": %u, \"state_hash\": \"%016llx\"}\n",
        complete ? "true" : "false", sim_s, peak_n, peak_n / kNewtonsPerLbf,
        static_cast<unsigned>(rig.display().alarm_code),
        static_cast<unsigned long long>(rig.state_hash()));
  } else {
    std::printf("%s after %.1f s simulated; peak force %.1f N (%.1f lbf)\n",
                complete ? "complete" : "NOT complete", sim_s, peak_n, peak_n / kNewtonsPerLbf);
  }
  return complete ? 0 : 1;
}

}  // namespace tractus::cli
