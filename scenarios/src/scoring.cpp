#include "scenarios/scoring.h"

#include <cmath>
#include <cstdio>

#include "scenarios/display_names.h"
#include "scenarios/vocabulary.h"
#include "twin/hash.h"

namespace tractus::scenarios {

namespace {

constexpr int64_t kNever = INT64_MAX;

std::string fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

bool matches(const ActionMatch& m, const RecordedAction& r) {
  return r.accepted && m.action == action_name(r.action.kind) &&
         (m.question.empty() || m.question == r.action.question) &&
         (m.reason.empty() || m.reason == r.action.reason);
}

int64_t first_timeline(const Session& s, const std::string& key) {
  for (const TimelineEntry& e : s.timeline())
    if (timeline_matches(e, key)) return e.t_us;
  return -1;
}

// per_unit: SI per displayed unit (newtons per lbf for a force), 1 for the rest
std::string range_text(const char* what, const Range& r, const char* unit, double per_unit = 1.0) {
  if (!r.has_min && !r.has_max) return "";
  const std::string lo = fmt(r.min / per_unit), hi = fmt(r.max / per_unit);
  std::string t = std::string(", ") + what + " ";
  if (r.has_min && r.has_max) return t + lo + "-" + hi + " " + unit;
  if (r.has_min) return t + "at least " + lo + " " + unit;
  return t + "at most " + hi + " " + unit;
}

std::string expected_text(const Scenario& sc, const Expectation& x) {
  switch (x.kind) {
    case Expectation::Kind::Action: {
      // "Review the chart before starting", "Check on the patient within 20 s of the harness slip"
      std::string t = action_display_name(x.match.action);
      if (!x.match.question.empty()) t = "Ask: \"" + question_display_name(x.match.question) + "\"";
      if (!x.match.reason.empty()) t += " because of " + reason_display_name(x.match.reason);
      if (x.before == "start") t += " before starting";
      if (!x.after_event.empty()) t += " within " + fmt(x.within_s) + " s of " + event_display_name(x.after_event);
      return t;
    }
    case Expectation::Kind::Prescription:
      return "Start with the prescription: " + sc.goal.region + " " + sc.goal.mode +
             range_text("force", sc.goal.force_n, "lbf", units::kNewtonsPerLbf) + range_text("ramp", sc.goal.ramp_s, "s") +
             range_text("time", sc.goal.treatment_min, "min") +
             range_text("angle", sc.goal.angle_deg, "deg");
    case Expectation::Kind::State:
      return "Bring the table to " + state_display_name(x.state);
    case Expectation::Kind::Envelope:
      return "Keep the force inside the safe band (credit is gone after " + fmt(x.tolerance_s) +
             " s outside)";
  }
  return "";
}

ItemScore score_item(const Session& s, const RubricItem& item) {
  ItemScore r;
  r.id = item.id;
  r.label = item.label;
  r.weight = item.weight;
  r.why = item.why;
  r.expected = expected_text(s.scenario(), item.expect);
  const Expectation& x = item.expect;
  switch (x.kind) {
    case Expectation::Kind::Action: {
      int64_t from = 0, to = kNever;
      if (x.before == "start" && s.first_start().started) to = s.first_start().t_us;
      if (!x.after_event.empty()) {
        from = first_timeline(s, x.after_event);
        if (from < 0) {  // the event never came: nothing was asked of the trainee
          r.earned = r.weight;
          return r;
        }
        to = from + static_cast<int64_t>(x.within_s * 1e6 + 0.5);
      }
      for (const RecordedAction& a : s.actions()) {
        if (a.t_us >= from && a.t_us <= to && matches(x.match, a)) {
          r.earned = r.weight;
          r.t_us = a.t_us;
          break;
        }
      }
      return r;
    }
    case Expectation::Kind::Prescription: {
      const StartedPrescription& p = s.first_start();
      const Goal& g = s.scenario().goal;
      if (p.started && p.protocol.region == g.region && p.protocol.mode == g.mode &&
          g.force_n.contains(p.protocol.force_n) && g.ramp_s.contains(p.protocol.ramp_s) &&
          g.treatment_min.contains(p.protocol.treatment_min) && g.angle_deg.contains(p.angle_deg)) {
        r.earned = r.weight;
        r.t_us = p.t_us;
      }
      return r;
    }
    case Expectation::Kind::State: {
      const int64_t t = first_timeline(s, "state:" + x.state);
      if (t >= 0) {
        r.earned = r.weight;
        r.t_us = t;
      }
      return r;
    }
    case Expectation::Kind::Envelope: {
      double share = 1.0 - s.time_outside_safe_band_s() / x.tolerance_s;
      share = share < 0.0 ? 0.0 : share;
      r.earned = r.weight * share;
      return r;
    }
  }
  return r;
}

}  // namespace

const std::vector<CriticalErrorInfo>& critical_error_catalogue() {
  static const std::vector<CriticalErrorInfo> k = {
      {"contraindicated_treatment",
       "screen for contraindications (chart and questions) and decline treatment when one is found",
       "traction on a contraindicated patient risks serious harm: fracture, haemorrhage or "
       "neurological injury"},
      {"no_stop_switch",
       "plug in the patient stop switch and put it in the patient's hand before starting",
       "the patient must be able to stop the table themselves; the Eltrac will not start "
       "without it"},
      {"force_over_safe_limit", "keep the force within this patient's safe limit",
       "force beyond what the patient's condition and size allow can injure discs, joints and "
       "soft tissue"},
      {"late_stop",
       "stop or release traction at once after sharp radiating pain or a request to stop",
       "sharp, persistent or radiating pain means stop and evaluate; a patient who asks to stop "
       "must be released"},
      {"resumed_after_critical_fault",
       "call service and do not restart after a critical (3xx) fault",
       "a critical fault locks the unit because its safety can no longer be assured"},
      {"harness_under_tension", "wait until all tension has gone before removing the harness",
       "removing a harness under load lets the body spring back uncontrolled (Triton manual: "
       "the harness comes off only once all tension has gone)"},
      {"ended_under_traction", "release traction before ending the session",
       "a patient must never be left on the table under load"},
      {"restarted_after_slip", "stop, check the patient and refit the harness before restarting",
       "a slipped harness rides onto the ribs or abdomen; restarting on it slips again and "
       "jerks the patient"},
      {"flare_up",
       "in a course of care, raise the force about 10% a session within what the patient "
       "tolerated last time",
       "an aggressive jump past the patient's tolerance flares the back up: more pain, less "
       "tolerance and lost weeks of progress"},
      {"patient_left_loaded",
       "after a power loss, reassure the patient and bring the force down with the drive's hand "
       "release, then remove the harness",
       "without power the spring brake holds the full force; the patient cannot get free and "
       "the pull goes on far past its prescribed time"},
      {"started_without_harness",
       "fit the harness at the bedside before confirming it on the console and starting",
       "the console's confirmation is the operator's word, not a fitted harness: an unfastened "
       "harness slides off under the first pull, jerking the patient and delivering no "
       "distraction"},
  };
  return k;
}

uint64_t hash_timeline(const std::vector<TimelineEntry>& timeline) {
  Fnv1a h;
  for (const TimelineEntry& e : timeline) {
    h.i64(e.t_us);
    h.bytes(e.kind.data(), e.kind.size());
    h.bytes(e.tag.data(), e.tag.size());
    h.bytes(e.text.data(), e.text.size());
  }
  return h.value();
}

Report build_report(const Session& s) {
  const Scenario& sc = s.scenario();
  Report r;
  r.scenario = sc.id;
  r.version = sc.version;
  r.seed = s.options().seed;
  r.mode = mode_name(s.options().mode);
  r.critical_errors = s.critical_errors();
  double total = 0.0, earned = 0.0;
  for (const RubricItem& item : sc.rubric.items) {
    r.items.push_back(score_item(s, item));
    total += r.items.back().weight;
    earned += r.items.back().earned;
  }
  r.hints_used = s.hints_used();
  r.hint_penalty = sc.rubric.hint_cost * r.hints_used;
  double score = (total > 0.0 ? 100.0 * earned / total : 0.0) - r.hint_penalty;
  score = score < 0.0 ? 0.0 : (score > 100.0 ? 100.0 : score);
  r.score = std::floor(score * 10.0 + 0.5) / 10.0;
  r.passed = r.score >= sc.rubric.pass_score && r.critical_errors.empty();
  r.max_force_n = s.max_force_n();
  r.time_outside_safe_band_s = s.time_outside_safe_band_s();
  for (const StopResponse& st : s.stop_responses()) {
    StopMetric m;
    m.trigger = st.trigger;
    m.t_s = static_cast<double>(st.t_us) * 1e-6;
    m.time_to_stop_s = st.stopped_us < 0 ? -1.0 : static_cast<double>(st.stopped_us - st.t_us) * 1e-6;
    r.time_to_stop.push_back(m);
  }
  if (s.first_start().started) {
    for (const RecordedAction& a : s.actions()) {
      if (a.action.kind == ActionKind::CheckIn && a.t_us >= s.first_start().t_us) {
        r.first_check_in_s = static_cast<double>(a.t_us - s.first_start().t_us) * 1e-6;
        break;
      }
    }
  }
  r.timeline = s.timeline();
  r.timeline_hash = hash_timeline(r.timeline);
  r.session_s = static_cast<double>(s.now_us()) * 1e-6;
  return r;
}

bool live_score(const Session& session, double& score) {
  if (session.options().mode == Mode::Assessment) return false;
  score = build_report(session).score;
  return true;
}

}  // namespace tractus::scenarios
