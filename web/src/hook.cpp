// The page's read-only test and automation hook. These functions only read state: they let
// a browser test ask what the trainer shows and where a widget is, never change it.
#include <cstdio>
#include <string>

#include <emscripten.h>

#include "app.h"
#include "render/console_text.h"
#include "render/education_tour.h"

namespace tractus::web {
extern App* g_app;
}

namespace {
std::string g_buffer;

void append_number(std::string& s, const char* key, double v, bool comma = true) {
  char tmp[96];
  std::snprintf(tmp, sizeof tmp, "\"%s\":%.6g%s", key, v, comma ? "," : "");
  s += tmp;
}

// the sales demo's step and what its director has seen, as "demo":{...},
void append_demo(std::string& s, const tractus::web::DemoDirector& demo, const tractus::scenarios::Rig& rig) {
  const tractus::web::DemoObservations& o = demo.observations();
  s += "\"demo\":{";
  append_number(s, "step", demo.step_index());
  s += "\"step_id\":\"" + demo.step().id + "\",";
  append_number(s, "step_s", demo.step_elapsed_s(rig));
  append_number(s, "sim_s", demo.total_s());
  append_number(s, "loops", demo.loop_count());
  s += "\"visits\":{";
  for (std::size_t i = 0; i < demo.script().size(); ++i) {
    append_number(s, demo.script()[i].id.c_str(), o.visits[i], i + 1 < demo.script().size());
  }
  s += "},";
  append_number(s, "stop_presses", o.stop_presses);
  append_number(s, "last_stop_force_n", o.last_stop_force_n);
  append_number(s, "last_stop_release_s", o.last_stop_release_s);
  append_number(s, "worst_stop_release_s", o.worst_stop_release_s);
  s += std::string("\"stop_alarm_seen\":") + (o.stop_alarm_seen ? "true," : "false,");
  append_number(s, "faults_injected", o.faults_injected);
  append_number(s, "faults_stopped", o.faults_stopped);
  append_number(s, "last_fault_alarm", o.last_fault_alarm);
  append_number(s, "last_fault_trip_s", o.last_fault_trip_s);
  append_number(s, "peak_force_ratio", o.peak_force_ratio, false);
  s += "},";
}
}  // namespace

