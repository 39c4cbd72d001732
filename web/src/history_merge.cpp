#include "history_merge.h"

#include <unordered_map>

namespace tractus::web {

ImportPlan plan_import(const std::vector<HistoryEntry>& saved, const std::string& saved_trainee,
                       const ParsedHistory& file, const std::function<bool(const std::string&)>& known_scenario) {
  ImportPlan plan;
  plan.refused = file.refused;
  plan.saved_trainee = saved_trainee;
  plan.file_trainee = file.trainee;
  plan.trainee_differs = file.has_trainee && !file.trainee.empty() && file.trainee != saved_trainee;

  std::unordered_map<std::string, const HistoryEntry*> by_id;
  for (const HistoryEntry& e : saved) by_id[e.id] = &e;
  std::size_t room = saved.size() < kMaxStoredSessions ? kMaxStoredSessions - saved.size() : 0;
  for (std::size_t i = 0; i < file.entries.size(); ++i) {
    const HistoryEntry& e = file.entries[i];
    const auto found = by_id.find(e.id);
    if (found != by_id.end()) {
      if (entry_fingerprint(*found->second) == entry_fingerprint(e)) {
        plan.duplicates.push_back(e);
      } else {
        plan.conflicts.push_back(e);
        if (!known_scenario(e.scenario_id)) ++plan.unknown_scenarios;
      }
      continue;
    }
    if (room == 0) {
      plan.refused.push_back(EntryRefusal{"session id " + e.id,
                                          "the history is full: it keeps at most " +
                                              std::to_string(kMaxStoredSessions) + " sessions",
                                          e.title.substr(0, 60)});
      continue;
    }
    --room;
    plan.to_add.push_back(e);
    if (!known_scenario(e.scenario_id)) ++plan.unknown_scenarios;
  }
  return plan;
}

std::size_t apply_import(const ImportPlan& plan, const ImportChoices& choices, std::vector<HistoryEntry>& entries,
                         std::string& trainee) {
  std::size_t changed = 0;
  if (choices.replace_conflicts) {
    for (const HistoryEntry& incoming : plan.conflicts) {
      for (HistoryEntry& e : entries) {
        if (e.id != incoming.id) continue;
        e = incoming;
        ++changed;
        break;
      }
    }
  }
  for (const HistoryEntry& e : plan.to_add) {
    // a session saved since the plan was made is not added twice
    bool saved = false;
    for (const HistoryEntry& have : entries) saved = saved || have.id == e.id;
    if (saved) continue;
    entries.push_back(e);
    ++changed;
  }
  if (choices.replace_trainee && plan.trainee_differs) trainee = plan.file_trainee;
  return changed;
}

}  // namespace tractus::web
