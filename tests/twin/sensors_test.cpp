// The table's electronics as the firmware sees them (twin/src/sensors.cpp): each channel's
// scale and zero from the model's table constants, the load cell's noise and bandwidth, the
// current sense, the switch lines, and the ADC's clipping. Faults on these channels are in
// faults_test.cpp.
#include <gtest/gtest.h>

#include <cmath>

#include "test_util.h"
#include "twin/rng.h"
#include "twin/twin.h"

using namespace tractus;
using namespace tractus::twin;
using namespace tractus::twin::testing;

TEST(Sensors, AtRestTheCellReadsItsOffsetAndTheSwitchesTheirRestingLines) {
  const TwinModel m = quiet_model();
  TwinState s = make_state(m);
  Rng rng(1);
  const hal::SensorFrame f = sense(m, s, rng);
  EXPECT_NEAR(f.load_cell_counts, m.table.load_cell_offset_counts, 1.0);
  EXPECT_NEAR(f.motor_current_counts, 2048, 1.0);  // mid-scale: no current
  EXPECT_FALSE(f.emergency_stop);
  EXPECT_FALSE(f.patient_stop_pressed);
  EXPECT_TRUE(f.carriage_home_limit);  // the carriage starts fully retracted
  EXPECT_FALSE(f.carriage_end_limit);
}

TEST(Sensors, TheCellFollowsTheCordTensionAtItsScale) {
  const TwinModel m = quiet_model();
  TwinState s = make_state(m);
  Rng rng(1);
  ramp_ms(m, s, 0.25f, 3000);
  run_ms(m, s, pulling(0.25f), 3000);  // settle past the cell's 200 Hz first-order lag
  ASSERT_GT(s.cord_tension_n, 100.0);
  const hal::SensorFrame f = sense(m, s, rng);
  // 30 counts per newton: one count is 0.033 N, and the lag has settled to well under that
  EXPECT_NEAR(cell_force_n(m, f), s.cord_tension_n, 0.1);
}

TEST(Sensors, TheCellsNoiseIsItsModelSigma) {
  TwinModel m;
  m.table.load_cell_noise_n = 0.3;  // the model's one-sigma electrical noise
  TwinState s = make_state(m);
  Rng rng(7);
  double sum = 0.0, sum2 = 0.0;
  const int n = 20000;
  for (int i = 0; i < n; ++i) {
    const double v = cell_force_n(m, sense(m, s, rng));
    sum += v;
    sum2 += v * v;
  }
  const double mean = sum / n;
  const double sd = std::sqrt(sum2 / n - mean * mean);
  EXPECT_NEAR(mean, 0.0, 0.02);
  // quantisation (1/30 N a count, sigma 0.0096 N) adds almost nothing to 0.3 N
  EXPECT_NEAR(sd, 0.3, 0.015);
}

TEST(Sensors, TheEncoderCountsTheCordWoundIn) {
  const TwinModel m = quiet_model();
  TwinState s = make_state(m);
  Rng rng(1);
  ramp_ms(m, s, 0.2f, 2000);
  const hal::SensorFrame f = sense(m, s, rng);
  // 200 counts per millimetre of cord
  EXPECT_NEAR(f.encoder_counts, s.motor_pos_m * m.table.encoder_counts_per_m, 1.0);
  EXPECT_GT(f.encoder_counts, 0);
}

TEST(Sensors, TheCurrentSenseRisesWithTheDriveCommand) {
  const TwinModel m = quiet_model();
  TwinState low = make_state(m), high = make_state(m);
  Rng rng(1);
  run_ms(m, low, pulling(0.1f), 200);
  run_ms(m, high, pulling(0.3f), 200);
  const int32_t c_low = sense(m, low, rng).motor_current_counts;
  const int32_t c_high = sense(m, high, rng).motor_current_counts;
  EXPECT_GT(c_low, 2048);
  EXPECT_GT(c_high, c_low);
  // counts above mid-scale per unit of command
  EXPECT_NEAR(c_high - 2048, 0.3 * m.table.current_adc_counts_per_unit, 0.05 * 0.3 * m.table.current_adc_counts_per_unit);
}

TEST(Sensors, TheSameSeedGivesTheSameReadings) {
  TwinModel m;
  TwinState s = make_state(m);
  Rng a(42), b(42), c(43);
  bool any_differs = false;
  for (int i = 0; i < 100; ++i) {
    const hal::SensorFrame fa = sense(m, s, a), fb = sense(m, s, b), fc = sense(m, s, c);
    EXPECT_EQ(fa.load_cell_counts, fb.load_cell_counts);
    EXPECT_EQ(fa.motor_current_counts, fb.motor_current_counts);
    any_differs = any_differs || fa.load_cell_counts != fc.load_cell_counts;
  }
  EXPECT_TRUE(any_differs);
}
