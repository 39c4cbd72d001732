// The trainer's user interface: the start screen, the 3D view with its toolbar, and the table
// console panel, drawn with Dear ImGui over a WebGL2 scene.
//
// TrainerUi observes a session through const access to the rig. Whatever the user asks for
// (a console command, a stop-switch press, a change of speed) comes back as UiRequests for
// the host to apply through the same entry points that scripted tests use.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "console/prescription_entry.h"
#include "hal/hal.h"
#include "render/camera.h"
#include "render/demo_caption.h"
#include "render/force_history.h"
#include "render/history_view.h"
#include "render/shape_renderer.h"
#include "render/table_scene.h"
#include "render/ui_registry.h"
#include "scenarios/action.h"
#include "scenarios/course.h"
#include "scenarios/replay_trace.h"
#include "scenarios/rig.h"
#include "scenarios/scoring.h"
#include "scenarios/session.h"

struct ImFont;

namespace tractus::render {

/// What the operator pressed on the table console this frame. The host turns these into
/// console commands (sandbox) or trainee actions (training), in the order listed.
struct ConsoleIntents {
  bool confirm_harness = false;
  bool start = false;                       // set `prescription`, then start once Ready
  console::PrescriptionEntry prescription;  // meaningful with start: the console's one entry
  bool pause = false;
  bool resume = false;
  bool stop = false;
  bool acknowledge = false;
  bool release_tension = false;      // pay out the tension a stop left held (TensionHeld)
};

/// Simulation clock settings the host owns and the toolbar shows.
struct ClockView {
  int speed = 1;
  bool paused = false;
};

/// The screens of the trainer.
/// Education is the patient tour (?mode=educate); Demo is the unattended sales demo.
enum class Screen { Start, Sandbox, ScenarioList, Training, Debrief, Education, Demo };

/// What the user asked for during one frame, applied by the host in order.
struct UiRequests {
  ConsoleIntents console;                     // table console presses
  bool patient_stop_tap = false;              // the patient presses and releases the switch
  std::optional<bool> stop_switch_connected;  // plug or unplug the stop-switch cable
  std::optional<bool> emergency_stop;         // latch or release the emergency stop
  std::optional<bool> hand_brake_release;     // sandbox: pull or let go of the drive's hand brake release
  std::optional<double> pull_angle_deg;       // sandbox: set the tower's pull-angle arm
  std::optional<int> hilo;                    // sandbox: hi-lo pendant held up (1), down (-1), or not (0)
  std::optional<int> speed;                   // new simulation speed multiple (1, 10, 60)
  std::optional<bool> paused;                 // pause or run the simulation
  bool single_step = false;                   // advance one controller tick while paused
  bool reset = false;                         // power-cycle the table and patient
  std::optional<Screen> go_to;                // change screen
  std::optional<std::string> open_scenario;   // training: load this scenario id and begin
  bool assessment = false;                    // with open_scenario: assessment mode
  std::vector<scenarios::Action> actions;     // training: trainee actions, in order
  std::optional<std::string> inject_fault;    // instructor: a fault catalogue name
  std::optional<std::string> trigger_reaction;  // instructor: a reaction id (training)
  bool clear_faults = false;                  // instructor: clear every fault (sandbox)
  std::optional<std::string> set_trainee;     // save the trainee's name
  bool export_history = false;                // download the history as JSON
  bool import_history = false;                // pick a history file to import
  bool export_report_json = false;            // debrief: download the report as JSON
  bool export_report_html = false;            // debrief: download the printable report page
  bool export_record = false;                 // debrief: download the session record
  bool import_record = false;                 // pick a session record to replay into a debrief
  bool next_course_session = false;           // debrief of a course session: play the next one
  std::optional<int> education_step;          // patient tour: show this step (0-based)
  std::optional<ImportDecision> import_decision;  // the answer to the import preview
  std::optional<int> open_history_entry;      // open this history entry's debrief (index)
  std::optional<bool> resume_session;         // the resume offer: resume (true) or discard (false)
};

/// One finished session in the trainee's history.
struct HistoryRow {
  std::string title;
  std::string mode;
  double score = 0.0;
  bool passed = false;
  std::string finished_at;
  bool replayable = false;        // its record is kept and its scenario is in the library
  bool unknown_scenario = false;  // its scenario is not in this trainer's library
};

/// One scenario in the library list.
struct LibraryEntry {
  std::string id;
  std::string title;
  std::string category;
  std::string briefing;
  std::string patient;  // one line: name, age, sex, mass, diagnosis
};

/// Everything one frame of the UI looks at. Pointers are null when the screen has no use
/// for them.
struct FrameInput {
  Screen screen = Screen::Start;
  const scenarios::Rig* rig = nullptr;                // the table on show
  const scenarios::Session* session = nullptr;        // training and debrief
  const std::vector<LibraryEntry>* library = nullptr; // scenario list
  const scenarios::Report* report = nullptr;          // debrief
  std::string message;                                // an error or notice to show
  std::string instructor_message;                     // why the last injection failed
  std::string trainee;                                // the trainee's saved name
  const std::vector<HistoryRow>* history = nullptr;   // saved sessions, oldest first
  std::string storage_message;                        // a problem with saved data
  ClockView clock;
  const scenarios::ReplayTrace* film = nullptr;       // debrief: the session's replay film
  const scenarios::CourseRun* course = nullptr;       // a course of care in progress, if any
  std::string debrief_message;                        // debrief: a problem with an opened record
  int education_step = 0;                             // patient tour: the step on show
  const DemoCaption* demo = nullptr;                  // sales demo: what is happening now
  const ImportPreview* import_preview = nullptr;      // start: an import waiting for an answer
  const ResumeOffer* resume_offer = nullptr;          // start: a session a reload left
  std::string history_notice;                         // start: what the last import did
};

/// Force units at the display edge.
enum class ForceUnit { Lbf, Kgf };

/// Values being edited on the console before they are sent as a prescription.
struct ConsoleInputs {
  int region = 0;               // 0 lumbar, 1 cervical
  int protocol = 0;             // index into hal::Protocol: static, intermittent, cyclic, decompression
  float base_force = 35.0f;     // in the selected unit
  float hold_s = 60.0f;
  float rest_s = 30.0f;
  int cycles = 0;
  float max_force = 70.0f;      // in the selected unit
  float ramp_s = 30.0f;
  float treatment_min = 10.0f;
  float release_per_s = 9.0f;   // in the selected unit per second
  ForceUnit unit = ForceUnit::Lbf;
};

/// The fonts the UI uses, loaded by the host.
struct UiFonts {
  ImFont* body = nullptr;
  ImFont* heading = nullptr;
  ImFont* gauge = nullptr;
  ImFont* large = nullptr;  // patient tour and demo captions: large body text
  ImFont* title = nullptr;  // patient tour and demo captions: large headings
};

/// Names of the faults acting now, from the session when there is one, else from the rig.
std::vector<std::string> active_fault_names(const FrameInput& in);

/// The whole trainer UI.
class TrainerUi {
 public:
  /// Creates GPU resources; call once a GL context is current. Returns false on failure.
  bool init(const UiFonts& fonts);
  void shutdown();

