// Conversions at the display edge: SI inside, clinicians' units on screen.
#pragma once

namespace tractus::render {

/// Force units at the display edge.
enum class ForceUnit { Lbf, Kgf };

constexpr float kNewtonsPerLbf = 4.44822162f;
constexpr float kNewtonsPerKgf = 9.80665f;

/// Newtons in one unit of u.
inline float newtons_per(ForceUnit u) { return u == ForceUnit::Lbf ? kNewtonsPerLbf : kNewtonsPerKgf; }
/// Converts newtons to the display unit.
inline float to_display(float force_n, ForceUnit u) { return force_n / newtons_per(u); }
/// Converts a display-unit value to newtons.
inline float to_newtons(float value, ForceUnit u) { return value * newtons_per(u); }
/// The unit's label.
inline const char* unit_label(ForceUnit u) { return u == ForceUnit::Lbf ? "lbf" : "kgf"; }

}  // namespace tractus::render
