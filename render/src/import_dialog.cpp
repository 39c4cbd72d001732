// The import confirmation: before an imported history is written, the user sees what
// it would add, what is already saved and will be skipped, what differs from the saved copy
// and what was refused (with the field and the reason), and accepts or cancels. Replacing a
// saved session or the saved trainee name takes a tick of its own; nothing is replaced by
// default.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include <imgui.h>

#include "render/import_dialog.h"
#include "render/text_clip.h"
#include "render/theme.h"
#include "render/widgets.h"

namespace tractus::render {

namespace {
constexpr const char* kPopup = "Import history";
// lines of one list shown before it scrolls: four lists of three fit with the rest at 720 px
constexpr int kListRows = 3;

// a heading with a count, then the lines in a scrolling box of at most kListRows rows
void draw_list(const char* id, const std::string& heading, const std::vector<std::string>& lines,
               const ImVec4& colour) {
  ImGui::TextColored(colour, "%s", heading.c_str());
  if (lines.empty()) return;
  const ImGuiStyle& style = ImGui::GetStyle();
  const float row_h = ImGui::GetTextLineHeightWithSpacing();
  const int shown = std::min(static_cast<int>(lines.size()), kListRows);
  // exactly the rows shown inside the box's padding: a scrollbar only when more are left
  const float box_h = row_h * static_cast<float>(shown) - style.ItemSpacing.y + 2.0f * style.WindowPadding.y;
  ImGui::BeginChild(id, ImVec2(0.0f, box_h), true);
  const float w = ImGui::GetContentRegionAvail().x;
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(lines.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      ImGui::TextUnformatted(clip_to_width(lines[static_cast<std::size_t>(i)], w).c_str());
    }
  }
  ImGui::EndChild();
}

std::string count(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}
}  // namespace

void ImportDialog::draw_import_dialog(const ImportPreview* preview, UiRequests& out) {
  const ImportPreview* p = preview;
  if (p != nullptr && p->serial != import_serial_seen_) {
    // a new file: its choices start at keeping what is saved (an empty name replaces nothing)
    import_serial_seen_ = p->serial;
    import_replace_trainee_ = p->trainee_differs && p->saved_trainee.empty();
    import_replace_differing_ = false;
  }
  if (p != nullptr && !ImGui::IsPopupOpen(kPopup)) ImGui::OpenPopup(kPopup);
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f), ImGuiCond_Always,
                          ImVec2(0.5f, 0.5f));
  const float w_px = std::min(620.0f, io.DisplaySize.x - 40.0f);
  // on a short screen the dialog scrolls rather than run off the bottom
  ImGui::SetNextWindowSizeConstraints(ImVec2(w_px, 0.0f), ImVec2(w_px, io.DisplaySize.y - 40.0f));
  if (!ImGui::BeginPopupModal(kPopup, nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize))
    return;
  if (p == nullptr) {
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  const float w = ImGui::GetContentRegionAvail().x;
  ImGui::PushFont(fonts_.heading);
  ImGui::TextUnformatted(clip_to_width("Import " + p->file_name, w).c_str());
  ImGui::PopFont();
  ImGui::TextWrapped("Nothing is written until you choose Import. Sessions already saved stay as they are.");
  ImGui::Spacing();
  draw_list("adding", count(p->adding.size(), "new session will be added", "new sessions will be added"),
            p->adding, theme::kOk);
  draw_list("skipping",
            count(p->skipping.size(), "session is already saved and will be skipped",
                  "sessions are already saved and will be skipped"),
            p->skipping, theme::kMuted);
  if (!p->differing.empty()) {
    draw_list("differing",
              count(p->differing.size(), "saved session differs from the file's copy",
                    "saved sessions differ from the file's copies"),
              p->differing, theme::kWarn);
    ImGui::Checkbox("Replace the saved copies with the file's", &import_replace_differing_);
    widgets_.record_last_item("import.replace_differing");
  }
  draw_list("refused",
            count(p->refused.size(), "entry is refused and will not be imported", "entries are refused and will not be imported"),
            p->refused, p->refused.empty() ? theme::kMuted : theme::kDanger);
  widgets_.record_last_item("import.refused");
  if (p->unknown_scenarios > 0) {
    ImGui::TextColored(theme::kWarn, "%s",
                       clip_to_width(count(static_cast<std::size_t>(p->unknown_scenarios), "session is",
                                           "sessions are") +
                                         " of a scenario this trainer does not have: shown as 'unknown scenario'",
                                     w)
                           .c_str());
  }
  if (p->trainee_differs) {
    const std::string saved = p->saved_trainee.empty() ? "(none)" : "'" + clip_to_width(p->saved_trainee, w * 0.3f) + "'";
    ImGui::TextUnformatted(
        clip_to_width("The file's trainee is '" + clip_to_width(p->file_trainee, w * 0.3f) + "'; saved here: " + saved, w)
            .c_str());
    ImGui::Checkbox("Use the file's trainee name", &import_replace_trainee_);
    widgets_.record_last_item("import.replace_trainee");
  }
  ImGui::Spacing();
  ImGui::Separator();
  const std::size_t changes = p->adding.size() + (import_replace_differing_ ? p->differing.size() : 0);
  const bool anything = changes > 0 || (p->trainee_differs && import_replace_trainee_);
  const std::string accept = changes > 0 ? "Import " + count(changes, "session", "sessions") : std::string("Import");
  const float half = (w - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
  if (coloured_button((accept + "##accept").c_str(), theme::kAccent, ImVec2(half, 36.0f), anything)) {
    out.import_decision = ImportDecision{true, import_replace_trainee_, import_replace_differing_};
    ImGui::CloseCurrentPopup();
  }
  widgets_.record_last_item("import.accept");
  ImGui::SameLine();
  const bool escape = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
  if (ImGui::Button(anything ? "Cancel" : "Close", ImVec2(half, 36.0f)) || escape) {
    out.import_decision = ImportDecision{false, false, false};
    ImGui::CloseCurrentPopup();
  }
  widgets_.record_last_item("import.cancel");
  ImGui::EndPopup();
}

}  // namespace tractus::render
