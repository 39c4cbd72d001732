// The engine-wide clinical rules (scenarios/engine_rules.h), each tried in every library
// scenario: a trainee who breaks the rule makes its critical error there, whatever the
// scenario's rubric and events. The windows the assertions time against are the scenario's
// own (safety.stop_window_s, safety.unpowered_load_window_s), which the loader holds to the
// engine's. The loader tests at the end check that a scenario cannot switch a rule off.
#include <gtest/gtest.h>

#include <dirent.h>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "hal/units.h"
#include "scenarios/display_names.h"
#include "scenarios/engine_rules.h"
#include "scenarios/json_file.h"
#include "scenarios/scenario.h"
#include "scenarios/scoring.h"
#include "scenarios/session.h"
#include "scenarios/vocabulary.h"
#include "test_paths.h"

using namespace tractus;
using namespace tractus::scenarios;

namespace {

constexpr int64_t kUsPerS = 1000000;

// the ids of every scenario file in scenarios/library, sorted
std::vector<std::string> library_ids() {
  std::vector<std::string> ids;
  DIR* dir = opendir(test::repo_path("scenarios/library").c_str());
  if (dir == nullptr) return ids;
  while (const dirent* e = readdir(dir)) {
    const std::string name = e->d_name;
    if (name.size() > 5 && name.compare(name.size() - 5, 5, ".json") == 0)
      ids.push_back(name.substr(0, name.size() - 5));
  }
  closedir(dir);
  std::sort(ids.begin(), ids.end());
  return ids;
}

Scenario library_scenario(const std::string& id) {
  Scenario s;
  LoadError e;
  EXPECT_TRUE(load_scenario_file(test::repo_path("scenarios/library/" + id + ".json"), s, e)) << e.message();
  return s;
}

Action act(ActionKind kind) {
  Action a;
  a.kind = kind;
  return a;
}

Action reaction(const std::string& name) {
  Action a = act(ActionKind::TriggerReaction);
  a.name = name;
  return a;
}

bool run_until(Session& s, const std::function<bool()>& pred, double limit_s) {
  const int64_t end = s.now_us() + static_cast<int64_t>(limit_s * kUsPerS);
  while (!pred() && s.now_us() < end && !s.ended()) s.advance_us(1000);
  return pred();
}

const CriticalError* critical(const Session& s, const std::string& id) {
  for (const CriticalError& c : s.critical_errors())
    if (c.id == id) return &c;
  return nullptr;
}

int count_critical(const Session& s, const std::string& id) {
  int n = 0;
  for (const CriticalError& c : s.critical_errors()) n += c.id == id ? 1 : 0;
  return n;
}

hal::TableState table(const Session& s) { return s.rig().display().state; }
bool treating(const Session& s) { return table(s) == hal::TableState::Treating; }

// the last timeline entry of this kind, or nullptr
const TimelineEntry* last_entry(const Session& s, const std::string& kind) {
  const TimelineEntry* found = nullptr;
  for (const TimelineEntry& e : s.timeline())
    if (e.kind == kind) found = &e;
  return found;
}

double mid(const Range& r, double fallback) {
  if (r.has_min && r.has_max) return 0.5 * (r.min + r.max);
  if (r.has_min) return r.min;
  if (r.has_max) return r.max;
  return fallback;
}

// a trainee who prepares the patient as the goal asks (chart, harness, stop switch, an
// explanation, the goal's prescription and angle) and starts; traction is on when it returns
void start_as_prescribed(Session& s) {
  const Goal& g = s.scenario().goal;
  s.apply(act(ActionKind::ReviewChart));
  Action fit = act(ActionKind::FitHarness);
  fit.quality = "good";
  s.apply(fit);
  s.apply(act(ActionKind::GiveStopSwitch));
  s.apply(act(ActionKind::ExplainProcedure));
  Action angle = act(ActionKind::SetAngle);
  angle.value = mid(g.angle_deg, 10.0);
  s.apply(angle);
  Action p = act(ActionKind::SelectProtocol);
  p.protocol.region = g.region;
  p.protocol.force_n = mid(g.force_n, 30.0 * units::kNewtonsPerLbf);
  p.protocol.ramp_s = std::max(30.0, mid(g.ramp_s, 30.0));  // gentle: no guarding of its own
  p.protocol.treatment_min = mid(g.treatment_min, 10.0);
  s.apply(p);
  s.advance_us(kUsPerS / 10);
  ASSERT_TRUE(s.apply(act(ActionKind::Start)).accepted) << s.scenario().id;
  ASSERT_TRUE(run_until(s, [&] { return treating(s); }, 120.0)) << s.scenario().id;
}

class LibraryRule : public testing::TestWithParam<std::string> {};

}  // namespace

