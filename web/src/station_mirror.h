// A station's session rebuilt on the instructor's device from what the station streams: its
// scenario, seed, mode and actions with their session times. A session is deterministic in
// those (the record replays bit for bit, natively and in WebAssembly), so the mirror's table
// and patient are the station's, and the instructor's 3D view can draw them. Plain C++, tested
// natively.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "scenarios/record.h"
#include "scenarios/scenario.h"
#include "scenarios/session.h"

namespace tractus::web {

/// The mirror of one station's session.
class StationMirror {
 public:
  /// Takes the station's record so far (the session record's JSON form; its end_us is the
  /// station's session time). A record that continues the one before extends the mirror; one
  /// for another scenario, seed or mode, or whose earlier actions differ, starts it again.
  /// Returns false, with why naming the field and the reason, for a record that cannot be read
  /// or a scenario this library lacks; the mirror is left as it was.
  bool feed(const nlohmann::json& record_json, std::string& why);

  /// Steps the mirror toward the station's time, applying each action at its session time, by
  /// at most max_step_us of simulated time (so a late join catches up over a few frames).
  void advance(int64_t max_step_us);

  /// The mirrored session; null before the first record.
  const scenarios::Session* session() const { return session_.get(); }
  /// How far the mirror trails the station's last reported time, microseconds.
  int64_t behind_us() const;
  /// Times the mirror was started again from the record's beginning.
  int rebuilds() const { return rebuilds_; }

 private:
  std::unique_ptr<scenarios::Session> session_;
  scenarios::Scenario scenario_;
  scenarios::SessionRecord known_;
  std::size_t applied_ = 0;
  int rebuilds_ = 0;
};

}  // namespace tractus::web
