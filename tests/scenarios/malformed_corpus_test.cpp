// The malformed-file corpus: every file in tests/data/malformed/ must be refused with exactly
// the message (JSON path and reason) listed for it in expected_messages.json, and nothing may
// throw or crash. File names say what they are: scenario_*, actions_*, record_* or patient_*.
// Every crash a fuzzer or a reproducer found joins it, with the message its fix now gives.
#include <gtest/gtest.h>

#include <dirent.h>

#include <set>
#include <string>

#include "scenarios/json_file.h"
#include "scenarios/patient_file.h"
#include "scenarios/record.h"
#include "scenarios/scenario.h"
#include "scenarios/script.h"
#include "test_paths.h"

using namespace tractus;
using namespace tractus::scenarios;

namespace {

const std::string kDir = "tests/data/malformed/";

// loads file with the loader its name calls for and returns the error
LoadError load(const std::string& name) {
  const std::string file = test::repo_path(kDir + name);
  LoadError error;
  if (name.rfind("scenario_", 0) == 0) {
    Scenario s;
    EXPECT_FALSE(load_scenario_file(file, s, error)) << name << " loaded";
  } else if (name.rfind("actions_", 0) == 0) {
    ActionScript a;
    EXPECT_FALSE(load_action_script(file, a, error)) << name << " loaded";
  } else if (name.rfind("record_", 0) == 0) {
    SessionRecord r;
    EXPECT_FALSE(load_record(file, r, error)) << name << " loaded";
  } else if (name.rfind("patient_", 0) == 0) {
    PatientFile p;
    EXPECT_FALSE(load_patient_file(file, p, error)) << name << " loaded";
  } else {
    ADD_FAILURE() << name << ": corpus names start with scenario_, actions_, record_ or patient_";
  }
  EXPECT_EQ(error.file, file) << "the message must name the file";
  return error;
}

}  // namespace

TEST(MalformedCorpus, EveryFileIsRefusedWithItsExactMessage) {
  nlohmann::json expected;
  LoadError error;
  ASSERT_TRUE(read_json_file(test::repo_path(kDir + "expected_messages.json"), expected, error))
      << error.message();
  ASSERT_GE(expected.size(), 30u);
  for (auto it = expected.begin(); it != expected.end(); ++it) {
    const LoadError e = load(it.key());
    EXPECT_EQ(e.path + ": " + e.reason, it.value().get<std::string>()) << it.key();
  }
}

TEST(MalformedCorpus, EveryCorpusFileHasAnExpectedMessage) {
  nlohmann::json expected;
  LoadError error;
  ASSERT_TRUE(read_json_file(test::repo_path(kDir + "expected_messages.json"), expected, error));
  DIR* d = opendir(test::repo_path(kDir).c_str());
  ASSERT_NE(d, nullptr);
  int files = 0;
  while (dirent* e = readdir(d)) {
    const std::string name = e->d_name;
    if (name.size() < 5 || name.substr(name.size() - 5) != ".json" ||
        name == "expected_messages.json")
      continue;
    ++files;
    EXPECT_TRUE(expected.contains(name)) << name << " has no entry in expected_messages.json";
  }
  closedir(d);
  EXPECT_EQ(files, static_cast<int>(expected.size()));
}

TEST(MalformedCorpus, MessagesNameFilePathAndReason) {
  const LoadError e = load("scenario_event_pain_out_of_range.json");
  EXPECT_EQ(e.message(), test::repo_path(kDir + "scenario_event_pain_out_of_range.json") +
                             ": $.events[0].effects.pain: must be between 0 and 10");
}

TEST(MalformedCorpus, AMissingFileIsAnErrorNotACrash) {
  Scenario s;
  LoadError e;
  EXPECT_FALSE(load_scenario_file("/nonexistent/x.json", s, e));
  EXPECT_EQ(e.message(), "/nonexistent/x.json: $: cannot open the file");
}

TEST(MalformedCorpus, InvalidUtf8InAStringIsRefusedNotThrown) {
  nlohmann::json j;
  LoadError e;
  EXPECT_FALSE(parse_json_text("[{\"t_s\": 0, \"action\": \"note\", \"text\": \"\xff\"}]", "mem", j, e));
  EXPECT_EQ(e.path, "$");
  EXPECT_NE(e.reason.find("invalid JSON"), std::string::npos) << e.reason;
}
