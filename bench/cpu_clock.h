// Processor time of this process, the clock the timing programs read: natively the CPU-time
// clock, under node process.cpuUsage(). A shared machine inflates it far less than the wall
// clock. Include it from one file per program (EM_JS defines a function).
#pragma once

#include <ctime>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
// node's processor time of this process, seconds
EM_JS(double, node_cpu_s, (), {
  const u = process.cpuUsage();
  return (u.user + u.system) * 1e-6;
});
#endif

namespace tractus::bench {

/// Processor time of this process since it started, seconds.
inline double cpu_now_s() {
#ifdef __EMSCRIPTEN__
  return node_cpu_s();
#else
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
#endif
}

}  // namespace tractus::bench
