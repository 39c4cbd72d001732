// Treatment protocols as force profiles: a prescription becomes a fixed plan of segments
// (a prologue, a repeating cycle and an epilogue) and the force target is a pure function of
// time on that plan. Nothing here allocates, reads a clock or calls a transcendental function
// of the C library, so native and WebAssembly builds agree to the bit.
#pragma once

#include "hal/hal.h"

namespace tractus::controller {

/// One piece of a force profile: from the previous segment's end force to end_force_n over
/// duration_s, linearly or along a logarithmic curve (steep first, flattening to the end).
struct Segment {
  float duration_s = 0.0f;
  float end_force_n = 0.0f;
  bool logarithmic = false;
};

/// A prescription turned into segments. Built once when a prescription is accepted.
struct ProfilePlan {
  static constexpr int kMaxSegments = 48;
  struct Part {
    Segment segments[kMaxSegments];
    int count = 0;
    float start_force_n = 0.0f;  // force at the part's start
    float duration_s = 0.0f;     // sum of its segments
  };
  Part prologue;  // ramp-in or progressive steps, run once from zero
  Part cycle;     // the repeating main part (a single hold for Static)
  Part epilogue;  // regressive steps, run once before the final release
  float total_s = 0.0f;          // whole treatment time, release included
  float final_release_s = 0.0f;  // time to release to zero at the changeover speed
  float max_rise_n_per_s = 0.0f; // steepest rise in the plan
  float max_fall_n_per_s = 0.0f; // steepest fall in the plan
};

/// Builds the plan for a valid prescription (see check_prescription).
ProfilePlan build_profile(const hal::Prescription& p);

/// Force target in newtons at protocol time protocol_s (seconds of profile run, frozen while
/// the ramp is held) and treatment time elapsed_s (wall-clock seconds of treatment), which
/// alone decides when the epilogue starts.
float profile_force_n(const ProfilePlan& plan, float protocol_s, float elapsed_s);

/// True when the profile is rising at protocol time protocol_s (guarding holds only rises).
bool profile_rising(const ProfilePlan& plan, float protocol_s, float elapsed_s);

/// Natural logarithm of x in [1, 16], from + - * / only (deterministic across platforms).
float det_log(float x);

}  // namespace tractus::controller
