// Internal to the session's source files: the constants and small helpers they share.
#pragma once

#include <cstdint>
#include <string>

#include "hal/hal.h"
#include "hal/units.h"
#include "twin/model.h"

namespace tractus::scenarios::session_detail {

using units::kNewtonsPerLbf;
using units::kStandardGravity;

constexpr int64_t kUsPerS = 1000000;
constexpr int64_t kSampleUs = 100000;  // the plotted series' period

/// Tension below which the harness counts as free of load (the patient stop releases to
/// 15 N), newtons.
constexpr double kHarnessFreeN = 20.0;
/// How long a panicking patient holds the stop switch down, microseconds.
constexpr int64_t kStopHoldUs = 1000000;
/// Harness travel on the body that counts as a slip, metres: more than tissue creep gives.
constexpr double kSlipM = 0.005;

inline int64_t seconds_to_us(double s) { return static_cast<int64_t>(s * 1e6 + 0.5); }

}  // namespace tractus::scenarios::session_detail
