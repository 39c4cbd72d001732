// The sales demo's console: the treatment time it shows (whole minutes, as the console enters
// it) agrees with the time remaining the firmware counts down from.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <memory>
#include <string>

#include "demo_director.h"

using namespace tractus;

namespace {

bool treating(hal::TableState s) { return s == hal::TableState::Treating || s == hal::TableState::Pretension; }

TEST(DemoScript, EveryPrescriptionIsAWholeNumberOfMinutes) {
  for (const auto& script : {web::sales_demo_script(), web::gentle_pull_script()}) {
    for (const web::DemoStep& step : script) {
      for (const web::Cue& c : step.cues) {
        if (c.kind != web::CueKind::Prescribe) continue;
        const double minutes = c.prescription.treatment_s / 60.0;
        EXPECT_EQ(minutes, std::round(minutes)) << step.id << ": " << c.prescription.treatment_s << " s";
        EXPECT_GE(minutes, 1.0) << step.id;
      }
    }
  }
}

TEST(DemoScript, TheTimeRemainingAtTheStartIsTheTreatmentTimeOnShow) {
  // one loop of the demo, watched every 100 ms: at the first moment each step treats, the
  // remaining time rounded up to minutes is the treatment time the console shows
  web::DemoDirector demo(web::sales_demo_script());
  std::unique_ptr<scenarios::Rig> rig;
  demo.restart(rig);
  std::map<std::string, double> first_remaining_s;
  std::map<std::string, double> treatment_s;
  while (demo.loop_count() == 0 && demo.total_s() < 600.0) {
    demo.advance_us(rig, 100000);
    const std::string& id = demo.step().id;
    if (!treating(rig->display().state) || first_remaining_s.count(id)) continue;
    first_remaining_s[id] = rig->display().remaining_s;
    treatment_s[id] = rig->firmware().prescription().treatment_s;
  }
  for (const char* id : {"static", "intermittent", "decompression", "monitoring"}) {
    ASSERT_TRUE(first_remaining_s.count(id)) << id << " never treated";
    const double shown_min = treatment_s[id] / 60.0;
    EXPECT_EQ(std::ceil(first_remaining_s[id] / 60.0), shown_min)
        << id << ": " << first_remaining_s[id] << " s remaining beside " << shown_min << " min";
  }
}

}  // namespace
