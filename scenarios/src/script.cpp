#include "scenarios/script.h"

#include <nlohmann/json.hpp>

#include "json_fields.h"
#include "scenarios/json_file.h"

namespace tractus::scenarios {

using nlohmann::json;

bool parse_action_script(const json& j, const std::string& file, ActionScript& out,
                         LoadError& error) {
  error = LoadError{};
  error.file = file;
  detail::Fields f(error);
  out.clear();
  if (!j.is_array()) return f.fail("$", "an action file must be a JSON array of actions");
  for (std::size_t i = 0; i < j.size(); ++i) {
    const std::string p = detail::Fields::index_path("$", i);
    const json& e = j[i];
    ScriptEntry entry;
    if (!parse_action(e, p, entry.action, error)) return false;
    const bool has_t = e.contains("t_s"), has_on = e.contains("on");
    if (has_t == has_on) return f.fail(p, "needs exactly one of \"t_s\" or \"on\"");
    double t_s = 0.0, after_s = 0.0;
    if (!f.number(e, p, "t_s", t_s, false, 0.0, 7200.0)) return false;
    if (!f.string(e, p, "on", entry.on, false)) return false;
    std::string reason;
    if (has_on && !valid_timeline_key(entry.on, reason)) return f.fail(p + ".on", reason);
    if (!f.number(e, p, "after_s", after_s, false, 0.0, 7200.0)) return false;
    if (e.contains("after_s") && !has_on) return f.fail(p + ".after_s", "only with \"on\"");
    entry.timed = has_t;
    entry.t_us = static_cast<int64_t>(t_s * 1e6 + 0.5);
    entry.after_us = static_cast<int64_t>(after_s * 1e6 + 0.5);
    out.push_back(entry);
  }
  return true;
}

bool load_action_script(const std::string& file, ActionScript& out, LoadError& error) {
  json j;
  if (!read_json_file(file, j, error)) return false;
  return parse_action_script(j, file, out, error);
}

void run_script(Session& session, const ActionScript& script) {
  std::vector<bool> done(script.size(), false);
  std::vector<int64_t> seen_us(script.size(), -1);  // when an `on` entry's key first appeared
  std::size_t scanned = 0;
  while (!session.ended()) {
    const std::vector<TimelineEntry>& tl = session.timeline();
    for (; scanned < tl.size(); ++scanned)
      for (std::size_t i = 0; i < script.size(); ++i)
        if (!script[i].timed && seen_us[i] < 0 && timeline_matches(tl[scanned], script[i].on))
          seen_us[i] = tl[scanned].t_us;
    for (std::size_t i = 0; i < script.size() && !session.ended(); ++i) {
      if (done[i]) continue;
      const ScriptEntry& e = script[i];
      const bool due = e.timed ? session.now_us() >= e.t_us
                               : seen_us[i] >= 0 && session.now_us() >= seen_us[i] + e.after_us;
      if (!due) continue;
      done[i] = true;
      session.apply(e.action);
    }
    session.advance_us(1000);
  }
}

}  // namespace tractus::scenarios
