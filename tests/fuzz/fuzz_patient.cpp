// libFuzzer target: patient files (scenarios/patient_file.h), the loader `probe` uses.
#include "fuzz_common.h"
#include "scenarios/patient_file.h"

using namespace tractus;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  nlohmann::json j;
  if (!fuzz::parse(data, size, j)) return 0;
  scenarios::PatientFile p;
  scenarios::LoadError e;
  if (!scenarios::parse_patient(j, "fuzz", p, e)) {
    fuzz::require_message(e);
    return 0;
  }
  fuzz::require(!p.id.empty(), "a loaded patient has an id");
  return 0;
}
