// The page's room module (web/shell/room.js) talks to the trainer through these functions:
// it reports where the classroom room stands, reads the station's state to stream to the
// instructor (5-10 Hz) and the finished session's result, and hands in the instructor's
// relayed actions. Unlike hook.cpp, tractus_room_apply changes the session: it is the one way
// in for an instructor on another device, through the training screen's action path.
//
// Index of this file:
//   [SECTION] the station's state, as the instructor sees it
//   [SECTION] the exported functions
#include <cmath>
#include <cstdint>
#include <string>

#include <emscripten.h>
#include <nlohmann/json.hpp>

#include "app.h"
#include "outcome_json.h"
#include "render/console_text.h"
#include "render/instructor_panel.h"
#include "room_action.h"
#include "scenarios/action.h"
#include "scenarios/disc_levels.h"
#include "scenarios/scoring.h"

namespace tractus::web {
extern App* g_app;
}

namespace {

using nlohmann::json;
std::string g_room_buffer;
uint64_t g_result_sent_hash = 0;  // the last finished session whose result went out
bool g_result_sent = false;

constexpr std::size_t kStreamedTimelineEntries = 12;  // the newest entries a state carries
constexpr std::size_t kStreamedLines = 3;             // the patient's newest lines
constexpr std::size_t kStreamedActions = 8;           // the newest actions a state carries
constexpr int kAllActionsEvery = 5;                   // every 5th state (1 Hz) carries them all
int g_states_built = 0;

// [SECTION] the station's state, as the instructor sees it

// a number rounded to what a display shows, so a state message stays small
double shown(double v, double step) { return std::round(v / step) * step; }

json station_state(const tractus::web::App& app) {
  using namespace tractus;
  const scenarios::Session& session = *app.session();
  const scenarios::Rig& rig = session.rig();
  const hal::DisplayState& d = rig.display();
  const twin::TwinState& t = rig.twin_state();
  json s;
  s["scenario"] = {{"id", session.scenario().id}, {"title", session.scenario().title}};
  s["trainee"] = app.history().trainee();
  s["t_s"] = shown(static_cast<double>(session.now_us()) * 1e-6, 0.01);
  s["ended"] = session.ended();
  s["paused"] = app.clock().paused;
  s["speed"] = app.clock().speed;
  s["table"] = {{"state", render::status_label(d)},
                {"measured_force_n", shown(d.measured_force_n, 0.1)},
                {"target_force_n", shown(d.target_force_n, 0.1)},
                {"prescribed_force_n", shown(rig.firmware().prescription().max_force_n, 0.1)},
                {"remaining_s", shown(d.remaining_s, 0.1)},
                {"alarm_code", d.alarm_code},
                {"alarm", d.alarm_text != nullptr ? d.alarm_text : ""},
                {"harness_confirmed", d.harness_confirmed},
                {"unit", rig.model().setup == hal::Region::Cervical ? "cervical" : "lumbar"}};
  const bool cervical = rig.model().setup == hal::Region::Cervical;
  json levels = json::array();
  const int count = cervical ? twin::kCervicalLevels : twin::kLumbarLevels;
  for (int i = 0; i < count; ++i) {
    const twin::LevelState& l = cervical ? t.patient.cervical[i] : t.patient.lumbar[i];
    levels.push_back({{"level", scenarios::disc_level_label(rig.model().setup, i)},
                      {"separation_mm", shown(l.separation_mm, 0.001)},
                      {"pressure_mpa", shown(l.pressure_mpa, 0.0001)},
                      {"root_compression", shown(l.nerve_compression, 0.01)}});
  }
  s["twin"] = {{"cord_tension_n", shown(t.cord_tension_n, 0.1)},
               {"carriage_mm", shown(t.carriage_pos_m * 1000.0, 0.01)},
               {"pull_angle_deg", shown(t.inputs.pull_angle_deg, 0.1)},
               {"muscle_activation", shown(t.patient.muscle_activation, 0.001)},
               {"stop_pressed", t.inputs.patient_stop_pressed},
               {"levels", levels}};
  const scenarios::PerceivedPatient& p = session.patient();
  json lines = json::array();
  const auto& speech = session.speech();
  for (std::size_t i = speech.size() > kStreamedLines ? speech.size() - kStreamedLines : 0; i < speech.size(); ++i) {
    lines.push_back({{"t_s", shown(static_cast<double>(speech[i].t_us) * 1e-6, 0.01)}, {"text", speech[i].text}});
  }
  s["patient"] = {{"pain_0_10", p.pain_0_10},
                  {"anxiety_0_10", p.anxiety_0_10},
                  {"stop_switch_in_hand", p.stop_switch_in_hand},
                  {"harness", p.harness_fitted ? p.harness_quality : std::string()},
                  {"lines", lines},
                  {"lines_n", speech.size()}};
  const scenarios::Report now = scenarios::build_report(session);
  json critical = json::array();
  for (const scenarios::CriticalError& e : now.critical_errors) critical.push_back(e.id);
  s["score"] = shown(now.score, 0.1);
  s["critical_errors"] = critical;
  s["active_faults"] = session.active_faults();
  // the timeline so far: its length, and its newest entries with their place in it, so the
  // instructor's page can fill in what it has not seen
  const auto& timeline = session.timeline();
  json entries = json::array();
  const std::size_t first = timeline.size() > kStreamedTimelineEntries ? timeline.size() - kStreamedTimelineEntries : 0;
  for (std::size_t i = first; i < timeline.size(); ++i) {
    entries.push_back({{"i", i},
                       {"t_s", shown(static_cast<double>(timeline[i].t_us) * 1e-6, 0.01)},
                       {"kind", timeline[i].kind},
                       {"text", timeline[i].text}});
  }
  s["timeline_n"] = timeline.size();
  s["timeline"] = entries;
  // the record so far, from which the instructor's page rebuilds the session for its 3D view:
  // the newest actions, all of them once a second (a page that joins late fills in the rest)
  const auto& actions = session.actions();
  const bool all = g_states_built++ % kAllActionsEvery == 0;
  json streamed = json::array();
  for (std::size_t i = all || actions.size() <= kStreamedActions ? 0 : actions.size() - kStreamedActions; i < actions.size(); ++i) {
    json a = scenarios::action_to_json(actions[i].action);
    a["t_us"] = actions[i].t_us;
    a["i"] = i;
    streamed.push_back(a);
  }
  s["record"] = {{"scenario", {{"id", session.scenario().id}, {"version", session.scenario().version}}},
                 {"seed", session.options().seed},
                 {"mode", scenarios::mode_name(session.options().mode)},
                 {"now_us", session.now_us()},
                 {"actions_n", actions.size()},
                 {"actions", streamed}};
  return s;
}

tractus::render::RoomStatus status_from(const std::string& name, bool& known) {
  using tractus::render::RoomStatus;
  known = true;
  if (name == "closed") return RoomStatus::Closed;
  if (name == "connecting") return RoomStatus::Connecting;
  if (name == "open") return RoomStatus::Open;
  if (name == "claimed") return RoomStatus::Claimed;
  if (name == "reconnecting") return RoomStatus::Reconnecting;
  if (name == "unavailable") return RoomStatus::Unavailable;
  known = false;
  return RoomStatus::Closed;
}

}  // namespace

