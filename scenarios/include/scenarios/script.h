// Action files: a trainee's actions scripted in JSON, for the CLI and the tests.
//
// An action file is a JSON array. Each entry is an action (see action.h) plus when to apply it:
// either at a session time, {"t_s": 12.5, "action": "start"}, or after a timeline entry,
// {"on": "sharp_pain", "after_s": 2, "action": "stop"}, which fires once, after_s seconds
// after the first entry of that kind or tag. Nothing waits on wall-clock time: the script
// runner steps the simulation and applies each entry at its simulated moment.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "scenarios/action.h"
#include "scenarios/load_error.h"
#include "scenarios/session.h"

namespace tractus::scenarios {

/// One scripted entry.
struct ScriptEntry {
  bool timed = true;    // true: at t_us; false: after the timeline entry `on`
  int64_t t_us = 0;
  std::string on;
  int64_t after_us = 0;
  Action action;
};

/// A whole action file.
using ActionScript = std::vector<ScriptEntry>;

/// Reads an action script from parsed JSON; errors carry file, JSON path and reason.
bool parse_action_script(const nlohmann::json& j, const std::string& file, ActionScript& out,
                         LoadError& error);
/// Reads and parses an action file.
bool load_action_script(const std::string& file, ActionScript& out, LoadError& error);

/// Plays script against session until the session ends (end_session or the scenario's time
/// limit), stepping 1 ms at a time and applying each entry at its moment.
void run_script(Session& session, const ActionScript& script);

}  // namespace tractus::scenarios
