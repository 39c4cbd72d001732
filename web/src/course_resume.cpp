// The host's side of a course of care kept across a reload: the offer that names the course and
// the session it returns to, and the resume that rebuilds the course from its finished
// sessions' records (scenarios/course_replay.h), then replays the running session to the
// moment it was left, or returns to the debrief of the last finished one when the page was
// left between two sessions.
#include "app.h"
#include "scenarios/course_replay.h"
#include "scenarios/library.h"

namespace tractus::web {

std::string App::resume_title() const {
  if (course_) return course_->course().title;
  return session_ ? session_->scenario().title : std::string();
}

bool App::offer_saved_course(const ResumePoint& p, std::string& why) {
  // the cheap checks now, so the offer is not made for a course this library cannot rebuild;
  // the records replay when the user accepts
  scenarios::Scenario sc;
  scenarios::LoadError err;
  if (!scenarios::load_scenario_by_ref(p.course->course_id, sc, err)) {
    why = "$.course.id: the course '" + p.course->course_id + "' is not in this library";
    return false;
  }
  if (!scenarios::course_progress_fits(sc, *p.course, why)) return false;
  const int finished = static_cast<int>(p.course->finished.size());
  resume_offer_.course_sessions = sc.course.sessions;
  resume_offer_.course_finished = finished;
  resume_offer_.between_sessions = !p.in_session;
  resume_offer_.course_session = p.in_session ? finished + 1 : finished;
  resume_offer_.left_at_s = p.in_session ? resume_offer_.left_at_s : 0.0;
  return true;
}

void App::resume_saved_course(const ResumePoint& p) {
  scenarios::Scenario sc;
  scenarios::LoadError err;
  scenarios::RebuiltCourse rebuilt;
  std::unique_ptr<scenarios::Session> running;
  std::string why;
  bool ok = scenarios::load_scenario_by_ref(p.course->course_id, sc, err);
  if (!ok) why = "$.course.id: the course '" + p.course->course_id + "' is not in this library";
  // every finished session in order, so the patient's state, the scores and the progress are
  // as they were; then the running one, to the moment it was left
  ok = ok && scenarios::rebuild_course(sc, *p.course, rebuilt, why);
  ok = ok && (!p.in_session || scenarios::replay_course_session(*rebuilt.run, p.record, running, why));
  ok = ok && (p.in_session || rebuilt.last != nullptr);
  if (!ok) {
    storage_message_ = "The unfinished course of care could not be resumed, and the rest of your saved data is "
                       "unchanged (" + (why.empty() ? std::string("$.record: is missing") : why) + ").";
    keeper_.discard();
    return;
  }
  go_to(render::Screen::Start);
  course_ = std::move(rebuilt.run);
  start_pending_ = false;
  message_.clear();
  storage_message_.clear();
  clock_ = render::ClockView{};
  if (p.in_session) {
    session_ = std::move(running);
    has_report_ = false;
    screen_ = render::Screen::Training;
  } else {
    // between two sessions: the last one's debrief, whose button opens the next session
    session_ = std::move(rebuilt.last);
    report_ = scenarios::course_session_report(*session_, course_->report().sessions.back());
    has_report_ = true;
    begin_debrief_film();
    screen_ = render::Screen::Debrief;
  }
  const scenarios::Report now = scenarios::build_report(*session_);
  resumed_ = Resumed{true, static_cast<double>(session_->now_us()) * 1e-6, now.timeline_hash,
                     session_->actions().size()};
}

}  // namespace tractus::web
