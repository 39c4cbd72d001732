// The debrief's replay film against a plain replay of the same record (the baseline, in the
// same run): what keeping a twin snapshot every 250 ms and replaying in 2 s slices costs.
// The record is the routine L4-5 scenario's expert trainee, as CI scores it.
#include <benchmark/benchmark.h>

#include <cstdio>

#include "scenarios/json_file.h"
#include "scenarios/library.h"
#include "scenarios/record.h"
#include "scenarios/replay_trace.h"
#include "scenarios/script.h"

using namespace tractus::scenarios;

namespace {

struct Fixture {
  Scenario scenario;
  SessionRecord record;
};

const Fixture& fixture() {
  static const Fixture f = [] {
    Fixture out;
    LoadError e;
    if (!load_scenario_by_ref("routine-lumbar-l45", out.scenario, e)) std::fprintf(stderr, "%s\n", e.message().c_str());
    ActionScript script;
    if (!load_action_script(TRACTUS_SOURCE_DIR "/tests/data/trainees/routine-lumbar-l45/expert.json", script, e)) {
      std::fprintf(stderr, "%s\n", e.message().c_str());
    }
    Session s(out.scenario, SessionOptions{7, Mode::Practice});
    run_script(s, script);
    out.record = make_record(s);
    return out;
  }();
  return f;
}

// baseline: replay() in one go
void BM_ReplayOneShot(benchmark::State& state) {
  const Fixture& f = fixture();
  for (auto _ : state) {
    Session s(f.scenario, record_options(f.record));
    std::string why;
    benchmark::DoNotOptimize(replay(f.scenario, f.record, s, why));
  }
  state.counters["session_s"] = static_cast<double>(f.record.end_us) * 1e-6;
}
BENCHMARK(BM_ReplayOneShot)->Unit(benchmark::kMillisecond);

// the debrief's film: 2 s slices, a frame every 250 ms
void BM_ReplayFilm(benchmark::State& state) {
  const Fixture& f = fixture();
  std::size_t frames = 0;
  for (auto _ : state) {
    ReplayTrace film(f.scenario, f.record, 250000);
    while (!film.advance(2000000)) {
    }
    frames = film.frames().size();
    benchmark::DoNotOptimize(frames);
  }
  state.counters["frames"] = static_cast<double>(frames);
  state.counters["bytes_per_frame"] = static_cast<double>(sizeof(TraceFrame));
}
BENCHMARK(BM_ReplayFilm)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
