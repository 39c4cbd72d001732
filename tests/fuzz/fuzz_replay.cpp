// libFuzzer target: a fuzzed session record replayed on a library scenario.
//
// The record's scenario id and version are replaced by those of a library scenario (the
// input's first byte picks which), and its end is cut to 20 s of session time so each run
// stays short. The replayed session must then make a record that reads back and replays to
// the same result, physics hash included: replay is deterministic whatever the actions.
#include <algorithm>
#include <vector>

#include "fuzz_common.h"
#include "scenarios/library.h"
#include "scenarios/record.h"

using namespace tractus;

namespace {

constexpr int64_t kMaxReplayUs = 20000000;

const std::vector<scenarios::Scenario>& library() {
  static const std::vector<scenarios::Scenario> scenarios = [] {
    std::vector<scenarios::Scenario> out;
    for (const std::string& file : scenarios::library_files()) {
      scenarios::Scenario s;
      scenarios::LoadError e;
      // courses run as a series of sessions, not from one record
      if (scenarios::load_scenario_file(file, s, e) && s.course.sessions == 0) out.push_back(s);
    }
    fuzz::require(!out.empty(), "the scenario library loads (set TRACTUS_LIBRARY)");
    return out;
  }();
  return scenarios;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const scenarios::Scenario& sc = library()[data[0] % library().size()];
  nlohmann::json j;
  if (!fuzz::parse(data + 1, size - 1, j)) return 0;
  scenarios::SessionRecord r;
  scenarios::LoadError e;
  if (!scenarios::parse_record(j, "fuzz", r, e)) {
    fuzz::require_message(e);
    return 0;
  }
  r.scenario_id = sc.id;
  r.scenario_version = sc.version;
  r.end_us = std::min(r.end_us, kMaxReplayUs);
  r.actions.erase(std::remove_if(r.actions.begin(), r.actions.end(),
                                 [&](const scenarios::RecordedAction& a) { return a.t_us > r.end_us; }),
                  r.actions.end());
  scenarios::Session first(sc, scenarios::record_options(r));
  std::string why;
  fuzz::require(scenarios::replay(sc, r, first, why), "a matching record replays");
  const scenarios::SessionRecord made = scenarios::make_record(first);
  scenarios::SessionRecord read;
  fuzz::require(scenarios::parse_record(scenarios::record_to_json(made), "made", read, e),
                "the replayed session's record reads back");
  scenarios::Session second(sc, scenarios::record_options(read));
  fuzz::require(scenarios::replay(sc, read, second, why), "the new record replays");
  fuzz::require(scenarios::check_replay(read, second).matches, "the new record reproduces itself");
  return 0;
}
