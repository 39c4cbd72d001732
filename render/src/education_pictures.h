// The patient tour's pictures (education_pictures.cpp), each drawn into the box at o of the
// given size with the fonts it is given.
#pragma once

#include <imgui.h>

namespace tractus::render::education {

/// Side view: three vertebrae, a healthy disc above and a bulging one below, a nerve root.
void draw_disc_diagram(ImDrawList* dl, ImVec2 o, ImVec2 size, ImFont* font);
/// Force over part of a session: a slow rise, a hold, an easing to rest, repeated.
void draw_session_timeline(ImDrawList* dl, ImVec2 o, ImVec2 size, ImFont* font, ImFont* big);
/// Two cards: what is normal, and what to tell the clinic straight away.
void draw_normal_or_report(ImDrawList* dl, ImVec2 o, ImVec2 size, ImFont* font, ImFont* bold);
/// Six weeks of sessions, two or three a week, with sessions 4 to 6 marked.
void draw_course_calendar(ImDrawList* dl, ImVec2 o, ImVec2 size, ImFont* font);
/// What trials found and what is measured, with the sources.
void draw_evidence(ImDrawList* dl, ImVec2 o, ImVec2 size, ImFont* font, ImFont* bold, const char* sources);

}  // namespace tractus::render::education
