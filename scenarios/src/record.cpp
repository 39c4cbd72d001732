#include "scenarios/record.h"

#include <cstdio>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "json_fields.h"
#include "scenarios/json_file.h"
#include "scenarios/scoring.h"

namespace tractus::scenarios {

using nlohmann::json;

namespace {
std::string hex(uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}
}  // namespace

SessionRecord make_record(const Session& s) {
  SessionRecord r;
  r.scenario_id = s.scenario().id;
  r.scenario_version = s.scenario().version;
  r.seed = s.options().seed;
  r.mode = s.options().mode;
  r.actions = s.actions();
  r.end_us = s.now_us();
  const Report rep = build_report(s);
  r.score = rep.score;
  r.passed = rep.passed;
  r.timeline_hash = rep.timeline_hash;
  return r;
}

json record_to_json(const SessionRecord& r) {
  json j;
  j["format"] = "tractus-session-record";
  j["format_version"] = kRecordFormatVersion;
  j["scenario"] = {{"id", r.scenario_id}, {"version", r.scenario_version}};
  j["seed"] = r.seed;
  j["mode"] = mode_name(r.mode);
  j["actions"] = json::array();
  for (const RecordedAction& a : r.actions) {
    json e = action_to_json(a.action);
    e["t_us"] = a.t_us;
    j["actions"].push_back(e);
  }
  j["end_us"] = r.end_us;
  j["result"] = {{"score", r.score}, {"passed", r.passed}, {"timeline_hash", hex(r.timeline_hash)}};
  return j;
}

bool parse_record(const json& j, const std::string& file, SessionRecord& r, LoadError& error) {
  error = LoadError{};
  error.file = file;
  detail::Fields f(error);
  r = SessionRecord{};
  if (!f.object(j, "$", {"format", "format_version", "scenario", "seed", "mode", "actions",
                         "end_us", "result"}))
    return false;
  std::string format, mode, hash;
  int version = 0;
  if (!f.choice(j, "$", "format", format, true, {"tractus-session-record"}) ||
      !f.integer(j, "$", "format_version", version, true, 1, 1000))
    return false;
  if (version != kRecordFormatVersion)
    return f.fail("$.format_version", "this build reads format_version " +
                                          std::to_string(kRecordFormatVersion));
  const json* sc = f.member(j, "$", "scenario", true);
  if (sc == nullptr || !f.object(*sc, "$.scenario", {"id", "version"}) ||
      !f.string(*sc, "$.scenario", "id", r.scenario_id, true) ||
      !f.integer(*sc, "$.scenario", "version", r.scenario_version, true, 1, 1000000))
    return false;
  const json* seed = f.member(j, "$", "seed", true);
  if (seed == nullptr) return false;
  if (!seed->is_number_unsigned()) return f.fail("$.seed", "must be a non-negative integer");
  r.seed = seed->get<uint64_t>();
  if (!f.choice(j, "$", "mode", mode, true, {"practice", "assessment"})) return false;
  r.mode = mode == "assessment" ? Mode::Assessment : Mode::Practice;
  const json* end = f.member(j, "$", "end_us", true);
  if (end == nullptr) return false;
  if (!end->is_number_integer() || end->get<int64_t>() < 0)
    return f.fail("$.end_us", "must be a non-negative integer");
  r.end_us = end->get<int64_t>();
  const json* actions = f.member(j, "$", "actions", true);
  if (actions == nullptr) return false;
  if (!actions->is_array()) return f.fail("$.actions", "must be an array");
  int64_t last_us = 0;
  for (std::size_t i = 0; i < actions->size(); ++i) {
    const std::string p = detail::Fields::index_path("$.actions", i);
    const json& e = (*actions)[i];
    RecordedAction a;
    if (!e.is_object()) return f.fail(p, "must be an object");
    json action = e;
    action.erase("t_us");
    if (!parse_action(action, p, a.action, error)) return false;
    const auto t = e.find("t_us");
    if (t == e.end()) return f.fail(p, "missing required key 't_us'");
    if (!t->is_number_integer() || t->get<int64_t>() < last_us || t->get<int64_t>() > r.end_us)
      return f.fail(p + ".t_us", "must be an integer, in order, and not after end_us");
    a.t_us = last_us = t->get<int64_t>();
    r.actions.push_back(a);
  }
  const json* res = f.member(j, "$", "result", true);
  if (res == nullptr || !f.object(*res, "$.result", {"score", "passed", "timeline_hash"}) ||
      !f.number(*res, "$.result", "score", r.score, true, 0.0, 100.0) ||
      !f.boolean(*res, "$.result", "passed", r.passed, true) ||
      !f.string(*res, "$.result", "timeline_hash", hash, true))
    return false;
  char* stop = nullptr;
  r.timeline_hash = std::strtoull(hash.c_str(), &stop, 16);
  if (hash.size() != 16 || *stop != '\0')
    return f.fail("$.result.timeline_hash", "must be 16 hexadecimal digits");
  return true;
}

bool load_record(const std::string& file, SessionRecord& out, LoadError& error) {
  json j;
  if (!read_json_file(file, j, error)) return false;
  return parse_record(j, file, out, error);
}

bool scenario_from_record(const json& scenario_json, const SessionRecord& record,
                          const std::string& new_id, json& out, std::string& why) {
  if (!scenario_json.is_object() || scenario_json.value("id", "") != record.scenario_id ||
      scenario_json.value("version", 0) != record.scenario_version) {
    why = "the record is for " + record.scenario_id + " version " +
          std::to_string(record.scenario_version) + ", not for this scenario file";
    return false;
  }
  bool id_ok = !new_id.empty();
  for (char c : new_id) id_ok = id_ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-');
  if (!id_ok) {
    why = "'" + new_id + "' is not a valid id (use lower-case letters, digits and '-')";
    return false;
  }
  out = scenario_json;
  out["id"] = new_id;
  out["version"] = 1;
  out["title"] = scenario_json.value("title", "") + " (from a recorded session)";
  if (!out.contains("events") || !out["events"].is_array()) out["events"] = json::array();
  int n = 0;
  for (const RecordedAction& a : record.actions) {
    const bool fault = a.action.kind == ActionKind::InjectFault;
    if (!a.accepted || (!fault && a.action.kind != ActionKind::TriggerReaction)) continue;
    json e;
    e["id"] = "recorded-" + std::to_string(++n);
    e["at_s"] = static_cast<double>(a.t_us) * 1e-6;
    e["effects"] = fault ? json{{"fault", a.action.name}} : json{{"reaction", a.action.name}};
    out["events"].push_back(e);
  }
  return true;
}

bool replay(const Scenario& scenario, const SessionRecord& record, Session& session,
            std::string& why) {
  if (scenario.id != record.scenario_id || scenario.version != record.scenario_version) {
    why = "the record is for scenario " + record.scenario_id + " version " +
          std::to_string(record.scenario_version) + ", not " + scenario.id + " version " +
          std::to_string(scenario.version);
    return false;
  }
  for (const RecordedAction& a : record.actions) {
    session.advance_us(a.t_us - session.now_us());
    session.apply(a.action);
  }
  if (!session.ended()) session.advance_us(record.end_us - session.now_us());
  return true;
}

}  // namespace tractus::scenarios
