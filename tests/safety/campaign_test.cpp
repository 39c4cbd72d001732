// CI's share of the randomized safety campaign: 1,000 short sessions, no invariant violated.
// The full campaign (100,000 sessions) is tractus-safety-campaign --sessions 100000.
#include <gtest/gtest.h>

#include "campaign.h"

using namespace tractus::safety;

TEST(SafetyCampaign, AThousandRandomSessionsKeepEveryInvariant) {
  CampaignOptions o;
  o.first_seed = 1;
  o.sessions = 1000;
  const CampaignCounts c = run_campaign(o);
  print_counts(c);
  EXPECT_EQ(c.sessions, 1000);
  // the campaign really exercised the hazards it guards
  EXPECT_GT(c.faults_injected, 500);
  EXPECT_GT(c.patient_stops, 50);
  EXPECT_GT(c.critical_alarms, 100);
  for (int i = 0; i < kInvariantCount; ++i) {
    EXPECT_EQ(c.violations[i], 0) << "invariant " << i << ", replay seed " << c.first_violation_seed[i];
  }
}