// [SECTION] stop for sharp or radiating pain, from any cause

// guarding provoked twice takes the pain from its resting 3 to 7: sharp, with no scripted
// sharp_pain reaction. The engine hears it, the patient says so, and a trainee who keeps
// pulling is late exactly one stop window after it
TEST_P(LibraryRule, SharpPainFromGuardingNeedsAStopInTheWindow) {
  Session s(library_scenario(GetParam()), SessionOptions{});
  start_as_prescribed(s);
  if (HasFatalFailure()) return;
  s.advance_us(10 * kUsPerS);
  for (int i = 0; i < 5 && s.patient().pain_0_10 < kSharpPain_0_10; ++i) {
    ASSERT_TRUE(s.apply(reaction("guarding")).accepted);
    s.advance_us(kUsPerS / 2);
  }
  ASSERT_GE(s.patient().pain_0_10, kSharpPain_0_10);
  ASSERT_TRUE(treating(s));
  const TimelineEntry* report = last_entry(s, "sharp_pain");
  ASSERT_NE(report, nullptr) << "the engine did not hear the sharp pain";
  const int64_t onset_us = report->t_us;
  s.advance_us(static_cast<int64_t>((s.scenario().safety.stop_window_s + 1.0) * kUsPerS));
  const CriticalError* late = critical(s, "late_stop");
  ASSERT_NE(late, nullptr) << "pulled through sharp pain without a critical error";
  // late one tick after the window, within the tick
  EXPECT_NEAR(static_cast<double>(late->t_us - onset_us) * 1e-6, s.scenario().safety.stop_window_s, 0.002);
  EXPECT_EQ(count_critical(s, "late_stop"), 1);
  EXPECT_FALSE(build_report(s).passed);
}

// the same pain, and a stop inside the window: no late stop (the rule asks a stop, no more)
TEST_P(LibraryRule, SharpPainAnsweredInTheWindowIsNoError) {
  Session s(library_scenario(GetParam()), SessionOptions{});
  start_as_prescribed(s);
  if (HasFatalFailure()) return;
  s.advance_us(10 * kUsPerS);
  for (int i = 0; i < 5 && s.patient().pain_0_10 < kSharpPain_0_10; ++i) {
    s.apply(reaction("guarding"));
    s.advance_us(kUsPerS / 2);
  }
  ASSERT_NE(last_entry(s, "sharp_pain"), nullptr);
  s.advance_us(static_cast<int64_t>(0.5 * s.scenario().safety.stop_window_s * kUsPerS) - kUsPerS);
  ASSERT_TRUE(s.apply(act(ActionKind::Stop)).accepted);
  s.advance_us(static_cast<int64_t>((s.scenario().safety.stop_window_s + 5.0) * kUsPerS));
  EXPECT_EQ(critical(s, "late_stop"), nullptr);
}

// sharp radiating pain reported while the table is paused opens no window (nothing pulls);
// resuming on it is pulling through it, and the stop window opens at the resume. Before the
// engine-wide rule this trainee passed reaction-cough-during-pull with every item earned
TEST_P(LibraryRule, ResumingOnSharpPainNeedsAStopInTheWindow) {
  Session s(library_scenario(GetParam()), SessionOptions{});
  start_as_prescribed(s);
  if (HasFatalFailure()) return;
  s.advance_us(10 * kUsPerS);
  ASSERT_TRUE(s.apply(act(ActionKind::Pause)).accepted);
  s.advance_us(kUsPerS);
  ASSERT_TRUE(s.apply(reaction("sharp_pain")).accepted);
  s.advance_us(2 * kUsPerS);
  EXPECT_EQ(critical(s, "late_stop"), nullptr);
  ASSERT_TRUE(s.apply(act(ActionKind::Resume)).accepted);
  ASSERT_TRUE(run_until(s, [&] { return treating(s); }, 10.0));
  const int64_t resumed_us = s.now_us();
  s.advance_us(static_cast<int64_t>((s.scenario().safety.stop_window_s + 1.0) * kUsPerS));
  const CriticalError* late = critical(s, "late_stop");
  ASSERT_NE(late, nullptr) << "resumed and pulled through sharp pain without a critical error";
  EXPECT_NEAR(static_cast<double>(late->t_us - resumed_us) * 1e-6, s.scenario().safety.stop_window_s, 0.01);
}

