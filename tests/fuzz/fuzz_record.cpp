// libFuzzer target: session records. Whatever loads must survive a round trip through JSON
// unchanged in every field the record keeps.
#include "fuzz_common.h"
#include "scenarios/record.h"

using namespace tractus;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  nlohmann::json j;
  if (!fuzz::parse(data, size, j)) return 0;
  scenarios::SessionRecord r;
  scenarios::LoadError e;
  if (!scenarios::parse_record(j, "fuzz", r, e)) {
    fuzz::require_message(e);
    return 0;
  }
  fuzz::require(r.end_us >= 0 && r.end_us <= scenarios::kMaxSessionUs, "end_us is bounded");
  scenarios::SessionRecord back;
  fuzz::require(scenarios::parse_record(scenarios::record_to_json(r), "again", back, e),
                "a record written by record_to_json reads back");
  fuzz::require(back.seed == r.seed && back.end_us == r.end_us && back.actions.size() == r.actions.size() &&
                    back.timeline_hash == r.timeline_hash && back.has_physics_hash == r.has_physics_hash &&
                    back.physics_hash == r.physics_hash,
                "the round trip keeps every field");
  return 0;
}
