// The probe's treatment protocols: the console's prescriptions (static, intermittent, cyclic,
// decompression, progressive and regressive steps, rest and cycles) turned into a force
// profile for the twin's bench servo (twin/probe.h), with the firmware's own profile builder
// (controller/protocol.h), so the probe pulls exactly the shape the table would.
#pragma once

#include <string>

#include "controller/protocol.h"
#include "twin/probe.h"

namespace tractus::cli {

/// The protocol options of `tractus-cli probe`, as typed (clinicians' units at this edge).
struct ProbeProtocolOptions {
  std::string protocol;              // "" (a plain dose), static, intermittent, cyclic, decompression
  double base_lbf = 0.0;             // --base-lbf: intermittent base, cyclic rest, decompression baseline
  double rest_s = 30.0;              // --rest-s: rest at the base force each cycle and step
  double ramp_down_s = 10.0;         // --ramp-down-s: cyclic ramp-down, decompression release
  double treatment_s = 600.0;        // --treatment-s: treatment time when cycles is 0
  double release_lbf_per_s = 9.0;    // --release-lbf-per-s: changeover speed (40 N/s)
  uint64_t cycles = 0;               // --cycles
  uint64_t progressive_steps = 0;    // --progressive-steps
  uint64_t regressive_steps = 0;     // --regressive-steps
};

/// Reads one protocol option. Returns false when flag is not a protocol option (handled is
/// false) or its value is refused (handled is true; error says why, naming the flag).
bool parse_protocol_option(const char* flag, const char* value, ProbeProtocolOptions& options,
                           bool& handled, std::string& error);

/// A console protocol as a force profile for twin::run_probe_session. Keep it alive while the
/// profile is in use.
struct ConsoleProfile {
  controller::ProfilePlan plan;
  double release_start_s = 0.0;  // where the firmware's final release begins
  double release_n_per_s = 40.0;
  twin::ForceProfile profile() const;
};

/// Builds the prescription of the options (and the dose's force, ramp and hold) and checks it
/// as the firmware does (controller::check_prescription). On a refusal returns false with
/// error naming the flag, the value and the firmware's reason.
bool build_console_profile(const ProbeProtocolOptions& options, bool cervical, double force_n,
                           double ramp_s, double hold_s, ConsoleProfile& out, std::string& error);

/// A plain dose (the ramp and the hold of twin::probe_force_at), then a linear release at the
/// changeover speed: what a plain dose becomes when a rest follows it.
struct DoseWithRelease {
  twin::ProbeProtocol dose;
  double release_n_per_s = 40.0;
  twin::ForceProfile profile() const;
};

}  // namespace tractus::cli
