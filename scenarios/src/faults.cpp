#include "scenarios/faults.h"

#include "console/console.h"
#include "twin/faults.h"

namespace tractus::scenarios {

const std::vector<Term>& fault_catalogue() {
  // built once from the twin's catalogue and the console's, so none can disagree
  static const std::vector<Term> k = [] {
    std::vector<Term> terms;
    int count = 0;
    const twin::FaultCatalogueEntry* rows = twin::fault_catalogue(&count);
    for (int i = 0; i < count; ++i) terms.push_back(Term{rows[i].name, rows[i].description});
    const console::ConsoleFault* own = console::fault_catalogue(&count);
    for (int i = 0; i < count; ++i) terms.push_back(Term{own[i].name, own[i].description});
    return terms;
  }();
  return k;
}


}  // namespace tractus::scenarios
