// The console's status chip (issue 11, section 3): only the patient's own stop switch reads
// PATIENT STOP. A harness slip stops the table the same way, but the chip must say what
// happened, not blame the patient.
#include <gtest/gtest.h>

#include <string>

#include "render/console_text.h"

using namespace tractus;

namespace {
std::string chip(hal::TableState state, uint16_t alarm) {
  hal::DisplayState d;
  d.state = state;
  d.alarm_code = alarm;
  return render::status_label(d);
}
}  // namespace

TEST(StatusLabel, OnlyThePatientsStopSwitchReadsPatientStop) {
  EXPECT_EQ(chip(hal::TableState::Stopped, 102), "PATIENT STOP");
  EXPECT_EQ(chip(hal::TableState::Stopped, 108), "HARNESS SLIP");
  EXPECT_EQ(chip(hal::TableState::Stopped, 103), "STOPPED");
  EXPECT_EQ(chip(hal::TableState::Stopped, 109), "STOPPED");
}

TEST(StatusLabel, OtherStatesKeepTheirNames) {
  EXPECT_EQ(chip(hal::TableState::Treating, 0), "TREATING");
  EXPECT_EQ(chip(hal::TableState::EmergencyStop, 301), "EMERGENCY STOP");
  EXPECT_EQ(chip(hal::TableState::Idle, 108), "IDLE");
}
