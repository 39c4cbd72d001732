// The parts a Session composes, each with its own job and state (internal to scenarios/).
#pragma once

#include "event_scheduler.h"
#include "patient_role_play.h"
#include "recorder.h"
#include "scenarios/session.h"
#include "watchers.h"

namespace tractus::scenarios {

struct Session::Parts {
  Recorder recorder;
  EventScheduler events;
  Watchers watchers;
  PatientRolePlay patient;

  explicit Parts(const Scenario& s)
      : events(s.events.size()), watchers(s.safety), patient(s) {}
};

}  // namespace tractus::scenarios
