// The debrief: verdict and exports across the top, the checklist / timeline / questions tabs on
// the left, and on the right the session's 3D replay above a timeline scrubber and plots, all
// showing the same moment. Clicking a checklist time, a timeline entry or a plot moves that
// moment.
#pragma once

#include <string>
#include <vector>

#include "render/camera.h"
#include "render/frame_io.h"
#include "render/screen_context.h"
#include "render/ui_registry.h"
#include "render/units.h"

namespace tractus::render {

/// The debrief screen. It keeps the replay's moment on show, whether it plays and the tab;
/// the report, the session and its film come in through const access, and exports and the
/// way on go out as requests.
class DebriefScreen {
 public:
  DebriefScreen(const UiFonts& fonts, UiRegistry& widgets) : fonts_(fonts), widgets_(widgets) {}

  /// The debrief's tabs.
  enum class DebriefTab { Checklist, Timeline, Questions };

  /// Draws the debrief below the toolbar, forces in unit; requests go into out. A new film
  /// starts at its beginning, paused, and asks for a side view of the table (from camera).
  ViewRequests draw_debrief(const FrameInput& in, ForceUnit unit, const OrbitCamera& camera, UiRequests& out);

  /// The replay's moment on show, session seconds.
  double debrief_time_s() const { return debrief_t_s_; }
  /// The tab the last frame showed.
  DebriefTab debrief_tab() const { return debrief_tab_; }
  /// Where the 3D replay goes: x, y, w, h in CSS pixels, the part the panels leave open.
  const float* replay_rect_px() const { return replay_rect_px_; }

 private:
  // the 3D replay's readout, the transport and the plot stack on the right (debrief_replay.cpp)
  void draw_replay_panels(const FrameInput& in, ForceUnit unit, float left_w, float body_top);
  void draw_course_summary(const scenarios::CourseRun& run);

  const UiFonts& fonts_;
  UiRegistry& widgets_;
  double debrief_t_s_ = 0.0;                        // the moment on show, session seconds
  bool debrief_playing_ = false;
  DebriefTab debrief_tab_ = DebriefTab::Checklist;  // the tab on show
  int debrief_play_speed_ = 10;                     // playback speed multiple
  const void* debrief_film_seen_ = nullptr;         // the film the cursor belongs to
  float replay_rect_px_[4] = {0, 0, 1, 1};          // x, y, w, h of the 3D replay, CSS pixels
  std::vector<std::string> debrief_prompts_;        // the engine's four structured prompts
};

}  // namespace tractus::render
