// Google Benchmark of the table firmware: the cost of one 1 kHz Controller::tick at a 400 N
// lumbar static hold, against the twin's own 1 ms step on the same hold in the same run (the
// baseline), and against the 1000 us tick period.
//
// The sensor frames are recorded from a live rig (firmware against the twin) and replayed to a
// copy of the firmware taken at the start of the recording: fed the same frames, the copy
// takes the same path as the live firmware did, so the timing is of real hold ticks, with no
// twin work inside the timed loop. The run fails if the replay leaves the hold.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "scenarios/rig.h"
#include "twin/twin.h"

using namespace tractus;

namespace {

constexpr int64_t kUsPerS = 1000000;
constexpr int kRecordedTicks = 2000;
// the console's heartbeat period (the rig stamps one on its command every 100 ms)
constexpr int kHeartbeatTicks = 100;

struct Recording {
  controller::Controller start;  // the firmware as the first recorded frame found it
  twin::TwinModel model;
  twin::TwinState twin_start;    // the twin at the same moment
  int64_t start_us = 0;
  std::vector<hal::SensorFrame> frames;
  std::vector<hal::ActuatorFrame> outputs;
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
  Recording r{rig.firmware(), rig.model(), rig.twin_state(), rig.now_us(), {}, {}};
  r.frames.reserve(kRecordedTicks);
  r.outputs.reserve(kRecordedTicks);
  for (int i = 0; i < kRecordedTicks; ++i) {
    rig.tick();
    r.frames.push_back(rig.sensors());
    r.outputs.push_back(rig.actuators());
  }
  return r;
}

const Recording& recording() {
  static const Recording r = record_hold();
  return r;
}

// the console's command on replay tick i: a fresh heartbeat every 100 ticks, as the rig sends,
// so the copy does not declare the console link lost half a second in
hal::ConsoleCommand console_at(int i) {
  hal::ConsoleCommand c;
  if (i % kHeartbeatTicks == 0) c.heartbeat = 0x40000000u + static_cast<uint32_t>(i / kHeartbeatTicks);
  return c;
}

}  // namespace

// one firmware tick at a hold: monitors, supervisor, force loop, display
static void BM_FirmwareTickAtHold(benchmark::State& state) {
  const Recording& rec = recording();
  controller::Controller fw = rec.start;
  bool held = true;
  int i = 0;
  for (auto _ : state) {
    if (i == kRecordedTicks) {
      state.PauseTiming();
      held = held && fw.display().state == hal::TableState::Treating;
      fw = rec.start;  // replay the recording again from its start
      i = 0;
      state.ResumeTiming();
    }
    const hal::ActuatorFrame out = fw.tick(rec.frames[i], console_at(i), rec.start_us + i * 1000);
    benchmark::DoNotOptimize(out.motor_command);
    ++i;
  }
  held = held && fw.display().state == hal::TableState::Treating;
  // the figure is only of the hold if the replay stayed on it
  if (!held) state.SkipWithError("the replayed firmware left the hold: the figure would be of another path");
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_FirmwareTickAtHold);

// the baseline: the twin's 1 ms step on the same hold, fed the recorded firmware outputs
static void BM_TwinStepAtHold(benchmark::State& state) {
  const Recording& rec = recording();
  twin::TwinState s = rec.twin_start;
  int i = 0;
  for (auto _ : state) {
    if (i == kRecordedTicks) {
      state.PauseTiming();
      s = rec.twin_start;
      i = 0;
      state.ResumeTiming();
    }
    twin::step(rec.model, s, rec.outputs[i], 1000);
    benchmark::DoNotOptimize(s.cord_tension_n);
    ++i;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_TwinStepAtHold);

namespace {
// keeps each benchmark's CPU time per iteration for the ratio line
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const Run& r : runs) {
      if (!r.error_occurred && r.iterations > 0) ns_per_iteration[r.benchmark_name()] = r.GetAdjustedCPUTime();
    }
  }
  std::map<std::string, double> ns_per_iteration;
};
}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  const auto fw = reporter.ns_per_iteration.find("BM_FirmwareTickAtHold");
  const auto tw = reporter.ns_per_iteration.find("BM_TwinStepAtHold");
  if (fw != reporter.ns_per_iteration.end() && tw != reporter.ns_per_iteration.end() && tw->second > 0.0) {
    std::printf("firmware tick / twin step (same run): %.2f; firmware tick %.0f ns of the 1000 us period (%.3f%%)\n",
                fw->second / tw->second, fw->second, fw->second / 1e4);
  }
  benchmark::Shutdown();
  return 0;
}
