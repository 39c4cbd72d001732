// Small widgets shared by the trainer's panels.
#pragma once

#include <string>

#include <imgui.h>

namespace tractus::render {

/// A button filled with a solid colour and white text; greyed out and inert when !enabled.
/// Returns true when clicked.
bool coloured_button(const char* label, const ImVec4& colour, const ImVec2& size, bool enabled);

/// An error or notice for the user: its first line (the sentence) in the danger colour, any
/// further lines (the detail, such as a file and JSON path) below it in muted text, wrapped to
/// the window and grouped as one item.
void message_text(const std::string& message);

/// Opens the full-width bar across the top of the screen, height_px tall, and draws the
/// product name in brand_font; the caller adds its items on the same line and then calls
/// end_top_bar().
void begin_top_bar(const char* window_name, float height_px, ImFont* brand_font);
/// Closes the bar begin_top_bar() opened.
void end_top_bar();

}  // namespace tractus::render
