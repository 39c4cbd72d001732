// The JSON Schemas in scenarios/schema/ describe the files the loaders read: every library
// scenario, every scripted trainee and a fresh session record validate against them, their
// vocabularies agree with the engine's, and files the schema can judge are refused by both.
#include <gtest/gtest.h>

#include <dirent.h>

#include <algorithm>

#include <string>
#include <vector>

#include "mini_schema.h"
#include "patient_dialogue.h"
#include "scenarios/action.h"
#include "scenarios/faults.h"
#include "scenarios/json_file.h"
#include "scenarios/library.h"
#include "scenarios/record.h"
#include "scenarios/scoring.h"
#include "scenarios/script.h"
#include "scenarios/vocabulary.h"
#include "test_paths.h"

using namespace tractus;
using namespace tractus::scenarios;

namespace {

nlohmann::json load(const std::string& relative) {
  nlohmann::json j;
  LoadError e;
  EXPECT_TRUE(read_json_file(test::repo_path(relative), j, e)) << e.message();
  return j;
}

std::vector<std::string> list_dir(const std::string& relative, bool dirs) {
  std::vector<std::string> out;
  DIR* d = opendir(test::repo_path(relative).c_str());
  if (d == nullptr) return out;
  while (dirent* e = readdir(d)) {
    const std::string name = e->d_name;
    if (name == "." || name == "..") continue;
    const bool json = name.size() > 5 && name.substr(name.size() - 5) == ".json";
    if (dirs ? !json && name.find('.') == std::string::npos : json) out.push_back(name);
  }
  closedir(d);
  return out;
}

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const std::string& x : v) s += "\n  " + x;
  return s;
}

void expect_enum(const nlohmann::json& e, const std::vector<Term>& terms, const char* what) {
  ASSERT_TRUE(e.is_array()) << what;
  std::vector<std::string> ids;
  for (const Term& t : terms) ids.push_back(t.id);
  std::vector<std::string> schema = e.get<std::vector<std::string>>();
  EXPECT_EQ(schema, ids) << what << " in the schema and in vocabulary.cpp differ";
}

}  // namespace

TEST(Schema, EveryLibraryScenarioValidates) {
  test::MiniSchema schema(load("scenarios/schema/scenario.schema.json"));
  const std::vector<std::string> files = list_dir("scenarios/library", false);
  ASSERT_GE(files.size(), 15u);
  for (const std::string& f : files) {
    const auto errors = schema.validate(load("scenarios/library/" + f));
    EXPECT_TRUE(errors.empty()) << f << join(errors);
  }
}

TEST(Schema, EveryScriptedTraineeValidates) {
  test::MiniSchema schema(load("scenarios/schema/actions.schema.json"));
  int count = 0;
  for (const std::string& dir : list_dir("tests/data/trainees", true)) {
    for (const std::string& f : list_dir("tests/data/trainees/" + dir, false)) {
      const auto errors = schema.validate(load("tests/data/trainees/" + dir + "/" + f));
      EXPECT_TRUE(errors.empty()) << dir << "/" << f << join(errors);
      ++count;
    }
  }
  EXPECT_GE(count, 30);
}

TEST(Schema, ASessionRecordValidates) {
  Scenario sc;
  LoadError e;
  ASSERT_TRUE(load_scenario_file(test::repo_path("scenarios/library/contraindication-pregnancy.json"), sc, e));
  ActionScript script;
  ASSERT_TRUE(load_action_script(test::repo_path("tests/data/trainees/contraindication-pregnancy/expert.json"), script, e));
  Session s(sc, SessionOptions{});
  run_script(s, script);
  test::MiniSchema schema(load("scenarios/schema/record.schema.json"));
  const auto errors = schema.validate(record_to_json(make_record(s)));
  EXPECT_TRUE(errors.empty()) << join(errors);
}

