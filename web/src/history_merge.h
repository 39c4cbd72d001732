// Merging an imported history into the saved one, by session id.
//
// An import is planned first and written only once the user has seen the plan and accepted
// it: what will be added, what is already saved and will be skipped, what differs from the
// saved copy and what was refused, and whether the file's trainee name differs from the saved
// one. Without an explicit choice nothing already saved changes: the saved copy of a
// differing session and the saved trainee name are kept.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "history_format.h"

namespace tractus::web {

/// The most sessions an import fills the saved history up to; an import that would pass it
/// adds what fits and refuses the rest with this limit named. (Finished sessions are always
/// saved, whatever the count.) Equal to one file's limit, so an export can be imported back.
constexpr std::size_t kMaxStoredSessions = kMaxHistoryFileSessions;

/// What an import would do, before anything is written.
struct ImportPlan {
  std::vector<HistoryEntry> to_add;      // sessions not saved yet, in file order
  std::vector<HistoryEntry> duplicates;  // saved already, identical: skipped
  std::vector<HistoryEntry> conflicts;   // saved already under the same id, but different
  std::vector<EntryRefusal> refused;     // failed the schema check, or no room left
  int unknown_scenarios = 0;             // of to_add and conflicts: scenarios not in this library
  bool trainee_differs = false;          // the file names a different, non-empty trainee
  std::string saved_trainee;
  std::string file_trainee;
};

/// The user's choices on the plan. Both default to keeping what is saved.
struct ImportChoices {
  bool replace_trainee = false;    // take the file's trainee name
  bool replace_conflicts = false;  // take the file's version of each differing session
};

/// Plans merging file into the saved history. known_scenario says whether a scenario id is in
/// this trainer's library (unknown ones are still imported and counted).
ImportPlan plan_import(const std::vector<HistoryEntry>& saved, const std::string& saved_trainee,
                       const ParsedHistory& file, const std::function<bool(const std::string&)>& known_scenario);

/// Applies a plan with the user's choices: appends plan.to_add, and replaces differing
/// sessions and the trainee name only where choices say so. Returns the number of sessions
/// added or replaced.
std::size_t apply_import(const ImportPlan& plan, const ImportChoices& choices, std::vector<HistoryEntry>& entries,
                         std::string& trainee);

}  // namespace tractus::web
