// The twin's 30-minute session and its 1 ms tick timed with a plain clock. Built natively and
// for WebAssembly (run under node) so the two can be compared. Prints CSV:
//   scene,build,sim_s,wall_s,x_real_time,us_per_tick
#include <chrono>
#include <cstdio>

#include "build_name.h"
#include "twin_scenes.h"

using namespace tractus;

namespace {

using bench::kBuild;

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

void row(const char* scene, double sim_s, double wall_s) {
  std::printf("%s,%s,%.1f,%.4f,%.0f,%.4f\n", scene, kBuild, sim_s, wall_s, sim_s / wall_s,
              wall_s / (sim_s * 1000.0) * 1e6);
}

}  // namespace

int main() {
  std::printf("scene,build,sim_s,wall_s,x_real_time,us_per_tick\n");
  const twin::TwinModel model;

  // steady ticks of a twin mid-pull
  twin::TwinState s = bench::pulling_state(model);
  const hal::ActuatorFrame a = bench::steady_pull();
  const int ticks = 600000;
  auto t0 = std::chrono::steady_clock::now();
  for (int i = 0; i < ticks; ++i) twin::step(model, s, a, 1000);
  row("steady_tick", ticks * 1e-3, seconds_since(t0));

  // the 30-minute session, best of three
  double best_s = 1e9;
  double separation_mm = 0.0;
  for (int k = 0; k < 3; ++k) {
    t0 = std::chrono::steady_clock::now();
    const twin::ProbeReport r = twin::run_probe(model, bench::thirty_minute_session());
    const double wall_s = seconds_since(t0);
    if (wall_s < best_s) best_s = wall_s;
    separation_mm = r.levels[3].separation_mm;
  }
  row("session_30_min", bench::kSessionSeconds, best_s);
  // the result, so a build that computed something else shows
  std::fprintf(stderr, "L4-L5 separation after the session: %.6f mm, cord %.3f N\n",
               separation_mm, s.cord_tension_n);
  return 0;
}
