#include "scenarios/course.h"

#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "json_fields.h"
#include "text_format.h"
#include "scenarios/json_file.h"
#include "scenarios/scoring.h"
#include "twin/det_math.h"
#include "twin/rng.h"

namespace tractus::scenarios {

using nlohmann::json;
using units::kNewtonsPerLbf;

namespace {

// below this a session did not treat: no adaptation, no relief
constexpr double kTreatedLbf = 5.0;
// retained disc height fades off the table with this time constant, days [U]
constexpr double kHeightFadeDays = 7.0;
// share of a session's retained stature gain still there at the next session [U]
constexpr double kHeightCarry = 0.2;

double round1(double v) { return std::floor(v * 10.0 + 0.5) / 10.0; }
// a force rounded to the 0.1 lbf the console shows it to (a dose, a goal's bound), in newtons
double round_to_shown_n(double force_n) { return round1(force_n / kNewtonsPerLbf) * kNewtonsPerLbf; }
// for the words a person reads
std::string lbf1(double force_n) { return fmt1(force_n / kNewtonsPerLbf) + " lbf"; }

// each session draws from its own stream so a session's swing does not depend on how many
// draws the ones before it made
Rng day_rng(uint64_t seed, int index) {
  return Rng(seed ^ (0x9E3779B97F4A7C15ULL * static_cast<uint64_t>(index + 1)));
}

}  // namespace

bool parse_course_script(const json& j, const std::string& file, int sessions, CourseScript& out,
                         LoadError& error) {
  error = LoadError{};
  error.file = file;
  detail::Fields f(error);
  out.clear();
  if (!f.depth_within(j)) return false;
  if (!j.is_object())
    return f.fail("$", "a course action file must be an object {\"sessions\": [[...], ...]}");
  if (!f.object(j, "$", {"sessions"})) return false;
  const json* list = f.member(j, "$", "sessions", true);
  if (list == nullptr) return false;
  if (!list->is_array()) return f.fail("$.sessions", "must be an array of action arrays");
  if (static_cast<int>(list->size()) != sessions)
    return f.fail("$.sessions", "has " + std::to_string(list->size()) + " entries; the course has " +
                                    std::to_string(sessions) + " sessions");
  std::size_t entries = 0;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string sp = detail::Fields::index_path("$.sessions", i);
    if ((*list)[i].is_array() && (entries += (*list)[i].size()) > kMaxScriptEntries)
      return f.fail(sp, "brings the course to " + std::to_string(entries) +
                            " actions, above the limit of " + std::to_string(kMaxScriptEntries));
    ActionScript script;
    LoadError e;
    if (!parse_action_script((*list)[i], file, script, e)) {
      // re-root the session's error under its place in the course file
      const std::string inner = e.path.size() > 1 ? e.path.substr(1) : "";
      return f.fail(detail::Fields::index_path("$.sessions", i) + inner, e.reason);
    }
    out.push_back(script);
  }
  return true;
}

bool load_course_script(const std::string& file, int sessions, CourseScript& out,
                        LoadError& error) {
  json j;
  if (!read_json_file(file, j, error)) return false;
  return parse_course_script(j, file, sessions, out, error);
}

Scenario course_session_scenario(const Scenario& course, const CourseState& state, int index,
                                 double day_pain_0_10) {
  const CourseSpec& c = course.course;
  Scenario s = course;
  const std::string n = std::to_string(index + 1) + " of " + std::to_string(c.sessions);
  s.title += " (session " + n + ")";
  s.patient.presenting_complaint = "Low back pain about " + fmt1(day_pain_0_10) + "/10 today.";
  if (index > 0) {
    const std::string last = state.last_dose_n > 0.0 ? lbf1(state.last_dose_n) : "no traction";
    s.patient.history += " Course so far: " + std::to_string(index) + " session(s); last session " + last + ".";
    s.briefing += " Session " + n + ": last session " + last + "; resting pain " +
                  fmt1(day_pain_0_10) + "/10 today.";
  }
  if (index > 0 && state.last_dose_n > 0.0) {
    // from holding the last dose to the course's largest step, never past its target; after a
    // flare-up the tolerance has fallen below the last dose and the range drops back with it
    const double from = std::fmin(state.last_dose_n, state.tolerance_n);
    const double hi = std::fmin(c.target_force_n, from * (1.0 + c.max_step_fraction));
    s.goal.force_n.has_min = s.goal.force_n.has_max = true;
    s.goal.force_n.min = round_to_shown_n(std::fmin(0.9 * from, hi));
    s.goal.force_n.max = round_to_shown_n(hi);
  }
  return s;
}

CourseRun::CourseRun(const Scenario& course, uint64_t seed, Mode mode) : course_(course), mode_(mode) {
  report_.scenario = course.id;
  report_.version = course.version;
  report_.seed = seed;
  state_.pain_0_10 = course.course.pain_start_0_10;
  state_.tolerance_n = course.course.tolerance_n;
  plan_next();
}

bool CourseRun::done() const { return static_cast<int>(report_.sessions.size()) >= course_.course.sessions; }

void CourseRun::plan_next() {
  if (done()) return;
  const CourseSpec& c = course_.course;
  const int i = static_cast<int>(report_.sessions.size());
  Rng rng = day_rng(report_.seed, i);
  const double swing = 2.0 * rng.uniform01() - 1.0;  // pain, -1..1
  adapt_swing_ = 2.0 * rng.uniform01() - 1.0;        // adaptation, -1..1
  next_ = CourseSession{};
  next_.index = i;
  next_.day = c.days_between * i;
  next_.day_pain_0_10 = round1(twin::det::clamp(state_.pain_0_10 + c.pain_variation_0_10 * swing, 0.0, 10.0));
  next_.tolerance_n = state_.tolerance_n;
  next_scenario_ = course_session_scenario(course_, state_, i, next_.day_pain_0_10);
  next_.goal_min_n = next_scenario_.goal.force_n.min;
  next_.goal_max_n = next_scenario_.goal.force_n.max;
}

