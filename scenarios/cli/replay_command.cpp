// `replay`: replays a session record and checks that it reproduces its recorded result.
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>

#include "cli_util.h"
#include "commands.h"
#include "scenarios/json_file.h"
#include "scenarios/library.h"
#include "scenarios/record.h"
#include "scenarios/scoring.h"

namespace tractus::cli {

int replay_command(int argc, char** argv) {
  std::string record_file, scenario_ref, save_file, new_id;
  bool json = false, series = false;
  for (int i = 1; i < argc; ++i) {
    const char* a = argv[i];
    if (std::strcmp(a, "--help") == 0) {
      std::printf(
          "usage: tractus-cli replay RECORD [--scenario ID|FILE] [--json] [--series]\n"
          "                          [--save-scenario FILE --id NEW_ID]\n"
          "Replays the record and prints the report. Exit code: 0 when it reproduces the\n"
          "recorded score, pass, timeline and physics hash (the rig's end state, seed and\n"
          "mode); 1 when any diverges, each named; 2 on bad input. A record without a\n"
          "physics hash (made before it existed) is checked without it, with a note.\n"
          "--save-scenario writes a new scenario that starts from this record: the original\n"
          "with the record's injected faults and reactions as timed events.\n");
      return 0;
    }
    if (std::strcmp(a, "--json") == 0) { json = true; continue; }
    if (std::strcmp(a, "--series") == 0) { series = true; continue; }
    if (std::strcmp(a, "--scenario") == 0 && i + 1 < argc) { scenario_ref = argv[++i]; continue; }
    if (std::strcmp(a, "--save-scenario") == 0 && i + 1 < argc) { save_file = argv[++i]; continue; }
    if (std::strcmp(a, "--id") == 0 && i + 1 < argc) { new_id = argv[++i]; continue; }
    if (a[0] == '-' || !record_file.empty()) {
      std::fprintf(stderr, "tractus-cli replay: unexpected argument '%s'\n", a);
      return 2;
    }
    record_file = a;
  }
  if (record_file.empty()) {
    std::fprintf(stderr, "tractus-cli replay: name a record file\n");
    return 2;
  }
  scenarios::SessionRecord record;
  scenarios::LoadError error;
  if (!scenarios::load_record(record_file, record, error)) {
    print_error("replay", error);
    return 2;
  }
  scenarios::Scenario scenario;
  if (!scenarios::load_scenario_by_ref(scenario_ref.empty() ? record.scenario_id : scenario_ref,
                                       scenario, error)) {
    print_error("replay", error);
    return 2;
  }
  scenarios::Session session(scenario, scenarios::record_options(record));
  std::string why;
  if (!scenarios::replay(scenario, record, session, why)) {
    std::fprintf(stderr, "tractus-cli replay: %s: %s\n", record_file.c_str(), why.c_str());
    return 2;
  }
  if (!save_file.empty()) {
    nlohmann::json original, derived;
    const std::string source = scenario.source_file;
    if (!scenarios::read_json_file(source, original, error)) {
      print_error("replay", error);
      return 2;
    }
    if (!scenarios::scenario_from_record(original, record, new_id, derived, why)) {
      std::fprintf(stderr, "tractus-cli replay: --id: %s\n", why.c_str());
      return 2;
    }
    std::ofstream out(save_file);
    out << derived.dump(2) << "\n";
    if (!out) {
      std::fprintf(stderr, "tractus-cli replay: %s: cannot write the scenario\n", save_file.c_str());
      return 2;
    }
  }
  const scenarios::Report report = scenarios::build_report(session);
  const scenarios::ReplayCheck check = scenarios::check_replay(record, session);
  if (json) {
    nlohmann::json j = scenarios::report_to_json(report, session, series);
    j["replay_matches_record"] = check.matches;
    j["replay_diverged"] = check.diverged;
    if (!check.note.empty()) j["replay_note"] = check.note;
    print_json(j);
  } else {
    std::printf("%s: score %.1f, %s; replay %s the record\n", report.scenario.c_str(), report.score,
                report.passed ? "passed" : "failed", check.matches ? "matches" : "DIVERGES FROM");
  }
  // the note goes with the result line (in --json it is the replay_note member)
  if (!json && !check.note.empty()) std::printf("note: %s\n", check.note.c_str());
  std::fflush(stdout);
  if (!check.matches) {
    std::string what;
    for (const std::string& d : check.diverged) what += (what.empty() ? "" : "; ") + d;
    std::fprintf(stderr, "tractus-cli replay: %s: replay diverged: %s\n", record_file.c_str(),
                 what.c_str());
    return 1;
  }
  return 0;
}

}  // namespace tractus::cli
