// The debrief's replay film: a record re-run in slices of any size, with a twin snapshot every
// interval, ends exactly where a one-shot replay does (same score, same timeline hash), and its
// frames show the same cord tension the session's own plotted series recorded at that moment.
#include <gtest/gtest.h>

#include <cmath>

#include "scenarios/json_file.h"
#include "scenarios/record.h"
#include "scenarios/replay_trace.h"
#include "scenarios/scenario.h"
#include "scenarios/scoring.h"
#include "scenarios/script.h"
#include "library_fixture.h"
#include "hal/units.h"

using namespace tractus;
using namespace tractus::scenarios;

namespace {

using units::kNewtonsPerLbf;

Scenario load(const char* id) { return test::library_scenario(id); }

// the routine scenario's expert trainee, as CI runs it
SessionRecord expert_record(const Scenario& sc) {
  Session s(sc, SessionOptions{7, Mode::Practice});
  test::play_trainee(s, "expert.json");
  EXPECT_TRUE(s.ended());
  return make_record(s);
}

Report one_shot(const Scenario& sc, const SessionRecord& r) {
  Session s(sc, record_options(r));
  std::string why;
  EXPECT_TRUE(replay(sc, r, s, why)) << why;
  return build_report(s);
}

}  // namespace

TEST(ReplayTrace, SlicedReplayEndsWithTheRecordedScoreAndTimeline) {
  const Scenario sc = load("routine-lumbar-l45");
  const SessionRecord r = expert_record(sc);
  const Report want = one_shot(sc, r);
  ASSERT_EQ(want.timeline_hash, r.timeline_hash);

  // odd slice sizes, not multiples of a tick or of the frame interval
  for (int64_t slice_us : {1'700LL, 333'333LL, 7'000'001LL}) {
    ReplayTrace trace(sc, r, 250'000);
    ASSERT_TRUE(trace.ok()) << trace.error();
    int slices = 0;
    double last_progress = 0.0;
    while (!trace.advance(slice_us)) {
      ASSERT_GE(trace.progress(), last_progress);
      last_progress = trace.progress();
      ASSERT_LT(++slices, 10'000'000) << "the replay never finished";
    }
    EXPECT_DOUBLE_EQ(trace.progress(), 1.0);
    const Report got = build_report(trace.session());
    EXPECT_EQ(got.timeline_hash, want.timeline_hash) << "slice " << slice_us;
    EXPECT_DOUBLE_EQ(got.score, want.score);
    EXPECT_EQ(got.passed, want.passed);
  }
}

TEST(ReplayTrace, FramesAreEvenlySpacedAndMatchThePlottedSeries) {
  const Scenario sc = load("routine-lumbar-l45");
  const SessionRecord r = expert_record(sc);
  ReplayTrace trace(sc, r, 500'000);
  while (!trace.advance(10'000'000)) {
  }
  const std::vector<TraceFrame>& f = trace.frames();
  ASSERT_GE(f.size(), 3u);
  // every interval from zero, plus the end
  EXPECT_EQ(f.size(), static_cast<std::size_t>(trace.session().now_us() / 500'000 + 1 +
                                               (trace.session().now_us() % 500'000 != 0 ? 1 : 0)));
  for (std::size_t i = 0; i + 1 < f.size(); ++i) EXPECT_EQ(f[i].t_us, static_cast<int64_t>(i) * 500'000);
  EXPECT_EQ(f.back().t_us, trace.session().now_us());

  // the session samples every 100 ms; the frame at the same moment shows the same tension
  int compared = 0;
  double peak_n = 0.0;
  for (const Sample& s : trace.session().series()) {
    const int64_t t_us = std::llround(s.t_s * 1e6);
    if (t_us % 500'000 != 0) continue;
    const TraceFrame* frame = trace.frame_at(t_us);
    ASSERT_NE(frame, nullptr);
    ASSERT_EQ(frame->t_us, t_us);
    EXPECT_NEAR(frame->twin.cord_tension_n, s.force_n, 1e-6) << "at " << s.t_s << " s";
    peak_n = std::max(peak_n, frame->twin.cord_tension_n);
    ++compared;
  }
  EXPECT_GT(compared, 100);
  EXPECT_GT(peak_n, 100.0) << "the film never shows the pull";
}

TEST(ReplayTrace, TheFirstFrameShowsTheConsoleAtRestNotTheUntaredCell) {
  // at time 0 the console read the load cell against no tare, 15.0 lbf with the cord at 0: the
  // replay's first frame, and the plotted series' first sample, showed that phantom spike
  const Scenario sc = load("routine-lumbar-l45");
  ReplayTrace trace(sc, expert_record(sc), 500'000);
  while (!trace.advance(10'000'000)) {
  }
  const TraceFrame* first = trace.frame_at(0);
  ASSERT_NE(first, nullptr);
  EXPECT_NEAR(first->twin.cord_tension_n, 0.0, 1.0);
  // within the cell's noise of what the cord carries: 1 N is a fifth of a pound
  EXPECT_NEAR(first->measured_force_n, first->twin.cord_tension_n, 1.0);
  const std::vector<Sample>& series = trace.session().series();
  ASSERT_FALSE(series.empty());
  EXPECT_NEAR(series.front().t_s, 0.0, 1e-9);
  EXPECT_NEAR(series.front().measured_n, series.front().force_n, 0.25 * kNewtonsPerLbf);
}

TEST(ReplayTrace, FrameAtPicksTheFrameAtOrBefore) {
  const Scenario sc = load("routine-lumbar-l45");
  ReplayTrace trace(sc, expert_record(sc), 1'000'000);
  trace.advance(5'500'000);
  ASSERT_FALSE(trace.done());
  EXPECT_EQ(trace.frame_at(-5)->t_us, 0);
  EXPECT_EQ(trace.frame_at(2'999'999)->t_us, 2'000'000);
  EXPECT_EQ(trace.frame_at(3'000'000)->t_us, 3'000'000);
  EXPECT_EQ(trace.frame_at(99'000'000)->t_us, 5'000'000);
}

TEST(ReplayTrace, ARecordOfAnotherScenarioIsRefusedWithTheReason) {
  const Scenario routine = load("routine-lumbar-l45");
  const Scenario other = load("routine-cervical-radiculopathy");
  ReplayTrace trace(other, expert_record(routine), 250'000);
  EXPECT_FALSE(trace.ok());
  EXPECT_NE(trace.error().find("routine-lumbar-l45"), std::string::npos) << trace.error();
  EXPECT_TRUE(trace.done());
  EXPECT_TRUE(trace.frames().empty());
}
