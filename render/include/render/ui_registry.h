// Records where named widgets were drawn in the last frame, in CSS pixels, so the page's
// read-only test hook can tell a browser test where to click. It changes nothing in the UI.
#pragma once

#include <string>
#include <unordered_map>

namespace tractus::render {

/// A widget's rectangle in CSS pixels from the canvas's top-left corner.
struct WidgetRect {
  float x = 0.0f, y = 0.0f, w = 0.0f, h = 0.0f;
};

/// The registry of named widget rectangles, rebuilt every frame.
class UiRegistry {
 public:
  /// Forgets last frame's widgets.
  void begin_frame() { rects_.clear(); }
  /// Records the rectangle of the last ImGui item under id.
  void record_last_item(const char* id);
  /// Records the rectangle the next ImGui item will take (the cursor, the next item's width,
  /// a frame's height) under id: a combo's own rectangle is gone once its popup opens.
  void record_next_item(const char* id);
  /// Records a rectangle under id directly.
  void record(const char* id, const WidgetRect& rect) { rects_[id] = rect; }
  /// Looks up a widget drawn in the last frame; returns false when it was not drawn.
  bool find(const std::string& id, WidgetRect& out) const;
  /// Every recorded widget.
  const std::unordered_map<std::string, WidgetRect>& all() const { return rects_; }

 private:
  std::unordered_map<std::string, WidgetRect> rects_;
};

}  // namespace tractus::render
