// The scenario loader: one JSON file to a validated Scenario, each failure named by its JSON
// path and reason. Forces arrive in lbf and leave in newtons (hal/units.h).
//
// Index of this file:
//   [SECTION] pieces: ranges, the patient chart, action matches, timeline keys
//   [SECTION] events and rubric items
//   [SECTION] the course of care
//   [SECTION] the patient's own words for shared lines
//   [SECTION] the whole scenario: identity, chart, goal, safety, events, rubric
//   [SECTION] from a file
#include "scenarios/disc_levels.h"
#include "scenarios/engine_rules.h"
#include "scenarios/scenario.h"

#include <set>

#include <nlohmann/json.hpp>

#include "json_fields.h"
#include "patient_dialogue.h"
#include "scenarios/action.h"
#include "scenarios/faults.h"
#include "scenarios/json_file.h"
#include "scenarios/timeline.h"
#include "scenarios/vocabulary.h"

namespace tractus::scenarios {

using detail::Fields;
using nlohmann::json;
using units::kNewtonsPerLbf;

namespace {

constexpr double kBig = 1e6;

// [SECTION] pieces: ranges, the patient chart, action matches, timeline keys

// reads {"min", "max"} checked against lo..hi in the file's unit, then scales both bounds by
// to_si (the file edge: lbf becomes newtons here)
bool read_range(Fields& f, const json& j, const std::string& path, const char* key, Range& out,
                double lo, double hi, double to_si = 1.0) {
  const json* v = f.member(j, path, key, false);
  if (v == nullptr) return true;
  const std::string p = Fields::key_path(path, key);
  if (!f.object(*v, p, {"min", "max"})) return false;
  out.has_min = v->contains("min");
  out.has_max = v->contains("max");
  if (!f.number(*v, p, "min", out.min, false, lo, hi) ||
      !f.number(*v, p, "max", out.max, false, lo, hi))
    return false;
  if (!out.has_min && !out.has_max) return f.fail(p, "needs \"min\", \"max\" or both");
  if (out.has_min && out.has_max && out.min > out.max) return f.fail(p, "min is above max");
  out.min *= to_si;
  out.max *= to_si;
  return true;
}

bool read_patient(Fields& f, const json& j, const std::string& p, PatientChart& c) {
  return f.object(j, p, {"name", "age_years", "sex", "body_mass_kg", "height_cm", "protrusion_mm", "referral",
                         "diagnosis", "imaging", "history", "medications",
                         "presenting_complaint"}) &&
         f.string(j, p, "name", c.name, true) &&
         f.integer(j, p, "age_years", c.age_years, true, 16, 110) &&
         f.choice(j, p, "sex", c.sex, true, {"female", "male"}) &&
         f.number(j, p, "body_mass_kg", c.body_mass_kg, true, 35.0, 200.0) &&
         f.number(j, p, "height_cm", c.height_cm, false, 120.0, 220.0) &&
         f.number(j, p, "protrusion_mm", c.protrusion_mm, false, 0.0, 8.0) &&
         f.string(j, p, "referral", c.referral, true) &&
         f.string(j, p, "diagnosis", c.diagnosis, true) &&
         f.string(j, p, "imaging", c.imaging, false) &&
         f.string(j, p, "history", c.history, true) &&
         f.strings(j, p, "medications", c.medications, false) &&
         f.string(j, p, "presenting_complaint", c.presenting_complaint, true);
}

bool read_match(Fields& f, const json& j, const std::string& p, ActionMatch& m,
                std::initializer_list<const char*> extra_keys) {
  std::vector<const char*> keys = {"action", "question", "reason"};
  keys.insert(keys.end(), extra_keys.begin(), extra_keys.end());
  if (!j.is_object()) return f.fail(p, "must be an object");
  for (auto it = j.begin(); it != j.end(); ++it) {
    bool known = false;
    for (const char* k : keys) known = known || it.key() == k;
    if (!known) {
      std::string list;
      for (const char* k : keys) list += (list.empty() ? "" : ", ") + std::string(k);
      return f.fail(p + "." + it.key(), "unknown key (expected one of: " + list + ")");
    }
  }
  if (!f.string(j, p, "action", m.action, true)) return false;
  // the action name must be one parse_action knows: try it on a minimal object
  Action probe;
  LoadError probe_error;
  json minimal = {{"action", m.action}};
  if (m.action == "ask") minimal["question"] = "pain_now";
  if (m.action == "decline_treatment") minimal["reason"] = "fracture";
  if (!parse_action(minimal, p, probe, probe_error) && probe_error.path == p + ".action")
    return f.fail(probe_error.path, probe_error.reason);
  if (!f.term(j, p, "question", m.question, false, screening_questions(), "question"))
    return false;
  if (!m.question.empty() && m.action != "ask")
    return f.fail(p + ".question", "only an \"ask\" action takes a question");
  if (!f.string(j, p, "reason", m.reason, false)) return false;
  if (!m.reason.empty() && !has_term(contraindications(), m.reason) &&
      !has_term(precautions(), m.reason))
    return f.fail(p + ".reason", "unknown reason '" + m.reason + "'");
  return true;
}

bool read_timeline_key(Fields& f, const json& j, const std::string& p, const char* key,
                       std::string& out, bool required) {
  if (!f.string(j, p, key, out, required)) return false;
  std::string reason;
  if (!out.empty() && !valid_timeline_key(out, reason))
    return f.fail(Fields::key_path(p, key), reason);
  return true;
}

// [SECTION] events and rubric items

bool read_event(Fields& f, const json& j, const std::string& p, ScenarioEvent& e) {
  if (!f.object(j, p, {"id", "at_s", "on", "after_s", "when", "unless", "effects"})) return false;
  if (!f.string(j, p, "id", e.id, true)) return false;
  e.has_at = j.contains("at_s");
  e.has_when = j.contains("when");
  const int triggers = (e.has_at ? 1 : 0) + (j.contains("on") ? 1 : 0) + (e.has_when ? 1 : 0);
  if (triggers != 1) return f.fail(p, "needs exactly one of \"at_s\", \"on\" or \"when\"");
  if (!f.number(j, p, "at_s", e.at_s, false, 0.0, kBig)) return false;
  if (!read_timeline_key(f, j, p, "on", e.on, false)) return false;
  if (!f.number(j, p, "after_s", e.after_s, false, 0.0, kBig)) return false;
  if (j.contains("after_s") && e.on.empty()) return f.fail(p + ".after_s", "only with \"on\"");
  if (e.has_when) {
    const json& w = j["when"];
    const std::string wp = p + ".when";
    if (!f.object(w, wp, {"signal", "above", "below", "for_s"})) return false;
    if (!f.choice(w, wp, "signal", e.when.signal, true,
                  {"force_lbf", "force_pct_bw", "treatment_s", "ramp_lbf_per_s"}))
      return false;
    const bool above = w.contains("above"), below = w.contains("below");
    if (above == below) return f.fail(wp, "needs exactly one of \"above\" or \"below\"");
    e.when.above = above;
    if (!f.number(w, wp, above ? "above" : "below", e.when.threshold, true, -kBig, kBig) ||
        !f.number(w, wp, "for_s", e.when.for_s, false, 0.0, kBig))
      return false;
    // the file edge: a force signal's threshold is written in lbf, compared in newtons
    if (e.when.signal == "force_lbf" || e.when.signal == "ramp_lbf_per_s") e.when.threshold *= kNewtonsPerLbf;
  }
  if (const json* u = f.member(j, p, "unless", false)) {
    if (!u->is_array()) return f.fail(p + ".unless", "must be an array of actions");
    if (!f.count_within(*u, p + ".unless", kMaxScenarioListEntries)) return false;
    for (std::size_t i = 0; i < u->size(); ++i) {
      ActionMatch m;
      if (!read_match(f, (*u)[i], Fields::index_path(p + ".unless", i), m, {})) return false;
      e.unless.push_back(m);
    }
  }
  const json* fx = f.member(j, p, "effects", true);
  if (fx == nullptr) return false;
  const std::string xp = p + ".effects";
  Effects& x = e.effects;
  if (!f.object(*fx, xp, {"say", "pain", "anxiety", "reaction", "fault", "announced"}) ||
      !f.string(*fx, xp, "say", x.say, false) ||
      !f.integer(*fx, xp, "pain", x.pain, false, 0, 10) ||
      !f.integer(*fx, xp, "anxiety", x.anxiety, false, 0, 10) ||
      !f.term(*fx, xp, "reaction", x.reaction, false, reactions(), "reaction") ||
      !f.term(*fx, xp, "fault", x.fault, false, fault_catalogue(), "fault") ||
      !f.boolean(*fx, xp, "announced", x.announced, false))
    return false;
  if (fx->empty()) return f.fail(xp, "must have at least one effect");
  return true;
}

bool read_item(Fields& f, const json& j, const std::string& p, RubricItem& item) {
  if (!f.object(j, p, {"id", "label", "weight", "why", "expect"}) ||
      !f.string(j, p, "id", item.id, true) || !f.string(j, p, "label", item.label, true) ||
      !f.number(j, p, "weight", item.weight, true, 0.0, 100.0) ||
      !f.string(j, p, "why", item.why, true))
    return false;
  const json* x = f.member(j, p, "expect", true);
  if (x == nullptr) return false;
  const std::string xp = p + ".expect";
  if (!x->is_object()) return f.fail(xp, "must be an object");
  Expectation& e = item.expect;
  if (x->contains("action")) {
    e.kind = Expectation::Kind::Action;
    if (!read_match(f, *x, xp, e.match, {"before", "after_event", "within_s"})) return false;
    if (!f.choice(*x, xp, "before", e.before, false, {"start"})) return false;
    if (!read_timeline_key(f, *x, xp, "after_event", e.after_event, false)) return false;
    if (!f.number(*x, xp, "within_s", e.within_s, !e.after_event.empty(), 0.0, kBig))
      return false;
    if (x->contains("within_s") && e.after_event.empty())
      return f.fail(xp + ".within_s", "only with \"after_event\"");
    return true;
  }
  if (x->contains("prescription")) {
    e.kind = Expectation::Kind::Prescription;
    if (!f.object(*x, xp, {"prescription"})) return false;
    bool v = false;
    if (!f.boolean(*x, xp, "prescription", v, true)) return false;
    if (!v) return f.fail(xp + ".prescription", "must be true");
    return true;
  }
  if (x->contains("state")) {
    e.kind = Expectation::Kind::State;
    return f.object(*x, xp, {"state"}) &&
           f.choice(*x, xp, "state", e.state, true,
                    {"treating", "releasing", "complete", "stopped", "fault", "ready"});
  }
  if (x->contains("envelope")) {
    e.kind = Expectation::Kind::Envelope;
    if (!f.object(*x, xp, {"envelope"})) return false;
    const json& env = (*x)["envelope"];
    return f.object(env, xp + ".envelope", {"tolerance_s"}) &&
           f.number(env, xp + ".envelope", "tolerance_s", e.tolerance_s, true, 0.1, kBig);
  }
  return f.fail(xp, "needs one of \"action\", \"prescription\", \"state\" or \"envelope\"");
}

template <typename T, typename ReadOne>
bool read_array(Fields& f, const json& j, const std::string& p, const char* key,
                std::vector<T>& out, bool required, ReadOne read_one) {
  const json* a = f.member(j, p, key, required);
  if (a == nullptr) return !required;
  const std::string ap = Fields::key_path(p, key);
  if (!a->is_array()) return f.fail(ap, "must be an array");
  if (!f.count_within(*a, ap, kMaxScenarioListEntries)) return false;
  std::set<std::string> ids;
  for (std::size_t i = 0; i < a->size(); ++i) {
    T item;
    const std::string ip = Fields::index_path(ap, i);
    if (!read_one(f, (*a)[i], ip, item)) return false;
    if (!ids.insert(item.id).second) return f.fail(ip + ".id", "duplicate id '" + item.id + "'");
    out.push_back(item);
  }
  return true;
}

// [SECTION] the course of care

// the optional course of care, new in format_version 2
bool read_course(Fields& f, const json& j, int format_version, Scenario& s) {
  const json* course = f.member(j, "$", "course", false);
  if (course == nullptr) {
    if (s.category == "course") return f.fail("$.course", "a course scenario needs a course member");
    return true;
  }
  if (format_version < 2) return f.fail("$.course", "needs format_version 2");
  if (s.category != "course") return f.fail("$.category", "must be 'course' for a scenario with a course");
  CourseSpec& c = s.course;
  const std::string cp = "$.course";
  double target_force_lbf = 0.0, tolerance_lbf = 0.0;  // the file's unit, converted below
  if (!f.object(*course, cp, {"sessions", "days_between", "target_force_lbf", "tolerance_lbf",
                              "adapt_per_session", "max_step_fraction", "flare_margin",
                              "pain_start_0_10", "pain_relief_per_session", "pain_variation_0_10",
                              "flare_pain_0_10", "flare_tolerance_drop"}) ||
      !f.integer(*course, cp, "sessions", c.sessions, true, 2, 40) ||
      !f.number(*course, cp, "days_between", c.days_between, false, 0.5, 14.0) ||
      !f.number(*course, cp, "target_force_lbf", target_force_lbf, true, 5.0, 200.0) ||
      !f.number(*course, cp, "tolerance_lbf", tolerance_lbf, true, 5.0, 200.0) ||
      !f.number(*course, cp, "adapt_per_session", c.adapt_per_session, false, 0.0, 0.5) ||
      !f.number(*course, cp, "max_step_fraction", c.max_step_fraction, false, 0.01, 1.0) ||
      !f.number(*course, cp, "flare_margin", c.flare_margin, false, 0.0, 2.0) ||
      !f.number(*course, cp, "pain_start_0_10", c.pain_start_0_10, false, 0.0, 10.0) ||
      !f.number(*course, cp, "pain_relief_per_session", c.pain_relief_per_session, false, 0.0, 3.0) ||
      !f.number(*course, cp, "pain_variation_0_10", c.pain_variation_0_10, false, 0.0, 5.0) ||
      !f.number(*course, cp, "flare_pain_0_10", c.flare_pain_0_10, false, 0.0, 10.0) ||
      !f.number(*course, cp, "flare_tolerance_drop", c.flare_tolerance_drop, false, 0.0, 0.9))
    return false;
  c.target_force_n = target_force_lbf * kNewtonsPerLbf;
  c.tolerance_n = tolerance_lbf * kNewtonsPerLbf;
  if (c.target_force_n > s.safety.max_safe_force_n)
    return f.fail("$.course.target_force_lbf", "is above $.safety.max_safe_force_lbf");
  return true;
}

// [SECTION] the patient's own words for shared lines

bool read_dialogue(Fields& f, const json& j, Scenario& s) {
  const json* d = f.member(j, "$", "dialogue", false);
  if (d == nullptr) return true;
  if (!d->is_object()) return f.fail("$.dialogue", "must be an object of line id to text");
  for (auto it = d->begin(); it != d->end(); ++it) {
    const std::string p = Fields::key_path("$.dialogue", it.key().c_str());
    dialogue::Line line;
    if (!dialogue::line_from_id(it.key(), line))
      return f.fail(p, "unknown line id '" + it.key() + "' (known: " + dialogue::line_ids() + ")");
    if (!it->is_string()) return f.fail(p, "must be a string");
    const std::string why = dialogue::check_line(line, it->get<std::string>());
    if (!why.empty()) return f.fail(p, why);
    s.dialogue[it.key()] = it->get<std::string>();
  }
  return true;
}

}  // namespace

// [SECTION] the whole scenario: identity, chart, goal, safety, events, rubric

bool parse_scenario(const json& j, const std::string& file, Scenario& s, LoadError& error) {
  error = LoadError{};
  error.file = file;
  Fields f(error);
  s = Scenario{};
  s.source_file = file;
  if (!f.depth_within(j)) return false;
  const std::string p = "$";
  // a member named after an engine-wide rule can only try to switch it off (engine_rules.h)
  std::string rule_path, rule_reason;
  if (!refuse_rule_switches(j, p, rule_path, rule_reason) ||
      (j.is_object() && j.contains("safety") &&
       !refuse_rule_switches(*j.find("safety"), "$.safety", rule_path, rule_reason)))
    return f.fail(rule_path, rule_reason);
  // "$schema" lets editors check the file as it is written; the loader ignores it
  if (!f.object(j, p, {"$schema", "format", "format_version", "id", "version", "title", "category",
                       "difficulty", "briefing", "patient", "findings", "goal", "safety", "events", "rubric",
                       "time_limit_s", "course", "dialogue"}))
    return false;
  std::string format;
  int format_version = 0;
  if (!f.choice(j, p, "format", format, true, {"tractus-scenario"}) ||
      !f.integer(j, p, "format_version", format_version, true, 1, 1000))
    return false;
  if (format_version < 1 || format_version > kScenarioFormatVersion)
    return f.fail("$.format_version", "this build reads format_version 1 to " +
                                          std::to_string(kScenarioFormatVersion));
  if (!f.id(j, p, "id", s.id)) return false;
  if (!f.integer(j, p, "version", s.version, true, 1, 1000000) ||
      !f.string(j, p, "title", s.title, true) ||
      !f.choice(j, p, "category", s.category, true,
                {"routine", "contraindication", "precaution", "reaction", "fault", "course"}) ||
      !f.integer(j, p, "difficulty", s.difficulty, false, kMinDifficulty, kMaxDifficulty) ||
      !f.string(j, p, "briefing", s.briefing, true) ||
      !f.number(j, p, "time_limit_s", s.time_limit_s, false, 10.0, 7200.0))
    return false;

  const json* patient = f.member(j, p, "patient", true);
  if (patient == nullptr || !read_patient(f, *patient, "$.patient", s.patient)) return false;

  if (!read_array(f, j, p, "findings", s.findings, false,
                  [](Fields& ff, const json& fj, const std::string& fp, HiddenFinding& h) {
                    if (!ff.object(fj, fp, {"id", "questions", "answer"}) ||
                        !ff.string(fj, fp, "id", h.id, true) ||
                        !ff.strings(fj, fp, "questions", h.questions, true) ||
                        !ff.string(fj, fp, "answer", h.answer, true))
                      return false;
                    if (h.questions.empty()) return ff.fail(fp + ".questions", "must not be empty");
                    for (std::size_t i = 0; i < h.questions.size(); ++i)
                      if (!has_term(screening_questions(), h.questions[i]))
                        return ff.fail(Fields::index_path(fp + ".questions", i),
                                       "unknown question '" + h.questions[i] + "' (known: " +
                                           term_ids(screening_questions()) + ")");
                    return true;
                  }))
    return false;

  const json* goal = f.member(j, p, "goal", true);
  if (goal == nullptr) return false;
  const std::string gp = "$.goal";
  if (!f.object(*goal, gp, {"region", "mode", "level", "text", "force_lbf", "ramp_s",
                            "treatment_min", "angle_deg"}) ||
      !f.choice(*goal, gp, "level", s.goal.level, false, disc_level_labels()) ||
      !f.choice(*goal, gp, "region", s.goal.region, true, {"lumbar", "cervical"}) ||
      !f.choice(*goal, gp, "mode", s.goal.mode, true, {"static"}) ||
      !f.string(*goal, gp, "text", s.goal.text, true) ||
      !read_range(f, *goal, gp, "force_lbf", s.goal.force_n, 0.0, 200.0, kNewtonsPerLbf) ||
      !read_range(f, *goal, gp, "ramp_s", s.goal.ramp_s, 1.0, 600.0) ||
      !read_range(f, *goal, gp, "treatment_min", s.goal.treatment_min, 1.0, 99.0) ||
      !read_range(f, *goal, gp, "angle_deg", s.goal.angle_deg, 0.0, 45.0))
    return false;

  const bool cervical_level = !s.goal.level.empty() && s.goal.level[0] == 'C';
  if (!s.goal.level.empty() && cervical_level != (s.goal.region == "cervical"))
    return f.fail("$.goal.level", "'" + s.goal.level + "' is not in the " + s.goal.region + " spine");

  const json* safety = f.member(j, p, "safety", true);
  if (safety == nullptr) return false;
  const std::string sp = "$.safety";
  double max_safe_force_lbf = 0.0;
  if (!f.object(*safety, sp, {"max_safe_force_lbf", "over_limit_critical_s", "stop_window_s",
                              "unpowered_load_window_s", "contraindication", "precaution"}) ||
      !f.number(*safety, sp, "max_safe_force_lbf", max_safe_force_lbf, true, 5.0, 200.0) ||
      !f.number(*safety, sp, "over_limit_critical_s", s.safety.over_limit_critical_s, false, 0.0,
                60.0) ||
      !f.number(*safety, sp, "stop_window_s", s.safety.stop_window_s, false, 0.5, 60.0) ||
      !f.number(*safety, sp, "unpowered_load_window_s", s.safety.unpowered_load_window_s, false,
                10.0, 1200.0) ||
      !f.term(*safety, sp, "contraindication", s.safety.contraindication, false,
              contraindications(), "contraindication") ||
      !f.term(*safety, sp, "precaution", s.safety.precaution, false, precautions(), "precaution"))
    return false;
  s.safety.max_safe_force_n = max_safe_force_lbf * kNewtonsPerLbf;
  if (s.goal.force_n.has_max && s.goal.force_n.max > s.safety.max_safe_force_n)
    return f.fail("$.goal.force_lbf.max", "is above $.safety.max_safe_force_lbf");

  if (!read_array(f, j, p, "events", s.events, false, read_event)) return false;

  const json* rubric = f.member(j, p, "rubric", true);
  if (rubric == nullptr) return false;
  const std::string rp = "$.rubric";
  if (!f.object(*rubric, rp, {"pass_score", "hint_cost", "hints", "items"}) ||
      !f.number(*rubric, rp, "pass_score", s.rubric.pass_score, false, 0.0, 100.0) ||
      !f.number(*rubric, rp, "hint_cost", s.rubric.hint_cost, false, 0.0, 100.0) ||
      !f.strings(*rubric, rp, "hints", s.rubric.hints, false) ||
      !read_array(f, *rubric, rp, "items", s.rubric.items, true, read_item))
    return false;
  if (s.rubric.items.empty()) return f.fail("$.rubric.items", "must not be empty");
  double total = 0.0;
  for (const RubricItem& i : s.rubric.items) total += i.weight;
  if (total <= 0.0) return f.fail("$.rubric.items", "weights must add up to more than 0");
  // a scenario may tighten the engine-wide rules, never loosen them
  if (!check_engine_rules(s, rule_path, rule_reason)) return f.fail(rule_path, rule_reason);
  return read_course(f, j, format_version, s) && read_dialogue(f, j, s);
}

// [SECTION] from a file

bool load_scenario_file(const std::string& file, Scenario& out, LoadError& error) {
  json j;
  if (!read_json_file(file, j, error)) return false;
  return parse_scenario(j, file, out, error);
}

}  // namespace tractus::scenarios
