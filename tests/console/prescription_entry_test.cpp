// The console's one prescription entry: SI values narrowed to the HAL's fields unchanged, and
// the HAL's defaults for what the console does not edit.
#include "console/prescription_entry.h"

#include <gtest/gtest.h>

using namespace tractus;

TEST(PrescriptionEntry, ToHalCarriesEveryEditedField) {
  console::PrescriptionEntry e;
  e.region = hal::Region::Cervical;
  e.protocol = hal::Protocol::Intermittent;
  e.max_force_n = 111.2;
  e.ramp_s = 20.0;
  e.treatment_s = 900.0;
  e.release_n_per_s = 25.0;
  e.base_force_n = 55.6;
  e.hold_s = 45.0;
  e.rest_s = 15.0;
  e.cycles = 12;
  const hal::Prescription p = e.to_hal();
  EXPECT_EQ(p.region, hal::Region::Cervical);
  EXPECT_EQ(p.protocol, hal::Protocol::Intermittent);
  EXPECT_EQ(p.max_force_n, static_cast<float>(111.2));
  EXPECT_EQ(p.ramp_s, 20.0f);
  EXPECT_EQ(p.treatment_s, 900.0f);
  EXPECT_EQ(p.release_n_per_s, 25.0f);
  EXPECT_EQ(p.base_force_n, static_cast<float>(55.6));
  EXPECT_EQ(p.hold_s, 45.0f);
  EXPECT_EQ(p.rest_s, 15.0f);
  EXPECT_EQ(p.cycles, 12);
}

TEST(PrescriptionEntry, DefaultsAreTheHalsDefaults) {
  const hal::Prescription from_entry = console::PrescriptionEntry{}.to_hal();
  const hal::Prescription hal_default;
  EXPECT_EQ(from_entry.ramp_s, hal_default.ramp_s);
  EXPECT_EQ(from_entry.treatment_s, hal_default.treatment_s);
  EXPECT_EQ(from_entry.release_n_per_s, hal_default.release_n_per_s);
  EXPECT_EQ(from_entry.hold_s, hal_default.hold_s);
  EXPECT_EQ(from_entry.rest_s, hal_default.rest_s);
  EXPECT_EQ(from_entry.ramp_down_s, hal_default.ramp_down_s);
  EXPECT_EQ(from_entry.pretension_n, hal_default.pretension_n);
}

TEST(PrescriptionEntry, CyclesOutOfTheBytesRangeStayOutOfRangeForTheFirmware) {
  console::PrescriptionEntry e;
  e.cycles = 1000;
  EXPECT_EQ(e.to_hal().cycles, 255) << "still above 99: the firmware refuses it by name";
  e.cycles = -3;
  EXPECT_EQ(e.to_hal().cycles, 0);
}
