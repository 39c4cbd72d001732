// `run`: plays an action file against a scenario and prints the report.
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>

#include "cli_util.h"
#include "commands.h"
#include "scenarios/course.h"
#include "scenarios/display_names.h"
#include "scenarios/library.h"
#include "scenarios/record.h"
#include "scenarios/report_html.h"
#include "scenarios/scoring.h"
#include "scenarios/script.h"

namespace tractus::cli {

namespace {

void usage() {
  std::printf(
      "usage: tractus-cli run --scenario ID|FILE --actions FILE [--seed N]\n"
      "                       [--mode practice|assessment] [--json] [--series]\n"
      "                       [--record FILE] [--html FILE]\n"
      "Plays the action file against the scenario and prints the report. --record saves the\n"
      "session record for `replay`; --html writes the printable debrief page. For a course of care the action file is\n"
      "{\"sessions\": [[...], ...]}, one action array per session, and the report covers the\n"
      "whole course. Exit code: 0 passed, 1 failed, 2 bad input.\n");
}

void print_summary(const scenarios::Report& r) {
  std::printf("%s v%d seed %llu (%s): score %.1f, %s\n", r.scenario.c_str(), r.version,
              static_cast<unsigned long long>(r.seed), r.mode.c_str(), r.score,
              r.passed ? "PASSED" : "FAILED");
  for (const scenarios::CriticalError& c : r.critical_errors)
    std::printf("  CRITICAL at %7.2f s: %s: %s\n", static_cast<double>(c.t_us) * 1e-6,
                scenarios::critical_error_display_name(c.id).c_str(), c.message.c_str());
  for (const scenarios::ItemScore& i : r.items)
    std::printf("  %5.1f / %5.1f  %s\n", i.earned, i.weight, i.label.c_str());
  std::printf("  max force %.1f lbf, %.1f s outside the safe band\n", r.max_force_n / units::kNewtonsPerLbf,
              r.time_outside_safe_band_s);
}

void print_course_summary(const scenarios::CourseReport& r) {
  std::printf("%s v%d seed %llu (course of %zu sessions): score %.1f, %s\n", r.scenario.c_str(),
              r.version, static_cast<unsigned long long>(r.seed), r.sessions.size(), r.score,
              r.passed ? "PASSED" : "FAILED");
  // "session 3: flare_up" in the JSON; the id's display name here
  for (const std::string& c : r.critical_errors) {
    const std::size_t colon = c.rfind(": ");
    const std::string id = colon == std::string::npos ? c : c.substr(colon + 2);
    const std::string where = colon == std::string::npos ? std::string() : c.substr(0, colon + 2);
    std::printf("  CRITICAL %s%s\n", where.c_str(), scenarios::critical_error_display_name(id).c_str());
  }
  std::printf("  session  day  pain  tolerance  goal lbf      dose   step  score\n");
  for (const scenarios::CourseSession& s : r.sessions)
    std::printf("  %7d %4.0f %5.1f %10.1f  %5.1f-%-5.1f %6.1f %+5.0f%% %6.1f%s\n", s.index + 1,
                s.day, s.day_pain_0_10, s.tolerance_n / units::kNewtonsPerLbf,
                s.goal_min_n / units::kNewtonsPerLbf, s.goal_max_n / units::kNewtonsPerLbf,
                s.dose_n / units::kNewtonsPerLbf, 100.0 * s.step_fraction, s.score, s.flare ? "  FLARE-UP" : "");
  std::printf("  final: pain %.1f/10, tolerance %.1f lbf, retained disc height %.2f mm\n",
              r.final_state.pain_0_10, r.final_state.tolerance_n / units::kNewtonsPerLbf,
              r.final_state.retained_height_mm);
}

// a course scenario: the action file holds one action array per session
int run_course(const scenarios::Scenario& scenario, const std::string& actions_file,
               uint64_t seed, const std::string& mode, bool json) {
  scenarios::CourseScript scripts;
  scenarios::LoadError error;
  if (!scenarios::load_course_script(actions_file, scenario.course.sessions, scripts, error)) {
    print_error("run", error);
    return 2;
  }
  const scenarios::CourseReport report = scenarios::run_course(
      scenario, scripts, seed,
      mode == "assessment" ? scenarios::Mode::Assessment : scenarios::Mode::Practice);
  if (json) print_json(scenarios::course_report_to_json(report));
  else print_course_summary(report);
  return report.passed ? 0 : 1;
}

}  // namespace

int run_command(int argc, char** argv) {
  std::string scenario_ref, actions_file, record_file, html_file, mode = "practice";
  uint64_t seed = 1;
  bool json = false, series = false;
  for (int i = 1; i < argc; ++i) {
    const char* a = argv[i];
    if (std::strcmp(a, "--help") == 0) { usage(); return 0; }
    if (std::strcmp(a, "--json") == 0) { json = true; continue; }
    if (std::strcmp(a, "--series") == 0) { series = true; continue; }
    if (i + 1 >= argc) {
      std::fprintf(stderr, "tractus-cli run: %s: unknown option or missing value\n", a);
      return 2;
    }
    const char* v = argv[++i];
    if (std::strcmp(a, "--scenario") == 0) scenario_ref = v;
    else if (std::strcmp(a, "--actions") == 0) actions_file = v;
    else if (std::strcmp(a, "--record") == 0) record_file = v;
    else if (std::strcmp(a, "--html") == 0) html_file = v;
    else if (std::strcmp(a, "--mode") == 0) mode = v;
    else if (std::strcmp(a, "--seed") == 0) {
      if (!parse_u64("run", a, v, seed)) return 2;
    } else {
      std::fprintf(stderr, "tractus-cli run: unknown option '%s'\n", a);
      return 2;
    }
  }
  if (scenario_ref.empty() || actions_file.empty()) {
    std::fprintf(stderr, "tractus-cli run: --scenario and --actions are required\n");
    return 2;
  }
  if (mode != "practice" && mode != "assessment") {
    std::fprintf(stderr, "tractus-cli run: --mode: '%s' is not practice or assessment\n", mode.c_str());
    return 2;
  }

  scenarios::Scenario scenario;
  scenarios::LoadError error;
  if (!scenarios::load_scenario_by_ref(scenario_ref, scenario, error)) {
    print_error("run", error);
    return 2;
  }
  if (scenario.course.sessions > 0) {
    if (!record_file.empty() || !html_file.empty() || series) {
      std::fprintf(stderr, "tractus-cli run: --record, --html and --series are for single sessions, not "
                           "courses\n");
      return 2;
    }
    return run_course(scenario, actions_file, seed, mode, json);
  }
  scenarios::ActionScript script;
  if (!scenarios::load_action_script(actions_file, script, error)) {
    print_error("run", error);
    return 2;
  }

  scenarios::SessionOptions options;
  options.seed = seed;
  options.mode = mode == "assessment" ? scenarios::Mode::Assessment : scenarios::Mode::Practice;
  scenarios::Session session(scenario, options);
  scenarios::run_script(session, script);
  const scenarios::Report report = scenarios::build_report(session);

  if (!record_file.empty()) {
    std::ofstream out(record_file);
    out << scenarios::record_to_json(scenarios::make_record(session)).dump(2) << "\n";
    if (!out) {
      std::fprintf(stderr, "tractus-cli run: %s: cannot write the record\n", record_file.c_str());
      return 2;
    }
  }
  if (!html_file.empty()) {
    scenarios::ReportPageInfo info;
    info.scenario_title = scenario.title;
    std::ofstream out(html_file);
    out << scenarios::report_to_html(scenarios::report_to_json(report, session, true), info);
    if (!out) {
      std::fprintf(stderr, "tractus-cli run: %s: cannot write the page\n", html_file.c_str());
      return 2;
    }
  }
  if (json) print_json(scenarios::report_to_json(report, session, series));
  else print_summary(report);
  return report.passed ? 0 : 1;
}

}  // namespace tractus::cli
