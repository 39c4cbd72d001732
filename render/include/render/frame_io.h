// What the host hands the trainer UI each frame (FrameInput: the screen and const pointers to
// what it shows) and what the UI hands back (UiRequests: what the user asked for, applied by
// the host through the same entry points that scripted tests use).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "console/prescription_entry.h"
#include "render/history_view.h"
#include "scenarios/action.h"

namespace tractus::scenarios {
class Rig;
class Session;
struct Report;
class ReplayTrace;
class CourseRun;
}  // namespace tractus::scenarios

namespace tractus::render {

struct DemoCaption;
struct RoomView;

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
/// Education is the patient tour (?mode=educate); Demo is the unattended sales demo; Mirror is
/// the 3D view of a classroom station, drawn on the instructor's device (?mode=mirror).
enum class Screen { Start, Sandbox, ScenarioList, Training, Debrief, Education, Demo, Mirror };

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
  bool open_room = false;                     // training: open a classroom room for an instructor
  bool leave_room = false;                    // training: leave the classroom room
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
  std::string difficulty;  // the case's difficulty as a word ("introductory")
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
  const RoomView* room = nullptr;                     // training: the classroom room, if the host has one
  std::string mirror_status;                          // mirror: how the station's view stands
  const CurriculumView* curriculum = nullptr;         // start: the trainee's curriculum progress
};

}  // namespace tractus::render
