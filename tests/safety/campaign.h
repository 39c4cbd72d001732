// The randomized safety campaign: short treatment sessions with random patients, protocols,
// fault schedules and patient behaviour, all drawn from one seed, run through the rig
// (firmware against the twin) while a checker asserts issue 4's safety invariants every tick:
//   1. force:     the drive never holds the true cord tension above prescription + 10% (or
//                 the device maximum), plus the load cell's 2 N accuracy, for more than 5 ms
//                 with its relay closed: a runaway
//                 drive or the patient's own guarding may push past the bound faster than a
//                 1 kHz loop can prevent, and the firmware must then let go at once (the
//                 campaign reports the peak it saw);
//   2. stop:      after the patient stop, tension at most 15 N within 0.5 s;
//   3. drive off: after any critical (3xx) alarm the drive relay is open from the next tick;
//   4. no rise:   with the drive relay open the drum never winds cord in by more than 0.2 mm
//                 (nothing uncommanded pulls the patient; the patient's own recoil may bounce
//                 the tension, the machine adds nothing).
#pragma once

#include <cstdint>

namespace tractus::safety {

/// Which invariant a violation broke.
enum Invariant : uint8_t { kForce, kStopRelease, kDriveOff, kNoRise, kInvariantCount };

/// Counts gathered over a campaign.
struct CampaignCounts {
  long sessions = 0;
  long ticks = 0;
  long faults_injected = 0;
  long patient_stops = 0;
  long operator_stops = 0;
  long pauses = 0;
  long critical_alarms = 0;      // sessions that ended with a 3xx alarm
  double peak_force_fraction = 0.0;  // highest true tension seen, over the prescription
  long stopped_sessions = 0;     // sessions that ended in Stopped
  long completed_sessions = 0;   // reached Complete
  long violations[kInvariantCount] = {};
  uint64_t first_violation_seed[kInvariantCount] = {};  // a seed to replay, 0 when none
  long alarm_counts[400] = {};   // sessions raising each alarm code at least once

  long total_violations() const;
};

/// Options of a campaign run.
struct CampaignOptions {
  uint64_t first_seed = 1;
  long sessions = 1000;
  double session_s = 12.0;  // simulated seconds per session after power-on
  int verbose = 0;          // 1: one line per session; 2: also a trace after alarms
};

/// Runs one session from its seed, adding to counts.
void run_session(uint64_t seed, const CampaignOptions& options, CampaignCounts& counts);

/// Runs options.sessions sessions with seeds first_seed, first_seed+1, ...
CampaignCounts run_campaign(const CampaignOptions& options);

/// Prints the counts in a fixed, human-readable layout.
void print_counts(const CampaignCounts& counts);

}  // namespace tractus::safety
