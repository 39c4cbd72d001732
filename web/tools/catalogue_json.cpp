// Writes the catalogues an instructor's page picks from (web/shell/instructor.js) as JSON:
// every fault this build can inject and every patient reaction, with their display names and
// descriptions, straight from the session's own catalogues, so the page offers exactly what a
// trainee's session accepts, and the display units' conversions. Run once per build, under node: catalogue_json OUT_FILE.
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "hal/units.h"
#include "scenarios/display_names.h"
#include "scenarios/faults.h"
#include "scenarios/vocabulary.h"

int main(int argc, char** argv) {
  using namespace tractus::scenarios;
  if (argc != 2) {
    std::fprintf(stderr, "usage: catalogue_json OUT_FILE\n");
    return 2;
  }
  nlohmann::json out;
  out["format"] = "tractus-instructor-catalogue";
  // the display conversions of hal/units.h, so the page's lbf and mmHg are the console's
  out["units"] = {{"newtons_per_lbf", tractus::units::kNewtonsPerLbf},
                  {"mmhg_per_mpa", tractus::units::kMmHgPerMegapascal}};
  out["faults"] = nlohmann::json::array();
  for (const Term& t : fault_catalogue()) {
    const std::string id = t.id;
    out["faults"].push_back({{"id", id},
                             {"name", fault_display_name(id)},
                             {"part", fault_part_display_name(id.substr(0, id.find('.')))},
                             {"description", t.label}});
  }
  out["reactions"] = nlohmann::json::array();
  for (const Term& t : reactions()) out["reactions"].push_back({{"id", t.id}, {"name", t.label}});
  std::FILE* f = std::fopen(argv[1], "wb");
  if (f == nullptr) {
    std::fprintf(stderr, "catalogue_json: cannot write %s\n", argv[1]);
    return 1;
  }
  const std::string text = out.dump(1);
  const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  return std::fclose(f) == 0 && ok ? 0 : 1;
}
