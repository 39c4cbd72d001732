// Closed-loop tracking of every protocol: the firmware drives the twin through the rig.
// Bars from issue 4: steady-state error under 2% of target, overshoot under 5%, no sustained
// oscillation (rms hold error under 0.5%), and each treatment completes at the end of time.
#include <gtest/gtest.h>

#include <cstdio>

#include "tracking.h"

using namespace tractus;
using fwtest::track;
using fwtest::Tracking;

namespace {

hal::Prescription make(hal::Protocol protocol, float force_n, float base_n) {
  hal::Prescription p;
  p.protocol = protocol;
  p.max_force_n = force_n;
  p.base_force_n = base_n;
  p.ramp_s = 20.0f;
  p.hold_s = 20.0f;
  p.rest_s = 10.0f;
  p.ramp_down_s = 10.0f;
  p.release_n_per_s = 40.0f;
  p.treatment_s = 150.0f;
  return p;
}

void expect_bars(const char* name, const Tracking& t) {
  std::printf("[tracking] %-28s worst hold error %.3f%%  rms %.3f%%  overshoot %.2f%%  samples %ld\n", name,
              100.0 * t.worst_hold_error_fraction, 100.0 * t.hold_error_rms_fraction,
              100.0 * t.overshoot_fraction, t.hold_samples);
  EXPECT_GT(t.hold_samples, 5000) << name;  // the measurement really saw holds
  EXPECT_LT(t.worst_hold_error_fraction, 0.02) << name;
  EXPECT_LT(t.hold_error_rms_fraction, 0.005) << name;
  EXPECT_LT(t.overshoot_fraction, 0.05) << name;
  EXPECT_TRUE(t.completed) << name << " ended in state " << static_cast<int>(t.last_state) << " alarm "
                           << t.last_alarm;
}

}  // namespace

TEST(ProtocolTracking, Static) {
  expect_bars("static 400 N", track(make(hal::Protocol::Static, 400.0f, 0.0f), 200.0));
}

TEST(ProtocolTracking, Intermittent) {
  expect_bars("intermittent 400/150 N", track(make(hal::Protocol::Intermittent, 400.0f, 150.0f), 200.0));
}

TEST(ProtocolTracking, Cyclic) {
  expect_bars("cyclic 350/100 N", track(make(hal::Protocol::Cyclic, 350.0f, 100.0f), 200.0));
}

TEST(ProtocolTracking, Decompression) {
  expect_bars("decompression 445/100 N", track(make(hal::Protocol::Decompression, 445.0f, 100.0f), 200.0));
}

TEST(ProtocolTracking, ProgressiveAndRegressiveSteps) {
  hal::Prescription p = make(hal::Protocol::Static, 400.0f, 0.0f);
  p.progressive_steps = 3;
  p.regressive_steps = 2;
  p.treatment_s = 400.0f;
  expect_bars("static + 3 up / 2 down steps", track(p, 450.0));
}

TEST(ProtocolTracking, DecompressionCyclesComputeTheirOwnEnd) {
  hal::Prescription p = make(hal::Protocol::Decompression, 400.0f, 100.0f);
  p.cycles = 3;
  const Tracking t = track(p, 400.0);
  expect_bars("decompression 3 cycles", t);
}

namespace {
struct PatientCase {
  const char* name;
  double body_mass_kg;
  bool female;
  double harness_fit;
  hal::Region region;
};
// the twin has no shipped patient list yet; these span its reference patient
const PatientCase kPatients[] = {
    {"reference 70 kg male", 70.0, false, 0.9, hal::Region::Lumbar},
    {"light 50 kg female, loose harness", 50.0, true, 0.65, hal::Region::Lumbar},
    {"heavy 115 kg male", 115.0, false, 0.95, hal::Region::Lumbar},
    {"cervical 65 kg female", 65.0, true, 0.9, hal::Region::Cervical},
};
}  // namespace

TEST(ProtocolTracking, EveryProtocolAcrossPatients) {
  for (const PatientCase& pc : kPatients) {
    scenarios::RigConfig cfg;
    cfg.twin.patient.body_mass_kg = pc.body_mass_kg;
    cfg.twin.patient.female = pc.female;
    cfg.twin.patient.pelvic_harness_fit = pc.harness_fit;
    cfg.twin.patient.head_halter_fit = pc.harness_fit;
    cfg.twin.setup = pc.region;
    const bool cervical = pc.region == hal::Region::Cervical;
    // lumbar at 40% of body weight (DESIGN.md section 4: separation needs about 40-50% BW),
    // cervical at 25 lb (measurable change at 25-45 lb)
    const float force_n = cervical ? 111.0f : static_cast<float>(0.4 * pc.body_mass_kg * 9.80665);
    for (int proto = 0; proto < 4; ++proto) {
      hal::Prescription p = make(static_cast<hal::Protocol>(proto), force_n, 0.3f * force_n);
      p.region = pc.region;
      // a gentler changeover for the neck: the twin guards above 0.04 BW/s (see below)
      if (cervical) p.release_n_per_s = 15.0f;
      char name[96];
      std::snprintf(name, sizeof name, "%s, protocol %d", pc.name, proto);
      expect_bars(name, track(p, 200.0, cfg));
    }
  }
}

namespace {
// runs a cervical prescription on a 65 kg woman; returns the treatment second guarding was
// first detected, or -1
double first_guarding_s(const hal::Prescription& p) {
  scenarios::RigConfig cfg;
  cfg.twin.patient.body_mass_kg = 65.0;
  cfg.twin.patient.female = true;
  cfg.twin.setup = hal::Region::Cervical;
  scenarios::Rig rig(cfg);
  rig.advance_us(500000);
  rig.prescribe_and_start(p);
  for (int i = 0; i < 120000; ++i) {
    rig.advance_us(1000);
    if (rig.display().guarding_detected) {
      EXPECT_GE(rig.firmware().event_log().find_last(controller::EventKind::AlarmRaised,
                                                      controller::kAlarmMuscleGuarding), 0);
      return i / 1000.0;
    }
  }
  return -1.0;
}
}  // namespace

TEST(ProtocolTracking, AnAggressiveCervicalChangeoverProvokesGuardingThatTheFirmwareSees) {
  // 40 N/s on a 65 kg neck is above the twin's comfortable 0.04 BW/s (25 N/s): the patient
  // guards, the load cell fluctuates, and the firmware must notice (alarm 205, ramp held);
  // a gentle 60 s static ramp must not be flagged
  hal::Prescription aggressive = make(hal::Protocol::Intermittent, 111.0f, 33.0f);
  aggressive.region = hal::Region::Cervical;
  aggressive.ramp_s = 2.0f;
  hal::Prescription gentle = make(hal::Protocol::Static, 111.0f, 0.0f);
  gentle.region = hal::Region::Cervical;
  gentle.ramp_s = 60.0f;
  const double aggressive_s = first_guarding_s(aggressive);
  const double gentle_s = first_guarding_s(gentle);
  std::printf("[guarding] aggressive first seen at %.3f s, gentle %.3f s\n", aggressive_s, gentle_s);
  EXPECT_GE(aggressive_s, 0.0);
  EXPECT_LT(gentle_s, 0.0);
}
