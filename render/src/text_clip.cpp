#include "render/text_clip.h"

#include <imgui.h>

namespace tractus::render {

namespace {
// the largest n <= want that does not split a UTF-8 character
std::size_t char_boundary(const std::string& s, std::size_t want) {
  std::size_t n = std::min(want, s.size());
  while (n > 0 && n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return n;
}

std::string one_line(const std::string& s) {
  std::string out = s;
  for (char& c : out)
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  return out;
}
}  // namespace

std::string clip_bytes(const std::string& text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  return text.substr(0, char_boundary(text, max_bytes)) + "...";
}

std::string clip_to_width(const std::string& text, float max_width_px) {
  const std::string line = one_line(text);
  if (ImGui::CalcTextSize(line.c_str()).x <= max_width_px) return line;
  // the longest prefix that fits with the ellipsis, by bisection over byte counts
  const float room = max_width_px - ImGui::CalcTextSize("...").x;
  std::size_t lo = 0, hi = line.size();
  while (lo < hi) {
    const std::size_t mid = (lo + hi + 1) / 2;
    const std::size_t cut = char_boundary(line, mid);
    if (cut > lo && ImGui::CalcTextSize(line.c_str(), line.c_str() + cut).x <= room) {
      lo = cut;
    } else {
      hi = mid - 1;
    }
  }
  return line.substr(0, char_boundary(line, lo)) + "...";
}

}  // namespace tractus::render
