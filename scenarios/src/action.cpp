#include "scenarios/action.h"

#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "json_fields.h"
#include "scenarios/display_names.h"
#include "scenarios/faults.h"
#include "scenarios/vocabulary.h"

namespace tractus::scenarios {

using nlohmann::json;
using units::kNewtonsPerLbf;

namespace {

struct KindName {
  ActionKind kind;
  const char* name;
};

const KindName kKinds[] = {
    {ActionKind::ReviewChart, "review_chart"},
    {ActionKind::Ask, "ask"},
    {ActionKind::DeclineTreatment, "decline_treatment"},
    {ActionKind::SelectProtocol, "select_protocol"},
    {ActionKind::Set, "set"},
    {ActionKind::SetAngle, "set_angle"},
    {ActionKind::FitHarness, "fit_harness"},
    {ActionKind::ConfirmHarness, "confirm_harness"},
    {ActionKind::GiveStopSwitch, "give_stop_switch"},
    {ActionKind::ExplainProcedure, "explain_procedure"},
    {ActionKind::Start, "start"},
    {ActionKind::Pause, "pause"},
    {ActionKind::Resume, "resume"},
    {ActionKind::Stop, "stop"},
    {ActionKind::CheckIn, "check_in"},
    {ActionKind::Acknowledge, "acknowledge"},
    {ActionKind::CallService, "call_service"},
    {ActionKind::ReleaseBrake, "release_brake"},
    {ActionKind::ReleaseTension, "release_tension"},
    {ActionKind::EmergencyStop, "emergency_stop"},
    {ActionKind::ReleaseEmergencyStop, "release_emergency_stop"},
    {ActionKind::RemoveHarness, "remove_harness"},
    {ActionKind::EndSession, "end_session"},
    {ActionKind::Note, "note"},
    {ActionKind::RequestHint, "request_hint"},
    {ActionKind::InjectFault, "inject_fault"},
    {ActionKind::TriggerReaction, "trigger_reaction"},
    {ActionKind::SetSpeed, "set_speed"},
    {ActionKind::Say, "say"},
    {ActionKind::Message, "message"},
    {ActionKind::InstructorPause, "instructor_pause"},
};

std::string all_names() {
  std::string s;
  for (const KindName& k : kKinds) s += (s.empty() ? "" : ", ") + std::string(k.name);
  return s;
}

// the factor from a `set` parameter's file unit (named in its key) to SI
double set_value_to_si(const std::string& parameter) {
  return parameter == "force_lbf" || parameter == "release_lbf_per_s" ? kNewtonsPerLbf : 1.0;
}

// a force written back to a file in lbf, rounded to 1e-9 lbf so that the lbf a file gave
// returns as written and not with the last bit of the round trip through newtons
double to_file_lbf(double si) { return std::round(si / kNewtonsPerLbf * 1e9) / 1e9; }

// an instructor's line: 1-280 characters of text, no control characters but tab and newline
bool instructor_line(detail::Fields& f, const json& j, const std::string& p, std::string& out) {
  if (!f.string(j, p, "text", out, true)) return false;
  if (out.empty() || out.size() > kMaxInstructorLineChars)
    return f.fail(p + ".text", "must be 1 to " + std::to_string(kMaxInstructorLineChars) + " characters");
  for (unsigned char c : out) {
    if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f) return f.fail(p + ".text", "must not hold control characters");
  }
  return true;
}

// inject_fault's optional "when": {"on": "time", "at_s": S} or {"on": "force_above", "force_lbf": F}
bool fault_when(detail::Fields& f, const json& j, const std::string& p, Action& out) {
  const json* w = f.member(j, p, "when", false);
  if (w == nullptr) return f.ok();
  const std::string wp = p + ".when";
  if (!w->is_object()) return f.fail(wp, "must be an object such as {\"on\": \"time\", \"at_s\": 120}");
  std::string on;
  if (!f.choice(*w, wp, "on", on, true, {"time", "force_above"})) return false;
  if (on == "time") {
    out.when = FaultWhen::AtTime;
    return f.object(*w, wp, {"on", "at_s"}) && f.number(*w, wp, "at_s", out.when_value, true, 0.0, 24.0 * 3600.0);
  }
  double force_lbf = 0.0;
  if (!(f.object(*w, wp, {"on", "force_lbf"}) && f.number(*w, wp, "force_lbf", force_lbf, true, 0.0, 250.0)))
    return false;
  out.when = FaultWhen::ForceAbove;
  out.when_value = force_lbf * kNewtonsPerLbf;
  return true;
}

std::string fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

}  // namespace

const char* action_name(ActionKind kind) {
  for (const KindName& k : kKinds)
    if (k.kind == kind) return k.name;
  return "?";
}

