#include "render/ui_registry.h"

#include <imgui.h>

namespace tractus::render {

void UiRegistry::record_last_item(const char* id) {
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  rects_[id] = WidgetRect{min.x, min.y, max.x - min.x, max.y - min.y};
}

void UiRegistry::record_next_item(const char* id) {
  const ImVec2 p = ImGui::GetCursorScreenPos();
  rects_[id] = WidgetRect{p.x, p.y, ImGui::CalcItemWidth(), ImGui::GetFrameHeight()};
}

bool UiRegistry::find(const std::string& id, WidgetRect& out) const {
  const auto it = rects_.find(id);
  if (it == rects_.end()) return false;
  out = it->second;
  return true;
}

}  // namespace tractus::render
