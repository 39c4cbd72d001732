// step() and sense() allocate nothing: a counting global operator new watches a minute of
// pulling with a guarding patient and active faults.
#include <gtest/gtest.h>

#include <cstdlib>
#include <new>

#include "test_util.h"
#include "twin/twin.h"

namespace {
long g_allocations = 0;
}  // namespace

void* operator new(std::size_t size) {
  ++g_allocations;
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

using namespace tractus;

TEST(TwinNoAlloc, StepAndSenseNeverAllocate) {
  twin::TwinModel m;
  m.patient.anxiety_baseline = 0.9;  // guarding: tremor draws from the patient's generator
  twin::TwinState s = twin::make_state(m);
  twin::FaultSpec spec;
  ASSERT_TRUE(twin::make_fault_spec("load_cell.noisy", &spec, 0).ok);
  ASSERT_TRUE(twin::schedule_fault(s.faults, spec).ok);
  ASSERT_TRUE(twin::make_fault_spec("motor.weak", &spec, 0).ok);
  ASSERT_TRUE(twin::schedule_fault(s.faults, spec).ok);
  Rng rng(3);
  const long before = g_allocations;
  long sum = 0;
  for (int i = 0; i < 60000; ++i) {
    twin::step(m, s, twin::testing::pulling(i < 1000 ? 0.3f * i / 1000.0f : 0.3f), 1000);
    sum += twin::sense(m, s, rng).load_cell_counts;
  }
  EXPECT_EQ(g_allocations, before);
  EXPECT_GT(sum, 0);
  EXPECT_GT(s.patient.muscle_activation, m.patient.muscle_tone);  // the patient did guard
}
