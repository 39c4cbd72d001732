// The browser host: owns the sandbox rig or the training session, the simulation clock and the
// UI, and runs one frame at a time from the browser's animation callback. It never owns the
// main loop.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "demo_director.h"
#include "history_store.h"
#include "session_keeper.h"
#include "station_mirror.h"
#include "sim_clock.h"
#include "render/room_view.h"
#include "render/trainer_ui.h"
#include "scenarios/course.h"
#include "scenarios/curriculum.h"
#include "scenarios/record.h"
#include "scenarios/replay_trace.h"
#include "scenarios/rig.h"
#include "scenarios/scoring.h"
#include "scenarios/session.h"

namespace tractus::web {

/// One frame's CPU cost in milliseconds, split by phase.
struct FrameCost {
  double total_ms = 0.0;
  double ui_scene_ms = 0.0;  // ImGui panels built and the 3D scene submitted
  double sim_ms = 0.0;       // requests applied and the simulation advanced
  double draw_ms = 0.0;      // ImGui draw lists submitted to WebGL
};

/// Per-frame CPU cost statistics over the most recent frames, in milliseconds.
struct FrameStats {
  double last_ms = 0.0;
  double p50_ms = 0.0;
  double p95_ms = 0.0;
  FrameCost p50_phase;  // median of each phase on its own
  int samples = 0;
};

/// Everything the page runs.
class App {
 public:
  /// Builds a fresh sandbox table and reads the scenario library from library_dir.
  explicit App(const std::string& library_dir);

  /// Opens a screen directly, as the page URL asks
  /// (?mode=train|sandbox|educate|demo&scenario=ID&speed=1|10|60&session=practice|assessment).
  /// A scenario opens in practice unless session_mode is "assessment". A speed other than 1,
  /// 10 or 60, or another session mode, is ignored with a message.
  void open_from_url(const std::string& mode, const std::string& scenario_id, const std::string& speed = "",
                     const std::string& session_mode = "");

  /// What the UI should draw this frame.
  render::FrameInput frame_input() const;

  /// Applies the UI's requests, then advances the simulation by real_dt_s times the speed.
  /// The simulation clock (sim_clock.h) bounds the stepping by its own CPU time, not by a cap
  /// on real_dt_s, so simulated time keeps up with wall time at a low frame rate and a slow
  /// step never makes the next frame slower (no death spiral).
  void apply_and_advance(const render::UiRequests& requests, double real_dt_s);

  /// Records one frame's CPU time (simulation, UI and draw submission).
  void record_frame(const FrameCost& cost);
  /// Median and 95th percentile of the recorded frames.
  FrameStats frame_stats() const;

