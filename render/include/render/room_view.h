// The trainee page's classroom room as the UI shows it (issue 16, docs/classroom.md). The web
// host fills it from the page's room module, which holds the relay connection; the UI only
// reads it and asks to open or leave a room (UiRequests).
#pragma once

#include <string>

namespace tractus::render {

/// Where the page's room stands.
enum class RoomStatus {
  Closed,        // no room: the in-page instructor panel serves
  Connecting,    // asking the relay for a room
  Open,          // a room with a join code, no instructor yet
  Claimed,       // an instructor follows the session
  Reconnecting,  // the relay dropped; the session goes on and the page reconnects on its own
  Unavailable,   // the relay could not be reached or refused; message says why
};

/// One frame's view of the room.
struct RoomView {
  RoomStatus status = RoomStatus::Closed;
  std::string code;          // the join code as shown, "K7Q-2MX-9TD" (Open, Claimed)
  std::string join_url;      // the address the QR symbol encodes, for the instructor's device
  int qr_size = 0;           // modules on a side of the QR symbol, 0 when there is none
  std::string qr_modules;    // qr_size x qr_size characters, row by row: '1' dark, '0' light
  std::string instructor;    // the claiming instructor's name (Claimed)
  double code_expires_in_s = 0.0;  // how long the code stays claimable (Open)
  std::string message;       // why a room could not open or was lost

  /// True while the page is in a room or on its way into one: the in-page instructor panel
  /// is hidden, so the trainee does not see what the instructor prepares.
  bool in_room() const {
    return status == RoomStatus::Connecting || status == RoomStatus::Open || status == RoomStatus::Claimed ||
           status == RoomStatus::Reconnecting;
  }
};

}  // namespace tractus::render