TEST(Schema, VocabulariesAgreeWithTheEngine) {
  const nlohmann::json s = load("scenarios/schema/scenario.schema.json");
  expect_enum(s["definitions"]["match"]["properties"]["question"]["enum"], screening_questions(), "questions");
  expect_enum(s["properties"]["safety"]["properties"]["contraindication"]["enum"], contraindications(), "contraindications");
  expect_enum(s["properties"]["safety"]["properties"]["precaution"]["enum"], precautions(), "precautions");
  expect_enum(s["definitions"]["event"]["properties"]["effects"]["properties"]["reaction"]["enum"], reactions(), "reactions");
  std::vector<std::string> actions;
  // every kind the engine names, up to the first it does not ("?" follows the last)
  for (int k = 0; std::string(action_name(static_cast<ActionKind>(k))) != "?"; ++k)
    actions.push_back(action_name(static_cast<ActionKind>(k)));
  EXPECT_EQ(s["definitions"]["match"]["properties"]["action"]["enum"].get<std::vector<std::string>>(), actions);
  // every fault in the twin's catalogue fits the schema's fault-name pattern
  test::MiniSchema faults(s["definitions"]["event"]["properties"]["effects"]["properties"]["fault"]);
  for (const Term& t : fault_catalogue()) EXPECT_TRUE(faults.validate(t.id).empty()) << t.id;
}

TEST(Schema, TheDialogueObjectNamesEveryLineIdAndNoOther) {
  const nlohmann::json s = load("scenarios/schema/scenario.schema.json");
  const nlohmann::json& d = s["properties"]["dialogue"];
  EXPECT_EQ(d["additionalProperties"], false);
  std::vector<std::string> ids;
  for (auto it = d["properties"].begin(); it != d["properties"].end(); ++it) ids.push_back(it.key());
  std::vector<std::string> engine;
  for (std::size_t i = 0; i < dialogue::kLineCount; ++i) engine.push_back(dialogue::line_id(static_cast<dialogue::Line>(i)));
  std::sort(ids.begin(), ids.end());
  std::sort(engine.begin(), engine.end());
  EXPECT_EQ(ids, engine);
  // the schema's marks agree with the loader's: one {} where a value goes, none elsewhere
  test::MiniSchema pain_now(d["properties"]["pain_now"]);
  EXPECT_TRUE(pain_now.validate(nlohmann::json("About {} out of 10.")).empty());
  EXPECT_FALSE(pain_now.validate(nlohmann::json("It hurts.")).empty());
  test::MiniSchema cough(d["properties"]["cough"]);
  EXPECT_TRUE(cough.validate(nlohmann::json("*coughs*")).empty());
  EXPECT_FALSE(cough.validate(nlohmann::json("*coughs* {}")).empty());
}

TEST(Schema, MalformedFilesTheSchemaCanJudgeAreRefusedByItToo) {
  test::MiniSchema scenario(load("scenarios/schema/scenario.schema.json"));
  for (const char* f : {"scenario_missing_id", "scenario_version_is_string", "scenario_unknown_top_key",
                        "scenario_bad_category", "scenario_wrong_format_version", "scenario_bad_id_chars",
                        "scenario_body_mass_out_of_range", "scenario_finding_unknown_question",
                        "scenario_unknown_contraindication", "scenario_event_bad_on_key",
                        "scenario_event_pain_out_of_range", "scenario_item_without_expect",
                        "scenario_item_unknown_action", "scenario_negative_weight",
                        "scenario_dialogue_unknown_line", "scenario_dialogue_not_a_string",
                        "scenario_dialogue_value_without_mark"}) {
    EXPECT_FALSE(scenario.validate(load(std::string("tests/data/malformed/") + f + ".json")).empty()) << f;
  }
  test::MiniSchema actions(load("scenarios/schema/actions.schema.json"));
  for (const char* f : {"actions_not_an_array", "actions_unknown_action", "actions_unknown_question",
                        "actions_force_not_a_number", "actions_force_above_table_max",
                        "actions_unknown_on_kind", "actions_unknown_parameter_key", "actions_negative_time"}) {
    EXPECT_FALSE(actions.validate(load(std::string("tests/data/malformed/") + f + ".json")).empty()) << f;
  }
}
