// Words the console shows for firmware states. Alarm texts are the firmware's own
// (controller::alarm_text, keyed by the named codes of controller/table_safety_policy.h).
#pragma once

#include <cstdint>

#include "hal/hal.h"

namespace tractus::render {

/// Upper-case name of a table state, as on the touchscreen's status chip.
const char* state_label(hal::TableState s);
/// The status chip's words for what the console shows: the state, except that a stop says
/// why it stopped. Only the patient's own stop switch (alarm 102) reads PATIENT STOP; a
/// harness slip (108) reads HARNESS SLIP, and any other stop plain STOPPED.
const char* status_label(const hal::DisplayState& d);

}  // namespace tractus::render