// [SECTION] no traction with a contraindication, revealed or revealable

// a trainee who screens with every question (so the finding is revealed) and one who does
// not (it stays revealable) both start: each makes the critical error. A scenario whose
// patient has no contraindication cannot exercise the rule; there the same start must not
// raise it, so the rule fires on the patient and not on the trainee's routine
TEST_P(LibraryRule, StartingOnAContraindicationIsCritical) {
  const Scenario sc = library_scenario(GetParam());
  for (const bool screened : {true, false}) {
    SCOPED_TRACE(screened ? "screened first" : "not screened");
    Session s(sc, SessionOptions{});
    if (screened) {
      for (const Term& q : screening_questions()) {
        Action ask = act(ActionKind::Ask);
        ask.question = q.id;
        s.apply(ask);
      }
      EXPECT_EQ(s.revealed_findings().size(), sc.findings.size());
    }
    start_as_prescribed(s);
    if (HasFatalFailure()) return;
    if (sc.safety.contraindication.empty()) {
      EXPECT_EQ(critical(s, "contraindicated_treatment"), nullptr);
      continue;
    }
    const CriticalError* c = critical(s, "contraindicated_treatment");
    ASSERT_NE(c, nullptr);
    EXPECT_NE(c->message.find(term_label(contraindications(), sc.safety.contraindication)), std::string::npos)
        << c->message;
    EXPECT_FALSE(build_report(s).passed);
  }
}

// [SECTION] no unstrapping under tension

TEST_P(LibraryRule, UnstrappingUnderTensionIsCritical) {
  Session s(library_scenario(GetParam()), SessionOptions{});
  start_as_prescribed(s);
  if (HasFatalFailure()) return;
  ASSERT_TRUE(run_until(s, [&] { return s.rig().twin_state().cord_tension_n > 40.0; }, 120.0));
  EXPECT_EQ(critical(s, "harness_under_tension"), nullptr);
  s.apply(act(ActionKind::RemoveHarness));
  EXPECT_NE(critical(s, "harness_under_tension"), nullptr);
  EXPECT_FALSE(build_report(s).passed);
}

// [SECTION] never leave the patient loaded

// an emergency stop under traction leaves the cord held by the brake (tension_held); a
// trainee who never releases it leaves the patient loaded past the scenario's window (or past
// the same window from a power loss, where the scenario cuts the power meanwhile), and ending
// the session then ends it on a loaded patient.
// reaction-panic-stop-press cannot exercise it: its patient presses the stop switch 60 s into
// the treatment, and the firmware lets the held tension down, so nobody is left loaded; there
// the patient must be off load and no error raised
TEST_P(LibraryRule, LeavingTheHeldTensionOnIsCritical) {
  Session s(library_scenario(GetParam()), SessionOptions{});
  start_as_prescribed(s);
  if (HasFatalFailure()) return;
  s.advance_us(10 * kUsPerS);
  ASSERT_TRUE(s.apply(act(ActionKind::EmergencyStop)).accepted);
  s.advance_us(2 * kUsPerS);
  ASSERT_TRUE(s.apply(act(ActionKind::ReleaseEmergencyStop)).accepted);
  s.advance_us(kUsPerS);
  ASSERT_TRUE(s.apply(act(ActionKind::Acknowledge)).accepted);
  ASSERT_TRUE(run_until(s, [&] { return table(s) == hal::TableState::TensionHeld; }, 2.0));
  const int64_t held_us = s.now_us();
  EXPECT_GT(s.rig().twin_state().cord_tension_n, 20.0);  // above the harness's free tension
  const double window_s = s.scenario().safety.unpowered_load_window_s;
  run_until(s, [&] { return critical(s, "patient_left_loaded") != nullptr; }, 2.0 * window_s + 5.0);
  if (GetParam() == "reaction-panic-stop-press") {
    EXPECT_NE(last_entry(s, "patient_stop"), nullptr);
    EXPECT_LT(s.rig().twin_state().cord_tension_n, 20.0);
    EXPECT_EQ(critical(s, "patient_left_loaded"), nullptr);
    return;
  }
  const CriticalError* left = critical(s, "patient_left_loaded");
  ASSERT_NE(left, nullptr) << "left loaded without a critical error";
  // one window after the hold, or after the power loss the scenario scripts into it
  const TimelineEntry* power_loss = last_entry(s, "fault");
  const int64_t from_us = power_loss != nullptr && power_loss->tag == "fault:power.loss" ? power_loss->t_us : held_us;
  EXPECT_NEAR(static_cast<double>(left->t_us - from_us) * 1e-6, window_s, 0.01);
  ASSERT_TRUE(s.apply(act(ActionKind::EndSession)).accepted);
  EXPECT_NE(critical(s, "ended_under_traction"), nullptr);
  EXPECT_FALSE(build_report(s).passed);
}

