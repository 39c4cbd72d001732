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
