// Firmware discipline: no heap after initialisation. This binary replaces the global
// operator new and counts every allocation made while the firmware ticks through a full
// session (self-test, prescription, start, ramp, hold, stops and releases) against the twin.
#include <gtest/gtest.h>

#include <cstdlib>
#include <new>

#include "controller/controller.h"
#include "twin/twin.h"

namespace {
// allocations seen while counting is switched on
long g_counted_allocations = 0;
bool g_counting = false;
}  // namespace

void* operator new(std::size_t size) {
  if (g_counting) ++g_counted_allocations;
  void* p = std::malloc(size == 0 ? 1 : size);
  if (p == nullptr) std::abort();
  return p;
}
void* operator new[](std::size_t size) { return ::operator new(size); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

using namespace tractus;

namespace {

// Drives the firmware against the twin and counts allocations made inside Controller::tick.
struct Session {
  twin::TwinModel model;
  twin::TwinState state = twin::make_state(model);
  Rng rng{7};
  controller::Controller fw;
  int64_t now_us = 0;
  long ticks = 0;

  void run_s(double seconds, hal::ConsoleCommand first = hal::ConsoleCommand{}) {
    const long n = static_cast<long>(seconds * 1000.0);
    for (long i = 0; i < n; ++i) {
      const hal::SensorFrame sensors = twin::sense(model, state, rng);
      g_counting = true;
      const hal::ActuatorFrame out = fw.tick(sensors, i == 0 ? first : hal::ConsoleCommand{}, now_us);
      g_counting = false;
      twin::step(model, state, out, 1000);
      now_us += 1000;
      ++ticks;
    }
  }
  static hal::ConsoleCommand cmd(hal::CommandKind kind) {
    hal::ConsoleCommand c;
    c.kind = kind;
    return c;
  }
};

}  // namespace

TEST(FirmwareDiscipline, AFullSessionAllocatesNothingInTheTick) {
  g_counted_allocations = 0;
  Session s;
  s.run_s(0.5);  // self-test
  hal::ConsoleCommand p = Session::cmd(hal::CommandKind::SetPrescription);
  p.prescription.max_force_n = 300.0f;
  p.prescription.ramp_s = 10.0f;
  p.prescription.treatment_s = 90.0f;
  p.prescription.release_n_per_s = 40.0f;
  s.run_s(0.1, p);
  s.run_s(0.1, Session::cmd(hal::CommandKind::ConfirmHarness));  // Start interlock
  s.run_s(30.0, Session::cmd(hal::CommandKind::Start));
  s.run_s(70.0);  // hold, end of time, release, complete with its tone
  EXPECT_EQ(s.fw.display().state, hal::TableState::Complete);
  s.run_s(0.1, Session::cmd(hal::CommandKind::Acknowledge));
  // a second session stopped by the patient
  s.run_s(0.1, Session::cmd(hal::CommandKind::ConfirmHarness));
  s.run_s(20.0, Session::cmd(hal::CommandKind::Start));
  EXPECT_EQ(s.fw.display().state, hal::TableState::Treating);
  s.state.inputs.patient_stop_pressed = true;
  s.run_s(2.0);
  s.state.inputs.patient_stop_pressed = false;
  s.run_s(0.1, Session::cmd(hal::CommandKind::Acknowledge));
  ASSERT_GT(s.ticks, 120000);
  // the session must really have run: it reached Ready after the patient stop was acknowledged
  EXPECT_EQ(s.fw.display().state, hal::TableState::Ready);
  EXPECT_EQ(g_counted_allocations, 0);
}

TEST(FirmwareDiscipline, TheCounterSeesAnAllocation) {
  // guards the test above against a counter that cannot count
  g_counted_allocations = 0;
  g_counting = true;
  int* volatile p = new int(3);  // volatile: the compiler may not elide the pair
  g_counting = false;
  delete p;
  EXPECT_EQ(g_counted_allocations, 1);
}
