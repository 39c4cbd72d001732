// Unit conversion constants: the one place they are defined.
//
// The rule: SI inside every layer (newtons, metres, seconds, pascals); the clinician's units
// (lbf, kgf, mmHg) only at the display edge (render/units.h converts for the panels) and the
// file edge (scenario, action and record files name their fields in lbf and are converted by
// their loaders). Each constant comes as a double and, for the firmware's float arithmetic,
// as the float nearest to it.
#pragma once

namespace tractus::units {

/// Standard gravity, metres per second squared (CGPM 1901, exact).
constexpr double kStandardGravity = 9.80665;
constexpr float kStandardGravityF = 9.80665f;

/// Newtons in one pound-force: 0.45359237 kg (the international pound, exact) times standard
/// gravity.
constexpr double kNewtonsPerLbf = 4.4482216152605;
constexpr float kNewtonsPerLbfF = 4.4482216152605f;

/// Newtons in one kilogram-force: standard gravity.
constexpr double kNewtonsPerKgf = kStandardGravity;
constexpr float kNewtonsPerKgfF = kStandardGravityF;

}  // namespace tractus::units
