// libFuzzer target: the web app's history import (web/src/history_format.cpp), built natively.
#include "fuzz_common.h"
#include "history_format.h"

using namespace tractus;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  web::ParsedHistory parsed;
  std::string why;
  if (!web::parse_history(fuzz::text(data, size), web::HistorySource::Imported, parsed, why)) {
    fuzz::require(!why.empty(), "a refused history says why");
    return 0;
  }
  fuzz::require(parsed.entries.size() <= web::kMaxHistoryFileSessions, "the session limit holds");
  for (const web::EntryRefusal& r : parsed.refused) fuzz::require(!r.reason.empty(), "a refused entry says why");
  for (const web::HistoryEntry& e : parsed.entries) {
    fuzz::require(e.score >= 0.0 && e.score <= 100.0, "an accepted score lies in 0..100");
    fuzz::require(e.title.size() <= web::kMaxTitleBytes, "an accepted title is within its limit");
  }
  return 0;
}