bool is_instructor_action(ActionKind kind) {
  return kind == ActionKind::InjectFault || kind == ActionKind::TriggerReaction ||
         kind == ActionKind::SetSpeed || kind == ActionKind::Say || kind == ActionKind::Message ||
         kind == ActionKind::InstructorPause;
}

bool parse_action(const json& j, const std::string& path, Action& out, LoadError& error) {
  detail::Fields f(error);
  if (!j.is_object()) return f.fail(path, "must be an object with an \"action\" member");
  std::string name;
  if (!f.string(j, path, "action", name, true)) return false;
  bool found = false;
  for (const KindName& k : kKinds) {
    if (name == k.name) {
      out.kind = k.kind;
      found = true;
    }
  }
  if (!found)
    return f.fail(path + ".action", "unknown action '" + name + "' (known: " + all_names() + ")");

  // the keys every entry of an action file may carry besides the action's own
  const std::string& p = path;
  switch (out.kind) {
    case ActionKind::Ask:
      return f.object(j, p, {"action", "question", "t_s", "on", "after_s"}) &&
             f.term(j, p, "question", out.question, true, screening_questions(), "question");
    case ActionKind::DeclineTreatment: {
      if (!f.object(j, p, {"action", "reason", "t_s", "on", "after_s"})) return false;
      if (!f.string(j, p, "reason", out.reason, true)) return false;
      if (!has_term(contraindications(), out.reason) && !has_term(precautions(), out.reason))
        return f.fail(p + ".reason", "unknown reason '" + out.reason + "' (known: " +
                                         term_ids(contraindications()) + ", " +
                                         term_ids(precautions()) + ")");
      return true;
    }
    case ActionKind::SelectProtocol: {
      if (!f.object(j, p, {"action", "mode", "region", "parameters", "t_s", "on", "after_s"}))
        return false;
      if (!f.choice(j, p, "mode", out.protocol.mode, true, {"static"})) return false;
      if (!f.choice(j, p, "region", out.protocol.region, true, {"lumbar", "cervical"})) return false;
      const json* params = f.member(j, p, "parameters", true);
      if (params == nullptr) return false;
      const std::string pp = p + ".parameters";
      // the file edge: forces arrive in lbf and leave this loader in newtons
      double force_lbf = 0.0;
      double release_lbf_per_s = out.protocol.release_n_per_s / kNewtonsPerLbf;
      if (!(f.object(*params, pp, {"force_lbf", "ramp_s", "treatment_min", "release_lbf_per_s"}) &&
            f.number(*params, pp, "force_lbf", force_lbf, true, 0.0, 250.0) &&
            f.number(*params, pp, "ramp_s", out.protocol.ramp_s, false, 1.0, 600.0) &&
            f.number(*params, pp, "treatment_min", out.protocol.treatment_min, false, 1.0, 99.0)))
        return false;
      const bool has_release = params->contains("release_lbf_per_s");
      if (!f.number(*params, pp, "release_lbf_per_s", release_lbf_per_s, false, 1.2, 45.0))
        return false;
      out.protocol.force_n = force_lbf * kNewtonsPerLbf;
      if (has_release) out.protocol.release_n_per_s = release_lbf_per_s * kNewtonsPerLbf;
      return true;
    }
    case ActionKind::Set:
      if (!(f.object(j, p, {"action", "parameter", "value", "t_s", "on", "after_s"}) &&
            f.choice(j, p, "parameter", out.parameter, true,
                     {"force_lbf", "ramp_s", "treatment_min", "release_lbf_per_s"}) &&
            f.number(j, p, "value", out.value, true, 0.0, 6000.0)))
        return false;
      out.value *= set_value_to_si(out.parameter);
      return true;
    case ActionKind::SetAngle:
      return f.object(j, p, {"action", "deg", "t_s", "on", "after_s"}) &&
             f.number(j, p, "deg", out.value, true, 0.0, 45.0);
    case ActionKind::FitHarness:
      return f.object(j, p, {"action", "quality", "t_s", "on", "after_s"}) &&
             f.choice(j, p, "quality", out.quality, true, {"good", "loose", "tight"});
    case ActionKind::Acknowledge:
      return f.object(j, p, {"action", "alarm", "t_s", "on", "after_s"}) &&
             f.string(j, p, "alarm", out.alarm, false);
    case ActionKind::Note:
      return f.object(j, p, {"action", "text", "t_s", "on", "after_s"}) &&
             f.string(j, p, "text", out.text, true);
    case ActionKind::InjectFault:
      return f.object(j, p, {"action", "fault", "when", "t_s", "on", "after_s"}) &&
             f.term(j, p, "fault", out.name, true, fault_catalogue(), "fault") && fault_when(f, j, p, out);
    case ActionKind::TriggerReaction:
      return f.object(j, p, {"action", "reaction", "t_s", "on", "after_s"}) &&
             f.term(j, p, "reaction", out.name, true, reactions(), "reaction");
    case ActionKind::SetSpeed:
      return f.object(j, p, {"action", "factor", "t_s", "on", "after_s"}) &&
             f.number(j, p, "factor", out.value, true, 0.0, 64.0);
    case ActionKind::Say:
    case ActionKind::Message:
      return f.object(j, p, {"action", "text", "t_s", "on", "after_s"}) && instructor_line(f, j, p, out.text);
    default:
      return f.object(j, p, {"action", "t_s", "on", "after_s"});
  }
}

