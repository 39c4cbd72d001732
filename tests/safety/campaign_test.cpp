// CI's share of the randomized safety campaign: 1,000 short sessions, no invariant violated.
// The full campaign (100,000 sessions) is tractus-safety-campaign --sessions 100000.
#include <gtest/gtest.h>

#include "campaign.h"

using namespace tractus::safety;

namespace {

/// Fails once for each invariant the sessions broke, naming the seed that replays it.
void expect_no_violations(const CampaignCounts& counts) {
  for (int i = 0; i < kInvariantCount; ++i) {
    EXPECT_EQ(counts.violations[i], 0) << "invariant " << i << ", replay seed " << counts.first_violation_seed[i];
  }
}

}  // namespace

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
  // ...the emergency stops too (issue 11): pressed, a tension held, released both ways
  EXPECT_GT(c.estops, 150);
  EXPECT_GT(c.tension_held, 60);
  EXPECT_GT(c.release_tension_presses, 50);
  EXPECT_GT(c.estop_patient_stops, 10);
  expect_no_violations(c);
}

TEST(SafetyCampaign, TheSeedsThatOnceBrokeAnInvariantKeepThemAll) {
  // first seeds of the 100,000-session run's findings (docs/hazards.md, "Randomized campaign"):
  // 3626 a runaway drum's momentum after the relay opened, 9627 a dead supply monitor cutting
  // power with the brake set during a patient stop, 67508 a frozen load cell that hid a
  // guarding rise past the limit for 2 s; then the stricter invariants' findings: 3804 a
  // release winding a slack cord in, 4011 and 51813 a runaway's first millisecond in a pause,
  // 13097 and 76561 an encoder lost during a patient stop's fast release, 5873 and 58857 a
  // patient guarding against a stalled drum with the relay open; then the repeated run's:
  // 62176 a runaway pulling just above the command during a release, 37352 an encoder lost
  // in a cervical patient stop with the carriage springing back onto a stopped drum
  const uint64_t seeds[] = {3626, 9627, 67508, 3804, 4011, 51813, 13097, 76561, 5873, 58857, 62176, 37352};
  CampaignOptions o;
  o.emergency_stops = false;  // the sessions as they were drawn when they broke an invariant
  CampaignCounts c;
  for (uint64_t seed : seeds) run_session(seed, o, c);
  EXPECT_EQ(c.sessions, static_cast<long>(sizeof(seeds) / sizeof(seeds[0])));
  EXPECT_EQ(c.faults_injected, c.sessions);
  expect_no_violations(c);

  // the emergency-stop campaign's findings (issue 11, docs/hazards.md): 162 an encoder loss
  // behind an e-stop let a patient stop's fast release close the relay again; 1609 a load cell
  // drifting high during a 14 s e-stop had Release tension start above the cord's force and
  // wind it in 15 N; 491 and 50931 an e-stop early in the ramp acknowledged on a cord the cell
  // read at 15.0 N, true 15.1 N, left at rest; 1357, 5667, 58120, 64745, 100384, 105331 and
  // 116820 a noisy load cell (20 N) that read a recoiled cord under 14 N at the acknowledge
  // and let the table rest loaded (now fault 315); 13884 and 114179 a cell stuck during the
  // hold, whose patient stop's release the drive-off left to the slow coast (now finished on
  // the encoder); 104632 a runaway dormant behind the hold's open relay, found by the patient
  // stop's release (the coast's 1 s, invariants.h); 94304 a cell frozen on a braked, still
  // drum after a release, which read the recoiled cord under 14 N (now stuck after 0.5 s);
  // 4149 and 54717 a cell frozen at 0 on a slack cord, found with the relay still closed for
  // a patient stop's slack dwell (now opened at once); 655 the same hazard as 1357 met by the
  // reflex muscle model (issue 12, step 5): a 229 N e-stop hold, a noisy cell from 7.18 s, the
  // Release tension ended on a reading of 3.5 N with 13.3 N true, the recoil drew the braked
  // cord to 17.3 N and the acknowledge went Idle on a noisy 6.9 N (now fault 315 in the hold);
  // 5026 and 22206 a light patient's guarding loading the braked cord at rest after an e-stop
  // (now paid out through the unpowered drum, rest_release.cpp; 22206's load came 2.5 s after
  // a patient stop's release, at rest, which is invariant 5's to judge, not the stop's)
  const uint64_t estop_seeds[] = {162, 1609, 491, 50931, 1357, 5667, 58120, 64745, 100384, 105331, 116820,
                                  13884, 114179, 104632, 94304, 4149, 54717, 655, 5026, 22206};
  CampaignOptions with_estops;
  CampaignCounts e;
  for (uint64_t seed : estop_seeds) run_session(seed, with_estops, e);
  EXPECT_EQ(e.estops, static_cast<long>(sizeof(estop_seeds) / sizeof(estop_seeds[0])));
  expect_no_violations(e);

  // the run beyond the 100,000 seeds: 116653 a cell stuck at 0 N 0.4 s into a patient stop's
  // fast release, whose drive-off coast counted the frozen 0 N as slack and set the brake as
  // the carriage sprang back onto the cord (now an untrusted cell's coast runs its 2 s);
  // 129493 a runaway 0.6 s after a patient stop, in the stop's slack dwell with the relay still
  // closed: 61.7 N for 1 ms before 312 opened it (judged now as invariant 1's bounded excursion);
  // 147309 a carriage jam after a patient stop's release loaded the braked cord to 39 N and the
  // table held it until the acknowledge (now let out through the unpowered drum, as at rest)
  const uint64_t beyond_seeds[] = {116653, 129493, 147309};
  CampaignCounts b;
  for (uint64_t seed : beyond_seeds) run_session(seed, with_estops, b);
  EXPECT_EQ(b.sessions, static_cast<long>(sizeof(beyond_seeds) / sizeof(beyond_seeds[0])));
  EXPECT_EQ(b.faults_injected, b.sessions);
  expect_no_violations(b);
}
