// Scenes shared by the twin's benchmarks: the same work timed by Google Benchmark natively
// and by a plain clock natively and in WebAssembly.
#pragma once

#include "twin/probe.h"
#include "twin/twin.h"

namespace tractus::bench {

/// The reference lumbar session: 70 kg patient, 90 lbf (400 N), logarithmic 60 s ramp,
/// held to 30 minutes in all, split table at 15 degrees.
twin::ProbeProtocol thirty_minute_session();

/// Simulated length of thirty_minute_session(), seconds.
constexpr double kSessionSeconds = 1800.0;

/// A twin mid-session, pulling at about 300 N, for per-step timing.
twin::TwinState pulling_state(const twin::TwinModel& model);

/// Actuators of the steady pull used by pulling_state().
hal::ActuatorFrame steady_pull();

}  // namespace tractus::bench
