// Words a user reads (issue 11, section 5): every action, question, finding, fault, alarm and
// critical error has a display name in scenarios/display_names.cpp, none of them looks like an
// identifier, and the debrief's texts (expected actions, the timeline, critical errors) use
// them instead of the JSON ids.
#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "controller/table_safety_policy.h"
#include "library_fixture.h"
#include "scenarios/display_names.h"
#include "scenarios/faults.h"
#include "scenarios/library.h"
#include "scenarios/scoring.h"
#include "scenarios/vocabulary.h"

using namespace tractus;
using namespace tractus::scenarios;

namespace {

// an identifier: snake_case, a dotted fault name, or a code-like token such as "self_test"
bool looks_like_identifier(const std::string& text) {
  static const std::regex id("[A-Za-z0-9]+(_[A-Za-z0-9]+)+|[a-z]+\\.[a-z_]+");
  return std::regex_search(text, id);
}

void expect_readable(const std::string& what, const std::string& id, const std::string& name) {
  EXPECT_FALSE(name.empty()) << what << " " << id << " has no display name";
  // a one-word id ("fracture") may be its own name; a compound id never is
  if (looks_like_identifier(id) || id.find('-') != std::string::npos) {
    EXPECT_NE(name, id) << what << " " << id << " shows its identifier";
  }
  EXPECT_FALSE(looks_like_identifier(name)) << what << " " << id << ": '" << name << "'";
}

std::vector<Scenario> library() {
  setenv("TRACTUS_LIBRARY", test::repo_path("scenarios/library").c_str(), 1);
  std::vector<Scenario> out;
  for (const std::string& file : library_files()) {
    Scenario s;
    LoadError e;
    EXPECT_TRUE(load_scenario_file(file, s, e)) << e.message();
    out.push_back(s);
  }
  return out;
}

}  // namespace

TEST(DisplayNames, EveryActionHasOne) {
  // every kind the engine names, up to the first it does not ("?" follows the last)
  for (int k = 0; std::string(action_name(static_cast<ActionKind>(k))) != "?"; ++k) {
    const ActionKind kind = static_cast<ActionKind>(k);
    expect_readable("action", action_name(kind), action_display_name(kind));
  }
}

TEST(DisplayNames, EveryQuestionAndReasonHasOne) {
  for (const Term& t : screening_questions()) expect_readable("question", t.id, question_display_name(t.id));
  for (const Term& t : contraindications()) expect_readable("reason", t.id, reason_display_name(t.id));
  for (const Term& t : precautions()) expect_readable("reason", t.id, reason_display_name(t.id));
  for (const Term& t : reactions()) expect_readable("reaction", t.id, term_label(reactions(), t.id));
}

TEST(DisplayNames, EveryFindingOfTheLibraryHasOne) {
  const std::vector<std::string> named = named_findings();
  for (const Scenario& s : library()) {
    for (const HiddenFinding& f : s.findings) {
      EXPECT_NE(std::find(named.begin(), named.end(), f.id), named.end())
          << s.id << ": finding " << f.id << " is not in the display-name table";
      expect_readable("finding", f.id, finding_display_name(f.id, f.answer));
    }
  }
  // a scenario outside the library falls back on the patient's own words
  EXPECT_EQ(finding_display_name("my-own-finding", "Yes, twice."), "the patient said: \"Yes, twice.\"");
}

TEST(DisplayNames, EveryFaultHasOne) {
  ASSERT_GT(fault_catalogue().size(), 40u);
  for (const Term& t : fault_catalogue()) expect_readable("fault", t.id, fault_display_name(t.id));
  EXPECT_EQ(fault_display_name("harness.slip"), "Harness slip");
  EXPECT_EQ(fault_display_name("load_cell.drift"), "Load cell drifting");
}

TEST(DisplayNames, EveryFirmwareAlarmHasOne) {
  const std::vector<uint16_t> named = named_alarms();
  int codes = 0;
  for (uint16_t code = 1; code < 400; ++code) {
    const std::string text = controller::alarm_text(code);
    if (text.empty() || text == "unknown alarm") continue;
    ++codes;
    EXPECT_NE(std::find(named.begin(), named.end(), code), named.end()) << "alarm " << code << " has no display name";
    expect_readable("alarm", std::to_string(code), alarm_display_name(code));
  }
  EXPECT_GE(codes, 25) << "the firmware's alarm table was not found";
}

