#include "render/force_text.h"

#include <cstdio>

namespace tractus::render {

std::string force_number(float force_n, ForceUnit u, int decimals, int width) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, static_cast<double>(to_display(force_n, u)));
  std::string s = buf;
  // a negative number that printed as all zeros is a negative zero: drop its sign (checked on
  // the text, since only the printed rounding knows whether it came out as zero)
  if (!s.empty() && s[0] == '-' && s.find_first_of("123456789") == std::string::npos) s.erase(0, 1);
  if (width > 0 && s.size() < static_cast<std::size_t>(width)) s.insert(0, static_cast<std::size_t>(width) - s.size(), ' ');
  return s;
}

std::string force_text(float force_n, ForceUnit u, int decimals, int width) {
  return force_number(force_n, u, decimals, width) + " " + unit_label(u);
}

}  // namespace tractus::render