extern "C" {

/// Returns the trainer's observable state as a JSON object (valid until the next call).
EMSCRIPTEN_KEEPALIVE const char* tractus_state_json() {
  using namespace tractus;
  g_buffer = "{";
  if (web::g_app == nullptr) {
    g_buffer += "\"ready\":false}";
    return g_buffer.c_str();
  }
  const web::App& app = *web::g_app;
  const scenarios::Rig& rig = app.rig();
  const hal::DisplayState& d = rig.display();
  const twin::TwinState& t = rig.twin_state();
  g_buffer += "\"ready\":true,";
  static const char* const kScreens[] = {"start", "sandbox", "scenarios", "training", "debrief", "educate", "demo"};
  g_buffer += std::string("\"screen\":\"") + kScreens[static_cast<int>(app.screen())] + "\",";
  g_buffer += std::string("\"start_screen\":") + (app.screen() == render::Screen::Start ? "true," : "false,");
  append_number(g_buffer, "education_step", app.education_step());
  append_number(g_buffer, "education_steps", static_cast<double>(render::education_steps().size()));
  if (app.screen() == render::Screen::Demo) append_demo(g_buffer, app.demo(), app.rig());
  append_number(g_buffer, "library_size", static_cast<double>(app.library().size()));
  append_number(g_buffer, "history_size", static_cast<double>(app.history().entries().size()));
  g_buffer += "\"active_faults\":[";
  const std::vector<std::string> faults = render::active_fault_names(app.frame_input());
  for (std::size_t i = 0; i < faults.size(); ++i) g_buffer += (i ? ",\"" : "\"") + faults[i] + "\"";
  g_buffer += "],";
  if (const scenarios::Report* r = app.report()) {
    append_number(g_buffer, "score", r->score);
    g_buffer += std::string("\"passed\":") + (r->passed ? "true," : "false,");
    append_number(g_buffer, "critical_errors", static_cast<double>(r->critical_errors.size()));
  }
  if (const scenarios::CourseRun* course = app.course()) {
    g_buffer += "\"course\":{";
    append_number(g_buffer, "sessions", course->course().course.sessions);
    append_number(g_buffer, "finished", static_cast<double>(course->report().sessions.size()));
    append_number(g_buffer, "score", course->report().score);
    g_buffer += std::string("\"done\":") + (course->done() ? "true" : "false") + "},";
  }
  if (const scenarios::ReplayTrace* film = app.film()) {
    append_number(g_buffer, "film_progress", film->progress());
    append_number(g_buffer, "film_frames", static_cast<double>(film->frames().size()));
    append_number(g_buffer, "film_end_s", static_cast<double>(film->end_us()) * 1e-6);
    append_number(g_buffer, "debrief_t_s", app.ui().debrief_time_s());
  }
  g_buffer += std::string("\"state\":\"") + render::state_label(d.state) + "\",";
  g_buffer += std::string("\"unit\":\"") +
              (rig.model().setup == hal::Region::Cervical ? "cervical" : "lumbar") + "\",";
  append_number(g_buffer, "t_s", static_cast<double>(rig.now_us()) * 1e-6);
  append_number(g_buffer, "stop_tap_t_s", static_cast<double>(app.stop_tap_at_us()) * 1e-6);
  append_number(g_buffer, "alarm_code", d.alarm_code);
  append_number(g_buffer, "measured_force_n", d.measured_force_n);
  append_number(g_buffer, "target_force_n", d.target_force_n);
  append_number(g_buffer, "prescribed_force_n", rig.firmware().prescription().max_force_n);
  append_number(g_buffer, "remaining_s", d.remaining_s);
  append_number(g_buffer, "cord_tension_n", t.cord_tension_n);
  append_number(g_buffer, "carriage_mm", t.carriage_pos_m * 1000.0);
  append_number(g_buffer, "pull_angle_deg", t.inputs.pull_angle_deg);
  append_number(g_buffer, "table_height_mm", t.inputs.table_height_m * 1000.0);
  g_buffer += std::string("\"stop_pressed\":") + (t.inputs.patient_stop_pressed ? "true," : "false,");
  g_buffer += std::string("\"hand_brake_release\":") + (rig.manual_brake_release() ? "true," : "false,");
  g_buffer += std::string("\"harness_confirmed\":") + (d.harness_confirmed ? "true," : "false,");
  g_buffer += std::string("\"buzzer\":") + (rig.actuators().buzzer ? "true," : "false,");
  append_number(g_buffer, "speed", app.clock().speed);
  g_buffer += std::string("\"paused\":") + (app.clock().paused ? "true," : "false,");
  append_number(g_buffer, "frames", static_cast<double>(app.frames()));
  append_number(g_buffer, "scene_draw_calls", app.ui().scene_draw_calls());
  g_buffer += std::string("\"xray\":") + (app.ui().xray() ? "true," : "false,");
  append_number(g_buffer, "scene_labels", app.ui().scene_label_count());
  const web::FrameStats f = app.frame_stats();
  g_buffer += "\"frame_ms\":{";
  append_number(g_buffer, "last", f.last_ms);
  append_number(g_buffer, "p50", f.p50_ms);
  append_number(g_buffer, "p95", f.p95_ms);
  append_number(g_buffer, "p50_ui_scene", f.p50_phase.ui_scene_ms);
  append_number(g_buffer, "p50_sim", f.p50_phase.sim_ms);
  append_number(g_buffer, "p50_draw", f.p50_phase.draw_ms);
  append_number(g_buffer, "samples", f.samples, false);
  g_buffer += "}}";
  return g_buffer.c_str();
}

/// Returns {"x","y","w","h"} in CSS pixels for a widget drawn in the last frame, or "null".
EMSCRIPTEN_KEEPALIVE const char* tractus_widget_rect(const char* id) {
  tractus::render::WidgetRect r;
  if (tractus::web::g_app == nullptr || !tractus::web::g_app->ui().widgets().find(id, r)) {
    g_buffer = "null";
    return g_buffer.c_str();
  }
  char tmp[128];
  std::snprintf(tmp, sizeof tmp, "{\"x\":%.1f,\"y\":%.1f,\"w\":%.1f,\"h\":%.1f}", r.x, r.y, r.w, r.h);
  g_buffer = tmp;
  return g_buffer.c_str();
}

/// Page glue, not part of the read-only hook: the page calls this with the text of a history
/// file the user picked for import.
EMSCRIPTEN_KEEPALIVE void tractus_import_history(const char* text) {
  if (tractus::web::g_app != nullptr) tractus::web::g_app->import_history(text);
}

/// Page glue, not part of the read-only hook: the text of a session record the user picked.
EMSCRIPTEN_KEEPALIVE void tractus_import_record(const char* text) {
  if (tractus::web::g_app != nullptr) tractus::web::g_app->import_record(text);
}

}  // extern "C"
