// The classroom room on the host's side: the training screen asks the page's room module
// (web/shell/room.js) to open or leave a room, and the instructor's relayed actions enter the
// session through the training screen's own action path.
#include <emscripten.h>

#include "app.h"

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

}  // namespace tractus::web