// a session that runs out of time with traction still on ends on a loaded patient too. The
// scenario's clock is shortened to 40 s after the start (its time limit is 10 to 20 minutes)
// so that the prescription is still pulling when it runs out
TEST_P(LibraryRule, RunningOutOfTimeUnderTractionIsCritical) {
  Scenario sc = library_scenario(GetParam());
  Session probe(sc, SessionOptions{});
  start_as_prescribed(probe);
  if (HasFatalFailure()) return;
  sc.time_limit_s = static_cast<double>(probe.now_us()) * 1e-6 + 40.0;
  Session s(sc, SessionOptions{});
  start_as_prescribed(s);
  if (HasFatalFailure()) return;
  ASSERT_TRUE(run_until(s, [&] { return s.ended(); }, 60.0));
  EXPECT_NE(critical(s, "ended_under_traction"), nullptr);
  EXPECT_FALSE(build_report(s).passed);
}

INSTANTIATE_TEST_SUITE_P(Library, LibraryRule, testing::ValuesIn(library_ids()),
                         [](const testing::TestParamInfo<std::string>& info) {
                           std::string n = info.param;
                           for (char& c : n)
                             if (!isalnum(static_cast<unsigned char>(c))) c = '_';
                           return n;
                         });

// [SECTION] a scenario's own sharp-pain event and the engine's rule fire once between them

TEST(EngineRules, AScriptedSharpPainAndTheEngineRuleMakeOneWindowAndOneError) {
  // reaction-sharp-radiating-pain scripts the reaction itself; a trainee who pushes on
  Session s(library_scenario("reaction-sharp-radiating-pain"), SessionOptions{});
  start_as_prescribed(s);
  ASSERT_FALSE(HasFatalFailure());
  ASSERT_TRUE(run_until(s, [&] { return last_entry(s, "sharp_pain") != nullptr; }, 200.0));
  s.advance_us(30 * kUsPerS);
  int reports = 0;
  for (const TimelineEntry& e : s.timeline()) reports += e.kind == "sharp_pain" ? 1 : 0;
  EXPECT_EQ(reports, 1);
  EXPECT_EQ(s.stop_responses().size(), 1u);
  EXPECT_EQ(count_critical(s, "late_stop"), 1);
}

// [SECTION] the loader: a scenario tightens a rule, and cannot switch one off

namespace {

nlohmann::json library_json(const std::string& id) {
  nlohmann::json j;
  LoadError e;
  EXPECT_TRUE(read_json_file(test::repo_path("scenarios/library/" + id + ".json"), j, e)) << e.message();
  return j;
}

LoadError refused(const nlohmann::json& j) {
  Scenario s;
  LoadError e;
  EXPECT_FALSE(parse_scenario(j, "test.json", s, e)) << "loaded";
  return e;
}

}  // namespace

