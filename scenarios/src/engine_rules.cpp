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

bool is_engine_rule_name(const std::string& id) {
  for (const EngineRule& r : engine_rules()) {
    if (id == r.id) return true;
    for (const char* c : r.critical_errors)
      if (id == c) return true;
  }
  return false;
}

namespace {

// seconds as a person writes them: "8", "2.5"
std::string seconds(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

const EngineRule& rule_with_window(const char* field) {
  for (const EngineRule& r : engine_rules())
    if (r.window_field != nullptr && std::string(r.window_field) == field) return r;
  return engine_rules().front();
}

std::string quoted_rule(const EngineRule& r) { return "\"" + rule_display_name(r.id) + "\""; }

bool window_within(const char* field, double value_s, std::string& path, std::string& reason) {
  const EngineRule& r = rule_with_window(field);
  if (value_s <= r.engine_window_s) return true;
  path = std::string("$.safety.") + field;
  reason = seconds(value_s) + " s is longer than the engine's " + seconds(r.engine_window_s) +
           " s for the rule " + quoted_rule(r) +
           ", which holds in every scenario: a scenario can shorten the window, never lengthen it";
  return false;
}

}  // namespace

bool check_engine_rules(const Scenario& s, std::string& path, std::string& reason) {
  if (!window_within("stop_window_s", s.safety.stop_window_s, path, reason)) return false;
  if (!window_within("unpowered_load_window_s", s.safety.unpowered_load_window_s, path, reason))
    return false;
  const EngineRule& contraindication = engine_rules()[1];
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
    if (!is_engine_rule_name(it.key())) continue;
    for (const EngineRule& r : engine_rules()) {
      bool named = it.key() == r.id;
      for (const char* c : r.critical_errors) named = named || it.key() == c;
      if (!named) continue;
      error_path = path + "." + it.key();
      reason = "the rule " + quoted_rule(r) +
               " holds in every scenario and cannot be switched off" +
               (r.window_field != nullptr
                    ? std::string("; shorten $.safety.") + r.window_field + " to tighten it"
                    : std::string());
      return false;
    }
  }
  return true;
}

}  // namespace tractus::scenarios