  render::Screen screen() const { return screen_; }
  /// The table on show: the sandbox rig or the session's.
  const scenarios::Rig& rig() const {
    if (screen_ == render::Screen::Mirror && mirror_.session()) return mirror_.session()->rig();
    return session_ ? session_->rig() : *rig_;
  }
  const scenarios::Session* session() const { return session_.get(); }
  const scenarios::Report* report() const { return has_report_ ? &report_ : nullptr; }
  render::TrainerUi& ui() { return ui_; }
  const render::TrainerUi& ui() const { return ui_; }
  const render::ClockView& clock() const { return clock_; }
  int64_t frames() const { return frames_; }
  /// Sandbox: simulated time of the last stop-switch press, microseconds; -1 if none.
  int64_t stop_tap_at_us() const { return stop_tap_at_us_; }
  const std::vector<render::LibraryEntry>& library() const { return library_; }
  /// The trainee's progress through the built-in curriculum, or null when it could not be read.
  const render::CurriculumView* curriculum() const { return curriculum_ ? &curriculum_view_ : nullptr; }
  const HistoryStore& history() const { return history_; }
  /// The sales demo's director (meaningful on the demo screen).
  const DemoDirector& demo() const { return demo_; }
  /// The patient tour's step on show, 0-based.
  int education_step() const { return education_step_; }
  /// Reads an exported history (from the page's file picker: its text, cut at the size
  /// limit, its size in bytes and its name) and shows what importing it would add, skip and
  /// refuse; nothing is written until the user accepts. A file refused as a whole leaves a
  /// message naming the limit or the field and the reason.
  void import_history(const std::string& text, std::size_t file_bytes, const std::string& file_name);
  /// The import waiting for the user's answer; null when none.
  const render::ImportPreview* import_preview() const { return import_plan_ ? &import_preview_ : nullptr; }
  /// True while a training session is being played (the page warns before leaving it).
  bool session_running() const;
  /// Saves the running training session now, with the course of care it belongs to, so a
  /// reload can resume it (the page calls this when it is hidden or left).
  void persist_running_session();
  /// What a resume rebuilt, measured right after the replay and before any live time: lets a
  /// test compare it with the session as it was left.
  struct Resumed {
    bool done = false;
    double at_s = 0.0;           // session time reached by the replay
    uint64_t timeline_hash = 0;  // the event timeline's hash at that moment
    std::size_t actions = 0;     // actions replayed
  };
  const Resumed& resumed() const { return resumed_; }
  /// Import files read so far (a test waits on this to know the page has read one).
  int imports_read() const { return imports_read_; }
  /// The last problem with saved data and what the last import did, as the start screen shows them.
  const std::string& storage_message() const { return storage_message_; }
  const std::string& history_notice() const { return history_notice_; }
  /// The session a reload left, offered on the start screen; null when none.
  const render::ResumeOffer* resume_offer() const { return resume_point_ ? &resume_offer_ : nullptr; }
  /// Opens a saved session record (from the page's file picker) and replays it into a
  /// debrief; a record that cannot be read leaves a message naming the field and the reason.
  void import_record(const std::string& text);
  /// The course of care being played, a session at a time; null for a single scenario.
  const scenarios::CourseRun* course() const { return course_.get(); }
  /// The debrief's replay film; null outside a debrief.
  const scenarios::ReplayTrace* film() const { return film_.get(); }
  /// The session the debrief is about: the one just played, or the replayed record's.
  const scenarios::Session* debrief_session() const;

  /// The simulation clock: what it owes and what its last frame stepped.
  const SimClock& sim_clock() const { return sim_clock_; }

  /// The classroom room as the page's room module last reported it (room_hook.cpp).
  const render::RoomView& room() const { return room_; }
  void set_room(const render::RoomView& room) { room_ = room; }
  /// Applies an instructor action relayed from the classroom through the training screen's
  /// own action path, stamped with the session's time (applied_at_us); accepted says whether
  /// the session took it (a refused action is still on its timeline, with the reason in why).
  /// Returns false, with why, when no training session is running to apply it to.
  bool apply_room_action(const scenarios::Action& action, int64_t& applied_at_us, bool& accepted, std::string& why);
  /// Mirror screen: takes the station's record so far (its JSON text) for the 3D view; returns
  /// "" or why it could not, naming the field and the reason.
  std::string feed_mirror(const std::string& record_json);
  /// The mirrored station (mirror screen).
  const StationMirror& mirror() const { return mirror_; }

 private:
  void load_library(const std::string& dir);
  // asks the page's room module to open or leave a classroom room (app_room.cpp)
  void open_room();
  void leave_room();
  void go_to(render::Screen screen);
  void open_scenario(const std::string& id, bool assessment);
  void reset_sandbox();
  void apply_sandbox(const render::UiRequests& r);
  void apply_training(const render::UiRequests& r);
  // steps step(us) for this frame's share of simulated time, or drops it while paused
  void advance_clock(double real_dt_s, double speed, const SimClock::StepFn& step);
  void advance_sandbox_us(int64_t dt_us);
  // debrief (app_debrief.cpp)
  void begin_debrief_film();
  void open_next_course_session();
  void advance_debrief_film(double budget_ms);
  void export_debrief(const render::UiRequests& r);
  void show_education_step(int step);
  // saved data: history import and rows, session resume (app_history.cpp)
  void apply_saved_data_requests(const render::UiRequests& r);
  void decide_import(const render::ImportDecision& decision);
  void offer_saved_session();
  // takes what the page's backup holds that IndexedDB lacks, then reads the history
  void restore_storage_backup();
  void resume_saved_session();
  void keep_running_session();
  // a course of care kept across a reload (course_resume.cpp)
  std::string resume_title() const;
  bool offer_saved_course(const ResumePoint& point, std::string& why);
  void resume_saved_course(const ResumePoint& point);
  // replays finished sessions for about budget_ms (at least one), then ends the resume
  void advance_course_rebuild(double budget_ms);
  void end_course_resume(bool ok, std::string why);
  void open_history_debrief(int index);
  bool scenario_known(const std::string& id) const;
  // opens a record's debrief, replaying it; false (with message_) when it cannot (app_debrief.cpp)
  bool open_record_debrief(const scenarios::SessionRecord& record, const std::string& what);

