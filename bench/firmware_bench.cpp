// Google Benchmark of the table firmware: the cost of one 1 kHz Controller::tick at a 400 N
// lumbar static hold, against the 1000 us tick period and the twin's own step (twin_bench).
//
// The sensor frames are recorded from a live rig (firmware against the twin) and replayed to a
// copy of the firmware taken at the start of the recording: fed the same frames, the copy
// takes the same path as the live firmware did, so the timing is of real hold ticks, with no
// twin work inside the timed loop.
#include <benchmark/benchmark.h>

#include <vector>

#include "scenarios/rig.h"

using namespace tractus;

namespace {

constexpr int64_t kUsPerS = 1000000;
constexpr int kRecordedTicks = 2000;

struct Recording {
  controller::Controller start;  // the firmware as the first recorded frame found it
  int64_t start_us = 0;
  std::vector<hal::SensorFrame> frames;
};

Recording record_hold() {
  scenarios::Rig rig(scenarios::RigConfig{});
  rig.advance_us(kUsPerS / 2);
  hal::Prescription p;
  p.max_force_n = 400.0f;
  p.ramp_s = 15.0f;
  p.treatment_s = 600.0f;
  p.release_n_per_s = 40.0f;
  rig.prescribe_and_start(p);
  rig.advance_us(25 * kUsPerS);  // settled on the hold
  Recording r{rig.firmware(), rig.now_us(), {}};
  r.frames.reserve(kRecordedTicks);
  for (int i = 0; i < kRecordedTicks; ++i) {
    rig.tick();
    r.frames.push_back(rig.sensors());
  }
  return r;
}

}  // namespace

// one firmware tick at a hold: monitors, supervisor, force loop, display
static void BM_FirmwareTickAtHold(benchmark::State& state) {
  const Recording rec = record_hold();
  controller::Controller fw = rec.start;
  const hal::ConsoleCommand none;
  int i = 0;
  for (auto _ : state) {
    if (i == kRecordedTicks) {
      state.PauseTiming();
      fw = rec.start;  // replay the recording again from its start
      i = 0;
      state.ResumeTiming();
    }
    const hal::ActuatorFrame out = fw.tick(rec.frames[i], none, rec.start_us + i * 1000);
    benchmark::DoNotOptimize(out.motor_command);
    ++i;
  }
  // the replay must have stayed on the hold, or the figure is of another path
  state.counters["treating"] = fw.display().state == hal::TableState::Treating ? 1.0 : 0.0;
  state.counters["tick_budget_fraction"] = benchmark::Counter(
      1e-3 * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_FirmwareTickAtHold);

BENCHMARK_MAIN();
