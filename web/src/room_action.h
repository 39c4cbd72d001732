// The classroom relay's instructor actions turned into the session's own actions. The relay
// (server/lib/relay/schema.mjs, docs/classroom.md section 3) carries them in a form that names
// a fault or a reaction `name` and a force condition `force_n`; the session's action form
// (scenarios/action.h) names them `fault`, `reaction` and `force_lbf`. Plain C++, so it is
// tested natively as well as in WebAssembly.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "scenarios/action.h"

namespace tractus::web {

/// Reads one relayed instructor action (the relay message's `action` object) into out: one of
/// inject_fault (with an optional `when` at a session time or above a force), trigger_reaction,
/// say, message or pause. Names are checked against the session's catalogues, lines against
/// their length. On failure returns false and error names the field and the reason, for
/// example "action.name: 'drum.melt' is not a known fault".
bool action_from_relay(const nlohmann::json& relayed, scenarios::Action& out, std::string& error);

}  // namespace tractus::web
