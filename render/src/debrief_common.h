// What the debrief's two files share: their windows' flags, the clock text and the timeline
// marks' colours.
#pragma once

#include <algorithm>
#include <cstdio>
#include <string>

#include <imgui.h>

#include "render/theme.h"

namespace tractus::render::debrief {

constexpr ImGuiWindowFlags kFixed = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                    ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoCollapse;

inline std::string clock_text(double t_s) {
  const int s = std::max(0, static_cast<int>(t_s));
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", s / 60, s % 60);
  return buf;
}

// timeline entries that deserve a mark on the scrubber, and their colour
inline bool marker_colour(const std::string& kind, ImVec4& colour) {
  if (kind == "critical" || kind == "sharp_pain" || kind == "patient_stop") {
    colour = theme::kDanger;
  } else if (kind == "alarm" || kind == "fault" || kind == "reaction") {
    colour = theme::kWarn;
  } else if (kind == "action") {
    colour = theme::kAccent;
  } else {
    return false;
  }
  return true;
}

}  // namespace tractus::render::debrief
