// The console panel edits the console's own prescription entry (console/prescription_entry.h):
// newtons and seconds with the HAL's enums. Only the fields on screen speak the clinician's
// unit: each force is shown in the chosen display unit and written back in newtons when the
// operator edits it, so switching lbf and kgf converts nothing.
#pragma once

#include "console/prescription_entry.h"
#include "render/units.h"

namespace tractus::render {

/// The table's power-on prescription, as the console opens: lumbar static traction at 70 lbf,
/// a 30 s ramp, 10 minutes, release 9 lbf/s; for the cycling protocols a 35 lbf base, 60 s
/// hold and 30 s rest, the cycles left to the treatment time.
console::PrescriptionEntry power_on_entry();

/// The prescription a region starts from when the console switches to it: the power-on one
/// for lumbar; cervical at 25 lbf (inside DESIGN.md section 4's 25-45 lb band of measurable
/// separation, under the 30 lb where discomfort grows) with a 12.5 lbf base. The rest of
/// entry stays as typed.
void apply_region_defaults(console::PrescriptionEntry& entry, hal::Region region);

/// A force as its field shows it: newtons in the display unit, rounded to 0.01 of that unit
/// so that a value typed comes back as typed and not with the last bit of its newtons.
float shown_force(double force_n, ForceUnit unit);

}  // namespace tractus::render