SessionOptions CourseRun::next_options() const {
  SessionOptions opt;
  opt.seed = report_.seed ^ (0xD1B54A32D192ED03ULL * static_cast<uint64_t>(next_.index + 1));
  opt.mode = mode_;
  opt.back_pain_baseline_0_10 = next_.day_pain_0_10;
  return opt;
}

const CourseSession& CourseRun::finish(const Session& session) {
  const CourseSpec& c = course_.course;
  CourseState& st = state_;
  CourseSession cs = next_;
  const Report rep = build_report(session);
  cs.score = rep.score;
  cs.critical_errors = rep.critical_errors;
  cs.stature_gain_mm = session.rig().twin_state().patient.stature_gain_mm;

  // the patient's answer to the dose, carried to the next session
  const bool treated = session.first_start().started && session.max_force_n() >= kTreatedLbf * kNewtonsPerLbf;
  cs.dose_n = treated ? round_to_shown_n(session.max_force_n()) : 0.0;
  if (treated && st.last_dose_n > 0.0) cs.step_fraction = cs.dose_n / st.last_dose_n - 1.0;
  if (treated && cs.dose_n > st.tolerance_n * (1.0 + c.flare_margin)) {
    cs.flare = true;
    cs.critical_errors.push_back(CriticalError{
        "flare_up", session.now_us(),
        "the dose of " + lbf1(cs.dose_n) + " was past what the patient tolerated (" +
            lbf1(st.tolerance_n) + "): the back flared up after the session"});
    st.pain_0_10 = twin::det::clamp(st.pain_0_10 + c.flare_pain_0_10, 0.0, 10.0);
    st.tolerance_n *= 1.0 - c.flare_tolerance_drop;
  } else if (treated) {
    const double effect = std::fmin(1.0, cs.dose_n / c.target_force_n);
    st.pain_0_10 = std::fmax(0.5, st.pain_0_10 - c.pain_relief_per_session * effect);
    // the tissues adapt to the dose they were given: about adapt_per_session above it
    st.tolerance_n = std::fmax(st.tolerance_n,
                               cs.dose_n * (1.0 + c.adapt_per_session * (1.0 + 0.3 * adapt_swing_)));
  }
  if (treated) st.last_dose_n = cs.dose_n;
  st.retained_height_mm = st.retained_height_mm * twin::det::exp(-c.days_between / kHeightFadeDays) +
                          kHeightCarry * (cs.stature_gain_mm > 0.0 ? cs.stature_gain_mm : 0.0);

  cs.passed = rep.score >= course_.rubric.pass_score && cs.critical_errors.empty();
  for (const CriticalError& e : cs.critical_errors)
    report_.critical_errors.push_back("session " + std::to_string(cs.index + 1) + ": " + e.id);
  total_score_ += cs.score;
  report_.sessions.push_back(cs);
  records_.push_back(make_record(session));
  const int n = static_cast<int>(report_.sessions.size());
  report_.score = round1(total_score_ / n);
  report_.passed = n == c.sessions && report_.score >= course_.rubric.pass_score && report_.critical_errors.empty();
  report_.final_state = st;
  plan_next();
  return report_.sessions.back();
}

CourseReport run_course(const Scenario& course, const CourseScript& scripts, uint64_t seed,
                        Mode mode) {
  CourseRun run(course, seed, mode);
  for (std::size_t i = 0; i < scripts.size() && !run.done(); ++i) {
    Session session(run.next_scenario(), run.next_options());
    run_script(session, scripts[i]);
    run.finish(session);
  }
  return run.report();
}

json course_report_to_json(const CourseReport& r) {
  json j;
  j["scenario"] = r.scenario;
  j["version"] = r.version;
  j["seed"] = r.seed;
  j["score"] = r.score;
  j["passed"] = r.passed;
  j["critical_errors"] = r.critical_errors;
  j["sessions"] = json::array();
  for (const CourseSession& s : r.sessions) {
    json e;
    e["session"] = s.index + 1;
    e["day"] = s.day;
    e["pain_0_10"] = s.day_pain_0_10;
    // the file edge: the course report states forces in lbf
    e["tolerance_lbf"] = s.tolerance_n / kNewtonsPerLbf;
    e["goal_force_lbf"] = {s.goal_min_n / kNewtonsPerLbf, s.goal_max_n / kNewtonsPerLbf};
    e["dose_lbf"] = s.dose_n / kNewtonsPerLbf;
    e["step_fraction"] = s.step_fraction;
    e["flare"] = s.flare;
    e["score"] = s.score;
    e["passed"] = s.passed;
    e["critical_errors"] = json::array();
    for (const CriticalError& c : s.critical_errors) e["critical_errors"].push_back(c.id);
    e["stature_gain_mm"] = s.stature_gain_mm;
    j["sessions"].push_back(e);
  }
  j["final"] = {{"pain_0_10", r.final_state.pain_0_10},
                {"tolerance_lbf", r.final_state.tolerance_n / kNewtonsPerLbf},
                {"last_dose_lbf", r.final_state.last_dose_n / kNewtonsPerLbf},
                {"retained_height_mm", r.final_state.retained_height_mm}};
  return j;
}

}  // namespace tractus::scenarios
