#include "rig_scenes.h"

namespace tractus::bench {

hal::Prescription thirty_minute_prescription() {
  hal::Prescription p;
  p.region = hal::Region::Lumbar;
  p.protocol = hal::Protocol::Decompression;
  p.max_force_n = 400.0f;
  p.base_force_n = 200.0f;
  p.ramp_s = 20.0f;
  p.hold_s = 30.0f;
  p.ramp_down_s = 10.0f;
  p.rest_s = 30.0f;
  p.cycles = 20;
  p.release_n_per_s = 40.0f;
  p.body_mass_kg = 70.0f;
  return p;
}

RigSessionResult run_thirty_minute_rig_session(int64_t treatment_s) {
  constexpr int64_t kUsPerS = 1000000;
  scenarios::RigConfig config;
  scenarios::Rig rig(config);
  RigSessionResult r;
  r.ticks += rig.advance_us(kUsPerS / 2);  // the firmware's self-test
  rig.prescribe_and_start(thirty_minute_prescription());
  // the last hold of cycle 20 ends at 20 * 90 - 40 s = 1760 s into the treatment
  const int64_t last_hold_end_s = treatment_s < 1760 ? treatment_s : 1760;
  r.ticks += rig.advance_us(last_hold_end_s * kUsPerS);
  r.l45_separation_mm = rig.twin_state().patient.lumbar[3].separation_mm;
  r.ticks += rig.advance_us((treatment_s - last_hold_end_s) * kUsPerS);
  r.state_hash = rig.state_hash();
  return r;
}

}  // namespace tractus::bench
