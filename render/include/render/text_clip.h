// Fitting text of any length into a fixed width: user-supplied strings (imported titles,
// names, file names) never widen or lengthen a panel.
#pragma once

#include <cstddef>
#include <string>

namespace tractus::render {

/// text cut at a UTF-8 character boundary so that it and a trailing "..." fit max_width_px in
/// the current ImGui font; text that fits is returned as it is. Line breaks and tabs become
/// spaces, so the result is always one line.
std::string clip_to_width(const std::string& text, float max_width_px);

/// At most max_bytes of text, cut at a UTF-8 character boundary, with "..." added when cut.
std::string clip_bytes(const std::string& text, std::size_t max_bytes);

}  // namespace tractus::render
