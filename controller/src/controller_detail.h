// Internal to the firmware's source files: the constants and small helpers they share.
#pragma once

#include <cstdint>

#include "hal/hal.h"

namespace tractus::controller::detail {

using hal::TableState;

// below this force the cord counts as slack after a release, newtons
constexpr float kSlackForceN = 8.0f;
// above this force the cord is loaded: the table does not come to rest on it. Under the
// patient stop's 15 N floor, so that a cord the cell reads at 15.0 N is not left at 15.1
// (campaign seeds 491, 50931); above the 13.2 N a slipped harness's patient settles back to on
// a braked drum after the fast release (HarnessFit.RefittingAfterASlip...), which is released
constexpr float kLoadedForceN = 14.0f;
// the cord must read slack this long before the brake sets after a fast release
constexpr int64_t kSlackDwellUs = 500000;
// after a drive-off the brake holds a drum still winding in (the momentum a runaway gave it)
// for at most this long, so a noisy encoder cannot keep the patient held
constexpr int64_t kMomentumBrakeUs = 50000;
// a drum winding in by more than this per tick is moving (2 counts: 10 mm/s, above the
// encoder's one-count dither)
constexpr int32_t kWindingInCounts = 2;
// a lost encoder or a failed load cell lets the drive go on with a fast release (paying out
// again if the carriage's spring-back draws the cord taut) for at most this long from the
// release's start: inside the patient stop's 0.5 s, with time left for the relay to open
constexpr int64_t kLostSensorReleaseUs = 450000;
constexpr float kUsPerS = 1e6f;

// the console may edit the prescription and confirm the harness
inline bool setting_up(TableState s) {
  return s == TableState::Idle || s == TableState::Setup || s == TableState::Ready;
}
inline bool in_treatment(TableState s) {
  return s == TableState::Pretension || s == TableState::Treating || s == TableState::Paused ||
         s == TableState::Releasing;
}
inline float maxf(float a, float b) { return a > b ? a : b; }
inline float minf(float a, float b) { return a < b ? a : b; }

}  // namespace tractus::controller::detail
