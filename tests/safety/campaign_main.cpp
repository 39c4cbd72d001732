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
#include <cstring>
#include <string>

#include "campaign.h"
#include "scenarios/number_text.h"

namespace {

const char* const kProgram = "tractus-safety-campaign";
const char* const kUsage =
    "usage: tractus-safety-campaign [--sessions N] [--seed S | --first-seed S] [--session-s T] "
    "[--verbose]...\n";

// the limits of each option: a campaign of up to ten million sessions of 3 s to one hour
constexpr uint64_t kMaxSessions = 10000000;
constexpr double kMinSessionS = 3.0, kMaxSessionS = 3600.0;

}  // namespace

int main(int argc, char** argv) {
  namespace sc = tractus::scenarios;
  tractus::safety::CampaignOptions o;
  for (int i = 1; i < argc; ++i) {
    const char* a = argv[i];
    if (std::strcmp(a, "--verbose") == 0) {
      ++o.verbose;
      continue;
    }
    const bool sessions = std::strcmp(a, "--sessions") == 0;
    const bool seed = std::strcmp(a, "--seed") == 0 || std::strcmp(a, "--first-seed") == 0;
    const bool session_s = std::strcmp(a, "--session-s") == 0;
    if (!sessions && !seed && !session_s) {
      std::fprintf(stderr, "%s: unknown option '%s'\n%s", kProgram, a, kUsage);
      return 2;
    }
    if (i + 1 >= argc) {
      std::fprintf(stderr, "%s: %s needs a value\n%s", kProgram, a, kUsage);
      return 2;
    }
    const char* v = argv[++i];
    std::string why;
    uint64_t count = 0;
    bool ok = false;
    if (sessions) {
      ok = sc::parse_count_in(v, 1, kMaxSessions, count, why);
      o.sessions = static_cast<long>(count);
    } else if (seed) {
      ok = sc::parse_u64_text(v, o.first_seed, why);
    } else {
      ok = sc::parse_number_in(v, kMinSessionS, kMaxSessionS, o.session_s, why);
    }
    if (!ok) {
      sc::print_option_error(kProgram, a, v, why);
      return 2;
    }
  }
  const tractus::safety::CampaignCounts c = tractus::safety::run_campaign(o);
  tractus::safety::print_counts(c);
  // a campaign that simulated nothing checked nothing: that is an error, never a pass
  if (c.sessions == 0 || c.ticks == 0) {
    std::fprintf(stderr, "%s: the campaign simulated %ld sessions and %ld ticks: nothing was checked\n",
                 kProgram, c.sessions, c.ticks);
    return 2;
  }
  return c.total_violations() == 0 ? 0 : 1;
}
