// Library scenarios and their scripted trainees, loaded for tests that need a real session.
#pragma once

#include <string>

#include <gtest/gtest.h>

#include "scenarios/json_file.h"
#include "scenarios/scenario.h"
#include "scenarios/script.h"
#include "scenarios/session.h"
#include "test_paths.h"

namespace tractus::test {

/// The library scenario with this id; a test failure names the file and reason if it will not load.
inline scenarios::Scenario library_scenario(const std::string& id) {
  scenarios::Scenario s;
  scenarios::LoadError e;
  EXPECT_TRUE(scenarios::load_scenario_file(repo_path("scenarios/library/" + id + ".json"), s, e)) << e.message();
  return s;
}

/// Plays tests/data/trainees/<scenario id>/<script> on session to its end.
inline void play_trainee(scenarios::Session& session, const std::string& script_file) {
  const std::string file = repo_path("tests/data/trainees/" + session.scenario().id + "/" + script_file);
  scenarios::ActionScript script;
  scenarios::LoadError e;
  ASSERT_TRUE(scenarios::load_action_script(file, script, e)) << e.message();
  scenarios::run_script(session, script);
}

}  // namespace tractus::test
