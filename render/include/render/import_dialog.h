// The import confirmation: before an imported history is written, the user sees what it would
// add, what is already saved and will be skipped, what differs from the saved copy and what
// was refused, and accepts or cancels.
#pragma once

#include "render/frame_io.h"
#include "render/history_view.h"
#include "render/screen_context.h"
#include "render/ui_registry.h"

namespace tractus::render {

/// The import dialog, a modal popup over the start screen while an import waits for an
/// answer. It keeps only the ticks for the preview on show.
class ImportDialog {
 public:
  ImportDialog(const UiFonts& fonts, UiRegistry& widgets) : fonts_(fonts), widgets_(widgets) {}

  /// Opens the dialog for preview (none: closes it); the answer goes into out.import_decision.
  void draw_import_dialog(const ImportPreview* preview, UiRequests& out);

 private:
  const UiFonts& fonts_;
  UiRegistry& widgets_;
  int import_serial_seen_ = -1;  // the import preview whose choices are below
  bool import_replace_trainee_ = false;
  bool import_replace_differing_ = false;
};

}  // namespace tractus::render
