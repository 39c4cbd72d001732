// The patient education tour's content: a few steps in plain language that a clinician walks
// through with a patient, one idea per step. The clinical statements follow DESIGN.md section 4
// (courses of care, intradiscal pressure, the evidence statement) and name their sources.
#pragma once

#include <vector>

namespace tractus::render {

/// The picture drawn beside a step's text.
enum class EducationVisual {
  DiscDiagram,      // two vertebrae, the disc between them, a bulge touching a nerve root
  LiveTwin,         // the running digital twin: 3D view and spine panel
  SessionTimeline,  // the force over a session: slow rise, hold, rest, repeat
  NormalOrReport,   // two columns: what is normal, what to tell the clinician
  CourseCalendar,   // sessions a week over a course of care
  Evidence,         // what the studies show, with sources
};

/// One step of the tour.
struct EducationStep {
  const char* id;          // short stable name, for tests
  const char* title;       // large heading, a plain question or statement
  const char* lead;        // one or two sentences: the step's one idea
  std::vector<const char*> points;  // short supporting sentences, no unexplained jargon
  EducationVisual visual;
  const char* sources;     // the references behind the step, or "" when it states none
};

/// The tour's steps in order.
const std::vector<EducationStep>& education_steps();

/// The index of the step that shows the live twin, where the host runs a gentle pull.
int education_live_step();

}  // namespace tractus::render
