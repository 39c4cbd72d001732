#include "room_action.h"

#include "hal/units.h"
#include "scenarios/load_error.h"

namespace tractus::web {

namespace {

using nlohmann::json;

// the relay's field names against the session's, for the error messages
std::string relay_path(const std::string& session_path) {
  std::string p = session_path;
  for (const char* field : {".fault", ".reaction"}) {
    const std::size_t at = p.find(field);
    if (at != std::string::npos) p.replace(at, std::string(field).size(), ".name");
  }
  const std::size_t force = p.find(".force_lbf");
  if (force != std::string::npos) p.replace(force, std::string(".force_lbf").size(), ".force_n");
  return p;
}

}  // namespace

bool action_from_relay(const json& relayed, scenarios::Action& out, std::string& error) {
  if (!relayed.is_object()) {
    error = "action: must be an object such as {\"action\": \"pause\"}";
    return false;
  }
  const auto kind = relayed.find("action");
  if (kind == relayed.end() || !kind->is_string()) {
    error = "action.action: is missing or not a string";
    return false;
  }
  const std::string name = kind->get<std::string>();
  if (name != "inject_fault" && name != "trigger_reaction" && name != "say" && name != "message" &&
      name != "pause") {
    error = "action.action: '" + name + "' is not an instructor action (inject_fault, trigger_reaction, say, message, pause)";
    return false;
  }
  // the session's own form: rename the relay's fields, convert the force to the file's lbf
  json session = relayed;
  // the relay's pause is the instructor's, recorded apart from the trainee's console Pause
  if (name == "pause") session["action"] = "instructor_pause";
  double force_n = -1.0;
  if (session.contains("name")) {
    session[name == "inject_fault" ? "fault" : "reaction"] = session["name"];
    session.erase("name");
  }
  if (session.contains("when") && session["when"].is_object() && session["when"].contains("force_n")) {
    json& when = session["when"];
    if (when["force_n"].is_number()) {
      force_n = when["force_n"].get<double>();
      when["force_lbf"] = force_n / units::kNewtonsPerLbf;
    } else {
      when["force_lbf"] = when["force_n"];
    }
    when.erase("force_n");
  }
  scenarios::LoadError load;
  scenarios::Action action;
  if (!scenarios::parse_action(session, "action", action, load)) {
    error = relay_path(load.path) + ": " + load.reason;
    return false;
  }
  if (!scenarios::is_instructor_action(action.kind)) {
    error = "action.action: '" + name + "' is not an instructor action";
    return false;
  }
  // the force in SI exactly as the instructor sent it, not through the lbf round trip
  if (action.when == scenarios::FaultWhen::ForceAbove && force_n >= 0.0) action.when_value = force_n;
  out = action;
  return true;
}

}  // namespace tractus::web