  render::Screen screen_ = render::Screen::Start;
  std::unique_ptr<scenarios::Rig> rig_;          // sandbox table
  std::unique_ptr<scenarios::Session> session_;  // training session, when one is open
  scenarios::Report report_;
  bool has_report_ = false;
  std::vector<render::LibraryEntry> library_;
  HistoryStore history_{"/persist/history.json"};
  std::vector<render::HistoryRow> history_rows_;
  std::string storage_message_;                  // a problem with saved data, shown on start
  std::string history_notice_;                   // what the last import did, shown on start
  std::optional<ImportPlan> import_plan_;        // an import waiting for the user's answer
  render::ImportPreview import_preview_;         // the plan as the start screen shows it
  SessionKeeper keeper_{"/persist/session.json"};  // the running session, for a resume
  std::optional<ResumePoint> resume_point_;      // a session a reload left, offered on start
  render::ResumeOffer resume_offer_;
  Resumed resumed_;
  int imports_read_ = 0;
  void refresh_history_rows();
  void record_finished_session();
  // the built-in curriculum and the trainee's progress through it, read from the history
  // (app_curriculum.cpp); refreshed with the history rows
  std::optional<scenarios::Curriculum> curriculum_;
  render::CurriculumView curriculum_view_;
  void load_curriculum();
  void refresh_curriculum_view();
  std::string message_;                          // last load error, shown on the list
  std::string url_message_;                      // what the page's URL asked for and could not have, on start
  std::string instructor_message_;               // why the last fault or reaction was refused
  render::RoomView room_;                        // the classroom room, as the page reports it
  StationMirror mirror_;                         // mirror screen: the station's session rebuilt
  std::string mirror_message_;                   // mirror screen: why the last record was refused
  void advance_mirror(double real_dt_s);
  std::string mirror_status() const;
  render::TrainerUi ui_;
  render::ClockView clock_;
  int64_t stop_release_at_us_ = -1;  // when a tapped stop switch is let go again
  int64_t stop_tap_at_us_ = -1;      // sandbox: when the stop switch was last pressed
  SimClock sim_clock_;               // simulated time owed, paid in CPU-bounded slices
  std::vector<FrameCost> frame_costs_;  // ring of recent frame costs
  std::size_t frame_head_ = 0;
  int64_t frames_ = 0;
  // debrief: the record of the session and its replay film
  scenarios::SessionRecord record_;
  std::unique_ptr<scenarios::ReplayTrace> film_;
  std::unique_ptr<scenarios::CourseRun> course_;  // a course of care in progress
  // a course being rebuilt for a resume, a few finished sessions a frame on the start screen
  struct CourseRebuild {
    ResumePoint point;
    std::unique_ptr<scenarios::CourseRun> run;
    std::unique_ptr<scenarios::Session> last;  // the last finished session replayed
    std::size_t replayed = 0;
  };
  std::unique_ptr<CourseRebuild> course_rebuild_;
  bool film_imported_ = false;  // the debrief is of an opened record: its report comes from the film
  std::string debrief_message_;
  DemoDirector demo_{sales_demo_script()};        // the unattended sales demo
  render::DemoCaption demo_caption_;              // what the demo shows now
  DemoDirector tour_pull_{gentle_pull_script()};  // the patient tour's live pull
  int education_step_ = 0;
};

}  // namespace tractus::web
