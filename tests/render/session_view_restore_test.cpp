// A resumed session's console and plot (issue 11, section 4: reload mid-session): the fields
// show the running prescription in the display unit, and the plot the whole recorded series.
#include <gtest/gtest.h>

#include "render/console_panel.h"
#include "render/console_entry.h"
#include "render/session_view_restore.h"
#include "render/units.h"
#include "scenarios/session.h"

using namespace tractus;

TEST(SessionViewRestore, TheConsoleShowsTheRunningPrescriptionInTheDisplayUnit) {
  hal::Prescription p;
  p.region = hal::Region::Cervical;
  p.protocol = hal::Protocol::Intermittent;
  p.max_force_n = 20.0f * render::newtons_per(render::ForceUnit::Lbf);  // 20 lbf
  p.base_force_n = 10.0f * render::newtons_per(render::ForceUnit::Lbf);
  p.release_n_per_s = 5.0f * render::newtons_per(render::ForceUnit::Lbf);
  p.hold_s = 45.0f;
  p.rest_s = 15.0f;
  p.cycles = 6;
  p.ramp_s = 20.0f;
  p.treatment_s = 12.0f * 60.0f;
  render::UiFonts fonts;
  render::UiRegistry widgets;
  render::ConsolePanel console(fonts, widgets);
  console.show_prescription(p);
  // the console's entry holds the firmware's prescription in SI; the fields show it in lbf
  const console::PrescriptionEntry& in = console.entry();
  EXPECT_EQ(console.unit(), render::ForceUnit::Lbf);
  EXPECT_EQ(in.region, hal::Region::Cervical);
  EXPECT_EQ(in.protocol, hal::Protocol::Intermittent);
  EXPECT_FLOAT_EQ(render::shown_force(in.max_force_n, render::ForceUnit::Lbf), 20.0f);
  EXPECT_FLOAT_EQ(render::shown_force(in.base_force_n, render::ForceUnit::Lbf), 10.0f);
  EXPECT_FLOAT_EQ(render::shown_force(in.release_n_per_s, render::ForceUnit::Lbf), 5.0f);
  EXPECT_DOUBLE_EQ(in.max_force_n, static_cast<double>(p.max_force_n));
  EXPECT_DOUBLE_EQ(in.hold_s, 45.0);
  EXPECT_DOUBLE_EQ(in.rest_s, 15.0);
  EXPECT_EQ(in.cycles, 6);
  EXPECT_DOUBLE_EQ(in.ramp_s, 20.0);
  EXPECT_DOUBLE_EQ(in.treatment_s, 720.0);
  // the power-on defaults come back for the next fresh session: 70 lbf, 10 min
  console.reset_inputs();
  EXPECT_FLOAT_EQ(render::shown_force(console.entry().max_force_n, render::ForceUnit::Lbf), 70.0f);
  EXPECT_DOUBLE_EQ(console.entry().treatment_s, 600.0);
  EXPECT_EQ(console.entry().region, hal::Region::Lumbar);
}

TEST(ConsoleEntry, AForceShowsAsTypedInEitherUnitAndTheUnitConvertsNothing) {
  for (float typed : {0.0f, 9.0f, 25.0f, 37.5f, 70.0f, 99.5f, 150.0f}) {
    for (render::ForceUnit u : {render::ForceUnit::Lbf, render::ForceUnit::Kgf}) {
      const double n = render::to_newtons(typed, u);
      EXPECT_FLOAT_EQ(render::shown_force(n, u), typed) << typed << " " << render::unit_label(u);
    }
  }
  // 70 lbf is 311.4 N is 31.75 kgf, whichever unit shows it
  const double n = render::power_on_entry().max_force_n;
  EXPECT_NEAR(n, 311.4, 0.05);
  EXPECT_FLOAT_EQ(render::shown_force(n, render::ForceUnit::Kgf), 31.75f);
}

TEST(ConsoleEntry, EachRegionStartsFromItsOwnForceAndKeepsTheRest) {
  console::PrescriptionEntry e = render::power_on_entry();
  e.ramp_s = 45.0;
  render::apply_region_defaults(e, hal::Region::Cervical);
  EXPECT_EQ(e.region, hal::Region::Cervical);
  EXPECT_FLOAT_EQ(render::shown_force(e.max_force_n, render::ForceUnit::Lbf), 25.0f);
  EXPECT_FLOAT_EQ(render::shown_force(e.base_force_n, render::ForceUnit::Lbf), 12.5f);
  EXPECT_DOUBLE_EQ(e.ramp_s, 45.0);
  render::apply_region_defaults(e, hal::Region::Lumbar);
  EXPECT_FLOAT_EQ(render::shown_force(e.max_force_n, render::ForceUnit::Lbf), 70.0f);
}

TEST(SessionViewRestore, ThePlotHoldsTheWholeSeriesFromTheSessionsStart) {
  std::vector<scenarios::Sample> series;
  for (int i = 1; i <= 3000; ++i) {  // five minutes at 100 ms
    scenarios::Sample s;
    s.t_s = 0.1 * i;
    s.target_n = 0.01 * i * units::kNewtonsPerLbf;
    s.measured_n = (0.01 * i - 0.5) * units::kNewtonsPerLbf;
    series.push_back(s);
  }
  render::ForceHistory h;  // 2400 samples
  h.add(render::ForceSample{900.0, 1.0f, 1.0f});  // a sandbox's leftovers are replaced
  render::fill_history_from_series(h, series);
  ASSERT_EQ(h.size(), 2400u);  // the newest 4 minutes
  EXPECT_DOUBLE_EQ(h.newest().t_s, 300.0);
  EXPECT_NEAR(h.newest().target_n, 30.0f * render::newtons_per(render::ForceUnit::Lbf), 1e-3f);
  EXPECT_NEAR(h.newest().measured_n, 29.5f * render::newtons_per(render::ForceUnit::Lbf), 1e-3f);
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
