// The patient education tour's words. Plain language, one idea a step, honest about the
// evidence (DESIGN.md section 4: "Courses of care" and "Intradiscal pressure").
#include "render/education_tour.h"

namespace tractus::render {

namespace {

constexpr const char* kRamosMartin1994 =
    "Ramos G, Martin W. Effects of vertebral axial decompression on intradiscal pressure. "
    "Journal of Neurosurgery 1994; 81: 350-353.";
constexpr const char* kBothSources =
    "Wegner I, Widyahening IS, van Tulder MW, et al. Traction for low-back pain with or without "
    "sciatica. Cochrane Database of Systematic Reviews 2013, issue 8: CD003010.\n"
    "Ramos G, Martin W. Effects of vertebral axial decompression on intradiscal pressure. "
    "Journal of Neurosurgery 1994; 81: 350-353.";

std::vector<EducationStep> build() {
  std::vector<EducationStep> steps;
  steps.push_back(EducationStep{
      "disc",
      "What is a disc?",
      "Between the bones of your spine sit discs: soft cushions that let your back bend and "
      "absorb shocks.",
      {"Each disc has a tough outer ring of fibre around a soft, gel-like centre.",
       "If the ring weakens, the centre can push outwards. This is called a bulging or "
       "herniated (\"slipped\") disc.",
       "A bulge can press on a nerve as it leaves the spine. That can send pain down a leg "
       "(sciatica) or an arm."},
      EducationVisual::DiscDiagram,
      ""});
  steps.push_back(EducationStep{
      "traction",
      "What does traction do?",
      "The table pulls gently along your spine through a harness. This is the table's "
      "simulation running now, with a gentle pull.",
      {"Watch the discs on the right: as the pull builds, the pressure inside them falls and "
       "they turn from orange to blue.",
       "The space between the bones opens by about a millimetre (drawn ten times larger so "
       "you can see it).",
       "With less pressure, the bulge can draw back a little, easing the pressure on the nerve."},
      EducationVisual::LiveTwin,
      kRamosMartin1994});
  steps.push_back(EducationStep{
      "session",
      "What does a session feel like?",
      "You lie on a padded table with a harness around your hips and lower chest (or head and "
      "neck, for neck treatment).",
      {"You hold a stop button in your hand the whole time. Press it and the table lets go "
       "straight away.",
       "The pull builds slowly over about half a minute, holds, then eases off to rest, and "
       "repeats.",
       "Most people feel a gentle stretch. A session usually lasts 20 to 45 minutes."},
      EducationVisual::SessionTimeline,
      ""});
  steps.push_back(EducationStep{
      "report",
      "What is normal, and what should you tell us?",
      "Treatment should not hurt. Tell us at once, or press your stop button, if something "
      "does not feel right.",
      {"Some mild soreness that passes in a day or two is normal.",
       "Sharp pain, pain that stays, or pain that spreads down an arm or a leg means we stop "
       "and check.",
       "Relief usually comes gradually, with good days and bad days."},
      EducationVisual::NormalOrReport,
      ""});
  steps.push_back(EducationStep{
      "course",
      "How many sessions?",
      "Traction is given as a course: usually 2 to 3 sessions a week, 12 to 20 sessions in all.",
      {"Clinics report that people who improve mostly notice it after 4 to 6 sessions. This "
       "comes from clinicians' experience, not from trials.",
       "It is often combined with other care, such as heat, cold or electrical stimulation of "
       "the muscles.",
       "We will check your progress as we go and change the plan if it is not helping."},
      EducationVisual::CourseCalendar,
      ""});
  steps.push_back(EducationStep{
      "evidence",
      "What does the research show?",
      "Honestly: the evidence is mixed. Traction is not proven to work better than other care "
      "for low back pain.",
      {"A review of 32 trials (Cochrane, 2013) found that traction, alone or with other "
       "treatment, made little or no difference to pain or daily activity in low back pain, "
       "with or without sciatica.",
       "Measurements do show that a decompression pull lowers the pressure inside the disc "
       "while it lasts. That is not the same as proven lasting relief.",
       "Some people do feel better with it. Ask us why we suggest it for you, and what the "
       "other options are."},
      EducationVisual::Evidence,
      kBothSources});
  return steps;
}

}  // namespace

const std::vector<EducationStep>& education_steps() {
  static const std::vector<EducationStep> steps = build();
  return steps;
}

int education_live_step() { return 1; }

}  // namespace tractus::render
