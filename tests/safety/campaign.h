// The randomized safety campaign: short treatment sessions with random patients, protocols,
// fault schedules and patient behaviour, all drawn from one seed, run through the rig
// (firmware against the twin) while an InvariantChecker (invariants.h, which states the five
// invariants and their bounds) judges every tick from the twin's true cord tension.
#pragma once

#include <cstdint>

#include "invariants.h"

namespace tractus::safety {

/// The worst a campaign saw of one measure, and the seed that saw it.
struct Worst {
  double value = 0.0;
  uint64_t seed = 0;
  void offer(double v, uint64_t s) {
    if (v > value) { value = v; seed = s; }
  }
};

/// Counts gathered over a campaign.
struct CampaignCounts {
  long sessions = 0;
  long ticks = 0;
  long faults_injected = 0;
  long patient_stops = 0;
  long operator_stops = 0;
  long pauses = 0;
  long estops = 0;               // emergency stops pressed (issue 11)
  long estops_acknowledged = 0;  // ...acknowledged in EmergencyStop
  long tension_held = 0;         // ...after which the firmware held a loaded cord
  long release_tension_presses = 0;  // the operator's Release tension
  long estop_patient_stops = 0;  // the patient's stop pressed on a held tension
  long critical_alarms = 0;      // sessions that ended with a 3xx alarm
  double peak_force_fraction = 0.0;  // highest true tension seen, over the prescription
  // invariant 1's excursions above the force limit, in sessions with a drive runaway and in
  // all others: longest (ms) and highest (newtons over the limit)
  Worst excursion_ms_runaway, excursion_ms_other;
  Worst excess_runaway, excess_other;
  // invariant 4: the largest rise (N) while no rise was commanded, and the longest stretch
  // (ms) a rise stayed past the 10 N allowed
  Worst no_rise_n, no_rise_ms;
  // invariant 1, not judged: the highest tension over the limit while a fault held the drum
  // with the relay open (the patient pulling on a fixed anchor)
  Worst held_excess_n;
  // invariant 5: the longest stretch at rest with the tension above 15 N, judged or not (ms)
  Worst loaded_rest_ms;
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
  int verbose = 0;          // 1: one line per session; 2: also a trace every 20 ms after
                            // alarms and stops; 3: that trace every tick from the start
  bool emergency_stops = true;  // draw an e-stop sequence in one session in five (issue 11);
                                // false replays the sessions drawn before they existed
};

/// Runs one session from its seed, adding to counts.
void run_session(uint64_t seed, const CampaignOptions& options, CampaignCounts& counts);

/// Runs options.sessions sessions with seeds first_seed, first_seed+1, ...
CampaignCounts run_campaign(const CampaignOptions& options);

/// Prints the counts in a fixed, human-readable layout.
void print_counts(const CampaignCounts& counts);

}  // namespace tractus::safety
