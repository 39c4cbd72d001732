#include "render/console_text.h"

#include "controller/table_safety_policy.h"

namespace tractus::render {

const char* state_label(hal::TableState s) {
  switch (s) {
    case hal::TableState::SelfTest: return "SELF-TEST";
    case hal::TableState::Idle: return "IDLE";
    case hal::TableState::Ready: return "READY";
    case hal::TableState::Setup: return "SETUP";
    case hal::TableState::EmergencyStop: return "EMERGENCY STOP";
    case hal::TableState::TensionHeld: return "TENSION HELD";
    case hal::TableState::Treating: return "TREATING";
    case hal::TableState::Releasing: return "RELEASING";
    case hal::TableState::Complete: return "COMPLETE";
    case hal::TableState::Stopped: return "PATIENT STOP";
    case hal::TableState::Fault: return "FAULT";
    case hal::TableState::Pretension: return "PRETENSION";
    case hal::TableState::Paused: return "PAUSED";
  }
  return "UNKNOWN";
}

const char* status_label(const hal::DisplayState& d) {
  if (d.state != hal::TableState::Stopped) return state_label(d.state);
  switch (d.alarm_code) {
    case controller::kAlarmPatientStop: return "PATIENT STOP";
    case controller::kAlarmHarnessSlip: return "HARNESS SLIP";
    default: return "STOPPED";
  }
}

}  // namespace tractus::render
