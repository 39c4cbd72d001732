// libFuzzer target: action files. Whatever loads must write back to JSON and load again to the
// same number of entries.
#include "fuzz_common.h"
#include "scenarios/input_limits.h"
#include "scenarios/script.h"

using namespace tractus;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  nlohmann::json j;
  if (!fuzz::parse(data, size, j)) return 0;
  scenarios::ActionScript script;
  scenarios::LoadError e;
  if (!scenarios::parse_action_script(j, "fuzz", script, e)) {
    fuzz::require_message(e);
    return 0;
  }
  fuzz::require(script.size() == j.size(), "one script entry per array entry");
  for (const scenarios::ScriptEntry& entry : script)
    fuzz::require(entry.t_us >= 0 && entry.t_us <= scenarios::kMaxSessionUs && entry.after_us >= 0,
                  "entry times are within a session");
  return 0;
}
