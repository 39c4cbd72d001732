// The instructor panel (render/instructor_panel.h): an injection names a fault from the twin's
// catalogue, active faults are listed with the way to clear them in the sandbox, and the panel
// never closes itself (the router does, from its request).
#include <gtest/gtest.h>

#include <string>

#include "imgui_frames.h"
#include "render/instructor_panel.h"
#include "scenarios/rig.h"
#include "twin/faults.h"

using namespace tractus;
using namespace tractus::render;

namespace {

struct InstructorFixture : tractus::render::test::TableScreenTest {
  InstructorFixture() : TableScreenTest(Screen::Sandbox) {}
  void draw_once() override { asked = panel.draw_instructor_panel(in, out); }
  InstructorPanel panel{ui.widgets};
};

}  // namespace

TEST_F(InstructorFixture, InjectNamesTheSelectedCatalogueFault) {
  int count = 0;
  const twin::FaultCatalogueEntry* catalogue = twin::fault_catalogue(&count);
  ASSERT_GT(count, 0);
  ui.click("instructor.inject", draw());
  ASSERT_TRUE(out.inject_fault.has_value());
  EXPECT_EQ(*out.inject_fault, catalogue[0].name);
  EXPECT_FALSE(asked.instructor_open.has_value());
}

TEST_F(InstructorFixture, ActiveFaultsAreNamedAndTheSandboxCanClearThem) {
  ui.frames(2, draw());
  EXPECT_TRUE(active_fault_names(in).empty());
  EXPECT_FALSE(ui.drawn("instructor.clear"));
  int count = 0;
  const twin::FaultCatalogueEntry* catalogue = twin::fault_catalogue(&count);
  ASSERT_TRUE(rig.inject_fault(catalogue[0].name).ok);
  rig.tick();
  ASSERT_EQ(active_fault_names(in).size(), 1u);
  EXPECT_EQ(active_fault_names(in)[0], catalogue[0].name);
  ui.click("instructor.clear", draw());
  EXPECT_TRUE(out.clear_faults);
}

TEST_F(InstructorFixture, ReactionsNeedATrainingSession) {
  ui.frames(2, draw());
  EXPECT_FALSE(ui.drawn("instructor.provoke"));
}
