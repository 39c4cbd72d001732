// Prescription validation refuses out-of-range settings and names the field.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "controller/prescription.h"

using tractus::controller::check_prescription;
using tractus::hal::Prescription;
using tractus::hal::Region;

namespace {
Prescription valid() {
  Prescription p;
  p.max_force_n = 300.0f;
  p.ramp_s = 30.0f;
  p.treatment_s = 600.0f;
  p.release_n_per_s = 40.0f;
  return p;
}
}  // namespace

TEST(Prescription, AcceptsATypicalLumbarPrescription) {
  EXPECT_TRUE(check_prescription(valid()).ok);
}

TEST(Prescription, RefusesForceAboveTheLumbarDeviceMaximum) {
  Prescription p = valid();
  p.max_force_n = 900.0f;  // above 890 N (200 lbf)
  const auto c = check_prescription(p);
  EXPECT_FALSE(c.ok);
  EXPECT_EQ(std::string(c.field), "max_force_n");
}

TEST(Prescription, RefusesForceAboveTheCervicalDeviceMaximum) {
  Prescription p = valid();
  p.region = Region::Cervical;
  p.max_force_n = 250.0f;  // above 222 N (50 lbf)
  EXPECT_EQ(std::string(check_prescription(p).field), "max_force_n");
  p.max_force_n = 130.0f;
  EXPECT_TRUE(check_prescription(p).ok);
}

TEST(Prescription, RefusesNaNAndTimesOutsideOneTo99Minutes) {
  Prescription p = valid();
  p.max_force_n = std::nanf("");
  EXPECT_EQ(std::string(check_prescription(p).field), "max_force_n");
  p = valid();
  p.treatment_s = 30.0f;
  EXPECT_EQ(std::string(check_prescription(p).field), "treatment_s");
  p.treatment_s = 100.0f * 60.0f;
  EXPECT_EQ(std::string(check_prescription(p).field), "treatment_s");
}

TEST(Prescription, RefusesATreatmentTooShortToRampAndRelease) {
  Prescription p = valid();
  p.treatment_s = 60.0f;
  p.ramp_s = 55.0f;  // 55 s ramp + 300/40 = 7.5 s release > 60 s
  const auto c = check_prescription(p);
  EXPECT_FALSE(c.ok);
  EXPECT_EQ(std::string(c.field), "treatment_s");
  EXPECT_NE(std::string(c.reason), "");
}

TEST(Prescription, RefusesAPeriodicBaseForceAtOrAboveTheMaximum) {
  Prescription p = valid();
  p.protocol = tractus::hal::Protocol::Intermittent;
  p.base_force_n = 300.0f;
  EXPECT_EQ(std::string(check_prescription(p).field), "base_force_n");
  p.base_force_n = 150.0f;
  EXPECT_TRUE(check_prescription(p).ok);
}

TEST(Prescription, RefusesCyclesGivingMoreThan99Minutes) {
  Prescription p = valid();
  p.protocol = tractus::hal::Protocol::Cyclic;
  p.base_force_n = 100.0f;
  p.hold_s = 600.0f;  // each cycle over 10 min
  p.cycles = 12;
  const auto c = check_prescription(p);
  EXPECT_FALSE(c.ok);
  EXPECT_EQ(std::string(c.field), "cycles");
}

TEST(Prescription, WarnsAboveHalfBodyWeightButAccepts) {
  // DESIGN.md section 4: separation needs about 40-50% BW; above half BW is beyond guidance
  Prescription p = valid();
  p.body_mass_kg = 60.0f;        // 588 N body weight
  p.max_force_n = 0.52f * 588.4f;
  auto c = check_prescription(p);
  EXPECT_TRUE(c.ok);
  ASSERT_EQ(c.warning_count, 1);
  EXPECT_EQ(std::string(c.warnings[0]), "lumbar force above 50% of body weight");
  p.max_force_n = 0.48f * 588.4f;
  EXPECT_EQ(check_prescription(p).warning_count, 0);
}

TEST(Prescription, WarnsAboveThirtyPoundsCervical) {
  // DESIGN.md section 4: cervical forces above 30 lb increased discomfort
  Prescription p = valid();
  p.region = Region::Cervical;
  p.max_force_n = 31.0f * tractus::units::kNewtonsPerLbfF;
  auto c = check_prescription(p);
  EXPECT_TRUE(c.ok);
  ASSERT_EQ(c.warning_count, 1);
  EXPECT_EQ(std::string(c.warnings[0]), "cervical force above 30 lb: more discomfort reported");
  p.max_force_n = 25.0f * tractus::units::kNewtonsPerLbfF;
  EXPECT_EQ(check_prescription(p).warning_count, 0);
}

TEST(Prescription, WarnsAboveTheFirstSessionCap) {
  // DESIGN.md section 4: conservative first-session caps 40 lb (women), 50 lb (men)
  Prescription p = valid();
  p.first_session = true;
  p.sex = tractus::hal::PatientSex::Male;
  p.max_force_n = 45.0f * tractus::units::kNewtonsPerLbfF;
  EXPECT_EQ(check_prescription(p).warning_count, 0);
  p.sex = tractus::hal::PatientSex::Female;
  auto c = check_prescription(p);
  ASSERT_EQ(c.warning_count, 1);
  EXPECT_EQ(std::string(c.warnings[0]), "first session above the conservative 40 lb cap");
}
