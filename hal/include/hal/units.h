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

/// Pascals in one millimetre of mercury: 13.5951 g/cm^3 mercury under standard gravity, as
/// ISO 80000-4 defines it (exact). Disc pressures in the literature are given in either unit.
constexpr double kPascalsPerMmHg = 133.322387415;

/// Millimetres of mercury in one megapascal, about 7500.6.
constexpr double kMmHgPerMegapascal = 1.0e6 / kPascalsPerMmHg;

/// Converts a pressure in megapascals to millimetres of mercury (display and file edges).
constexpr double mmhg_from_mpa(double pressure_mpa) { return pressure_mpa * kMmHgPerMegapascal; }

/// Converts a pressure in millimetres of mercury (a source's figure) to megapascals.
constexpr double mpa_from_mmhg(double pressure_mmhg) { return pressure_mmhg / kMmHgPerMegapascal; }

}  // namespace tractus::units
