#include "render/ui_registry.h"

#include <imgui.h>

namespace tractus::render {

void UiRegistry::record_last_item(const char* id) {
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  rects_[id] = WidgetRect{min.x, min.y, max.x - min.x, max.y - min.y};
}

bool UiRegistry::find(const std::string& id, WidgetRect& out) const {
  const auto it = rects_.find(id);
  if (it == rects_.end()) return false;
  out = it->second;
  return true;
}

}  // namespace tractus::render
