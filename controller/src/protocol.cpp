#include "controller/protocol.h"

namespace tractus::controller {

namespace {

constexpr float kLn2 = 0.693147180559945f;
constexpr float kLogCurveK = 9.0f;  // shape of the logarithmic rise: ln(1 + 9u) / ln(10)

void add(ProfilePlan::Part& part, float duration_s, float end_force_n, bool logarithmic = false) {
  if (part.count >= ProfilePlan::kMaxSegments) return;
  if (duration_s < 0.0f) duration_s = 0.0f;
  Segment& s = part.segments[part.count++];
  s.duration_s = duration_s;
  s.end_force_n = end_force_n;
  s.logarithmic = logarithmic;
  part.duration_s += duration_s;
}

float part_end_force(const ProfilePlan::Part& part) {
  return part.count == 0 ? part.start_force_n : part.segments[part.count - 1].end_force_n;
}

float absf(float x) { return x < 0.0f ? -x : x; }

// force on a part at time t_s from its start (clamped to the part)
float eval_part(const ProfilePlan::Part& part, float t_s) {
  float from_n = part.start_force_n;
  for (int i = 0; i < part.count; ++i) {
    const Segment& s = part.segments[i];
    if (t_s < s.duration_s) {
      const float u = s.duration_s > 0.0f ? t_s / s.duration_s : 1.0f;
      const float shape = s.logarithmic ? det_log(1.0f + kLogCurveK * u) / det_log(1.0f + kLogCurveK) : u;
      return from_n + (s.end_force_n - from_n) * shape;
    }
    t_s -= s.duration_s;
    from_n = s.end_force_n;
  }
  return part_end_force(part);
}

bool part_rising(const ProfilePlan::Part& part, float t_s) {
  float from_n = part.start_force_n;
  for (int i = 0; i < part.count; ++i) {
    const Segment& s = part.segments[i];
    if (t_s < s.duration_s) return s.end_force_n > from_n;
    t_s -= s.duration_s;
    from_n = s.end_force_n;
  }
  return false;
}

void update_rates(ProfilePlan& plan, const ProfilePlan::Part& part) {
  float from_n = part.start_force_n;
  for (int i = 0; i < part.count; ++i) {
    const Segment& s = part.segments[i];
    if (s.duration_s > 0.0f) {
      float rate = (s.end_force_n - from_n) / s.duration_s;
      // the logarithmic curve starts k/ln(1+k) times steeper than its mean slope
      if (s.logarithmic) rate *= kLogCurveK / det_log(1.0f + kLogCurveK);
      if (rate > plan.max_rise_n_per_s) plan.max_rise_n_per_s = rate;
      if (-rate > plan.max_fall_n_per_s) plan.max_fall_n_per_s = -rate;
    }
    from_n = s.end_force_n;
  }
}

}  // namespace

float det_log(float x) {
  if (!(x > 0.0f)) return 0.0f;
  // halve into [0.75, 1.5): halving is exact, and each halving adds ln 2
  int k = 0;
  while (x >= 1.5f && k < 64) {
    x *= 0.5f;
    ++k;
  }
  while (x < 0.75f && k > -64) {
    x *= 2.0f;
    --k;
  }
  // ln x = 2 atanh(s), s = (x-1)/(x+1), |s| < 0.2
  const float s = (x - 1.0f) / (x + 1.0f);
  const float s2 = s * s;
  float power = s, sum = 0.0f;
  for (int n = 1; n <= 9; n += 2) {
    sum += power / static_cast<float>(n);
    power *= s2;
  }
  return 2.0f * sum + static_cast<float>(k) * kLn2;
}

ProfilePlan build_profile(const hal::Prescription& p) {
  ProfilePlan plan;
  const float top_n = p.max_force_n;
  const bool periodic = p.protocol != hal::Protocol::Static;
  const float base_n = periodic ? p.base_force_n : top_n;
  const float ramp_rate = top_n / p.ramp_s;  // the initial ramp's rate, newtons per second
  const float v = p.release_n_per_s;         // changeover speed

  // prologue: progressive steps (hold each step, rest at half of it), or a plain ramp-in
  ProfilePlan::Part& pro = plan.prologue;
  if (p.progressive_steps > 0) {
    const int n = p.progressive_steps;
    float level_n = 0.0f;
    for (int k = 1; k <= n; ++k) {
      const float step_n = top_n * static_cast<float>(k) / static_cast<float>(n);
      add(pro, (step_n - level_n) / ramp_rate, step_n);
      add(pro, p.hold_s, step_n);
      level_n = step_n;
      if (k < n) {
        add(pro, 0.5f * step_n / v, 0.5f * step_n);
        add(pro, p.rest_s, 0.5f * step_n);
        level_n = 0.5f * step_n;
      }
    }
    if (periodic) add(pro, (top_n - base_n) / v, base_n);
  } else {
    add(pro, base_n / ramp_rate, base_n);
  }

  // the main cycle, starting and ending at the base force
  ProfilePlan::Part& cyc = plan.cycle;
  cyc.start_force_n = base_n;
  switch (p.protocol) {
    case hal::Protocol::Static:
      add(cyc, 1.0f, top_n);
      break;
    case hal::Protocol::Intermittent:
      add(cyc, (top_n - base_n) / v, top_n);
      add(cyc, p.hold_s, top_n);
      add(cyc, (top_n - base_n) / v, base_n);
      add(cyc, p.rest_s, base_n);
      break;
    case hal::Protocol::Cyclic:
      add(cyc, p.ramp_s, top_n);
      add(cyc, p.hold_s, top_n);
      add(cyc, p.ramp_down_s, base_n);
      add(cyc, p.rest_s, base_n);
      break;
    case hal::Protocol::Decompression: {
      // quick rise to about half, then a logarithmic rise "to avoid reflex muscle reaction"
      const float half_n = base_n > 0.5f * top_n ? base_n : 0.5f * top_n;
      add(cyc, 0.2f * p.ramp_s, half_n);
      add(cyc, 0.8f * p.ramp_s, top_n, true);
      add(cyc, p.hold_s, top_n);
      add(cyc, p.ramp_down_s, base_n);
      add(cyc, p.rest_s, base_n);
      break;
    }
  }

  // epilogue: regressive steps down from the top force, each held then rested at half
  ProfilePlan::Part& epi = plan.epilogue;
  epi.start_force_n = top_n;
  if (p.regressive_steps > 0) {
    const int n = p.regressive_steps;
    float level_n = top_n;
    for (int k = n; k >= 1; --k) {
      const float step_n = top_n * static_cast<float>(k) / static_cast<float>(n);
      add(epi, absf(level_n - step_n) / v, step_n);
      add(epi, p.hold_s, step_n);
      add(epi, 0.5f * step_n / v, 0.5f * step_n);
      add(epi, p.rest_s, 0.5f * step_n);
      level_n = 0.5f * step_n;
    }
  }

  // the release at the end starts from the epilogue's end, the base force, or the top force
  const float release_from_n = p.regressive_steps > 0 ? part_end_force(epi) : top_n;
  plan.final_release_s = release_from_n / v;
  if (periodic && p.cycles > 0) {
    plan.total_s = pro.duration_s + static_cast<float>(p.cycles) * cyc.duration_s + epi.duration_s +
                   (p.regressive_steps > 0 ? plan.final_release_s : base_n / v);
    if (p.regressive_steps == 0) plan.final_release_s = base_n / v;
  } else {
    plan.total_s = p.treatment_s;
  }

  update_rates(plan, pro);
  update_rates(plan, cyc);
  update_rates(plan, epi);
  if (ramp_rate > plan.max_rise_n_per_s) plan.max_rise_n_per_s = ramp_rate;
  if (v > plan.max_fall_n_per_s) plan.max_fall_n_per_s = v;
  return plan;
}

namespace {
// which part applies and the time into it
const ProfilePlan::Part* locate(const ProfilePlan& plan, float protocol_s, float elapsed_s, float* t_out) {
  const float epilogue_start_s = plan.total_s - plan.final_release_s - plan.epilogue.duration_s;
  if (plan.epilogue.count > 0 && elapsed_s >= epilogue_start_s) {
    *t_out = elapsed_s - epilogue_start_s;
    return &plan.epilogue;
  }
  if (protocol_s < plan.prologue.duration_s) {
    *t_out = protocol_s;
    return &plan.prologue;
  }
  float t = protocol_s - plan.prologue.duration_s;
  const float period_s = plan.cycle.duration_s;
  if (period_s > 0.0f) {
    // whole cycles removed by integer division, so the result is the same on every platform
    const float cycles = static_cast<float>(static_cast<long long>(t / period_s));
    t -= cycles * period_s;
    if (t < 0.0f) t = 0.0f;
  }
  *t_out = t;
  return &plan.cycle;
}
}  // namespace

float profile_force_n(const ProfilePlan& plan, float protocol_s, float elapsed_s) {
  float t = 0.0f;
  const ProfilePlan::Part* part = locate(plan, protocol_s, elapsed_s, &t);
  return eval_part(*part, t);
}

bool profile_rising(const ProfilePlan& plan, float protocol_s, float elapsed_s) {
  float t = 0.0f;
  const ProfilePlan::Part* part = locate(plan, protocol_s, elapsed_s, &t);
  return part_rising(*part, t);
}

}  // namespace tractus::controller
