// The start screen: the product and what it is (and is not), the four ways in (training,
// sandbox, patient tour, product demo), and the saved data: the trainee's name, a session a
// reload left, the history list whose rows open their debrief, export and import.
#pragma once

#include <string>

#include "render/frame_io.h"
#include "render/history_view.h"
#include "render/import_dialog.h"
#include "render/screen_context.h"
#include "render/ui_registry.h"

namespace tractus::render {

/// The start screen. It keeps the name being typed; what it shows comes in through the frame
/// and what the user chooses goes out as requests.
class StartScreen {
 public:
  StartScreen(const UiFonts& fonts, UiRegistry& widgets) : fonts_(fonts), widgets_(widgets), import_(fonts, widgets) {}

  /// Draws the screen and, over it, the import dialog while an import waits.
  void draw_start_screen(const FrameInput& in, UiRequests& out);

 private:
  // the saved data: trainee, history, resume offer (start_history.cpp)
  void draw_saved_data(const FrameInput& in, UiRequests& out);
  void draw_resume_offer(const ResumeOffer& offer, UiRequests& out);
  // the curriculum's progress and the way to its next case (start_curriculum.cpp)
  void draw_curriculum(const CurriculumView& c, UiRequests& out);

  const UiFonts& fonts_;
  UiRegistry& widgets_;
  ImportDialog import_;
  char trainee_[64] = {};        // the name being typed
  std::string trainee_seen_;     // the saved name last copied into trainee_
  bool trainee_loaded_ = false;  // the saved name has been copied into trainee_
};

}  // namespace tractus::render
