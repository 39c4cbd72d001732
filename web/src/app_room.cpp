// The classroom room on the host's side: the training screen asks the page's room module
// (web/shell/room.js) to open or leave a room, and the instructor's relayed actions enter the
// session through the training screen's own action path.
#include <emscripten.h>

#include <algorithm>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "app.h"
#include "render/console_text.h"

// the page's room module; absent (a page without room.js) means no classroom here
EM_JS(int, tractus_room_js_open, (const char* trainee, const char* scenario), {
  if (!window.tractusRoom) return 0;
  window.tractusRoom.open(UTF8ToString(trainee), UTF8ToString(scenario));
  return 1;
});

EM_JS(void, tractus_room_js_leave, (), {
  if (window.tractusRoom) window.tractusRoom.leave();
});

namespace tractus::web {

void App::open_room() {
  if (room_.in_room()) return;
  const std::string scenario = session_ ? session_->scenario().id : std::string();
  const std::string trainee = history_.trainee().empty() ? std::string("Trainee") : history_.trainee();
  room_ = render::RoomView{};
  if (tractus_room_js_open(trainee.c_str(), scenario.c_str()) == 0) {
    room_.status = render::RoomStatus::Unavailable;
    room_.message = "This page has no classroom module: open the trainer from ./tractus serve.";
    return;
  }
  room_.status = render::RoomStatus::Connecting;
}

void App::leave_room() {
  tractus_room_js_leave();
  room_ = render::RoomView{};
}

bool App::apply_room_action(const scenarios::Action& action, int64_t& applied_at_us, bool& accepted, std::string& why) {
  if (!session_running() || screen_ != render::Screen::Training) {
    why = "no training session is running on this station";
    return false;
  }
  render::UiRequests requests;
  requests.actions.push_back(action);
  const std::size_t before = session_->actions().size();
  apply_training(requests);
  if (session_->actions().size() == before) {
    why = "the session did not record the action";
    return false;
  }
  const scenarios::RecordedAction& recorded = session_->actions().back();
  applied_at_us = recorded.t_us;
  accepted = recorded.accepted;
  why = accepted ? std::string() : (instructor_message_.empty() ? std::string("the session refused it") : instructor_message_);
  return true;
}

// [SECTION] the mirror screen: a station's table on the instructor's device

std::string App::feed_mirror(const std::string& record_json) {
  const nlohmann::json j = nlohmann::json::parse(record_json, nullptr, false);
  std::string why;
  if (j.is_discarded()) {
    why = "$: is not valid JSON";
  } else {
    mirror_.feed(j, why);  // sets why when it refuses the record
  }
  mirror_message_ = why;
  return why;
}

void App::advance_mirror(double real_dt_s) {
  // a late join catches up at up to 2 s of session time a frame (about 1 ms of CPU)
  const int64_t frame_us = static_cast<int64_t>(std::max(0.0, real_dt_s) * 1e6);
  mirror_.advance(std::max<int64_t>(2000000, 2 * frame_us));
}

std::string App::mirror_status() const {
  if (!mirror_message_.empty()) return "The station's view could not be rebuilt: " + mirror_message_;
  const scenarios::Session* s = mirror_.session();
  if (s == nullptr) return std::string();
  const double t_s = static_cast<double>(s->now_us()) * 1e-6;
  const int minutes = static_cast<int>(t_s / 60.0);
  char line[200];
  std::snprintf(line, sizeof line, "%s, %02d:%02d, %s", s->scenario().patient.name.c_str(), minutes,
                static_cast<int>(t_s - 60.0 * minutes), render::status_label(s->rig().display()));
  std::string text = line;
  const double behind_s = static_cast<double>(mirror_.behind_us()) * 1e-6;
  if (behind_s > 1.0) {
    std::snprintf(line, sizeof line, " (catching up: %.0f s behind)", behind_s);
    text += line;
  }
  return text;
}

}  // namespace tractus::web
