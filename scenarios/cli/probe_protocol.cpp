#include "probe_protocol.h"

#include <cstring>

#include "controller/prescription.h"
#include "hal/units.h"
#include "scenarios/number_text.h"

namespace tractus::cli {

namespace {

using units::kNewtonsPerLbf;

// the firmware's field names and the probe's flags for them
struct FlagOfField {
  const char* field;
  const char* flag;
};
constexpr FlagOfField kFlags[] = {
    {"max_force_n", "--force-lbf"},       {"ramp_s", "--ramp-s"},
    {"treatment_s", "--treatment-s"},     {"release_n_per_s", "--release-lbf-per-s"},
    {"base_force_n", "--base-lbf"},       {"hold_s", "--hold-s"},
    {"rest_s", "--rest-s"},               {"ramp_down_s", "--ramp-down-s"},
    {"progressive_steps", "--progressive-steps"}, {"regressive_steps", "--regressive-steps"},
    {"cycles", "--cycles"},
};

const char* flag_of(const char* field) {
  for (const FlagOfField& f : kFlags) {
    if (std::strcmp(f.field, field) == 0) return f.flag;
  }
  return field;
}

bool number(const char* flag, const char* value, double& out, std::string& error) {
  std::string why;
  if (scenarios::parse_finite_text(value, out, why)) return true;
  error = std::string(flag) + ": '" + value + "' " + why;
  return false;
}

bool count(const char* flag, const char* value, uint64_t hi, uint64_t& out, std::string& error) {
  std::string why;
  if (scenarios::parse_count_in(value, 0, hi, out, why)) return true;
  error = std::string(flag) + ": '" + value + "' " + why;
  return false;
}

double console_force_at(const void* context, double t_s) {
  const ConsoleProfile& c = *static_cast<const ConsoleProfile*>(context);
  if (t_s < c.release_start_s) {
    const float t = static_cast<float>(t_s);
    return controller::profile_force_n(c.plan, t, t);
  }
  // the firmware's final release: from where the profile stood, down at the changeover speed
  const float start = static_cast<float>(c.release_start_s);
  const double from_n = controller::profile_force_n(c.plan, start, start);
  const double n = from_n - c.release_n_per_s * (t_s - c.release_start_s);
  return n > 0.0 ? n : 0.0;
}

double dose_release_force_at(const void* context, double t_s) {
  const DoseWithRelease& d = *static_cast<const DoseWithRelease*>(context);
  const double end_s = d.dose.ramp_s + d.dose.hold_s;
  if (t_s < end_s) return twin::probe_force_at(d.dose, t_s);
  const double n = d.dose.force_n - d.release_n_per_s * (t_s - end_s);
  return n > 0.0 ? n : 0.0;
}

}  // namespace

bool parse_protocol_option(const char* flag, const char* value, ProbeProtocolOptions& o,
                           bool& handled, std::string& error) {
  handled = true;
  const std::string f = flag;
  if (f == "--protocol") {
    const std::string v = value;
    if (v != "static" && v != "intermittent" && v != "cyclic" && v != "decompression") {
      error = "--protocol: '" + v + "' is not static, intermittent, cyclic or decompression";
      return false;
    }
    o.protocol = v;
    return true;
  }
  if (f == "--base-lbf") return number(flag, value, o.base_lbf, error);
  if (f == "--rest-s") return number(flag, value, o.rest_s, error);
  if (f == "--ramp-down-s") return number(flag, value, o.ramp_down_s, error);
  if (f == "--treatment-s") return number(flag, value, o.treatment_s, error);
  if (f == "--release-lbf-per-s") return number(flag, value, o.release_lbf_per_s, error);
  if (f == "--cycles") return count(flag, value, 99, o.cycles, error);
  if (f == "--progressive-steps") return count(flag, value, 10, o.progressive_steps, error);
  if (f == "--regressive-steps") return count(flag, value, 10, o.regressive_steps, error);
  handled = false;
  return false;
}

bool build_console_profile(const ProbeProtocolOptions& o, bool cervical, double force_n,
                           double ramp_s, double hold_s, ConsoleProfile& out, std::string& error) {
  hal::Prescription p;
  p.region = cervical ? hal::Region::Cervical : hal::Region::Lumbar;
  p.protocol = o.protocol == "intermittent"    ? hal::Protocol::Intermittent
               : o.protocol == "cyclic"        ? hal::Protocol::Cyclic
               : o.protocol == "decompression" ? hal::Protocol::Decompression
                                               : hal::Protocol::Static;
  p.max_force_n = static_cast<float>(force_n);
  p.ramp_s = static_cast<float>(ramp_s);
  p.treatment_s = static_cast<float>(o.treatment_s);
  p.release_n_per_s = static_cast<float>(o.release_lbf_per_s * kNewtonsPerLbf);
  p.base_force_n = static_cast<float>(o.base_lbf * kNewtonsPerLbf);
  p.hold_s = static_cast<float>(hold_s);
  p.rest_s = static_cast<float>(o.rest_s);
  p.ramp_down_s = static_cast<float>(o.ramp_down_s);
  p.progressive_steps = static_cast<uint8_t>(o.progressive_steps);
  p.regressive_steps = static_cast<uint8_t>(o.regressive_steps);
  p.cycles = static_cast<uint8_t>(o.cycles);
  const controller::PrescriptionCheck check = controller::check_prescription(p);
  if (!check.ok) {
    error = std::string(flag_of(check.field)) + ": refused as the console would (" + check.field +
            " " + check.reason + ")";
    return false;
  }
  out.plan = controller::build_profile(p);
  out.release_start_s = static_cast<double>(out.plan.total_s) - out.plan.final_release_s;
  out.release_n_per_s = p.release_n_per_s;
  return true;
}

twin::ForceProfile ConsoleProfile::profile() const {
  twin::ForceProfile f;
  f.force_at_n = console_force_at;
  f.context = this;
  f.duration_s = plan.total_s;
  return f;
}

twin::ForceProfile DoseWithRelease::profile() const {
  twin::ForceProfile f;
  f.force_at_n = dose_release_force_at;
  f.context = this;
  f.duration_s = dose.ramp_s + dose.hold_s + dose.force_n / release_n_per_s;
  return f;
}

}  // namespace tractus::cli
