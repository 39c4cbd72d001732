// Forces as text at the display edge.
#pragma once

#include <string>

#include "render/units.h"

namespace tractus::render {

/// A force in newtons as a number in unit u, printf-style with decimals places, right-aligned
/// in width columns (0: no padding). It never reads "-0.0": a reading a hair below zero (a
/// load cell's noise at rest) that rounds to zero reads "0.0", while one that rounds to a
/// nonzero negative number keeps its sign.
std::string force_number(float force_n, ForceUnit u, int decimals = 1, int width = 0);

/// force_number followed by a space and the unit's label, e.g. "  0.0 lbf".
std::string force_text(float force_n, ForceUnit u, int decimals = 1, int width = 0);

}  // namespace tractus::render
