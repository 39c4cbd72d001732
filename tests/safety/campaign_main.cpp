// tractus-safety-campaign: runs the randomized safety campaign and prints its counts.
//
//   tractus-safety-campaign [--sessions N] [--seed S | --first-seed S] [--session-s T] [--verbose]...
//
// --seed and --first-seed both name the first seed; --sessions 1 --seed S replays one seed,
// and each --verbose adds detail (1: a line per session, 2: a 20 ms trace after alarms and
// stops, 3: a trace of every tick).
// CI runs 1,000 sessions through ctest (tests/safety/campaign_test.cpp); the full campaign is
//   build/native-release/tests/safety/tractus-safety-campaign --sessions 100000
// It exits non-zero when any invariant was violated, naming the first seed to replay.
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "campaign.h"

int main(int argc, char** argv) {
  tractus::safety::CampaignOptions o;
  for (int i = 1; i < argc; ++i) {
    const bool has_value = i + 1 < argc;
    if (std::strcmp(argv[i], "--sessions") == 0 && has_value) {
      o.sessions = std::strtol(argv[++i], nullptr, 10);
    } else if ((std::strcmp(argv[i], "--seed") == 0 || std::strcmp(argv[i], "--first-seed") == 0) && has_value) {
      o.first_seed = std::strtoull(argv[++i], nullptr, 10);
    } else if (std::strcmp(argv[i], "--verbose") == 0) {
      ++o.verbose;
    } else if (std::strcmp(argv[i], "--session-s") == 0 && has_value) {
      o.session_s = std::strtod(argv[++i], nullptr);
    } else {
      std::fprintf(stderr, "usage: tractus-safety-campaign [--sessions N] [--seed S | --first-seed S] [--session-s T] [--verbose]...\n");
      return 2;
    }
  }
  if (o.sessions < 1 || o.session_s < 3.0) {
    std::fprintf(stderr, "tractus-safety-campaign: --sessions must be >= 1 and --session-s >= 3\n");
    return 2;
  }
  const tractus::safety::CampaignCounts c = tractus::safety::run_campaign(o);
  tractus::safety::print_counts(c);
  return c.total_violations() == 0 ? 0 : 1;
}
