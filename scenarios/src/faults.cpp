#include "scenarios/faults.h"

#include "twin/faults.h"

namespace tractus::scenarios {

const std::vector<Term>& fault_catalogue() {
  // built once from the twin's catalogue so the two can never disagree
  static const std::vector<Term> k = [] {
    std::vector<Term> terms;
    int count = 0;
    const twin::FaultCatalogueEntry* rows = twin::fault_catalogue(&count);
    for (int i = 0; i < count; ++i) terms.push_back(Term{rows[i].name, rows[i].description});
    return terms;
  }();
  return k;
}

int inject_fault(Rig& rig, const std::string& name, std::string& why) {
  const twin::FaultResult r = rig.inject_fault(name.c_str());
  if (!r.ok) {
    why = r.message;
    return -1;
  }
  return r.slot;
}

}  // namespace tractus::scenarios
