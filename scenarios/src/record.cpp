#include "scenarios/record.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "hal/units.h"
#include "json_fields.h"
#include "scenarios/input_limits.h"
#include "scenarios/json_file.h"
#include "scenarios/scoring.h"
#include "twin/hash.h"

namespace tractus::scenarios {

using nlohmann::json;

namespace {
std::string hex(uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

// exactly 16 hexadecimal digits (strtoull alone would take a sign, spaces or "0x")
bool parse_hex64(const std::string& s, uint64_t& out) {
  if (s.size() != 16) return false;
  out = 0;
  for (char c : s) {
    int d = -1;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
    if (d < 0) return false;
    out = out << 4 | static_cast<uint64_t>(d);
  }
  return true;
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
  r.has_physics_hash = true;
  r.physics_hash = physics_hash(s);
  return r;
}

uint64_t physics_hash(const Session& s) {
  Fnv1a h(s.rig().state_hash());
  h.u64(s.options().seed);
  h.u32(s.options().mode == Mode::Assessment ? 1u : 0u);
  return h.value();
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
  if (r.has_physics_hash) j["result"]["physics_hash"] = hex(r.physics_hash);
  return j;
}

bool parse_record(const json& j, const std::string& file, SessionRecord& r, LoadError& error) {
  error = LoadError{};
  error.file = file;
  detail::Fields f(error);
  r = SessionRecord{};
  // before anything below copies a member (copies recurse once per level)
  if (!f.depth_within(j)) return false;
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
  // checked as an integer before any arithmetic: an end beyond the longest session would
  // overflow the session clock
  const std::string max_us = std::to_string(kMaxSessionUs);
  if (!end->is_number_integer() || (end->is_number_unsigned() && end->get<uint64_t>() > static_cast<uint64_t>(kMaxSessionUs)) ||
      end->get<int64_t>() < 0 || end->get<int64_t>() > kMaxSessionUs)
    return f.fail("$.end_us", "must be an integer from 0 to " + max_us + " (7,200 s)");
  r.end_us = end->get<int64_t>();
  const json* actions = f.member(j, "$", "actions", true);
  if (actions == nullptr) return false;
  if (!actions->is_array()) return f.fail("$.actions", "must be an array");
  if (!f.count_within(*actions, "$.actions", kMaxRecordActions)) return false;
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
    if (!t->is_number_integer() || (t->is_number_unsigned() && t->get<uint64_t>() > static_cast<uint64_t>(r.end_us)) ||
        t->get<int64_t>() < last_us || t->get<int64_t>() > r.end_us)
      return f.fail(p + ".t_us", "must be an integer, in order, and not after end_us");
    a.t_us = last_us = t->get<int64_t>();
    r.actions.push_back(a);
  }
  const json* res = f.member(j, "$", "result", true);
  std::string physics;
  if (res == nullptr ||
      !f.object(*res, "$.result", {"score", "passed", "timeline_hash", "physics_hash"}) ||
      !f.number(*res, "$.result", "score", r.score, true, 0.0, 100.0) ||
      !f.boolean(*res, "$.result", "passed", r.passed, true) ||
      !f.string(*res, "$.result", "timeline_hash", hash, true) ||
      !f.string(*res, "$.result", "physics_hash", physics, false))
    return false;
  if (!parse_hex64(hash, r.timeline_hash))
    return f.fail("$.result.timeline_hash", "must be 16 hexadecimal digits");
  // records from before the physics check have none; replay says so
  r.has_physics_hash = res->contains("physics_hash");
  if (r.has_physics_hash && !parse_hex64(physics, r.physics_hash))
    return f.fail("$.result.physics_hash", "must be 16 hexadecimal digits");
  return true;
}

bool load_record(const std::string& file, SessionRecord& out, LoadError& error) {
  json j;
  if (!read_json_file(file, j, error)) return false;
  return parse_record(j, file, out, error);
}

bool scenario_from_record(const json& scenario_json, const SessionRecord& record,
                          const std::string& new_id, json& out, std::string& why) {
  if (!json_depth_within(scenario_json, kMaxJsonDepth)) {
    why = "the scenario file is nested deeper than " + std::to_string(kMaxJsonDepth) + " levels";
    return false;
  }
  const auto id = scenario_json.is_object() ? scenario_json.find("id") : scenario_json.end();
  const auto version = scenario_json.is_object() ? scenario_json.find("version") : scenario_json.end();
  if (id == scenario_json.end() || !id->is_string() || *id != record.scenario_id ||
      version == scenario_json.end() || !version->is_number_integer() ||
      *version != record.scenario_version) {
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
  const auto title = scenario_json.find("title");
  out["title"] = (title != scenario_json.end() && title->is_string() ? title->get<std::string>() : "") +
                 " (from a recorded session)";
  if (!out.contains("events") || !out["events"].is_array()) out["events"] = json::array();
  int n = 0;
  for (const RecordedAction& a : record.actions) {
    const ActionKind k = a.action.kind;
    const bool fault = k == ActionKind::InjectFault;
    if (!a.accepted || (!fault && k != ActionKind::TriggerReaction && k != ActionKind::Say)) continue;
    json e;
    e["id"] = "recorded-" + std::to_string(++n);
    const double sent_s = static_cast<double>(a.t_us) * 1e-6;
    e["at_s"] = sent_s;
    if (fault && a.action.when == FaultWhen::AtTime) e["at_s"] = std::max(sent_s, a.action.when_value);
    if (fault && a.action.when == FaultWhen::ForceAbove) {
      // a scenario event's condition holds from the session's start, not from when it was sent
      e.erase("at_s");
      e["when"] = {{"signal", "force_lbf"}, {"above", a.action.when_value / units::kNewtonsPerLbf}};
    }
    e["effects"] = fault ? json{{"fault", a.action.name}}
                         : k == ActionKind::Say ? json{{"say", a.action.text}} : json{{"reaction", a.action.name}};
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

ReplayCheck check_replay(const SessionRecord& record, const Session& replayed) {
  ReplayCheck c;
  const Report r = build_report(replayed);
  char line[160];
  if (r.score != record.score) {
    std::snprintf(line, sizeof line, "score %.1f, recorded %.1f", r.score, record.score);
    c.diverged.push_back(line);
  }
  if (r.passed != record.passed)
    c.diverged.push_back(std::string("pass ") + (r.passed ? "passed" : "failed") + ", recorded " +
                         (record.passed ? "passed" : "failed"));
  if (r.timeline_hash != record.timeline_hash)
    c.diverged.push_back("timeline hash " + hex(r.timeline_hash) + ", recorded " +
                         hex(record.timeline_hash));
  if (!record.has_physics_hash) {
    c.note = "the record has no physics hash (it predates the physics check): score, pass and "
             "timeline were checked, the rig's end state was not";
  } else {
    const uint64_t now = physics_hash(replayed);
    if (now != record.physics_hash)
      c.diverged.push_back("physics hash " + hex(now) + ", recorded " + hex(record.physics_hash) +
                           " (the rig's end state, seed or mode differ)");
  }
  c.matches = c.diverged.empty();
  return c;
}

}  // namespace tractus::scenarios
