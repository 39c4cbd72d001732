// The spine panel: a sagittal schematic of the treated chain drawn from the twin, shared by
// the sandbox, training, the patient tour and the sales demo.
#pragma once

#include "render/ui_registry.h"

namespace tractus::scenarios {
class Rig;
}

namespace tractus::render {

/// Draws the spine panel under the toolbar with its right edge at right_edge_px. It shows
/// the chain the rig's model treats, or the cervical chain when cervical_console is set (the
/// sandbox keeps one lumbar twin and its console's region picks the chain, as in 3D).
/// With open given, the panel has a "Hide" button that clears *open, and a folded panel (one
/// button) sets it again.
void draw_spine_panel(const scenarios::Rig& rig, bool cervical_console, float right_edge_px, UiRegistry& widgets,
                      bool* open = nullptr);

}  // namespace tractus::render
