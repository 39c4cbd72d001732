// The host's side of a course of care kept across a reload: the offer that names the course and
// the session it returns to, and the resume that rebuilds the course from its finished
// sessions' records (scenarios/course_replay.h), then replays the running session to the
// moment it was left, or returns to the debrief of the last finished one when the page was
// left between two sessions.
#include <emscripten.h>

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
  std::string why;
  if (!scenarios::load_scenario_by_ref(p.course->course_id, sc, err)) {
    end_course_resume(false, "$.course.id: the course '" + p.course->course_id + "' is not in this library");
    return;
  }
  if (!scenarios::course_progress_fits(sc, *p.course, why)) {
    end_course_resume(false, why);
    return;
  }
  // every finished session in order, so the patient's state, the scores and the progress are
  // as they were: spread over frames (about half a second of CPU each in WebAssembly), with
  // the start screen saying how far it has come
  course_rebuild_ = std::make_unique<CourseRebuild>();
  course_rebuild_->point = p;
  course_rebuild_->run = std::make_unique<scenarios::CourseRun>(sc, p.course->seed, p.course->mode);
  history_notice_ = "Resuming the course: replaying its finished sessions...";
  storage_message_.clear();
}

void App::advance_course_rebuild(double budget_ms) {
  if (!course_rebuild_) return;
  CourseRebuild& job = *course_rebuild_;
  const std::vector<scenarios::SessionRecord>& finished = job.point.course->finished;
  const double start_ms = emscripten_get_now();
  std::string why;
  do {
    if (job.replayed == finished.size()) {
      end_course_resume(true, std::string());
      return;
    }
    if (!scenarios::replay_finished_session(*job.run, finished[job.replayed], job.replayed, job.last, why)) {
      end_course_resume(false, why);
      return;
    }
    ++job.replayed;
  } while (emscripten_get_now() - start_ms < budget_ms);
  history_notice_ = "Resuming the course: " + std::to_string(job.replayed) + " of " +
                    std::to_string(finished.size()) + " finished sessions replayed...";
}

void App::end_course_resume(bool ok, std::string why) {
  std::unique_ptr<CourseRebuild> job = std::move(course_rebuild_);
  history_notice_.clear();
  std::unique_ptr<scenarios::Session> running;
  // then the running session, to the moment it was left
  if (ok && job->point.in_session) ok = scenarios::replay_course_session(*job->run, job->point.record, running, why);
  if (ok && !job->point.in_session && job->last == nullptr) {
    ok = false;
    why = "$.record: is missing (a course left between sessions has finished one)";
  }
  if (!ok) {
    storage_message_ = "The unfinished course of care could not be resumed, and the rest of your saved data is "
                       "unchanged (" + why + ").";
    keeper_.discard();
    return;
  }
  go_to(render::Screen::Start);
  course_ = std::move(job->run);
  message_.clear();
  storage_message_.clear();
  clock_ = render::ClockView{};
  if (job->point.in_session) {
    session_ = std::move(running);
    has_report_ = false;
    screen_ = render::Screen::Training;
  } else {
    // between two sessions: the last one's debrief, whose button opens the next session
    session_ = std::move(job->last);
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
