// The router: each frame picks the screen, composes it from its parts in a fixed order (the
// order decides which window is on top where panels overlap), applies what they ask of the view,
// and draws the 3D scene into the part of the canvas no panel covers.
#include "render/trainer_ui.h"

#include <imgui.h>

#include "render/room_view.h"
#include "render/spine_panel.h"
#include "render/theme.h"
#include "scenarios/rig.h"
#include "scenarios/session.h"

namespace tractus::render {

namespace {

// the mirror's one line: whose table this is and how current the view is
void draw_mirror_caption(const FrameInput& in) {
  ImGui::SetNextWindowPos(ImVec2(8.0f, 8.0f), ImGuiCond_Always);
  ImGui::SetNextWindowBgAlpha(0.85f);
  ImGui::Begin("##mirror", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
  ImGui::TextUnformatted(in.mirror_status.empty() ? "Waiting for the station..." : in.mirror_status.c_str());
  ImGui::End();
}

}  // namespace

bool TrainerUi::init(const UiFonts& fonts) {
  fonts_ = fonts;
  theme::apply();
  return scene_.init();
}

void TrainerUi::shutdown() { scene_.shutdown(); }

void TrainerUi::apply(const ViewRequests& r) {
  scene_.apply(r);
  if (r.instructor_open) instructor_open_ = *r.instructor_open;
  if (r.room_open) room_open_ = *r.room_open;
  // the two panels share a place: opening one closes the other
  if (r.room_open && *r.room_open) instructor_open_ = false;
  if (r.instructor_open && *r.instructor_open) room_open_ = false;
}

UiRequests TrainerUi::frame(const FrameInput& in, int fb_w, int fb_h) {
  UiRequests out;
  widgets_.begin_frame();
  // the debrief's replay camera sits close to the table; the live screens start from the overview
  if (screen_ == Screen::Debrief && in.screen != Screen::Debrief) {
    ViewRequests overview;
    overview.frame = CameraPreset::Overview;
    scene_.apply(overview);
  }
  if (in.screen != screen_) {  // set the camera on entry
    demo_.on_enter();
    education_.on_enter();
  }
  // a training session opens the console and the chart at the table's power-on defaults: no
  // force, time or decline reason carries over from the sandbox or the scenario before
  if (in.screen == Screen::Training && screen_ != Screen::Training) {
    console_.reset_inputs();
    training_.reset_session_inputs();
    // a session resumed after a reload shows what it was left with: the prescription the
    // firmware runs, and the plot from the session's start (a fresh session has neither yet)
    if (in.session != nullptr && in.rig != nullptr && in.rig->firmware().has_prescription()) {
      console_.show_prescription(in.rig->firmware().prescription());
    }
    if (in.session != nullptr && in.rig != nullptr && !in.session->series().empty()) {
      const double table_start_s = static_cast<double>(in.rig->now_us() - in.session->now_us()) * 1e-6;
      console_.restore_history(in.session->series(), table_start_s);
    }
  }
  screen_ = in.screen;
  if (in.rig != nullptr) console_.sample(*in.rig);
  if (in.session != nullptr) {
    console_.set_session(in.session->scenario().patient.name, in.session->scenario().patient.diagnosis,
                         in.screen == Screen::Training);
  } else {
    console_.set_session(std::string(), std::string(), in.screen == Screen::Training);
  }
  const bool live = in.screen == Screen::Sandbox || in.screen == Screen::Training;
  // in a classroom room the instructor is on another device, so this page shows no instructor panel
  const bool in_room = in.room != nullptr && in.room->in_room();
  if (live && instructor_open_ && !in_room) apply(instructor_.draw_instructor_panel(in, out));
  if (in.screen == Screen::Training && room_open_) apply(room_.draw_room_panel(in, out));

  const float display_w = ImGui::GetIO().DisplaySize.x;
  switch (in.screen) {
    case Screen::Start:
      start_.draw_start_screen(in, out);
      break;
    case Screen::Sandbox:
      apply(toolbar_.draw_toolbar(in, scene_, instructor_open_, room_open_, out));
      console_.draw_console(*in.rig, out);
      sandbox_.draw_patient_panel(*in.rig, out);
      sandbox_.draw_view_overlay(*in.rig, console_.unit());
      draw_spine_panel(*in.rig, console_.entry().region == hal::Region::Cervical, display_w - console_width_px(), widgets_,
                       &spine_open_);
      scene_.handle_input();
      break;
    case Screen::ScenarioList:
      apply(toolbar_.draw_toolbar(in, scene_, instructor_open_, room_open_, out));
      scenario_list_.draw_scenario_list(in, out);
      break;
    case Screen::Training:
      apply(toolbar_.draw_toolbar(in, scene_, instructor_open_, room_open_, out));
      console_.draw_console(*in.rig, out);
      training_.draw_training(*in.session, out);
      // on a narrow view the x-ray spine stands in for the 2D spine panel
      if (!scene_.xray() || display_w - console_width_px() - training_.training_column_w_px() >= 700.0f) {
        draw_spine_panel(*in.rig, false, display_w - console_width_px(), widgets_, &spine_open_);
      }
      scene_.handle_input();
      break;
    case Screen::Debrief:
      apply(toolbar_.draw_toolbar(in, scene_, instructor_open_, room_open_, out));
      apply(debrief_.draw_debrief(in, console_.unit(), scene_.camera(), out));
      scene_.handle_input();  // orbit the replay where no panel covers it
      break;
    case Screen::Education:
      apply(education_.draw_education(in, scene_, out));
      if (education_.orbits_view()) scene_.handle_input();
      break;
    case Screen::Mirror:
      draw_mirror_caption(in);
      scene_.handle_input();  // the instructor orbits the station's table
      break;
    case Screen::Demo:
      if (in.rig == nullptr || in.demo == nullptr) break;
      apply(demo_.begin_demo(in, out));
      {
        // the console shows the director's prescription, as the table's own screen would; it
        // is on show only (the director drives the table), so its presses are dropped
        console_.show_prescription(in.rig->firmware().prescription());
        UiRequests ignored;
        ImGui::PushStyleVar(ImGuiStyleVar_DisabledAlpha, 1.0f);
        ImGui::BeginDisabled(true);
        console_.draw_console(*in.rig, ignored);
        ImGui::EndDisabled();
        ImGui::PopStyleVar();
      }
      draw_spine_panel(*in.rig, false, display_w - console_panel_width_px(), widgets_);
      apply(demo_.draw_demo(in, out));
      break;
  }
  const bool full_view = in.screen == Screen::Start || in.screen == Screen::ScenarioList ||
                         in.screen == Screen::Debrief || in.screen == Screen::Education ||
                         in.screen == Screen::Mirror;
  // the 3D view is the part of the canvas no panel covers
  LiveViewArea area;
  area.full_view = full_view;
  area.left_css_px = in.screen == Screen::Training    ? training_.training_column_w_px() + 16.0f
                     : in.screen == Screen::Education ? education_.text_w_px()
                                                      : 0.0f;
  // the sandbox keeps one lumbar twin; its console's region picks which unit is drawn
  area.cervical_unit = screen_ == Screen::Sandbox && console_.entry().region == hal::Region::Cervical;
  // a mirrored station draws the unit its twin has fitted
  if (screen_ == Screen::Mirror && in.rig != nullptr) area.cervical_unit = in.rig->model().setup == hal::Region::Cervical;
  if (in.screen == Screen::Debrief) {
    // the session's film, not the live table
    scene_.draw_replay(in.film, debrief_.debrief_time_s(), debrief_.replay_rect_px(), fb_w, fb_h);
  } else if (in.rig != nullptr) {
    scene_.draw_live(*in.rig, fb_w, fb_h, area);
  }
  return out;
}

}  // namespace tractus::render
