// The table console panel, modelled on a decompression table's touchscreen: the patient
// profile, the prescription being edited, Start / Pause / Stop and the alarm row, the live
// force gauge and the force plot. It is drawn on the sandbox and training screens, and shown
// (not operable) in the sales demo.
#pragma once

#include <string>
#include <vector>

#include "hal/hal.h"
#include "console/prescription_entry.h"
#include "render/console_entry.h"
#include "render/force_history.h"
#include "render/frame_io.h"
#include "render/screen_context.h"
#include "render/ui_registry.h"

namespace tractus::scenarios {
struct Sample;
}  // namespace tractus::scenarios

namespace tractus::render {

/// The console panel. It keeps the prescription being typed (the console's own entry, in SI),
/// the display unit its forces are shown in, and the force history it plots; the table it
/// shows comes in through const access each frame.
class ConsolePanel {
 public:
  ConsolePanel(const UiFonts& fonts, UiRegistry& widgets) : fonts_(fonts), widgets_(widgets) {}

  /// Puts what is being typed back at the table's power-on defaults (a new training session
  /// opens with no force or time carried over).
  void reset_inputs() {
    entry_ = power_on_entry();
    unit_ = ForceUnit::Lbf;
  }
  /// Adds the table's target and measured force now to the plot's history (nothing during
  /// the self-test, which reads the untared load cell).
  void sample(const scenarios::Rig& rig);
  /// Replaces the plot's history with a session's recorded series (a resumed session plots
  /// from its start, not from the resume).
  void restore_history(const std::vector<scenarios::Sample>& series, double table_start_s);
  /// Who the console's profile names (empty: the sandbox's reference patient), the referral
  /// diagnosis shown as its tooltip, and whether only static traction may be prescribed.
  void set_session(const std::string& patient, const std::string& diagnosis, bool static_only);
  /// Shows a prescription the firmware holds in the fields, as the table's own screen would
  /// (the sales demo's director sets it); a prescription without force leaves them as they are.
  void show_prescription(const hal::Prescription& rx);
  /// Draws the console at the right of the screen under the toolbar; presses go into out.
  void draw_console(const scenarios::Rig& rig, UiRequests& out);

  /// The prescription being typed, before a Start sends it.
  const console::PrescriptionEntry& entry() const { return entry_; }
  /// The unit the console's forces are shown in.
  ForceUnit unit() const { return unit_; }
  /// The plotted target and measured force.
  const ForceHistory& history() const { return history_; }
  /// How far the content overran the window in the last frame, pixels (0: no scrollbar).
  float overflow_px() const { return console_overflow_px_; }

 private:
  // the fixed-height box of alarm, refusal, cautions and interlocks
  void draw_console_status(const hal::DisplayState& d, bool editable);

  const UiFonts& fonts_;
  UiRegistry& widgets_;
  console::PrescriptionEntry entry_ = power_on_entry();
  ForceUnit unit_ = ForceUnit::Lbf;
  ForceHistory history_;
  float console_overflow_px_ = 0.0f;  // the console's scroll range in the last frame
  bool console_static_only_ = false;  // training sessions prescribe static traction
  std::string console_patient_;     // console profile: the scenario patient's name ("" in the sandbox)
  std::string console_diagnosis_;   // console profile: the referral diagnosis, as a tooltip
};

}  // namespace tractus::render
