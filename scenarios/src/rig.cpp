#include "scenarios/rig.h"

#include "twin/hash.h"
#include "twin/twin.h"

namespace tractus::scenarios {

Rig::Rig(const RigConfig& config)
    : config_(config),
      fitted_patient_(config.twin.patient),
      controller_(config.controller),
      twin_(twin::make_state(config.twin)),
      rng_(config.seed) {}

void Rig::tick() {
  // console -> controller -> twin, each through its pins
  sensors_ = twin::sense(config_.twin, twin_, rng_);
  const hal::ConsoleCommand command = console_.tick(now_us_, controller_.display());
  actuators_ = controller_.tick(sensors_, command, now_us_);
  twin::StepInputs person;
  person.manual_brake_release = hand_release_;
  if (cough_started_us_ >= 0) {
    person.cough_elapsed_s = static_cast<double>(now_us_ - cough_started_us_) * 1e-6;
    if (person.cough_elapsed_s >= config_.twin.patient.cough_duration_s) cough_started_us_ = -1;
  }
  twin::step(config_.twin, twin_, actuators_, config_.controller.tick_us, person);
  now_us_ += config_.controller.tick_us;
}

void Rig::fit_harness(twin::HarnessFitting fitting) {
  twin::PatientModel& p = config_.twin.patient;
  p.pelvic_harness_fit = twin::harness_fit_for(fitting, fitted_patient_.pelvic_harness_fit);
  p.thoracic_harness_fit = twin::harness_fit_for(fitting, fitted_patient_.thoracic_harness_fit);
  p.head_halter_fit = twin::harness_fit_for(fitting, fitted_patient_.head_halter_fit);
}

void Rig::unfasten_harness() {
  twin::PatientModel& p = config_.twin.patient;
  p.pelvic_harness_fit = kUnfastenedHarnessFit;
  p.thoracic_harness_fit = kUnfastenedHarnessFit;
  p.head_halter_fit = kUnfastenedHarnessFit;
}

bool Rig::fit_unit(hal::Region region) {
  if (config_.twin.setup == region) return true;
  // the unit is changed on a patient at rest: nothing pulling, nothing about to
  const hal::TableState s = controller_.display().state;
  const bool at_rest = s == hal::TableState::Idle || s == hal::TableState::Setup ||
                       s == hal::TableState::Ready || s == hal::TableState::Complete ||
                       s == hal::TableState::SelfTest;
  if (!at_rest || twin_.cord_tension_n > kUnitSwapMaxTensionN) return false;
  config_.twin.setup = region;
  return true;
}

int64_t Rig::advance_us(int64_t dt_us) {
  const int64_t tick_us = config_.controller.tick_us;
  carry_us_ += dt_us;
  int64_t ticks = 0;
  while (carry_us_ >= tick_us) {
    tick();
    carry_us_ -= tick_us;
    ++ticks;
  }
  return ticks;
}

void Rig::prescribe_and_start(const hal::Prescription& prescription) {
  hal::ConsoleCommand c;
  c.kind = hal::CommandKind::SetPrescription;
  c.prescription = prescription;
  console_.send(c);
  console_.press(hal::CommandKind::ConfirmHarness);
  console_.press(hal::CommandKind::Start);
  advance_us(2 * config_.controller.tick_us);
}

twin::FaultResult Rig::inject_fault(const char* name) {
  if (console::is_console_fault(name)) {
    console_.set_link_lost(true);  // the console's one fault: its link to the controller
    twin::FaultResult r;
    r.ok = true;
    return r;
  }
  twin::FaultSpec spec;
  const twin::FaultResult found = twin::make_fault_spec(name, &spec, twin_.time_us);
  if (!found.ok) return found;
  return twin::schedule_fault(twin_.faults, spec);
}

bool Rig::clear_fault(const std::string& name) {
  if (console::is_console_fault(name.c_str())) {
    const bool was = console_.link_lost();
    console_.set_link_lost(false);
    return was;
  }
  bool cleared = false;
  for (int i = 0; i < twin::kMaxFaults; ++i) {
    const twin::FaultSlot& s = twin_.faults.slots[i];
    if (s.used && name == twin::fault_name(s.spec)) cleared = twin::clear_fault(twin_.faults, i) || cleared;
  }
  return cleared;
}

void Rig::clear_faults() {
  console_.set_link_lost(false);
  twin::clear_faults(twin_.faults);
}

std::vector<std::string> Rig::active_fault_names() const {
  std::vector<std::string> names;
  if (console_.link_lost()) names.push_back(console::fault_catalogue(nullptr)[0].name);
  for (const twin::FaultSlot& s : twin_.faults.slots)
    if (s.used) names.push_back(twin::fault_name(s.spec));
  return names;
}

uint64_t Rig::state_hash() const {
  Fnv1a h(twin::hash_state(twin_));
  h.i64(now_us_);
  for (int i = 0; i < 4; ++i) h.u64(rng_.state_words()[i]);
  const hal::DisplayState& d = controller_.display();
  h.u32(static_cast<uint32_t>(d.state));
  h.f32(d.measured_force_n);
  h.f32(d.target_force_n);
  h.f32(d.remaining_s);
  h.u32(d.alarm_code);
  h.f32(actuators_.motor_command);
  // the person's inputs, only once used, so a rig that never saw them hashes as before
  if (cough_started_us_ >= 0) h.i64(cough_started_us_);
  if (hand_release_) h.boolean(hand_release_);
  if (console_.link_lost()) h.boolean(true);
  const twin::PatientModel& p = config_.twin.patient;
  if (p.pelvic_harness_fit != fitted_patient_.pelvic_harness_fit ||
      p.head_halter_fit != fitted_patient_.head_halter_fit) {
    h.f64(p.pelvic_harness_fit);
    h.f64(p.thoracic_harness_fit);
    h.f64(p.head_halter_fit);
  }
  return h.value();
}

}  // namespace tractus::scenarios