extern "C" {

// [SECTION] the exported functions

/// The room module reports where the room stands: status ("closed", "connecting", "open",
/// "claimed", "reconnecting" or "unavailable"), the join code and the address its QR symbol
/// encodes, the symbol (qr_size modules a side, '1' dark and '0' light, row by row), the
/// instructor's name, how long the code stays claimable, and a message. An unknown status is
/// ignored.
EMSCRIPTEN_KEEPALIVE void tractus_room_update(const char* status, const char* code, const char* join_url, int qr_size,
                                              const char* qr_modules, const char* instructor, double code_expires_in_s,
                                              const char* message) {
  if (tractus::web::g_app == nullptr) return;
  bool known = false;
  tractus::render::RoomView room;
  room.status = status_from(status, known);
  if (!known) return;
  room.code = code;
  room.join_url = join_url;
  room.qr_modules = qr_modules;
  room.qr_size = static_cast<int>(room.qr_modules.size()) == qr_size * qr_size ? qr_size : 0;
  room.instructor = instructor;
  room.code_expires_in_s = code_expires_in_s > 0.0 ? code_expires_in_s : 0.0;
  room.message = message;
  tractus::web::g_app->set_room(room);
}

/// Applies one relayed instructor action (the relay message's `action` object as JSON text).
/// Returns {"applied": true, "accepted": bool, "sim_us": N, "message": ...} once the session
/// has it on its record at session time N (accepted false: it refused, with the reason), or
/// {"applied": false, "message": ...} naming the field and the reason, or why no session
/// could take it. Valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* tractus_room_apply(const char* relayed_json) {
  json answer;
  const json relayed = json::parse(relayed_json, nullptr, false);
  tractus::scenarios::Action action;
  std::string why;
  int64_t at_us = 0;
  bool accepted = false;
  if (tractus::web::g_app == nullptr) {
    answer = {{"applied", false}, {"message", "the trainer is still loading"}};
  } else if (relayed.is_discarded()) {
    answer = {{"applied", false}, {"message", "action: is not valid JSON"}};
  } else if (!tractus::web::action_from_relay(relayed, action, why)) {
    answer = {{"applied", false}, {"message", why}};
  } else if (!tractus::web::g_app->apply_room_action(action, at_us, accepted, why)) {
    answer = {{"applied", false}, {"message", why}};
  } else {
    answer = {{"applied", true}, {"accepted", accepted}, {"sim_us", at_us}, {"message", why}};
  }
  g_room_buffer = answer.dump();
  return g_room_buffer.c_str();
}

