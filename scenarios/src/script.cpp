#include "scenarios/script.h"

#include <algorithm>
#include <functional>
#include <queue>
#include <unordered_map>
#include <utility>

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
  if (!f.depth_within(j)) return false;
  if (!j.is_array()) return f.fail("$", "an action file must be a JSON array of actions");
  if (!f.count_within(j, "$", kMaxScriptEntries)) return false;
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
  // timed entries in time order (file order among equal times), and a cursor into them
  std::vector<std::size_t> timed;
  // `on` entries still waiting for their key, grouped by key: the first timeline entry whose
  // kind or tag is the key releases the whole group
  std::unordered_map<std::string, std::vector<std::size_t>> waiting;
  for (std::size_t i = 0; i < script.size(); ++i) {
    if (script[i].timed) timed.push_back(i);
    else waiting[script[i].on].push_back(i);
  }
  std::stable_sort(timed.begin(), timed.end(), [&](std::size_t a, std::size_t b) {
    return script[a].t_us < script[b].t_us;
  });
  // released `on` entries, soonest due first (then file order)
  using Due = std::pair<int64_t, std::size_t>;
  std::priority_queue<Due, std::vector<Due>, std::greater<Due>> released;

  std::size_t next_timed = 0, scanned = 0;
  std::vector<std::size_t> batch;
  auto release = [&](const std::string& key, int64_t t_us) {
    const auto it = waiting.find(key);
    if (it == waiting.end()) return;
    for (std::size_t i : it->second) released.emplace(t_us + script[i].after_us, i);
    waiting.erase(it);
  };
  while (!session.ended()) {
    const std::vector<TimelineEntry>& tl = session.timeline();
    for (; scanned < tl.size() && !waiting.empty(); ++scanned) {
      release(tl[scanned].kind, tl[scanned].t_us);
      release(tl[scanned].tag, tl[scanned].t_us);
    }
    scanned = tl.size();
    // every entry due now, applied in file order as a scan of the whole file would
    const int64_t now = session.now_us();
    batch.clear();
    for (; next_timed < timed.size() && script[timed[next_timed]].t_us <= now; ++next_timed)
      batch.push_back(timed[next_timed]);
    for (; !released.empty() && released.top().first <= now; released.pop())
      batch.push_back(released.top().second);
    std::sort(batch.begin(), batch.end());
    for (std::size_t k = 0; k < batch.size() && !session.ended(); ++k)
      session.apply(script[batch[k]].action);
    session.advance_us(1000);
  }
}

}  // namespace tractus::scenarios
