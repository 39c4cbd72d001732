// libFuzzer target: the web app's history import (web/src/history_file.cpp), built natively.
#include "fuzz_common.h"
#include "history_file.h"
#include "scenarios/input_limits.h"

using namespace tractus;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  std::string trainee, why;
  std::vector<web::HistoryEntry> entries;
  if (!web::parse_history_text(fuzz::text(data, size), trainee, entries, why)) {
    fuzz::require(!why.empty(), "a refused history says why");
    return 0;
  }
  fuzz::require(entries.size() <= scenarios::kMaxHistoryEntries, "the entry limit holds");
  return 0;
}
