// libFuzzer target: scenario files. A scenario that loads is run for half a second of
// session time, so the engine meets whatever the loader lets through.
#include "fuzz_common.h"
#include "scenarios/scenario.h"
#include "scenarios/session.h"

using namespace tractus;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  nlohmann::json j;
  if (!fuzz::parse(data, size, j)) return 0;
  scenarios::Scenario s;
  scenarios::LoadError e;
  if (!scenarios::parse_scenario(j, "fuzz", s, e)) {
    fuzz::require_message(e);
    return 0;
  }
  scenarios::Session session(s, scenarios::SessionOptions{});
  session.advance_us(500000);
  fuzz::require(session.now_us() > 0, "a loaded scenario's session advances");
  return 0;
}
