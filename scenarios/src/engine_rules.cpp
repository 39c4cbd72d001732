// The engine-wide rules' table and the loader's checks that no scenario loosens one.
#include "scenarios/engine_rules.h"

#include <cstdio>

#include <nlohmann/json.hpp>

#include "scenarios/display_names.h"
#include "scenarios/scenario.h"
#include "scenarios/vocabulary.h"

namespace tractus::scenarios {

const std::vector<EngineRule>& engine_rules() {
  static const std::vector<EngineRule> k = {
      {"stop_for_sharp_pain", {"late_stop"}, "stop_window_s", kEngineStopWindowS},
      {"no_traction_with_contraindication", {"contraindicated_treatment"}, nullptr, 0.0},
      {"no_unstrapping_under_tension", {"harness_under_tension"}, nullptr, 0.0},
      {"never_leave_the_patient_loaded", {"patient_left_loaded", "ended_under_traction"},
       "unpowered_load_window_s", kEngineLoadedWindowS},
  };
  return k;
}

namespace {

// the rule id or one of its critical errors is this name
bool rule_named(const EngineRule& r, const std::string& name) {
  if (name == r.id) return true;
  for (const char* c : r.critical_errors)
    if (name == c) return true;
  return false;
}

const EngineRule& rule(const std::string& id) {
  for (const EngineRule& r : engine_rules())
    if (id == r.id) return r;
  return engine_rules().front();  // not reached: callers name rules of the table
}

// seconds as a person writes them: "8", "2.5"
std::string seconds(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

std::string quoted_rule(const EngineRule& r) { return "\"" + rule_display_name(r.id) + "\""; }

// the rule's $.safety window at most the engine's
bool window_within(const EngineRule& r, double value_s, std::string& path, std::string& reason) {
  if (value_s <= r.engine_window_s) return true;
  path = std::string("$.safety.") + r.window_field;
  reason = seconds(value_s) + " s is longer than the engine's " + seconds(r.engine_window_s) +
           " s for the rule " + quoted_rule(r) +
           ", which holds in every scenario: a scenario can shorten the window, never lengthen it";
  return false;
}

}  // namespace

bool is_engine_rule_name(const std::string& id) {
  for (const EngineRule& r : engine_rules())
    if (rule_named(r, id)) return true;
  return false;
}

bool check_engine_rules(const Scenario& s, std::string& path, std::string& reason) {
  if (!window_within(rule("stop_for_sharp_pain"), s.safety.stop_window_s, path, reason) ||
      !window_within(rule("never_leave_the_patient_loaded"), s.safety.unpowered_load_window_s, path, reason))
    return false;
  const EngineRule& contraindication = rule("no_traction_with_contraindication");
  // a contraindication left out of the safety section would let traction on it go unpunished
  if (s.category == "contraindication" && s.safety.contraindication.empty()) {
    path = "$.safety.contraindication";
    reason = "a contraindication scenario must name its contraindication: the rule " +
             quoted_rule(contraindication) + " holds in every scenario and cannot be left out";
    return false;
  }
  for (std::size_t i = 0; i < s.rubric.items.size(); ++i) {
    const Expectation& x = s.rubric.items[i].expect;
    if (x.kind != Expectation::Kind::Action || x.match.action != "decline_treatment" ||
        !has_term(contraindications(), x.match.reason) ||
        x.match.reason == s.safety.contraindication)
      continue;
    path = "$.rubric.items[" + std::to_string(i) + "].expect.reason";
    reason = "expects a decline for " + reason_display_name(x.match.reason) +
             ", which $.safety.contraindication does not name: without it the rule " +
             quoted_rule(contraindication) + " could not hold";
    return false;
  }
  return true;
}

bool refuse_rule_switches(const nlohmann::json& object, const std::string& path,
                          std::string& error_path, std::string& reason) {
  if (!object.is_object()) return true;
  for (auto it = object.begin(); it != object.end(); ++it) {
    for (const EngineRule& r : engine_rules()) {
      if (!rule_named(r, it.key())) continue;
      error_path = path + "." + it.key();
      reason = "the rule " + quoted_rule(r) + " holds in every scenario and cannot be switched off" +
               (r.window_field != nullptr
                    ? std::string("; shorten $.safety.") + r.window_field + " to tighten it"
                    : std::string());
      return false;
    }
  }
  return true;
}

}  // namespace tractus::scenarios
