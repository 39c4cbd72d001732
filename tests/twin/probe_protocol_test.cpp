// The command-line probe's console protocols (scenarios/cli/probe_protocol.h): each is the
// firmware's own profile (controller/protocol.h) with the firmware's final release, so the
// probe pulls the shape the table would (issue 12, step 7).
#include <gtest/gtest.h>

#include <string>

#include "hal/units.h"
#include "../../scenarios/cli/probe_protocol.h"
#include "controller/protocol.h"

namespace tractus::cli {
namespace {

constexpr double kN = tractus::units::kNewtonsPerLbf;

ConsoleProfile build(const ProbeProtocolOptions& o, double force_lbf, double ramp_s, double hold_s) {
  ConsoleProfile c;
  std::string error;
  EXPECT_TRUE(build_console_profile(o, false, force_lbf * kN, ramp_s, hold_s, c, error)) << error;
  return c;
}

// counts the rises through 90% of the top force: one per pull
int pulls(const twin::ForceProfile& f, double top_n) {
  int n = 0;
  bool above = false;
  for (double t = 0.0; t < f.duration_s; t += 0.1) {
    const bool now = f.force_at_n(f.context, t) > 0.9 * top_n;
    if (now && !above) ++n;
    above = now;
  }
  return n;
}

TEST(ProbeProtocol, IntermittentCyclesPullAndRestAtTheBaseAndEndReleased) {
  ProbeProtocolOptions o;
  o.protocol = "intermittent";
  o.base_lbf = 20.0;
  o.rest_s = 20.0;
  o.cycles = 4;
  const ConsoleProfile c = build(o, 60.0, 30.0, 40.0);
  const twin::ForceProfile f = c.profile();
  EXPECT_EQ(pulls(f, 60.0 * kN), 4);
  EXPECT_FLOAT_EQ(static_cast<float>(f.duration_s), c.plan.total_s);
  EXPECT_NEAR(f.force_at_n(f.context, f.duration_s), 0.0, 1e-6);
  // every moment before the final release is the firmware's profile
  for (double t = 0.0; t < c.release_start_s; t += 3.7) {
    const float tf = static_cast<float>(t);
    EXPECT_EQ(f.force_at_n(f.context, t), controller::profile_force_n(c.plan, tf, tf)) << t;
  }
  // the final release runs at the changeover speed, 9 lbf/s by default
  const double t1 = c.release_start_s + 1.0;
  EXPECT_NEAR(f.force_at_n(f.context, c.release_start_s) - f.force_at_n(f.context, t1), 9.0 * kN, 0.05);
}

TEST(ProbeProtocol, ProgressiveStepsHoldAtEachThirdOfTheForce) {
  ProbeProtocolOptions o;
  o.protocol = "static";
  o.progressive_steps = 3;
  o.treatment_s = 900.0;
  const ConsoleProfile c = build(o, 90.0, 30.0, 60.0);
  const twin::ForceProfile f = c.profile();
  // step k ramps (30 s / 3 per third) and holds 60 s, then rests 30 s at half of it
  const double top = 90.0 * kN;
  EXPECT_NEAR(f.force_at_n(f.context, 10.0 + 30.0), top / 3.0, 0.01 * top);
  EXPECT_GT(c.plan.prologue.count, 5);
  EXPECT_NEAR(f.force_at_n(f.context, 600.0), top, 0.001 * top);
}

TEST(ProbeProtocol, DecompressionRisesLogarithmicallyAboveHalf) {
  ProbeProtocolOptions o;
  o.protocol = "decompression";
  o.base_lbf = 10.0;
  o.cycles = 2;
  const ConsoleProfile c = build(o, 100.0, 30.0, 60.0);
  const twin::ForceProfile f = c.profile();
  const double top = 100.0 * kN;
  const double start = c.plan.prologue.duration_s;
  EXPECT_NEAR(f.force_at_n(f.context, start + 6.0), 0.5 * top, 0.01 * top);  // 20% of the ramp
  // the logarithmic part is above its chord: steep first, flattening toward the top
  const double mid = f.force_at_n(f.context, start + 6.0 + 12.0);
  EXPECT_GT(mid, 0.75 * top + 0.05 * top);
  EXPECT_EQ(pulls(f, top), 2);
}

TEST(ProbeProtocol, RefusalsNameTheFlagAndTheFirmwaresReason) {
  ProbeProtocolOptions o;
  o.protocol = "cyclic";
  o.base_lbf = 70.0;
  ConsoleProfile c;
  std::string error;
  EXPECT_FALSE(build_console_profile(o, false, 60.0 * kN, 30.0, 60.0, c, error));
  EXPECT_EQ(error, "--base-lbf: refused as the console would (base_force_n must be at least 0 N and below max_force_n)");
  o.base_lbf = 0.0;
  EXPECT_FALSE(build_console_profile(o, false, 60.0 * kN, 30.0, 0.5, c, error));
  EXPECT_NE(error.find("--hold-s:"), std::string::npos) << error;

  bool handled = false;
  EXPECT_FALSE(parse_protocol_option("--cycles", "2.5", o, handled, error));
  EXPECT_TRUE(handled);
  EXPECT_EQ(error, "--cycles: '2.5' is not a non-negative whole number (digits only)");
  EXPECT_FALSE(parse_protocol_option("--progressive-steps", "11", o, handled, error));
  EXPECT_EQ(error, "--progressive-steps: '11' must be between 0 and 10");
  EXPECT_FALSE(parse_protocol_option("--protocol", "wavy", o, handled, error));
  EXPECT_EQ(error, "--protocol: 'wavy' is not static, intermittent, cyclic or decompression");
  EXPECT_FALSE(parse_protocol_option("--rest-s", "nan", o, handled, error));
  EXPECT_EQ(error, "--rest-s: 'nan' is not a finite number");
  EXPECT_FALSE(parse_protocol_option("--angle-deg", "10", o, handled, error));
  EXPECT_FALSE(handled);
}

}  // namespace
}  // namespace tractus::cli
