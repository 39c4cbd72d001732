// The report as JSON, with the debrief: what went well, what was missed (with the expected
// action and why), structured prompts and the series to plot.
#include <cstdio>

#include <nlohmann/json.hpp>

#include "scenarios/scoring.h"

namespace tractus::scenarios {

using nlohmann::json;

namespace {

json time_or_null(int64_t t_us) {
  return t_us < 0 ? json(nullptr) : json(static_cast<double>(t_us) * 1e-6);
}

const CriticalErrorInfo* critical_info(const std::string& id) {
  for (const CriticalErrorInfo& c : critical_error_catalogue())
    if (id == c.id) return &c;
  return nullptr;
}

std::string hex(uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

json prompts(const Report& r, const Session& s) {
  const Scenario& sc = s.scenario();
  // the moment to reflect on: the first critical error, else the first patient reaction
  std::string moment;
  if (!r.critical_errors.empty()) {
    moment = r.critical_errors.front().message;
  } else {
    for (const TimelineEntry& e : r.timeline)
      if (e.kind == "reaction" || e.kind == "fault" || e.kind == "finding") {
        moment = e.text;
        break;
      }
  }
  const ItemScore* worst = nullptr;
  for (const ItemScore& i : r.items)
    if (i.earned < i.weight && (worst == nullptr || i.weight - i.earned > worst->weight - worst->earned))
      worst = &i;
  json p;
  p["reactions"] = moment.empty()
                       ? "How did you feel the session went with " + sc.patient.name + "?"
                       : "How did you feel at this moment: " + moment + "?";
  p["description"] = "Describe what happened, in order, from reading the chart to the end of "
                     "the session. Which moments in the timeline mattered most?";
  p["analysis"] = worst == nullptr
                      ? std::string("Every checklist item was met. What told you each step was "
                                    "the safe one?")
                      : "You missed \"" + worst->label + "\" (expected: " + worst->expected +
                            "). What got in the way, and what would have prompted you?";
  p["summary"] = "What will you do the same, and what differently, next time you see a patient "
                 "like " + sc.patient.name + " (" + sc.patient.diagnosis + ")?";
  return p;
}

}  // namespace

json report_to_json(const Report& r, const Session& s, bool with_series) {
  json j;
  j["scenario"] = r.scenario;
  j["version"] = r.version;
  j["seed"] = r.seed;
  j["mode"] = r.mode;
  j["score"] = r.score;
  j["passed"] = r.passed;
  j["critical_errors"] = json::array();
  for (const CriticalError& c : r.critical_errors)
    j["critical_errors"].push_back(
        {{"id", c.id}, {"t_s", static_cast<double>(c.t_us) * 1e-6}, {"message", c.message}});
  j["items"] = json::array();
  for (const ItemScore& i : r.items)
    j["items"].push_back({{"id", i.id},
                          {"label", i.label},
                          {"weight", i.weight},
                          {"earned", i.earned},
                          {"t_s", time_or_null(i.t_us)}});
  json m;
  m["max_force_lbf"] = r.max_force_n / units::kNewtonsPerLbf;  // the file edge
  m["time_outside_safe_band_s"] = r.time_outside_safe_band_s;
  m["time_to_stop"] = json::array();
  for (const StopMetric& t : r.time_to_stop)
    m["time_to_stop"].push_back({{"trigger", t.trigger},
                                 {"t_s", t.t_s},
                                 {"time_to_stop_s", t.time_to_stop_s < 0.0 ? json(nullptr)
                                                                           : json(t.time_to_stop_s)}});
  m["first_check_in_s"] = r.first_check_in_s < 0.0 ? json(nullptr) : json(r.first_check_in_s);
  m["hints_used"] = r.hints_used;
  m["hint_penalty"] = r.hint_penalty;
  m["session_s"] = r.session_s;
  j["metrics"] = m;
  j["timeline"] = json::array();
  for (const TimelineEntry& e : r.timeline)
    j["timeline"].push_back(
        {{"t_s", static_cast<double>(e.t_us) * 1e-6}, {"kind", e.kind}, {"text", e.text}});
  j["timeline_hash"] = hex(r.timeline_hash);

  json debrief;
  debrief["went_well"] = json::array();
  debrief["missed"] = json::array();
  for (const ItemScore& i : r.items) {
    if (i.earned >= i.weight) {
      debrief["went_well"].push_back(
          {{"id", i.id}, {"label", i.label}, {"t_s", time_or_null(i.t_us)}, {"why", i.why}});
    } else {
      debrief["missed"].push_back(
          {{"id", i.id}, {"label", i.label}, {"expected", i.expected}, {"why", i.why}});
    }
  }
  for (const CriticalError& c : r.critical_errors) {
    const CriticalErrorInfo* info = critical_info(c.id);
    debrief["missed"].push_back({{"id", c.id},
                                 {"label", "CRITICAL: " + c.message},
                                 {"t_s", static_cast<double>(c.t_us) * 1e-6},
                                 {"expected", info ? info->expected : ""},
                                 {"why", info ? info->why : ""}});
  }
  debrief["prompts"] = prompts(r, s);
  j["debrief"] = debrief;

  if (with_series) {
    json series;
    for (const char* k : {"t_s", "force_lbf", "measured_lbf", "target_lbf", "separation_mm",
                          "pressure_mmhg", "carriage_mm", "pain"})
      series[k] = json::array();
    for (const Sample& x : s.series()) {
      series["t_s"].push_back(x.t_s);
      // the file edge: the report's series are in lbf
      series["force_lbf"].push_back(x.force_n / units::kNewtonsPerLbf);
      series["measured_lbf"].push_back(x.measured_n / units::kNewtonsPerLbf);
      series["target_lbf"].push_back(x.target_n / units::kNewtonsPerLbf);
      series["separation_mm"].push_back(x.separation_mm);
      series["pressure_mmhg"].push_back(units::mmhg_from_mpa(x.pressure_mpa));  // and mmHg
      series["carriage_mm"].push_back(x.carriage_mm);
      series["pain"].push_back(x.pain_0_10);
    }
    j["series"] = series;
  }
  return j;
}

}  // namespace tractus::scenarios
