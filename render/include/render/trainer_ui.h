// The trainer's user interface: a thin router over the screens, drawn with Dear ImGui over a
// WebGL2 scene.
//
// Each screen is its own class (start_screen.h, scenario_list_screen.h, training_screen.h,
// debrief_screen.h, education_screen.h, demo_screen.h) beside the panels several screens share
// (toolbar.h, console_panel.h, sandbox_screen.h, instructor_panel.h, spine_panel.h) and the 3D
// view (scene_view.h). A screen observes what it draws through const access (FrameInput, the
// view) and keeps only its own state. What the user asks of the table, the session or the
// host comes back as UiRequests, which the host applies through the same entry points that
// scripted tests use; what a screen asks of the UI around it (the camera, the x-ray, the
// instructor panel) comes back as ViewRequests, which the router applies.
#pragma once

#include "render/console_panel.h"
#include "render/debrief_screen.h"
#include "render/demo_screen.h"
#include "render/education_screen.h"
#include "render/frame_io.h"
#include "render/instructor_panel.h"
#include "render/room_panel.h"
#include "render/sandbox_screen.h"
#include "render/scenario_list_screen.h"
#include "render/scene_view.h"
#include "render/screen_context.h"
#include "render/start_screen.h"
#include "render/toolbar.h"
#include "render/training_screen.h"
#include "render/ui_registry.h"

namespace tractus::render {

/// The whole trainer UI: picks the screen the frame asks for, composes it from its parts and
/// applies what they ask of the view.
class TrainerUi {
 public:
  TrainerUi() = default;
  TrainerUi(const TrainerUi&) = delete;
  TrainerUi& operator=(const TrainerUi&) = delete;

  /// Creates GPU resources; call once a GL context is current. Returns false on failure.
  bool init(const UiFonts& fonts);
  void shutdown();

  /// Builds this frame's UI (between ImGui::NewFrame and ImGui::Render) and draws the 3D scene
  /// into the current framebuffer of fb_w x fb_h pixels. Returns the user's requests.
  UiRequests frame(const FrameInput& in, int fb_w, int fb_h);
  /// The screen drawn in the last frame.
  Screen screen() const { return screen_; }
  const UiRegistry& widgets() const { return widgets_; }
  const console::PrescriptionEntry& console_entry() const { return console_.entry(); }
  ForceUnit console_unit() const { return console_.unit(); }
  /// The console plot's history of target and measured force.
  const ForceHistory& force_history() const { return console_.history(); }
  /// The chart's selected reason to decline: an index into contraindications, then precautions.
  int decline_index() const { return training_.decline_index(); }
  OrbitCamera& camera() { return scene_.camera(); }
  /// The debrief replay's moment on show, session seconds.
  double debrief_time_s() const { return debrief_.debrief_time_s(); }
  /// The debrief's tab the last frame showed.
  DebriefScreen::DebriefTab debrief_tab() const { return debrief_.debrief_tab(); }
  /// How far the console's content overran its window in the last frame, pixels (0: it fits
  /// without a scrollbar).
  float console_overflow_px() const { return console_.overflow_px(); }
  /// Draw calls the 3D scene issued in the last frame.
  int scene_draw_calls() const { return scene_.draw_calls(); }
  /// Triangles the 3D view drew in the last frame, and the x-ray spine's share of them.
  int scene_triangles() const { return scene_.triangles(); }
  int spine_triangles() const { return scene_.spine_triangles(); }
  /// Whether the 3D view shows the x-ray spine and the part labels (toolbar toggles).
  bool xray() const { return scene_.xray(); }
  bool labels() const { return scene_.labels(); }
  /// Labels the 3D scene queued in the last frame (0 with labels off).
  int scene_label_count() const { return scene_.label_count(); }
  /// Leaves the 3D scene out, only clearing the canvas (the frame benchmark's baseline).
  void set_bare_scene(bool bare) { scene_.set_bare(bare); }
  /// How the 3D view framed its camera preset's subject in the last frame.
  const ViewFraming& view_framing() const { return scene_.framing(); }

 private:
  // applies what a screen or panel asked of the view and the instructor panel
  void apply(const ViewRequests& r);

  UiFonts fonts_;
  UiRegistry widgets_;
  SceneView scene_;
  Screen screen_ = Screen::Start;  // the screen drawn last frame
  bool instructor_open_ = false;   // the instructor panel is showing
  bool room_open_ = false;         // the classroom panel is showing
  bool spine_open_ = true;         // the spine panel is showing, else folded to one button
  Toolbar toolbar_{fonts_, widgets_};
  ConsolePanel console_{fonts_, widgets_};
  InstructorPanel instructor_{widgets_};
  RoomPanel room_{fonts_, widgets_};
  StartScreen start_{fonts_, widgets_};
  SandboxScreen sandbox_{fonts_, widgets_};
  ScenarioListScreen scenario_list_{fonts_, widgets_};
  TrainingScreen training_{fonts_, widgets_};
  DebriefScreen debrief_{fonts_, widgets_};
  EducationScreen education_{fonts_, widgets_};
  DemoScreen demo_{fonts_, widgets_};
};

}  // namespace tractus::render
