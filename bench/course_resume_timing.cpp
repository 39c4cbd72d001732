// What resuming a course of care late in the course costs: the library's course is played by its
// expert for 11 of its 12 sessions (not timed), then rebuilt from the 11 records as a reload
// resumes it (scenarios/course_replay.h), timed with a plain clock. The page does this in one
// go when the user accepts the offer, so this is how long the page is busy. Built natively and
// for WebAssembly (run under node). Prints CSV:
//   scene,build,sessions,sim_s,cpu_s,wall_s,ms_per_session,result
// cpu_s is the process's processor time (under node process.cpuUsage()); each figure is the best
// of N runs (first argument, default 3). result is the rebuilt course's score and its next
// session's seed, which must agree between the builds.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <memory>

#include "build_name.h"
#include "cpu_clock.h"
#include "scenarios/course.h"
#include "scenarios/course_replay.h"
#include "scenarios/library.h"

using namespace tractus;
using namespace tractus::scenarios;

using bench::cpu_now_s;

int main(int argc, char** argv) {
  const int repeats = argc > 1 && std::atoi(argv[1]) > 0 ? std::atoi(argv[1]) : 3;
  Scenario course;
  CourseScript scripts;
  LoadError e;
  if (!load_scenario_file(TRACTUS_SOURCE_DIR "/scenarios/library/course-lumbar-progression.json", course, e) ||
      !load_course_script(TRACTUS_SOURCE_DIR "/tests/data/trainees/course-lumbar-progression/expert.json",
                          course.course.sessions, scripts, e)) {
    std::fprintf(stderr, "%s\n", e.message().c_str());
    return 2;
  }
  // the course as a trainee left it: every session but the last one finished
  CourseRun played(course, 1, Mode::Practice);
  const int finished = course.course.sessions - 1;
  for (int i = 0; i < finished; ++i) {
    Session s(played.next_scenario(), played.next_options());
    run_script(s, scripts[static_cast<std::size_t>(i)]);
    played.finish(s);
  }
  const CourseProgress progress = course_progress(played);
  double sim_s = 0.0;
  for (const SessionRecord& r : progress.finished) sim_s += static_cast<double>(r.end_us) * 1e-6;

  double best_cpu = 1e9, best_wall = 1e9;
  RebuiltCourse rebuilt;
  for (int k = 0; k < repeats; ++k) {
    const auto wall0 = std::chrono::steady_clock::now();
    const double cpu0 = cpu_now_s();
    std::string why;
    if (!rebuild_course(course, progress, rebuilt, why)) {
      std::fprintf(stderr, "rebuild failed: %s\n", why.c_str());
      return 1;
    }
    const double cpu = cpu_now_s() - cpu0;
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
    if (cpu < best_cpu) best_cpu = cpu;
    if (wall < best_wall) best_wall = wall;
  }
  std::printf("scene,build,sessions,sim_s,cpu_s,wall_s,ms_per_session,result\n");
  std::printf("course_rebuild,%s,%d,%.1f,%.4f,%.4f,%.1f,score %.1f next seed %016llx\n", bench::kBuild, finished,
              sim_s, best_cpu, best_wall, best_cpu * 1000.0 / finished, rebuilt.run->report().score,
              static_cast<unsigned long long>(rebuilt.run->next_options().seed));
  return 0;
}