  /// Builds this frame's UI (between ImGui::NewFrame and ImGui::Render) and draws the 3D scene
  /// into the current framebuffer of fb_w x fb_h pixels. Returns the user's requests.
  UiRequests frame(const FrameInput& in, int fb_w, int fb_h);
  /// The screen drawn in the last frame.
  Screen screen() const { return screen_; }
  const UiRegistry& widgets() const { return widgets_; }
  const ConsoleInputs& inputs() const { return inputs_; }
  /// The chart's selected reason to decline: an index into contraindications, then precautions.
  int decline_index() const { return decline_index_; }
  OrbitCamera& camera() { return camera_; }
  /// The debrief replay's moment on show, session seconds.
  double debrief_time_s() const { return debrief_t_s_; }
  /// The debrief's tabs, and the one the last frame showed.
  enum class DebriefTab { Checklist, Timeline, Questions };
  DebriefTab debrief_tab() const { return debrief_tab_; }
  /// How far the console's content overran its window in the last frame, pixels (0: it fits
  /// without a scrollbar).
  float console_overflow_px() const { return console_overflow_px_; }
  /// Draw calls the 3D scene issued in the last frame.
  int scene_draw_calls() const { return shapes_.last_draw_calls(); }
  /// Whether the 3D view shows the x-ray spine and the part labels (toolbar toggles).
  bool xray() const { return xray_; }
  bool labels() const { return labels_; }
  /// Labels the 3D scene queued in the last frame (0 with labels off).
  int scene_label_count() const { return labels_ ? static_cast<int>(scene_labels_.size()) : 0; }