json action_to_json(const Action& a) {
  json j;
  j["action"] = action_name(a.kind);
  switch (a.kind) {
    case ActionKind::Ask: j["question"] = a.question; break;
    case ActionKind::DeclineTreatment: j["reason"] = a.reason; break;
    case ActionKind::SelectProtocol:
      j["mode"] = a.protocol.mode;
      j["region"] = a.protocol.region;
      j["parameters"] = {{"force_lbf", to_file_lbf(a.protocol.force_n)},
                         {"ramp_s", a.protocol.ramp_s},
                         {"treatment_min", a.protocol.treatment_min},
                         {"release_lbf_per_s", to_file_lbf(a.protocol.release_n_per_s)}};
      break;
    case ActionKind::Set:
      j["parameter"] = a.parameter;
      j["value"] = set_value_to_si(a.parameter) == 1.0 ? a.value : to_file_lbf(a.value);
      break;
    case ActionKind::SetAngle: j["deg"] = a.value; break;
    case ActionKind::FitHarness: j["quality"] = a.quality; break;
    case ActionKind::Acknowledge:
      if (!a.alarm.empty()) j["alarm"] = a.alarm;
      break;
    case ActionKind::Note: j["text"] = a.text; break;
    case ActionKind::InjectFault:
      j["fault"] = a.name;
      if (a.when == FaultWhen::AtTime) j["when"] = {{"on", "time"}, {"at_s", a.when_value}};
      if (a.when == FaultWhen::ForceAbove) j["when"] = {{"on", "force_above"}, {"force_lbf", to_file_lbf(a.when_value)}};
      break;
    case ActionKind::Say:
    case ActionKind::Message: j["text"] = a.text; break;
    case ActionKind::TriggerReaction: j["reaction"] = a.name; break;
    case ActionKind::SetSpeed: j["factor"] = a.value; break;
    default: break;
  }
  return j;
}

std::string describe_action(const Action& a) {
  // the words a user reads: display names, never the JSON identifiers
  const std::string s = action_display_name(a.kind);
  switch (a.kind) {
    case ActionKind::Ask: return "Ask: " + question_display_name(a.question);
    case ActionKind::DeclineTreatment: return s + " because of " + reason_display_name(a.reason);
    case ActionKind::SelectProtocol:
      return s + ": " + a.protocol.mode + " " + a.protocol.region + ", " +
             fmt(a.protocol.force_n / kNewtonsPerLbf) + " lbf, ramp " + fmt(a.protocol.ramp_s) + " s, " +
             fmt(a.protocol.treatment_min) + " min";
    case ActionKind::Set:
      return s + ": " + parameter_display_name(a.parameter) + " " + fmt(a.value / set_value_to_si(a.parameter));
    case ActionKind::SetAngle: return s + ": " + fmt(a.value) + " deg";
    case ActionKind::FitHarness: return s + " (" + a.quality + " fit)";
    case ActionKind::Acknowledge: return a.alarm.empty() ? s : s + " " + a.alarm;
    case ActionKind::Note: return s + ": " + a.text;
    case ActionKind::InjectFault: {
      const std::string fault = s + ": " + fault_display_name(a.name);
      if (a.when == FaultWhen::AtTime) return fault + ", at " + fmt(a.when_value) + " s";
      if (a.when == FaultWhen::ForceAbove) return fault + ", once the cord passes " + fmt(a.when_value / kNewtonsPerLbf) + " lbf";
      return fault;
    }
    case ActionKind::Say: return s + ": \"" + a.text + "\"";
    case ActionKind::Message: return s + ": " + a.text;
    case ActionKind::TriggerReaction: return s + ": " + term_label(reactions(), a.name);
    case ActionKind::SetSpeed: return s + ": x" + fmt(a.value);
    default: return s;
  }
}

}  // namespace tractus::scenarios