TEST(EngineRules, ALongerStopWindowIsRefusedAndAShorterOneTightens) {
  nlohmann::json j = library_json("routine-lumbar-l45");
  j["safety"]["stop_window_s"] = 8;
  const LoadError e = refused(j);
  EXPECT_EQ(e.path, "$.safety.stop_window_s");
  EXPECT_EQ(e.reason, "8 s is longer than the engine's 5 s for the rule \"Stop for sharp or radiating "
                      "pain\", which holds in every scenario: a scenario can shorten the window, never "
                      "lengthen it");

  j["safety"]["stop_window_s"] = 2.5;
  Scenario sc;
  LoadError ok;
  ASSERT_TRUE(parse_scenario(j, "test.json", sc, ok)) << ok.message();
  Session s(sc, SessionOptions{});
  start_as_prescribed(s);
  ASSERT_FALSE(HasFatalFailure());
  s.apply(reaction("sharp_pain"));
  const int64_t pain_us = s.now_us();
  s.advance_us(4 * kUsPerS);
  const CriticalError* late = critical(s, "late_stop");
  ASSERT_NE(late, nullptr);
  EXPECT_NEAR(static_cast<double>(late->t_us - pain_us) * 1e-6, 2.5, 0.002);
}

TEST(EngineRules, ALongerLoadedWindowIsRefused) {
  nlohmann::json j = library_json("fault-power-loss");
  j["safety"]["unpowered_load_window_s"] = 300;
  const LoadError e = refused(j);
  EXPECT_EQ(e.path, "$.safety.unpowered_load_window_s");
  EXPECT_NE(e.reason.find("300 s is longer than the engine's 120 s for the rule \"Never leave the "
                          "patient loaded\""), std::string::npos) << e.reason;
}

TEST(EngineRules, AMemberThatSwitchesARuleOffIsRefused) {
  nlohmann::json j = library_json("reaction-sharp-radiating-pain");
  j["safety"]["late_stop"] = false;
  LoadError e = refused(j);
  EXPECT_EQ(e.path, "$.safety.late_stop");
  EXPECT_EQ(e.reason, "the rule \"Stop for sharp or radiating pain\" holds in every scenario and cannot "
                      "be switched off; shorten $.safety.stop_window_s to tighten it");

  j = library_json("fault-power-loss");
  j["no_unstrapping_under_tension"] = false;
  e = refused(j);
  EXPECT_EQ(e.path, "$.no_unstrapping_under_tension");
  EXPECT_EQ(e.reason, "the rule \"No unstrapping under tension\" holds in every scenario and cannot be "
                      "switched off");
}

TEST(EngineRules, AContraindicationCannotBeLeftOutOfTheSafetySection) {
  nlohmann::json j = library_json("contraindication-pregnancy");
  j["safety"].erase("contraindication");
  LoadError e = refused(j);
  EXPECT_EQ(e.path, "$.safety.contraindication");
  EXPECT_EQ(e.reason, "a contraindication scenario must name its contraindication: the rule \"No traction "
                      "with a contraindication\" holds in every scenario and cannot be left out");

  // a rubric that wants a decline for a contraindication the safety section does not name
  j = library_json("contraindication-pregnancy");
  j["category"] = "routine";
  j["safety"].erase("contraindication");
  e = refused(j);
  EXPECT_EQ(e.path, "$.rubric.items[2].expect.reason");
  EXPECT_EQ(e.reason, "expects a decline for pregnancy, which $.safety.contraindication does not name: "
                      "without it the rule \"No traction with a contraindication\" could not hold");
}

// every rule has words in the display table, and each of its critical errors is the
// engine's, with a display name of its own
TEST(EngineRules, EveryRuleAndItsCriticalErrorsHaveDisplayNames) {
  for (const EngineRule& r : engine_rules()) {
    EXPECT_NE(rule_display_name(r.id), r.id);
    ASSERT_FALSE(r.critical_errors.empty()) << r.id;
    for (const char* id : r.critical_errors) {
      bool catalogued = false;
      for (const CriticalErrorInfo& c : critical_error_catalogue()) catalogued = catalogued || std::string(c.id) == id;
      EXPECT_TRUE(catalogued) << id;
      EXPECT_NE(critical_error_display_name(id), id);
    }
  }
}
