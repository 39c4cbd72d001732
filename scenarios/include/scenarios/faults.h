// The faults a scenario or an instructor can inject, by name. They come from the twin's typed
// fault catalogue (twin/faults.h), so they act on the twin's side of the HAL and the firmware
// sees only their consequences, as real firmware would. Names are the twin's stable dotted
// names ("load_cell.drift", "harness.slip", "power.loss"). An unknown name is refused loudly
// by the loaders and by Session::apply, never ignored.
#pragma once

#include <string>
#include <vector>

#include "scenarios/rig.h"
#include "scenarios/vocabulary.h"

namespace tractus::scenarios {

/// Every fault name this build can inject, with the twin's one-sentence description.
const std::vector<Term>& fault_catalogue();

/// Injects the named fault into the rig now, at its default magnitude, until cleared. Returns
/// the twin's fault slot, or -1 with why filled when it was refused.
int inject_fault(Rig& rig, const std::string& name, std::string& why);

}  // namespace tractus::scenarios
