// A resumed session's console and plot (issue 11, section 4: reload mid-session): the fields
// show the running prescription in the display unit, and the plot the whole recorded series.
#include <gtest/gtest.h>

#include "render/console_panel.h"
#include "render/session_view_restore.h"
#include "render/units.h"
#include "scenarios/session.h"

using namespace tractus;

TEST(SessionViewRestore, TheConsoleShowsTheRunningPrescriptionInTheDisplayUnit) {
  hal::Prescription p;
  p.region = hal::Region::Cervical;
  p.protocol = hal::Protocol::Intermittent;
  p.max_force_n = 20.0f * render::kNewtonsPerLbf;  // 20 lbf
  p.base_force_n = 10.0f * render::kNewtonsPerLbf;
  p.release_n_per_s = 5.0f * render::kNewtonsPerLbf;
  p.hold_s = 45.0f;
  p.rest_s = 15.0f;
  p.cycles = 6;
  p.ramp_s = 20.0f;
  p.treatment_s = 12.0f * 60.0f;
  render::UiFonts fonts;
  render::UiRegistry widgets;
  render::ConsolePanel console(fonts, widgets);
  console.show_prescription(p);
  const render::ConsoleInputs& in = console.inputs();
  EXPECT_EQ(in.unit, render::ForceUnit::Lbf);
  EXPECT_EQ(in.region, 1);
  EXPECT_EQ(in.protocol, static_cast<int>(hal::Protocol::Intermittent));
  EXPECT_NEAR(in.max_force, 20.0f, 1e-4f);
  EXPECT_NEAR(in.base_force, 10.0f, 1e-4f);
  EXPECT_NEAR(in.release_per_s, 5.0f, 1e-4f);
  EXPECT_FLOAT_EQ(in.hold_s, 45.0f);
  EXPECT_FLOAT_EQ(in.rest_s, 15.0f);
  EXPECT_EQ(in.cycles, 6);
  EXPECT_FLOAT_EQ(in.ramp_s, 20.0f);
  EXPECT_FLOAT_EQ(in.treatment_min, 12.0f);
  // the power-on defaults come back for the next fresh session
  console.reset_inputs();
  EXPECT_FLOAT_EQ(console.inputs().max_force, render::ConsoleInputs{}.max_force);
}

TEST(SessionViewRestore, ThePlotHoldsTheWholeSeriesFromTheSessionsStart) {
  std::vector<scenarios::Sample> series;
  for (int i = 1; i <= 3000; ++i) {  // five minutes at 100 ms
    scenarios::Sample s;
    s.t_s = 0.1 * i;
    s.target_lbf = 0.01 * i;
    s.measured_lbf = 0.01 * i - 0.5;
    series.push_back(s);
  }
  render::ForceHistory h;  // 2400 samples
  h.add(render::ForceSample{900.0, 1.0f, 1.0f});  // a sandbox's leftovers are replaced
  render::fill_history_from_series(h, series);
  ASSERT_EQ(h.size(), 2400u);  // the newest 4 minutes
  EXPECT_DOUBLE_EQ(h.newest().t_s, 300.0);
  EXPECT_NEAR(h.newest().target_n, 30.0f * render::kNewtonsPerLbf, 1e-3f);
  EXPECT_NEAR(h.newest().measured_n, 29.5f * render::kNewtonsPerLbf, 1e-3f);
  EXPECT_NEAR(h.at(0).t_s, 60.1, 1e-9);
  std::vector<scenarios::Sample> short_series(series.begin(), series.begin() + 50);
  render::fill_history_from_series(h, short_series);
  ASSERT_EQ(h.size(), 50u);
  EXPECT_NEAR(h.at(0).t_s, 0.1, 1e-9);  // from the session's start, not from the resume
}

TEST(SessionViewRestore, ThePlotKeepsTheTablesClockAsTheLivePlotDid) {
  // the live plot samples the table's clock, which had run its 0.45 s self-test when the
  // session's clock started: the restored samples sit where the live ones were
  std::vector<scenarios::Sample> series(30);
  for (std::size_t i = 0; i < series.size(); ++i) series[i].t_s = 0.1 * static_cast<double>(i + 1);
  render::ForceHistory h;
  render::fill_history_from_series(h, series, 0.45);
  ASSERT_EQ(h.size(), 30u);
  EXPECT_NEAR(h.at(0).t_s, 0.55, 1e-9);
  EXPECT_NEAR(h.newest().t_s, 3.45, 1e-9);
}
