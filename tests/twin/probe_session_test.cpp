// The probe's whole session (twin/probe.h run_probe_session): any force profile, the report at
// the last peak hold, a rest afterwards, and the time series (issue 12, step 7).
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "hal/units.h"
#include "twin/probe.h"
#include "twin/twin.h"

// the sources give disc pressures in mmHg: the tests read the twin's megapascals in them
constexpr double kMmHgPerMpa = tractus::units::kMmHgPerMegapascal;

namespace tractus::twin {
namespace {

constexpr double kN = tractus::units::kNewtonsPerLbf;  // newtons per lbf

// a ramp over ramp_s, a hold, then a linear release at release_n_per_s
struct RampHoldRelease {
  double force_n = 60.0 * kN, ramp_s = 30.0, hold_s = 60.0, release_n_per_s = 40.0;
  static double at(const void* c, double t) {
    const RampHoldRelease& p = *static_cast<const RampHoldRelease*>(c);
    if (t < p.ramp_s) return p.force_n * t / p.ramp_s;
    if (t < p.ramp_s + p.hold_s) return p.force_n;
    const double n = p.force_n - p.release_n_per_s * (t - p.ramp_s - p.hold_s);
    return n > 0.0 ? n : 0.0;
  }
  ForceProfile profile() const {
    // whole milliseconds, as the runner ticks
    const double s = ramp_s + hold_s + force_n / release_n_per_s + 1.0;
    return ForceProfile{at, this, std::floor(s * 1000.0) / 1000.0};
  }
};

struct Sample {
  double t_s;
  ProbePhase phase;
  double target_n;
  double cord_n;
  double l45_separation_mm;
  double stature_mm;
};

void collect(void* c, double t, ProbePhase phase, double target, const ProbeReport& r) {
  static_cast<std::vector<Sample>*>(c)->push_back(
      {t, phase, target, r.cord_tension_n, r.levels[3].separation_mm, r.stature_gain_mm});
}

// a plain dose through the session runner is run_probe's dose, bit for bit, so the
// calibration rows measured with run_probe hold for the command-line tool as well
TEST(ProbeSession, APlainDoseReportsExactlyWhatRunProbeReports) {
  const TwinModel m;
  ProbeProtocol dose;
  dose.force_n = 50.0 * kN;
  dose.ramp_s = 30.0;
  dose.hold_s = 45.5;
  dose.ramp_shape = RampShape::Logarithmic;
  const ProbeReport a = run_probe(m, dose);
  ProbeSession session;
  session.profile = dose_profile(dose);
  session.angle_deg = dose.angle_deg;
  const ProbeSessionReport b = run_probe_session(m, session);
  ASSERT_EQ(a.level_count, b.loaded.level_count);
  for (int i = 0; i < a.level_count; ++i) {
    EXPECT_EQ(a.levels[i].separation_mm, b.loaded.levels[i].separation_mm) << a.levels[i].name;
    EXPECT_EQ(a.levels[i].pressure_mpa, b.loaded.levels[i].pressure_mpa) << a.levels[i].name;
    EXPECT_EQ(a.levels[i].foraminal_height_mm, b.loaded.levels[i].foraminal_height_mm);
  }
  EXPECT_EQ(a.peak_muscle_activation, b.loaded.peak_muscle_activation);
  EXPECT_EQ(a.cord_tension_n, b.released.cord_tension_n);
  EXPECT_DOUBLE_EQ(b.loaded_at_s, 75.5);
}

// the loaded report is the end of the peak hold, not the end of the treatment: after the
// release the disc has given back most of its opening and its pressure is positive again
TEST(ProbeSession, TheLoadedReportIsTheEndOfThePeakHoldAndTheReleaseUndoesIt) {
  const TwinModel m;
  const RampHoldRelease p;
  ProbeSession session;
  session.profile = p.profile();
  const ProbeSessionReport r = run_probe_session(m, session);
  EXPECT_NEAR(r.loaded_at_s, 90.0, 0.011);  // the hold ends at 30 + 60 s
  EXPECT_NEAR(r.loaded.cord_tension_n, p.force_n, 0.02 * p.force_n);  // the servo, within 2%
  EXPECT_LT(r.released.cord_tension_n, 5.0);  // slack after the release
  // 60 lb is above the 35-40 lb crossing (DESIGN.md 4, Ramos & Martin): suction when loaded
  EXPECT_LT(r.loaded.levels[3].pressure_mpa * kMmHgPerMpa, 0.0);
  EXPECT_GT(r.released.levels[3].pressure_mpa * kMmHgPerMpa, 0.5 * 750.0);
  EXPECT_LT(r.released.levels[3].separation_mm, 0.5 * r.loaded.levels[3].separation_mm);
  EXPECT_NEAR(r.peak_set_force_n, p.force_n, 1e-9);
}

// lying on the table after the release the pressure returns to the lying value (0.10 MPa,
// 750 mmHg, Wilke 1999) within 5%, and the creep recovers: the separation keeps falling
TEST(ProbeSession, ALyingRestAfterTheReleaseShowsRecovery) {
  const TwinModel m;
  const RampHoldRelease p;
  ProbeSession session;
  session.profile = p.profile();
  session.then_rest_s = 600.0;
  const ProbeSessionReport r = run_probe_session(m, session);
  EXPECT_NEAR(r.recovered.levels[3].pressure_mpa * kMmHgPerMpa, 750.0, 0.05 * 750.0);
  EXPECT_LT(r.recovered.levels[3].separation_mm, 0.6 * r.released.levels[3].separation_mm);
  EXPECT_LT(r.recovered.cord_tension_n, 5.0);
}

// standing up after the session the stature gain fades: "the gain faded within about 1 h"
// (DESIGN.md 4, stature study [S]); the calibration test's tolerance is < 15% left
TEST(ProbeSession, AStandingRestLetsTheStatureGainFade) {
  const TwinModel m;
  RampHoldRelease p;
  p.force_n = 0.5 * m.patient.body_mass_kg * 9.80665;
  p.hold_s = 1200.0;
  ProbeSession lying, standing;
  lying.profile = standing.profile = p.profile();
  lying.then_rest_s = standing.then_rest_s = 3600.0;
  standing.rest_posture = RestPosture::Standing;
  const ProbeSessionReport a = run_probe_session(m, lying);
  const ProbeSessionReport b = run_probe_session(m, standing);
  EXPECT_EQ(a.released.stature_gain_mm, b.released.stature_gain_mm);
  EXPECT_GT(a.released.stature_gain_mm, 1.0);
  EXPECT_LT(b.recovered.stature_gain_mm, 0.15 * b.released.stature_gain_mm);
  EXPECT_GT(a.recovered.stature_gain_mm, b.recovered.stature_gain_mm);
}

// the series: a sample at the start, at every multiple of the interval, and at the end of
// each phase; the rest's marked as rest; the set force the profile's and the cord following
// it (the servo within 2% on the hold)
TEST(ProbeSession, TheTimeSeriesSamplesTheTreatmentAndTheRestAtTheInterval) {
  const TwinModel m;
  const RampHoldRelease p;  // 30 + 60 s, 6.672 s of release, 1 s spare: 97.672 s
  std::vector<Sample> samples;
  ProbeSession session;
  session.profile = p.profile();
  session.then_rest_s = 30.0;
  session.sample_every_s = 0.5;
  session.sink = collect;
  session.sink_context = &samples;
  run_probe_session(m, session);
  const double end_s = 97.672;
  ASSERT_NEAR(session.profile.duration_s, end_s, 1e-9);
  // 0 … 97.5 (196), 97.672, 98.0 … 127.5 (60), 127.672
  ASSERT_EQ(samples.size(), 196u + 1u + 60u + 1u);
  for (size_t i = 1; i < samples.size(); ++i) {
    const double dt = samples[i].t_s - samples[i - 1].t_s;
    EXPECT_TRUE(dt > 0.0 && dt <= 0.5 + 1e-9) << i << ": " << dt;
  }
  EXPECT_NEAR(samples[196].t_s, end_s, 1e-9);
  EXPECT_EQ(samples[196].phase, ProbePhase::Treatment);
  EXPECT_EQ(samples[197].phase, ProbePhase::Rest);
  EXPECT_NEAR(samples[197].t_s, 98.0, 1e-9);
  EXPECT_NEAR(samples.back().t_s, end_s + 30.0, 1e-9);
  const Sample& mid_hold = samples[120];  // t = 60 s
  EXPECT_DOUBLE_EQ(mid_hold.t_s, 60.0);
  EXPECT_NEAR(mid_hold.target_n, p.force_n, 1e-9);
  EXPECT_NEAR(mid_hold.cord_n, p.force_n, 0.02 * p.force_n);
  EXPECT_GT(mid_hold.l45_separation_mm, 0.1);
}

}  // namespace
}  // namespace tractus::twin
