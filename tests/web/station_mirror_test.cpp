// The instructor's mirror of a station (issue 16): fed the station's record a piece at a time,
// as the state stream carries it, it ends bit for bit where the station's session ended: the
// same physics hash and timeline hash as the record, natively and in WebAssembly.
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "library_fixture.h"
#include "scenarios/record.h"
#include "scenarios/scoring.h"
#include "station_mirror.h"

using namespace tractus;
using nlohmann::json;

namespace {

// the record as the station would have streamed it at t_us: its actions so far
json streamed_at(const json& full, int64_t t_us) {
  json r = full;
  r["actions"] = json::array();
  for (const json& a : full["actions"])
    if (a["t_us"].get<int64_t>() <= t_us) r["actions"].push_back(a);
  r["end_us"] = t_us;
  return r;
}

scenarios::SessionRecord played(const std::string& scenario, const std::string& script) {
  scenarios::Session s(test::library_scenario(scenario), scenarios::SessionOptions{7, scenarios::Mode::Practice});
  test::play_trainee(s, script);
  return scenarios::make_record(s);
}

}  // namespace

TEST(StationMirror, FedAPieceAtATimeItEndsWhereTheStationsSessionEnded) {
  const scenarios::SessionRecord rec = played("routine-lumbar-l45", "expert.json");
  const json full = scenarios::record_to_json(rec);
  ASSERT_GT(rec.actions.size(), 5u);
  web::StationMirror mirror;
  std::string why;
  // a state every 200 ms of session time, the mirror stepping at most 150 ms a frame
  for (int64_t t = 0; t < rec.end_us; t += 200000) {
    ASSERT_TRUE(mirror.feed(streamed_at(full, t), why)) << why;
    mirror.advance(150000);
  }
  ASSERT_TRUE(mirror.feed(full, why)) << why;
  for (int i = 0; i < 100000 && mirror.behind_us() > 0 && !mirror.session()->ended(); ++i) mirror.advance(150000);
  EXPECT_EQ(mirror.rebuilds(), 1);
  ASSERT_TRUE(rec.has_physics_hash);
  EXPECT_EQ(scenarios::physics_hash(*mirror.session()), rec.physics_hash);
  EXPECT_EQ(scenarios::build_report(*mirror.session()).timeline_hash, rec.timeline_hash);
}

TEST(StationMirror, ALateJoinCatchesUpAndAChangedPastStartsAgain) {
  const scenarios::SessionRecord rec = played("routine-lumbar-l45", "expert.json");
  const json full = scenarios::record_to_json(rec);
  web::StationMirror mirror;
  std::string why;
  ASSERT_TRUE(mirror.feed(full, why)) << why;
  mirror.advance(1000000);
  EXPECT_EQ(mirror.behind_us(), rec.end_us - 1000000) << "a frame's step is bounded";
  // the station started again (another seed): the mirror does too
  json other = full;
  other["seed"] = static_cast<uint64_t>(8);
  ASSERT_TRUE(mirror.feed(other, why)) << why;
  EXPECT_EQ(mirror.rebuilds(), 2);
  EXPECT_EQ(mirror.session()->now_us(), 0);
}

TEST(StationMirror, ARecordItCannotUseLeavesTheMirrorAsItWasAndSaysWhy) {
  const scenarios::SessionRecord rec = played("routine-lumbar-l45", "expert.json");
  json full = scenarios::record_to_json(rec);
  web::StationMirror mirror;
  std::string why;
  ASSERT_TRUE(mirror.feed(streamed_at(full, 1000000), why)) << why;
  mirror.advance(1000000);
  json bad = full;
  bad["end_us"] = "soon";
  EXPECT_FALSE(mirror.feed(bad, why));
  EXPECT_EQ(why.rfind("$.end_us: ", 0), 0u) << why;
  json unknown = full;
  unknown["scenario"]["id"] = "no-such-scenario";
  EXPECT_FALSE(mirror.feed(unknown, why));
  EXPECT_NE(why.find("no-such-scenario"), std::string::npos) << why;
  EXPECT_EQ(mirror.session()->now_us(), 1000000);
  EXPECT_EQ(mirror.rebuilds(), 1);
}