/// The station's state for the instructor as JSON text, or "" when no training session is on
/// show. Valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* tractus_room_state() {
  const tractus::web::App* app = tractus::web::g_app;
  if (app == nullptr || app->session() == nullptr || app->screen() != tractus::render::Screen::Training) {
    g_room_buffer.clear();
  } else {
    g_room_buffer = station_state(*app).dump();
  }
  return g_room_buffer.c_str();
}

/// The training session's time in microseconds, or 0 when no training session is on show: when
/// an instructor action was refused before it reached the session, the time it is reported at.
EMSCRIPTEN_KEEPALIVE double tractus_room_session_us() {
  const tractus::web::App* app = tractus::web::g_app;
  if (app == nullptr || app->session() == nullptr || app->screen() != tractus::render::Screen::Training) return 0.0;
  return static_cast<double>(app->session()->now_us());
}

/// Mirror screen: the station's record so far as JSON text (docs/classroom.md, section 5).
/// Returns "" once taken, or why not, naming the field and the reason. Valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* tractus_mirror_feed(const char* record_json) {
  g_room_buffer = tractus::web::g_app == nullptr ? std::string("the trainer is still loading")
                                                 : tractus::web::g_app->feed_mirror(record_json);
  return g_room_buffer.c_str();
}

/// The result of a session that has ended, once: its scenario, score, pass and critical
/// errors as JSON text; "" when there is none, or it was handed out already.
EMSCRIPTEN_KEEPALIVE const char* tractus_room_result() {
  g_room_buffer.clear();
  const tractus::web::App* app = tractus::web::g_app;
  if (app == nullptr) return g_room_buffer.c_str();
  const tractus::scenarios::Report* r = app->report();
  if (r == nullptr || (g_result_sent && r->timeline_hash == g_result_sent_hash)) return g_room_buffer.c_str();
  // the instructor's actions as the session recorded them, for the class's results
  json instructor = json::array();
  if (const tractus::scenarios::Session* s = app->debrief_session()) {
    for (const tractus::scenarios::RecordedAction& a : s->actions()) {
      if (!tractus::scenarios::is_instructor_action(a.action.kind)) continue;
      instructor.push_back({{"t_s", static_cast<double>(a.t_us) * 1e-6},
                            {"kind", tractus::scenarios::action_name(a.action.kind)},
                            {"name", a.action.name},
                            {"text", a.action.text},
                            {"action", tractus::scenarios::describe_action(a.action)},
                            {"accepted", a.accepted}});
    }
  }
  json result = tractus::web::outcome_json(*r, tractus::web::CriticalErrorDetail::WithMessages);
  result["trainee"] = app->history().trainee();
  result["instructor_actions"] = instructor;
  g_result_sent = true;
  g_result_sent_hash = r->timeline_hash;
  g_room_buffer = result.dump();
  return g_room_buffer.c_str();
}

}  // extern "C"