TEST(DisplayNames, EveryCriticalErrorHasOne) {
  for (const CriticalErrorInfo& c : critical_error_catalogue())
    expect_readable("critical error", c.id, critical_error_display_name(c.id));
}

TEST(DisplayNames, ExpectedActionsReadAsInstructions) {
  // the issue's own examples: "Expected: review_chart" and "check_in within 20 s of harness_slip"
  Session session(test::library_scenario("fault-harness-slip"), SessionOptions{});
  Action end;
  end.kind = ActionKind::EndSession;
  session.apply(end);
  const Report r = build_report(session);
  std::string chart, check;
  for (const ItemScore& i : r.items) {
    if (i.id == "chart") chart = i.expected;
    if (i.id == "check") check = i.expected;
    EXPECT_FALSE(looks_like_identifier(i.expected)) << i.id << ": " << i.expected;
  }
  EXPECT_EQ(chart, "Review the chart before starting");
  EXPECT_EQ(check, "Check on the patient within 20 s of the harness slip");
}

TEST(DisplayNames, AFindingIsNamedNotIdentified) {
  Session session(test::library_scenario("contraindication-aortic-aneurysm"), SessionOptions{});
  Action ask;
  ask.kind = ActionKind::Ask;
  ask.question = "cardiovascular";
  session.apply(ask);
  bool found = false;
  for (const TimelineEntry& e : session.timeline()) {
    if (e.kind != "finding") continue;
    found = true;
    EXPECT_EQ(e.text.find("aaa-surveillance"), std::string::npos) << e.text;
    EXPECT_EQ(e.text, "Finding: abdominal aortic aneurysm under surveillance");
  }
  EXPECT_TRUE(found) << "asking about the heart reveals the aneurysm";
}

// every scripted trainee's debrief: the timeline, what was expected, the critical errors and
// the prompts carry display names, never ids (a trainee's own note is their text, not ours)
TEST(DisplayNames, NoIdentifierInAnyScriptedDebrief) {
  for (const Scenario& s : library()) {
    if (s.course.sessions > 0) continue;
    std::vector<std::string> ids;  // the scenario's own hyphenated ids
    for (const HiddenFinding& f : s.findings) ids.push_back(f.id);
    for (const ScenarioEvent& ev : s.events) ids.push_back(ev.id);
    for (const char* script : {"expert.json"}) {
      Session session(s, SessionOptions{});
      test::play_trainee(session, script);
      const Report r = build_report(session);
      const nlohmann::json j = report_to_json(r, session, false);
      std::vector<std::string> texts;
      for (const TimelineEntry& e : r.timeline)
        if (e.tag != "action:note") texts.push_back(e.text);
      for (const ItemScore& i : r.items) texts.push_back(i.expected);
      for (const CriticalError& c : r.critical_errors) texts.push_back(c.message);
      for (const auto& p : j["debrief"]["prompts"].items()) texts.push_back(p.value().get<std::string>());
      for (const std::string& t : texts) {
        EXPECT_FALSE(looks_like_identifier(t)) << s.id << ": '" << t << "'";
        for (const std::string& id : ids) {
          if (id.find('-') != std::string::npos) {
            EXPECT_EQ(t.find(id), std::string::npos) << s.id << ": '" << t << "'";
          }
        }
      }
    }
  }
}

TEST(DisplayNames, LoadErrorsAreSentencesWithThePathOnADetailLine) {
  LoadError e;
  e.file = "my-scenario.json";
  e.path = "$.events[0].on";
  e.reason = "unknown timeline kind 'treating'";
  EXPECT_EQ(load_error_sentence("the scenario", e), "The scenario could not be read: unknown timeline kind 'treating'.");
  EXPECT_EQ(load_error_detail(e), "At $.events[0].on in my-scenario.json");
  e.file = "<memory>";
  EXPECT_EQ(load_error_detail(e), "At $.events[0].on");
  e.path = "$";
  EXPECT_EQ(load_error_detail(e), "") << "the whole document adds nothing to the sentence";
}
