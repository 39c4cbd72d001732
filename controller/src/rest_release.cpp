// The table at rest (Idle, Setup, Ready), and Stopped once its release has finished: drive
// off and brake set, unless the cord is loaded.
//
// A cord can load while the table rests: the patient's guarding or the carriage's drawback
// slides the pelvis headward against a braked drum (campaign seeds 5026, 22206: a 45 kg
// patient held at 20 N for 6 s after an e-stop hold). A trusted load cell that reads the
// cord loaded lifts the brake with the relay still open, so the tension pays the cord out
// through the unpowered drum; the drive is never powered at rest. The drum moving is the
// proof that the force is real. A drum that does not move under a loaded reading is either
// jammed or the reading is an offset: the brake sets again and the drift monitor (203),
// which judges only a braked drum at rest, decides it over its dwell. Stopped after its
// release holds the patient's stop until the acknowledge and can load the same way (campaign
// seed 147309: a carriage jam after a patient stop's release loaded the braked cord to 39 N and
// held it there while the table waited): the same coast lets it out.
#include "controller/controller.h"

#include "controller_detail.h"

namespace tractus::controller {

using hal::ActuatorFrame;
using hal::TableState;
using namespace detail;

namespace {

// a loaded reading must last this long before the brake lifts (a tremor's peak does not)
constexpr int64_t kRestLoadedDwellUs = 20000;
// the coast ends as a stall when the drum has moved less than kWindingInCounts for this long
constexpr int64_t kRestStillUs = 300000;

int32_t abs_counts(int32_t v) { return v < 0 ? -v : v; }

}  // namespace

void Controller::leave_rest() {
  rest_loaded_since_us_ = -1;
  rest_coasting_ = false;
  rest_coast_refused_ = false;
  rest_slack_since_us_ = -1;
}

ActuatorFrame Controller::run_at_rest() {
  ActuatorFrame out = safe_outputs();
  out.lamp = display_.state == TableState::Ready ? ActuatorFrame::Lamp::Green : ActuatorFrame::Lamp::Amber;
  display_.target_force_n = 0.0f;
  if (rest_coast_step()) out.brake_engaged = false;
  return out;
}

bool Controller::rest_coast_step() {
  const bool loaded = measured_force_n_ > kLoadedForceN && load_cell_trusted(supervisor_);
  // a refused coast is not tried again until the reading has come down below loaded
  if (!loaded) rest_coast_refused_ = false;

  if (!rest_coasting_) {
    if (!loaded || rest_coast_refused_) {
      rest_loaded_since_us_ = -1;
      return false;
    }
    if (rest_loaded_since_us_ < 0) rest_loaded_since_us_ = now_us_;
    if (now_us_ - rest_loaded_since_us_ < kRestLoadedDwellUs) return false;
    rest_coasting_ = true;
    rest_slack_since_us_ = -1;
    rest_still_counts_ = last_encoder_counts_;
    rest_still_since_us_ = now_us_;
  }

  // coasting: relay open (motor_enable stays false), brake off, the tension pays the cord out
  if (abs_counts(last_encoder_counts_ - rest_still_counts_) > kWindingInCounts) {
    rest_still_counts_ = last_encoder_counts_;
    rest_still_since_us_ = now_us_;
  }
  if (measured_force_n_ < kSlackForceN) {
    if (rest_slack_since_us_ < 0) rest_slack_since_us_ = now_us_;
  } else {
    rest_slack_since_us_ = -1;
  }
  const bool slack_long_enough = rest_slack_since_us_ >= 0 && now_us_ - rest_slack_since_us_ >= kSlackDwellUs;
  const bool stalled = now_us_ - rest_still_since_us_ >= kRestStillUs;
  if (slack_long_enough || stalled || !load_cell_trusted(supervisor_)) {
    // a stall with the reading still loaded is not retried: the drift monitor judges it
    rest_coast_refused_ = stalled && measured_force_n_ > kLoadedForceN;
    rest_coasting_ = false;
    rest_loaded_since_us_ = -1;
    return false;
  }
  return true;
}

}  // namespace tractus::controller
