// The faults a scenario or an instructor can inject, by name. They come from the twin's typed
// fault catalogue (twin/faults.h), acting on the twin's side of the HAL, and the console's
// (console/console.h, its link to the controller); the firmware sees only their consequences,
// as real firmware would. Names are the twin's stable dotted
// names ("load_cell.drift", "harness.slip", "power.loss"). An unknown name is refused loudly
// by the loaders and by Session::apply, never ignored.
#pragma once

#include <vector>

#include "scenarios/vocabulary.h"

namespace tractus::scenarios {

/// Every fault name this build can inject, with its one-sentence description: the twin's
/// catalogue, then the console's (console.link_loss). The one catalogue the loaders, the
/// instructor panel and the display names read.
const std::vector<Term>& fault_catalogue();

}  // namespace tractus::scenarios
