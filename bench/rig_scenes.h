// The full rig's 30-minute session, shared by the rig benchmarks: the console's heartbeat and
// commands, the table firmware and the twin in lock-step (scenarios::Rig), as a trainee's
// session runs them.
#pragma once

#include <cstdint>

#include "scenarios/rig.h"

namespace tractus::bench {

/// The session's prescription: lumbar decompression at 90 lbf (400 N) over a 45 lbf base,
/// 20 s rise, 30 s hold, 10 s release, 30 s rest, 20 cycles: 60 s pulls and 30 s rests for
/// 30 minutes (DESIGN.md section 4, "Typical sessions" [M]).
hal::Prescription thirty_minute_prescription();

/// What a session leaves, so a build that computed something else shows.
struct RigSessionResult {
  double l45_separation_mm = 0.0;  // at the end of the last hold
  uint64_t state_hash = 0;         // the rig's hash at the end
  int64_t ticks = 0;               // controller ticks run
};

/// Runs the 30-minute session on a fresh rig (seed 1): half a second of self-test, the
/// prescription and start, then 1800 s of treatment (or only its first treatment_s, for a
/// profiler run).
RigSessionResult run_thirty_minute_rig_session(int64_t treatment_s = 1800);

}  // namespace tractus::bench
