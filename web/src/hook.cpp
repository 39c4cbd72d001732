// The page's read-only test and automation hook. These functions only read state: they let
// a browser test ask what the trainer shows and where a widget is, never change it.
//
// Index of this file:
//   [SECTION] helpers: numbers, quoted text, the saved state, the demo
//   [SECTION] the state the page reads
//   [SECTION] widgets, imports and the session kept on the way out
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include <emscripten.h>

#include "app.h"
#include "render/console_text.h"
#include "render/education_tour.h"
#include "scenarios/input_limits.h"
#include "scenarios/vocabulary.h"

namespace tractus::web {
extern App* g_app;
}

namespace {
std::string g_buffer;

// [SECTION] helpers: numbers, quoted text, the saved state, the demo

void append_number(std::string& s, const char* key, double v, bool comma = true) {
  char tmp[96];
  std::snprintf(tmp, sizeof tmp, "\"%s\":%.6g%s", key, v, comma ? "," : "");
  s += tmp;
}

// text as a JSON string literal
std::string quoted(const std::string& text) {
  std::string s = "\"";
  for (unsigned char c : text) {
    if (c == '"' || c == '\\') {
      s += '\\';
      s += static_cast<char>(c);
    } else if (c < 0x20) {
      char esc[8];
      std::snprintf(esc, sizeof esc, "\\u%04x", c);
      s += esc;
    } else {
      s += static_cast<char>(c);
    }
  }
  return s + "\"";
}

// the saved history and what the start screen offers about it, as "saved":{...},
void append_saved(std::string& s, const tractus::web::App& app) {
  char digest[24];
  std::snprintf(digest, sizeof digest, "%016llx", static_cast<unsigned long long>(app.history().digest()));
  s += "\"saved\":{\"history_digest\":\"" + std::string(digest) + "\",";
  s += "\"trainee\":" + quoted(app.history().trainee()) + ",";
  s += "\"storage_message\":" + quoted(app.storage_message()) + ",";
  s += "\"history_notice\":" + quoted(app.history_notice()) + ",";
  append_number(s, "imports_read", app.imports_read());
  s += "\"history_ids\":[";
  const auto& entries = app.history().entries();
  for (std::size_t i = 0; i < entries.size(); ++i) s += (i ? "," : "") + quoted(entries[i].id);
  s += "],";
  if (const tractus::render::ImportPreview* p = app.import_preview()) {
    s += "\"import_preview\":{";
    append_number(s, "adding", static_cast<double>(p->adding.size()));
    append_number(s, "skipping", static_cast<double>(p->skipping.size()));
    append_number(s, "differing", static_cast<double>(p->differing.size()));
    append_number(s, "unknown_scenarios", p->unknown_scenarios);
    s += std::string("\"trainee_differs\":") + (p->trainee_differs ? "true," : "false,");
    s += "\"refused\":[";
    for (std::size_t i = 0; i < p->refused.size(); ++i) s += (i ? "," : "") + quoted(p->refused[i]);
    s += "]},";
  }
  if (const tractus::render::ResumeOffer* r = app.resume_offer()) {
    s += "\"resume_offer\":{\"title\":" + quoted(r->title) + ",";
    if (r->course_sessions > 0) {
      append_number(s, "course_session", r->course_session);
      append_number(s, "course_sessions", r->course_sessions);
      append_number(s, "course_finished", r->course_finished);
      s += std::string("\"between_sessions\":") + (r->between_sessions ? "true," : "false,");
    }
    append_number(s, "left_at_s", r->left_at_s, false);
    s += "},";
  }
  if (app.resumed().done) {
    std::snprintf(digest, sizeof digest, "%016llx", static_cast<unsigned long long>(app.resumed().timeline_hash));
    s += "\"resumed\":{\"timeline_hash\":\"" + std::string(digest) + "\",";
    append_number(s, "actions", static_cast<double>(app.resumed().actions));
    append_number(s, "at_s", app.resumed().at_s, false);
    s += "},";
  }
  if (app.session_running()) {
    // the live session as a resume would have to rebuild it
    const tractus::scenarios::Report now = tractus::scenarios::build_report(*app.session());
    std::snprintf(digest, sizeof digest, "%016llx", static_cast<unsigned long long>(now.timeline_hash));
    s += "\"live\":{\"timeline_hash\":\"" + std::string(digest) + "\",";
    append_number(s, "actions", static_cast<double>(app.session()->actions().size()));
    append_number(s, "t_s", static_cast<double>(app.session()->now_us()) * 1e-6);  // session time
    append_number(s, "score", now.score, false);
    s += "},";
  }
  s += std::string("\"session_running\":") + (app.session_running() ? "true" : "false") + "},";
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

// [SECTION] the state the page reads

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
  static const char* const kScreens[] = {"start", "sandbox", "scenarios", "training", "debrief", "educate", "demo", "mirror"};
  g_buffer += std::string("\"screen\":\"") + kScreens[static_cast<int>(app.screen())] + "\",";
  g_buffer += std::string("\"start_screen\":") + (app.screen() == render::Screen::Start ? "true," : "false,");
  append_number(g_buffer, "education_step", app.education_step());
  append_number(g_buffer, "education_steps", static_cast<double>(render::education_steps().size()));
  if (app.screen() == render::Screen::Demo) append_demo(g_buffer, app.demo(), app.rig());
  append_number(g_buffer, "library_size", static_cast<double>(app.library().size()));
  append_number(g_buffer, "history_size", static_cast<double>(app.history().entries().size()));
  if (const render::CurriculumView* c = app.curriculum()) {
    static const char* const kNext[] = {"step", "remedial", "done"};
    g_buffer += "\"curriculum\":{";
    append_number(g_buffer, "steps", static_cast<double>(c->steps.size()));
    append_number(g_buffer, "mastered", static_cast<double>(c->mastered));
    append_number(g_buffer, "current_step", static_cast<double>(c->current_step));
    g_buffer += std::string("\"next\":\"") + kNext[static_cast<int>(c->next)] + "\",";
    g_buffer += "\"next_scenario\":" + quoted(c->next_scenario) + ",\"mastered_at\":[";
    for (std::size_t i = 0; i < c->steps.size(); ++i) g_buffer += (i ? "," : "") + quoted(c->steps[i].mastered_at);
    g_buffer += "]},";
  }
  append_saved(g_buffer, app);
  g_buffer += "\"active_faults\":[";
  const std::vector<std::string> faults = render::active_fault_names(app.frame_input());
  for (std::size_t i = 0; i < faults.size(); ++i) g_buffer += (i ? ",\"" : "\"") + faults[i] + "\"";
  g_buffer += "],";
  if (const scenarios::Report* r = app.report()) {
    append_number(g_buffer, "score", r->score);
    char hash[24];
    std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(r->timeline_hash));
    g_buffer += "\"timeline_hash\":\"" + std::string(hash) + "\",";
    g_buffer += std::string("\"passed\":") + (r->passed ? "true," : "false,");
    append_number(g_buffer, "critical_errors", static_cast<double>(r->critical_errors.size()));
  }
  if (const scenarios::CourseRun* course = app.course()) {
    g_buffer += "\"course\":{";
    append_number(g_buffer, "sessions", course->course().course.sessions);
    append_number(g_buffer, "finished", static_cast<double>(course->report().sessions.size()));
    append_number(g_buffer, "score", course->report().score);
    append_number(g_buffer, "next_session", course->done() ? 0 : course->next_session().index + 1);
    // each finished session's score and dose, and the tolerance carried to the next
    g_buffer += "\"session_scores\":[";
    for (std::size_t i = 0; i < course->report().sessions.size(); ++i) {
      char v[32];
      std::snprintf(v, sizeof v, "%s%.6g", i ? "," : "", course->report().sessions[i].score);
      g_buffer += v;
    }
    g_buffer += "],";
    append_number(g_buffer, "tolerance_lbf", course->state().tolerance_n / units::kNewtonsPerLbf);
    append_number(g_buffer, "last_dose_lbf", course->state().last_dose_n / units::kNewtonsPerLbf);
    g_buffer += std::string("\"done\":") + (course->done() ? "true" : "false") + "},";
  }
  if (const scenarios::ReplayTrace* film = app.film()) {
    append_number(g_buffer, "film_progress", film->progress());
    append_number(g_buffer, "film_frames", static_cast<double>(film->frames().size()));
    append_number(g_buffer, "film_end_s", static_cast<double>(film->end_us()) * 1e-6);
    append_number(g_buffer, "debrief_t_s", app.ui().debrief_time_s());
    static const char* const kTabs[] = {"checklist", "timeline", "questions"};
    g_buffer += std::string("\"debrief_tab\":\"") + kTabs[static_cast<int>(app.ui().debrief_tab())] + "\",";
  }
  // what the console and chart hold before they are sent (the next Start's prescription)
  const console::PrescriptionEntry& entry = app.ui().console_entry();
  const render::ForceUnit unit = app.ui().console_unit();
  append_number(g_buffer, "console_max_force", render::shown_force(entry.max_force_n, unit));
  append_number(g_buffer, "console_treatment_min", entry.treatment_s / 60.0);
  g_buffer += std::string("\"console_unit\":\"") + render::unit_label(unit) + "\",";
  // the span the console's plot holds (a resumed session plots from its start)
  const render::ForceHistory& plot = app.ui().force_history();
  append_number(g_buffer, "plot_samples", static_cast<double>(plot.size()));
  append_number(g_buffer, "plot_first_t_s", plot.size() > 0 ? plot.at(0).t_s : -1.0);
  append_number(g_buffer, "plot_last_t_s", plot.size() > 0 ? plot.newest().t_s : -1.0);
  {
    std::vector<const scenarios::Term*> reasons;
    for (const scenarios::Term& r : scenarios::contraindications()) reasons.push_back(&r);
    for (const scenarios::Term& r : scenarios::precautions()) reasons.push_back(&r);
    const int i = app.ui().decline_index();
    g_buffer += std::string("\"decline_reason\":\"") +
                (i >= 0 && i < static_cast<int>(reasons.size()) ? reasons[i]->id : "") + "\",";
  }
  if (const scenarios::Session* session = app.session()) {
    append_number(g_buffer, "speech_count", static_cast<double>(session->speech().size()));
    g_buffer += std::string("\"harness_fitted\":") + (session->patient().harness_fitted ? "true," : "false,");
  }
  g_buffer += std::string("\"state\":\"") + render::status_label(d) + "\",";
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
  // the simulation clock: time owed and dropped, and what the last frame's stepping cost
  g_buffer += "\"sim_clock\":{";
  append_number(g_buffer, "owed_s", app.sim_clock().owed_s());
  append_number(g_buffer, "dropped_s", app.sim_clock().dropped_s());
  append_number(g_buffer, "step_ms", app.sim_clock().last().step_cpu_ms);
  append_number(g_buffer, "budget_ms", app.sim_clock().last().budget_ms);
  g_buffer += std::string("\"budget_hit\":") + (app.sim_clock().last().budget_hit ? "true" : "false") + "},";
  append_number(g_buffer, "console_overflow_px", app.ui().console_overflow_px());
  append_number(g_buffer, "scene_draw_calls", app.ui().scene_draw_calls());
  append_number(g_buffer, "scene_triangles", app.ui().scene_triangles());
  append_number(g_buffer, "spine_triangles", app.ui().spine_triangles());
  g_buffer += std::string("\"xray\":") + (app.ui().xray() ? "true," : "false,");
  append_number(g_buffer, "scene_labels", app.ui().scene_label_count());
  {
    // the camera preset's framing: rectangles as [x0, y0, x1, y1] in CSS pixels
    const render::ViewFraming& v = app.ui().view_framing();
    static const char* const kPresets[] = {"overview", "side", "foot_end", "top", "spine"};
    const auto rect = [](const char* name, const glm::vec4& r) {
      char tmp[112];
      std::snprintf(tmp, sizeof tmp, "\"%s\":[%.1f,%.1f,%.1f,%.1f],", name, r.x, r.y, r.z, r.w);
      return std::string(tmp);
    };
    g_buffer += std::string("\"view\":{\"preset\":\"") + kPresets[static_cast<int>(v.preset)] + "\",";
    g_buffer += std::string("\"framed\":") + (v.framed ? "true," : "false,");
    g_buffer += std::string("\"cervical_unit\":") + (v.cervical_unit ? "true," : "false,");
    g_buffer += rect("view_px", v.view_px) + rect("free_px", v.free_px) + rect("subject_px", v.subject_px);
    char eye[96];
    std::snprintf(eye, sizeof eye, "\"eye_m\":[%.3f,%.3f,%.3f],", v.eye_m.x, v.eye_m.y, v.eye_m.z);
    g_buffer += eye;
    g_buffer += std::string("\"eye_in_body\":") + (v.eye_in_body ? "true," : "false,");
    append_number(g_buffer, "tower_blocks", v.tower_blocks);
    for (const auto& [name, rects] : {std::pair{"panels_px", &v.panels_px}, std::pair{"labels_px", &v.label_px}}) {
      g_buffer += std::string("\"") + name + "\":[";
      for (size_t i = 0; i < rects->size(); ++i) {
        const glm::vec4& r = (*rects)[i];
        char tmp[96];
        std::snprintf(tmp, sizeof tmp, "%s[%.1f,%.1f,%.1f,%.1f]", i == 0 ? "" : ",", r.x, r.y, r.z, r.w);
        g_buffer += tmp;
      }
      g_buffer += std::string("]") + (std::string(name) == "labels_px" ? "" : ",");
    }
    g_buffer += "},";
  }
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

// [SECTION] widgets, imports and the session kept on the way out

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

/// Page glue, not part of the read-only hook: the page calls this with a history file the user
/// picked for import: its text (cut one byte past the size limit), its size in bytes and its
/// name, both strings allocated with allocateUTF8, which this frees.
EMSCRIPTEN_KEEPALIVE void tractus_import_history(char* text, double file_bytes, char* file_name) {
  if (tractus::web::g_app != nullptr) {
    tractus::web::g_app->import_history(text, file_bytes > 0.0 ? static_cast<std::size_t>(file_bytes) : 0, file_name);
  }
  std::free(text);
  std::free(file_name);
}

/// Page glue: the most bytes of a history file the trainer reads.
EMSCRIPTEN_KEEPALIVE double tractus_history_file_limit() {
  return static_cast<double>(tractus::web::kMaxHistoryFileBytes);
}

/// Page glue: 1 while a training session is being played (the page then warns before it is
/// left), else 0.
EMSCRIPTEN_KEEPALIVE int tractus_session_running() {
  return tractus::web::g_app != nullptr && tractus::web::g_app->session_running() ? 1 : 0;
}

/// Page glue: the panels drawn over the 3D view in the last frame, as a JSON array of
/// [x0, y0, x1, y1] in CSS pixels, so the page can place its own notices clear of them
/// without reading the whole state.
EMSCRIPTEN_KEEPALIVE const char* tractus_panels_json() {
  static std::string panels;
  panels = "[";
  if (tractus::web::g_app != nullptr) {
    const std::vector<glm::vec4>& rects = tractus::web::g_app->ui().view_framing().panels_px;
    for (std::size_t i = 0; i < rects.size(); ++i) {
      char tmp[96];
      std::snprintf(tmp, sizeof tmp, "%s[%.1f,%.1f,%.1f,%.1f]", i == 0 ? "" : ",", rects[i].x, rects[i].y,
                    rects[i].z, rects[i].w);
      panels += tmp;
    }
  }
  panels += "]";
  return panels.c_str();
}

/// Page glue: saves the running session now, so a reload can resume it (called on pagehide).
EMSCRIPTEN_KEEPALIVE void tractus_persist_session() {
  if (tractus::web::g_app != nullptr) tractus::web::g_app->persist_running_session();
}

/// Page glue, not part of the read-only hook: the text of a session record the user picked,
/// cut one byte past the loaders' size limit and allocated with allocateUTF8, which this frees.
EMSCRIPTEN_KEEPALIVE void tractus_import_record(char* text) {
  if (tractus::web::g_app != nullptr) tractus::web::g_app->import_record(text);
  std::free(text);
}

/// Page glue: the most bytes of a session record the trainer reads.
EMSCRIPTEN_KEEPALIVE double tractus_record_file_limit() {
  return static_cast<double>(tractus::scenarios::kMaxFileBytes);
}

}  // extern "C"