 private:
  // the console's and chart's inputs at their power-on defaults, for a new training session
  void reset_session_inputs();
  void draw_start_screen(const FrameInput& in, UiRequests& out);
  // the start screen's saved data: trainee, history, resume offer (start_history.cpp) and
  // the import confirmation (import_dialog.cpp)
  void draw_saved_data(const FrameInput& in, UiRequests& out);
  void draw_resume_offer(const ResumeOffer& offer, UiRequests& out);
  void draw_import_dialog(const FrameInput& in, UiRequests& out);
  void draw_toolbar(const FrameInput& in, UiRequests& out);
  void draw_console(const scenarios::Rig& rig, UiRequests& out);
  // the console's fixed-height box of alarm, refusal, cautions and interlocks (console_panel.cpp)
  void draw_console_status(const hal::DisplayState& d, bool editable);
  void draw_patient_panel(const scenarios::Rig& rig, UiRequests& out);
  // training screens (training_screens.cpp)
  void draw_scenario_list(const FrameInput& in, UiRequests& out);
  void draw_chart_panel(const scenarios::Session& session, UiRequests& out);
  void draw_patient_talk(const scenarios::Session& session, UiRequests& out);
  void draw_debrief(const FrameInput& in, UiRequests& out);
  // the debrief's 3D replay, drawn in the area the debrief leaves open (debrief_screen.cpp)
  void draw_replay_scene(const FrameInput& in, int fb_w, int fb_h);
  // patient tour (education_screen.cpp) and sales demo (demo_screen.cpp)
  void draw_education(const FrameInput& in, UiRequests& out);
  void draw_demo(const FrameInput& in, UiRequests& out);
  void draw_course_summary(const scenarios::CourseRun& run);
  void record_next_frame_item(const char* id);
  void draw_instructor_panel(const FrameInput& in, UiRequests& out);
  void draw_view_overlay(const scenarios::Rig& rig);
  void draw_spine_panel(const scenarios::Rig& rig, float right_edge_px);
  void handle_camera_input();
  void draw_scene(const scenarios::Rig& rig, int fb_w, int fb_h, bool full_view, float left_css_px);
  // labels and the x-ray note over the 3D view (view3d_overlay.cpp)
  void draw_view_labels(float aspect, float left_css_px);
  // the training screen's left column (chart and patient), which folds to a strip
  // (training_layout.cpp)
  float training_column_w_px() const;
  void draw_folded_column(const scenarios::Session& session);
  void draw_fold_button();

  UiFonts fonts_;
  ShapeRenderer shapes_;
  OrbitCamera camera_;
  ForceHistory history_;
  UiRegistry widgets_;
  ConsoleInputs inputs_;
  Screen screen_ = Screen::Start;    // the screen drawn last frame
  int selected_scenario_ = 0;        // scenario list selection
  bool list_assessment_ = false;     // scenario list: assessment mode chosen (no categories)
  int question_index_ = 0;           // chart panel: selected screening question
  int decline_index_ = 0;            // chart panel: selected reason to decline
  char note_[256] = {};              // chart panel: the note being typed
  bool instructor_open_ = false;     // the instructor panel is showing
  char trainee_[64] = {};            // start screen: the name being typed
  std::string trainee_seen_;         // the saved name last copied into trainee_
  bool trainee_loaded_ = false;      // the saved name has been copied into trainee_
  int import_serial_seen_ = -1;      // the import preview whose choices are below
  bool import_replace_trainee_ = false;
  bool import_replace_differing_ = false;
  int fault_component_ = 0;          // instructor: selected component
  int fault_index_ = 0;              // instructor: selected catalogue fault
  int reaction_index_ = 0;           // instructor: selected reaction
  std::string instructor_message_;   // copied from FrameInput each frame
  float console_width_px_ = 420.0f;
  bool console_static_only_ = false;  // training sessions prescribe static traction
  float toolbar_height_px_ = 44.0f;
  std::string console_patient_;     // console profile: the scenario patient's name ("" in the sandbox)
  std::string console_diagnosis_;   // console profile: the referral diagnosis, as a tooltip
  // debrief replay (debrief_screen.cpp)
  double debrief_t_s_ = 0.0;             // the moment on show, session seconds
  bool debrief_playing_ = false;
  DebriefTab debrief_tab_ = DebriefTab::Checklist;  // the tab on show
  float console_overflow_px_ = 0.0f;  // the console's scroll range in the last frame
  int debrief_play_speed_ = 10;          // playback speed multiple
  const void* debrief_film_seen_ = nullptr;  // the film the cursor belongs to
  float replay_rect_px_[4] = {0, 0, 1, 1};   // x, y, w, h of the 3D replay, CSS pixels
  std::vector<std::string> debrief_prompts_;  // the engine's four structured prompts
  bool xray_ = false;                // 3D view: translucent body with the spine inside
  bool labels_ = false;              // 3D view: labels on the main parts
  SceneInfo scene_info_;             // 3D view: what the last scene reported (spine centre)
  std::vector<SceneLabel> scene_labels_;  // 3D view: labels queued by the last scene
  bool chart_collapsed_ = false;     // training: chart and patient column folded away
  int education_shown_step_ = -1;    // patient tour: the step whose camera was last set
  float education_text_w_px_ = 0.0f; // patient tour: the text column left of the live view
  int demo_shown_step_ = -1;         // sales demo: the step whose camera was last set
  double demo_exit_until_s_ = -1.0;  // sales demo: "Exit demo" shows until this UI time
};

}  // namespace tractus::render
