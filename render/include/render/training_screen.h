// The training screen's left column beside the console: the chart panel (screening questions,
// declining treatment, the treatment record, hints and the briefing) above the patient panel
// (the patient's comfort and speech, the bedside actions), folding to a narrow strip that keeps
// the pain in sight.
#pragma once

#include "render/frame_io.h"
#include "render/screen_context.h"
#include "render/ui_registry.h"

namespace tractus::render {

/// The training screen's column. It keeps its own pickers, the note being typed and whether
/// it is folded; the session comes in through const access, and the trainee's actions go out
/// as requests.
class TrainingScreen {
 public:
  TrainingScreen(const UiFonts& fonts, UiRegistry& widgets) : fonts_(fonts), widgets_(widgets) {}

  /// Puts the chart's pickers and note back at their defaults for a new session.
  void reset_session_inputs();
  /// Draws the column (or the strip it folds to) for the session; actions go into out.
  void draw_training(const scenarios::Session& session, UiRequests& out);
  /// The column's width now, CSS pixels (the 3D view starts right of it).
  float training_column_w_px() const;
  /// The chart's selected reason to decline: an index into contraindications, then precautions.
  int decline_index() const { return decline_index_; }

 private:
  void draw_chart_panel(const scenarios::Session& session, UiRequests& out);
  void draw_patient_talk(const scenarios::Session& session, UiRequests& out);
  void draw_folded_column(const scenarios::Session& session);                   // training_layout.cpp
  void draw_fold_button();
  void draw_instructor_message(const scenarios::Session& session);       // training_layout.cpp

  const UiFonts& fonts_;
  UiRegistry& widgets_;
  int question_index_ = 0;        // selected screening question
  int decline_index_ = 0;         // selected reason to decline
  char note_[256] = {};           // the note being typed
  bool chart_collapsed_ = false;  // the column is folded to its strip
  int64_t closed_message_us_ = -1;  // the instructor's message the trainee closed (its time)
};

}  // namespace tractus::render
