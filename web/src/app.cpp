// The host application: the library, the screens it opens, the clock, and the trainee's and
// sandbox operator's requests applied to the rig or the session.
//
// Index of this file:
//   [SECTION] start-up: the library, the saved history, the URL
//   [SECTION] screens: the frame input, navigation, scenarios and courses
//   [SECTION] the sandbox and its clock
//   [SECTION] training: console presses become trainee actions
//   [SECTION] one frame: requests applied, the clock advanced
//   [SECTION] frame costs
#include "app.h"

#include <algorithm>
#include <cstdlib>

#include <emscripten.h>

#include "render/education_tour.h"
#include "scenarios/course_replay.h"
#include "scenarios/display_names.h"
#include "scenarios/library.h"
#include "scenarios/scenario.h"

namespace tractus::web {

namespace {
// a tapped stop switch is held this long in simulated time, as a hand press would be
constexpr int64_t kStopTapUs = 300000;
constexpr std::size_t kFrameWindow = 600;
constexpr int64_t kTickUs = 1000;

scenarios::Action make(scenarios::ActionKind kind) {
  scenarios::Action a;
  a.kind = kind;
  return a;
}
}  // namespace

// [SECTION] start-up: the library, the saved history, the URL

App::App(const std::string& library_dir) {
  reset_sandbox();
  load_library(library_dir);
  load_curriculum();
  restore_storage_backup();
  refresh_history_rows();
  offer_saved_session();
}

void App::load_library(const std::string& dir) {
  (void)dir;  // library_files() reads $TRACTUS_LIBRARY, which main sets to this folder
  library_.clear();
  for (const std::string& file : scenarios::library_files()) {
    scenarios::Scenario sc;
    scenarios::LoadError err;
    if (!scenarios::load_scenario_by_ref(file, sc, err)) {
      message_ = scenarios::load_error_sentence("a scenario file, skipped,", err) + "\n" +
                 scenarios::load_error_detail(err);
      continue;
    }
    render::LibraryEntry e;
    e.id = sc.id;
    e.title = sc.title;
    e.category = sc.category;
    e.difficulty = scenarios::difficulty_display_name(sc.difficulty);
    e.briefing = sc.briefing;
    char line[256];
    std::snprintf(line, sizeof line, "%s, %d, %s, %.0f kg. %s", sc.patient.name.c_str(), sc.patient.age_years,
                  sc.patient.sex.c_str(), sc.patient.body_mass_kg, sc.patient.diagnosis.c_str());
    e.patient = line;
    library_.push_back(e);
  }
}

void App::open_from_url(const std::string& mode, const std::string& scenario_id, const std::string& speed,
                        const std::string& session_mode) {
  // what the link asks for and this trainer lacks is said on the page, not only in the console
  const bool known = mode.empty() || mode == "sandbox" || mode == "train" || mode == "educate" || mode == "demo" ||
                     mode == "mirror";
  if (!known) {
    url_message_ = "This link asks for a screen called \"" + mode +
                   "\", which Tractus does not have. Choose a screen below.\n"
                   "Known screens: ?mode=sandbox, ?mode=train, ?mode=educate and ?mode=demo.";
  }
  if (mode == "sandbox") go_to(render::Screen::Sandbox);
  // a session a reload left comes first: the link's scenario would take its place unasked (a
  // reload keeps the link), so the start screen offers it and says why the link waits
  const bool resume_first = resume_point_ && !scenario_id.empty() && (mode.empty() || mode == "train");
  if (resume_first) {
    url_message_ = "The link's scenario was not opened, because a session left unfinished is offered below: "
                   "resume it, or discard it and choose the scenario in Training.";
  } else if (mode == "train" || (mode.empty() && !scenario_id.empty())) {
    go_to(render::Screen::ScenarioList);
    // &session=assessment opens the scenario graded, as an LMS's item does (docs/lms.md)
    if (!scenario_id.empty()) open_scenario(scenario_id, session_mode == "assessment");
  }
  if (!session_mode.empty() && session_mode != "assessment" && session_mode != "practice") {
    url_message_ += (url_message_.empty() ? "" : "\n") + std::string("The link's session \"") + session_mode +
                    "\" was ignored: the session is practice or assessment.";
  }
  if (mode == "educate") go_to(render::Screen::Education);
  if (mode == "demo") go_to(render::Screen::Demo);
  if (mode == "mirror") screen_ = render::Screen::Mirror;  // a view only: nothing to leave or keep
  if (speed == "1" || speed == "10" || speed == "60") {
    clock_.speed = std::atoi(speed.c_str());
  } else if (!speed.empty()) {
    std::fprintf(stderr, "tractus: ignored speed=%s: the speed must be 1, 10 or 60\n", speed.c_str());
    if (screen_ == render::Screen::Start) url_message_ += (url_message_.empty() ? "" : "\n") +
        std::string("The link's speed \"") + speed + "\" was ignored: the speed is 1, 10 or 60.";
  }
}

// [SECTION] screens: the frame input, navigation, scenarios and courses

render::FrameInput App::frame_input() const {
  render::FrameInput in;
  in.screen = screen_;
  in.rig = &rig();
  in.session = screen_ == render::Screen::Debrief ? debrief_session() : session_.get();
  in.film = film_.get();
  in.course = course_.get();
  in.debrief_message = debrief_message_;
  in.library = &library_;
  in.report = has_report_ ? &report_ : nullptr;
  in.message = screen_ == render::Screen::Start ? url_message_ : message_;
  in.instructor_message = instructor_message_;
  in.trainee = history_.trainee();
  in.history = &history_rows_;
  in.storage_message = storage_message_;
  in.clock = clock_;
  in.education_step = education_step_;
  in.import_preview = import_preview();
  in.resume_offer = resume_offer();
  in.history_notice = history_notice_;
  in.room = &room_;
  in.curriculum = curriculum();
  if (screen_ == render::Screen::Mirror) {
    in.session = mirror_.session();
    in.mirror_status = mirror_status();
  }
  if (screen_ == render::Screen::Demo) in.demo = &demo_caption_;
  return in;
}

void App::go_to(render::Screen screen) {
  if (screen == render::Screen::Start || screen == render::Screen::ScenarioList ||
      screen == render::Screen::Sandbox || screen == render::Screen::Education ||
      screen == render::Screen::Demo) {
    // the user left the session (or the course, between two sessions) on purpose
    if (session_running() || course_) keeper_.discard();
    if (course_rebuild_) {  // a resume still rebuilding its course gives way (its file stays)
      course_rebuild_.reset();
      history_notice_.clear();
    }
    session_.reset();
    course_.reset();
    has_report_ = false;
    film_.reset();
    debrief_message_.clear();
  }
  url_message_.clear();  // the user has moved on from the link
  if (screen == render::Screen::Sandbox) reset_sandbox();
  clock_ = render::ClockView{};
  sim_clock_.discard();
  screen_ = screen;
  if (screen == render::Screen::Education) show_education_step(0);
  if (screen == render::Screen::Demo) {
    demo_.restart(rig_);
    demo_caption_ = demo_.caption(*rig_);
  }
}

void App::show_education_step(int step) {
  const int count = static_cast<int>(render::education_steps().size());
  const int to = std::clamp(step, 0, count - 1);
  // the live step starts its gentle pull afresh each time it is shown
  if (to == render::education_live_step() && (to != education_step_ || screen_ != render::Screen::Education)) {
    tour_pull_.restart(rig_);
  }
  education_step_ = to;
}

void App::open_scenario(const std::string& id, bool assessment) {
  scenarios::Scenario sc;
  scenarios::LoadError err;
  if (!scenarios::load_scenario_by_ref(id, sc, err)) {
    message_ = scenarios::load_error_sentence("the scenario \"" + id + "\"", err) + "\n" +
               scenarios::load_error_detail(err);
    screen_ = render::Screen::ScenarioList;
    return;
  }
  scenarios::SessionOptions opt;
  opt.seed = 1;
  opt.mode = assessment ? scenarios::Mode::Assessment : scenarios::Mode::Practice;
  course_.reset();
  if (sc.course.sessions > 0) {
    // a course of care is played a session at a time, the patient's state carried between
    course_ = std::make_unique<scenarios::CourseRun>(sc, opt.seed, opt.mode);
    session_ = std::make_unique<scenarios::Session>(course_->next_scenario(), course_->next_options());
  } else {
    session_ = std::make_unique<scenarios::Session>(sc, opt);
  }
  has_report_ = false;
  message_.clear();
  clock_ = render::ClockView{};
  screen_ = render::Screen::Training;
}

void App::open_next_course_session() {
  if (!course_ || course_->done()) return;
  session_ = std::make_unique<scenarios::Session>(course_->next_scenario(), course_->next_options());
  film_.reset();
  has_report_ = false;
  message_.clear();
  clock_ = render::ClockView{};
  screen_ = render::Screen::Training;
}

// [SECTION] the sandbox and its clock

void App::reset_sandbox() {
  scenarios::RigConfig cfg;
  cfg.seed = 1;
  rig_ = std::make_unique<scenarios::Rig>(cfg);
  stop_release_at_us_ = -1;
  sim_clock_.discard();
}

void App::advance_clock(double real_dt_s, double speed, const SimClock::StepFn& step) {
  if (clock_.paused) {
    sim_clock_.discard();
    return;
  }
  sim_clock_.advance(real_dt_s, speed, step, [] { return emscripten_get_now(); });
}

void App::advance_sandbox_us(int64_t dt_us) {
  // stop at the moment a tapped stop switch is released, so the press lasts exactly its time
  while (dt_us > 0) {
    int64_t chunk = dt_us;
    if (stop_release_at_us_ >= 0) chunk = std::min(chunk, std::max<int64_t>(stop_release_at_us_ - rig_->now_us(), 0));
    if (chunk > 0) {
      const int64_t before = rig_->now_us();
      rig_->advance_us(chunk);
      dt_us -= rig_->now_us() - before;
      if (rig_->now_us() == before) break;  // less than a tick owed
    }
    if (stop_release_at_us_ >= 0 && rig_->now_us() >= stop_release_at_us_) {
      rig_->set_patient_stop_pressed(false);
      stop_release_at_us_ = -1;
    }
  }
}

void App::apply_sandbox(const render::UiRequests& r) {
  if (r.reset) {
    reset_sandbox();
    return;
  }
  if (r.inject_fault) {
    const twin::FaultResult res = rig_->inject_fault(r.inject_fault->c_str());
    instructor_message_ = res.ok ? std::string() : std::string(res.message);
  }
  if (r.clear_faults) rig_->clear_faults();
  if (r.stop_switch_connected) rig_->set_patient_stop_connected(*r.stop_switch_connected);
  if (r.emergency_stop) rig_->set_emergency_stop(*r.emergency_stop);
  if (r.hand_brake_release) rig_->set_manual_brake_release(*r.hand_brake_release);
  if (r.pull_angle_deg) rig_->set_pull_angle_deg(*r.pull_angle_deg);
  if (r.hilo) rig_->set_hilo_pendant(*r.hilo > 0, *r.hilo < 0);
  if (r.patient_stop_tap) {
    rig_->set_patient_stop_pressed(true);
    stop_tap_at_us_ = rig_->now_us();
    stop_release_at_us_ = rig_->now_us() + kStopTapUs;
  }
  // console presses go to the rig's touchscreen console, which sends them to the firmware one
  // a tick, in order, as the simulation clock runs
  console::Console& console = rig_->console();
  const render::ConsoleIntents& c = r.console;
  if (c.confirm_harness) console.press(hal::CommandKind::ConfirmHarness);
  // a start in the other region first fits that unit (pelvic harness or head halter), as the
  // operator would before pressing Start; never under tension
  const hal::Region region = c.prescription.region;
  bool start = c.start;
  if (start && !rig_->fit_unit(region)) {
    instructor_message_ = std::string("Start not sent: the ") +
                          (region == hal::Region::Cervical ? "cervical unit" : "lumbar harness") +
                          " can be fitted only at rest, with the cord slack";
    start = false;
  }
  if (start) {
    instructor_message_.clear();  // a refused start's reason must not outlive a start that went through
    console.set_prescription(c.prescription);
    console.start_once_ready();
  }
  if (c.pause) console.press(hal::CommandKind::Pause);
  if (c.resume) console.press(hal::CommandKind::Resume);
  if (c.stop) console.press(hal::CommandKind::Stop);
  if (c.acknowledge) console.press(hal::CommandKind::Acknowledge);
  if (c.release_tension) console.press(hal::CommandKind::ReleaseTension);
}

// [SECTION] training: console presses become trainee actions

void App::apply_training(const render::UiRequests& r) {
  // console presses become trainee actions, so scoring and replay see them
  std::vector<scenarios::Action> actions;
  const render::ConsoleIntents& c = r.console;
  // the console's confirmation is only the interlock: the bedside "Fit harness" fits it
  if (c.confirm_harness) actions.push_back(make(scenarios::ActionKind::ConfirmHarness));
  if (c.start) {
    scenarios::Action select = make(scenarios::ActionKind::SelectProtocol);
    select.protocol.mode = "static";
    select.protocol.region = c.prescription.region == hal::Region::Cervical ? "cervical" : "lumbar";
    select.protocol.force_n = c.prescription.max_force_n;
    select.protocol.ramp_s = c.prescription.ramp_s;
    select.protocol.treatment_min = c.prescription.treatment_s / 60.0;
    select.protocol.release_n_per_s = c.prescription.release_n_per_s;
    actions.push_back(select);
    // the session's console sends Start once the firmware has taken the prescription
    actions.push_back(make(scenarios::ActionKind::Start));
  }
  if (c.pause) actions.push_back(make(scenarios::ActionKind::Pause));
  if (c.resume) actions.push_back(make(scenarios::ActionKind::Resume));
  if (c.stop) actions.push_back(make(scenarios::ActionKind::Stop));
  if (c.acknowledge) actions.push_back(make(scenarios::ActionKind::Acknowledge));
  if (c.release_tension) actions.push_back(make(scenarios::ActionKind::ReleaseTension));
  if (r.speed) {
    scenarios::Action speed = make(scenarios::ActionKind::SetSpeed);
    speed.value = *r.speed;
    actions.push_back(speed);
  }
  if (r.inject_fault) {
    scenarios::Action inject = make(scenarios::ActionKind::InjectFault);
    inject.name = *r.inject_fault;
    actions.push_back(inject);
  }
  if (r.trigger_reaction) {
    scenarios::Action react = make(scenarios::ActionKind::TriggerReaction);
    react.name = *r.trigger_reaction;
    actions.push_back(react);
  }
  actions.insert(actions.end(), r.actions.begin(), r.actions.end());
  bool selected = true;
  for (const scenarios::Action& a : actions) {
    // a prescription the console could not change (the table busy) is not started either
    if (a.kind == scenarios::ActionKind::Start && !selected) continue;
    const scenarios::ApplyResult res = session_->apply(a);
    if (a.kind == scenarios::ActionKind::SelectProtocol) selected = res.accepted;
    if (scenarios::is_instructor_action(a.kind)) instructor_message_ = res.accepted ? std::string() : res.message;
  }
  clock_.speed = static_cast<int>(session_->speed());
}

// [SECTION] one frame: requests applied, the clock advanced

void App::apply_and_advance(const render::UiRequests& r, double real_dt_s) {
  if (r.go_to) go_to(*r.go_to);
  if (r.open_room) open_room();
  if (r.leave_room) leave_room();
  apply_saved_data_requests(r);
  if (r.set_trainee) storage_message_ = history_.set_trainee(*r.set_trainee) ? std::string() : history_.message();
  if (r.export_history) {
    const std::string text = history_.to_json();
    EM_ASM({ if (Module.downloadText) Module.downloadText('tractus-history.json', UTF8ToString($0)); }, text.c_str());
  }
  if (r.import_history) EM_ASM({ if (Module.pickHistoryFile) Module.pickHistoryFile(); });
  if (r.import_record) EM_ASM({ if (Module.pickTextFile) Module.pickTextFile('tractus_import_record'); });
  export_debrief(r);
  if (r.next_course_session) open_next_course_session();
  if (r.open_scenario) open_scenario(*r.open_scenario, r.assessment);
  if (r.paused) clock_.paused = *r.paused;

  if (screen_ == render::Screen::Mirror) {
    advance_mirror(real_dt_s);
  } else if (screen_ == render::Screen::Education) {
    if (r.education_step) show_education_step(*r.education_step);
    const bool live = education_step_ == render::education_live_step();
    advance_clock(real_dt_s, clock_.speed, [&](int64_t us) {
      if (live) tour_pull_.advance_us(rig_, us);
      return us;
    });
  } else if (screen_ == render::Screen::Demo) {
    advance_clock(real_dt_s, clock_.speed, [&](int64_t us) {
      demo_.advance_us(rig_, us);
      return us;
    });
    demo_caption_ = demo_.caption(*rig_);
  } else if (screen_ == render::Screen::Sandbox) {
    if (r.speed) clock_.speed = *r.speed;
    apply_sandbox(r);
    if (r.single_step) rig_->tick();
    advance_clock(real_dt_s, clock_.speed, [&](int64_t us) {
      advance_sandbox_us(us);
      return us;
    });
  } else if (screen_ == render::Screen::Training && session_) {
    apply_training(r);
    if (r.single_step) session_->advance_us(kTickUs);
    advance_clock(real_dt_s, session_->speed(), [&](int64_t us) {
      const int64_t before_us = session_->now_us();
      session_->advance_us(us);
      return session_->now_us() - before_us;
    });
    keep_running_session();
    if (session_->ended()) {
      // a course judges the dose against what the patient tolerated: a flare-up fails the session
      report_ = course_ ? scenarios::course_session_report(*session_, course_->finish(*session_))
                        : scenarios::build_report(*session_);
      has_report_ = true;
      record_finished_session();
      begin_debrief_film();
      screen_ = render::Screen::Debrief;
    }
  } else if (screen_ == render::Screen::Debrief) {
    // the 3D replay is prepared a slice per frame, so the page stays responsive
    advance_debrief_film(12.0);
  } else if (screen_ == render::Screen::Start) {
    advance_course_rebuild(12.0);  // a course being resumed: a few finished sessions a frame
  }
}

// [SECTION] frame costs

void App::record_frame(const FrameCost& cost) {
  if (frame_costs_.size() < kFrameWindow) {
    frame_costs_.push_back(cost);
  } else {
    frame_costs_[frame_head_] = cost;
    frame_head_ = (frame_head_ + 1) % kFrameWindow;
  }
  ++frames_;
}

namespace {
// the q-quantile (0..1) of one phase over the recorded frames
double quantile(const std::vector<FrameCost>& costs, double FrameCost::*phase, double q) {
  std::vector<double> v;
  v.reserve(costs.size());
  for (const FrameCost& c : costs) v.push_back(c.*phase);
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(q * static_cast<double>(v.size())))];
}
}  // namespace

FrameStats App::frame_stats() const {
  FrameStats s;
  s.samples = static_cast<int>(frame_costs_.size());
  if (frame_costs_.empty()) return s;
  s.last_ms = frame_costs_[(frame_head_ + frame_costs_.size() - 1) % frame_costs_.size()].total_ms;
  s.p50_ms = quantile(frame_costs_, &FrameCost::total_ms, 0.5);
  s.p95_ms = quantile(frame_costs_, &FrameCost::total_ms, 0.95);
  s.p50_phase.ui_scene_ms = quantile(frame_costs_, &FrameCost::ui_scene_ms, 0.5);
  s.p50_phase.sim_ms = quantile(frame_costs_, &FrameCost::sim_ms, 0.5);
  s.p50_phase.draw_ms = quantile(frame_costs_, &FrameCost::draw_ms, 0.5);
  return s;
}

}  // namespace tractus::web
