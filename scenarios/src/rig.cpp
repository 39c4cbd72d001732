#include "scenarios/rig.h"

#include "twin/hash.h"
#include "twin/twin.h"

namespace tractus::scenarios {

Rig::Rig(const RigConfig& config)
    : config_(config),
      controller_(config.controller),
      twin_(twin::make_state(config.twin)),
      rng_(config.seed) {}

void Rig::tick() {
  sensors_ = twin::sense(config_.twin, twin_, rng_);
  actuators_ = controller_.tick(sensors_, pending_, now_us_);
  pending_ = hal::ConsoleCommand{};
  twin::step(config_.twin, twin_, actuators_, config_.controller.tick_us);
  now_us_ += config_.controller.tick_us;
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
  send(c);
  advance_us(config_.controller.tick_us);
  c.kind = hal::CommandKind::ConfirmHarness;
  send(c);
  advance_us(config_.controller.tick_us);
  c.kind = hal::CommandKind::Start;
  send(c);
}

twin::FaultResult Rig::inject_fault(const char* name) {
  twin::FaultSpec spec;
  const twin::FaultResult found = twin::make_fault_spec(name, &spec, twin_.time_us);
  if (!found.ok) return found;
  return twin::schedule_fault(twin_.faults, spec);
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
  return h.value();
}

}  // namespace tractus::scenarios
