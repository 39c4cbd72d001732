#include "render/console_text.h"

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
    case 102: return "PATIENT STOP";
    case 108: return "HARNESS SLIP";
    default: return "STOPPED";
  }
}

const char* alarm_text(uint16_t code) {
  switch (code) {
    case 0: return "";
    case 101: return "Start refused: the patient stop switch is not plugged in.";
    case 102: return "Patient stop pressed: tension released. Check on the patient.";
    case 103: return "Stop switch unplugged during treatment: tension released.";
    case 201: return "Self-test: load-cell zero out of range. Call service.";
    case 301: return "Emergency stop: drive power off. Release the button and acknowledge.";
    case 302: return "Over-force: force above prescription. Unit locked until service reset.";
    case 303: return "Supply brown-out: drive power off. Unit locked until service reset.";
  }
  if (code >= 300) return "Critical fault: unit locked until service reset.";
  if (code >= 200) return "Internal warning.";
  return "General alarm.";
}

}  // namespace tractus::render
