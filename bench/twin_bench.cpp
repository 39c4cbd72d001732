// Google Benchmark of the twin: steps per second and a 30-minute session against real time.
#include <benchmark/benchmark.h>

#include "twin_scenes.h"

using namespace tractus;

// one 1 kHz control tick: ten mechanical sub-steps and the patient
static void BM_TwinStep1ms(benchmark::State& state) {
  const twin::TwinModel model;
  twin::TwinState s = bench::pulling_state(model);
  const hal::ActuatorFrame a = bench::steady_pull();
  for (auto _ : state) {
    twin::step(model, s, a, 1000);
    benchmark::DoNotOptimize(s.cord_tension_n);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["x_real_time"] = benchmark::Counter(1e-3 * static_cast<double>(state.iterations()),
                                                     benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TwinStep1ms);

// the same tick with three faults scheduled (two active), as a fault scenario runs
static void BM_TwinStep1msWithFaults(benchmark::State& state) {
  const twin::TwinModel model;
  twin::TwinState s = bench::pulling_state(model);
  for (const char* name : {"load_cell.noisy", "motor.weak", "cord.break"}) {
    twin::FaultSpec spec;
    twin::make_fault_spec(name, &spec, name[0] == 'c' ? INT64_MAX / 2 : 0);
    twin::schedule_fault(s.faults, spec);
  }
  const hal::ActuatorFrame a = bench::steady_pull();
  for (auto _ : state) {
    twin::step(model, s, a, 1000);
    benchmark::DoNotOptimize(s.cord_tension_n);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_TwinStep1msWithFaults);

// one read of every sensor, as the firmware does once per tick
static void BM_TwinSense(benchmark::State& state) {
  const twin::TwinModel model;
  const twin::TwinState s = bench::pulling_state(model);
  Rng rng(1);
  for (auto _ : state) {
    const hal::SensorFrame f = twin::sense(model, s, rng);
    benchmark::DoNotOptimize(f.load_cell_counts);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_TwinSense);

// a whole 30-minute lumbar session through the bench servo; x_real_time is simulated seconds
// per wall second
static void BM_ThirtyMinuteSession(benchmark::State& state) {
  const twin::TwinModel model;
  const twin::ProbeProtocol dose = bench::thirty_minute_session();
  for (auto _ : state) {
    const twin::ProbeReport r = twin::run_probe(model, dose);
    benchmark::DoNotOptimize(r.levels[3].separation_mm);
  }
  state.counters["x_real_time"] = benchmark::Counter(
      bench::kSessionSeconds * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ThirtyMinuteSession)->Unit(benchmark::kMillisecond)->Iterations(3);

BENCHMARK_MAIN();
