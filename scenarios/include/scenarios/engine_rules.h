// The engine-wide clinical rules: what holds in every scenario, whatever its rubric. Each
// rule is enforced by the session's watchers and raises one of the engine's critical errors
// (scoring.h's catalogue). A scenario can tighten a rule (a shorter window in `safety`) and
// can never switch one off: the scenario loader refuses a file that tries, naming the field.
// docs/scenarios.md lists the rules for instructors.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace tractus::scenarios {

struct Scenario;

/// The engine's window to stop or release traction after sharp or radiating pain or a stop
/// request, seconds. A scenario's safety.stop_window_s may be shorter, never longer.
constexpr double kEngineStopWindowS = 5.0;
/// The engine's window to take a patient off load once a stop (tension_held) or a power loss
/// left them held by the brake, seconds. safety.unpowered_load_window_s may be shorter only.
constexpr double kEngineLoadedWindowS = 120.0;
/// Pain the patient rates at this or more (0..10) is sharp: they say so, and under traction
/// it opens the stop window, whatever caused it (a reaction, a cough, guarding, a fault, the
/// twin's nerve-root compression). The check-in reply calls it sharp from the same level.
constexpr int kSharpPain_0_10 = 7;

/// One engine-wide rule.
struct EngineRule {
  const char* id;                         // "stop_for_sharp_pain"; its words: rule_display_name
  std::vector<const char*> critical_errors;  // the critical errors that enforce it
  const char* window_field;               // the $.safety member that tightens it, or nullptr
  double engine_window_s;                 // that member's longest allowed value (the engine's)
};

/// Every engine-wide rule, in the order docs/scenarios.md lists them.
const std::vector<EngineRule>& engine_rules();

/// True when id names an engine rule or one of the critical errors that enforce one: a
/// scenario member of that name can only be an attempt to switch the rule off.
bool is_engine_rule_name(const std::string& id);

/// Checks a parsed scenario against the engine rules. Returns false with path (a JSON path)
/// and reason at the first member that would loosen or switch off a rule: a window longer
/// than the engine's, a contraindication scenario that names no contraindication, or a
/// rubric that expects a decline for a contraindication the safety section does not name.
bool check_engine_rules(const Scenario& scenario, std::string& path, std::string& reason);

/// Refuses members of object (at path) named after an engine rule or its critical error
/// ("late_stop": false): returns false with the member's path and the reason.
bool refuse_rule_switches(const nlohmann::json& object, const std::string& path,
                          std::string& error_path, std::string& reason);

}  // namespace tractus::scenarios
