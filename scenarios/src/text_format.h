// Small number formatting shared by the engine's messages (internal to scenarios/).
#pragma once

#include <cstdio>
#include <string>

namespace tractus::scenarios {

/// v with one decimal, as the engine's messages quote forces and times ("45.0").
inline std::string fmt1(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

}  // namespace tractus::scenarios
