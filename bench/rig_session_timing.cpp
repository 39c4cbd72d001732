// The full rig's 30-minute session (console heartbeat and commands, table firmware and twin in
// lock-step) timed with a plain clock, with the twin's own 30-minute session as the baseline in
// the same run. Built natively and for WebAssembly (run under node), so bench/run_bench.sh can
// set the two side by side. Prints CSV:
//   scene,build,sim_s,cpu_s,wall_s,x_real_time,us_per_tick,result
// cpu_s is the process's processor time (natively the CPU-time clock, under node
// process.cpuUsage()), which a machine shared with other work inflates far less than the wall
// clock; x_real_time and us_per_tick are from cpu_s. Each scene is the best of N runs. result
// is what the scene computed (the L4-5 separation and, for the rig, its state hash), which
// must agree between the builds.
#include <chrono>
#include <cinttypes>
#include <ctime>
#include <cstdio>
#include <cstdint>
#include <cstdlib>

#include "build_name.h"
#include "cpu_clock.h"
#include "rig_scenes.h"
#include "twin_scenes.h"

using namespace tractus;

namespace {

using bench::cpu_now_s;
using bench::kBuild;

// one timed run: processor and wall seconds
struct Timing {
  double cpu_s = 1e9;
  double wall_s = 1e9;
};

struct Stopwatch {
  std::chrono::steady_clock::time_point wall0 = std::chrono::steady_clock::now();
  double cpu0 = cpu_now_s();
  // keeps the better of this run and best
  void keep_best(Timing& best) const {
    const double cpu_s = cpu_now_s() - cpu0;
    const double wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
    if (cpu_s < best.cpu_s) best.cpu_s = cpu_s;
    if (wall_s < best.wall_s) best.wall_s = wall_s;
  }
};

void row(const char* scene, double sim_s, const Timing& t, const char* result) {
  std::printf("%s,%s,%.1f,%.4f,%.4f,%.0f,%.4f,%s\n", scene, kBuild, sim_s, t.cpu_s, t.wall_s,
              sim_s / t.cpu_s, t.cpu_s / (sim_s * 1000.0) * 1e6, result);
}

}  // namespace

int main(int argc, char** argv) {
  // repeats: best of N (default 3), so a busy moment of a shared machine does not count;
  // a second argument, twin or rig, runs only that scene, and a third cuts the rig's
  // treatment to that many seconds (for a profiler)
  const int repeats = argc > 1 && std::atoi(argv[1]) > 0 ? std::atoi(argv[1]) : 3;
  const char* only = argc > 2 ? argv[2] : "";
  const bool twin_scene = only[0] == '\0' || only[0] == 't';
  const bool rig_scene = only[0] == '\0' || only[0] == 'r';
  const int64_t rig_treatment_s = argc > 3 && std::atoi(argv[3]) > 0 ? std::atoi(argv[3]) : 1800;
  std::printf("scene,build,sim_s,cpu_s,wall_s,x_real_time,us_per_tick,result\n");
  const twin::TwinModel model;
  char result[96];

  // the baseline: the twin alone through the bench servo, 30 minutes
  Timing best;
  double separation_mm = 0.0;
  for (int k = 0; twin_scene && k < repeats; ++k) {
    const Stopwatch watch;
    const twin::ProbeReport r = twin::run_probe(model, bench::thirty_minute_session());
    watch.keep_best(best);
    separation_mm = r.levels[3].separation_mm;
  }
  std::snprintf(result, sizeof result, "L4-L5 %.6f mm", separation_mm);
  if (twin_scene) row("twin_session_30_min", bench::kSessionSeconds, best, result);

  // the full rig: console, firmware and twin, 30 minutes of treatment after the self-test
  best = Timing{};
  bench::RigSessionResult rig;
  for (int k = 0; rig_scene && k < repeats; ++k) {
    const Stopwatch watch;
    rig = bench::run_thirty_minute_rig_session(rig_treatment_s);
    watch.keep_best(best);
  }
  std::snprintf(result, sizeof result, "L4-L5 %.6f mm hash %016" PRIx64, rig.l45_separation_mm,
                rig.state_hash);
  if (rig_scene) row("rig_session_30_min", static_cast<double>(rig.ticks) * 1e-3, best, result);
  return 0;
}
