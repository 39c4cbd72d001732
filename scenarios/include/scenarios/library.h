// The scenario library: the JSON files in scenarios/library/, found by id.
#pragma once

#include <string>
#include <vector>

#include "scenarios/curriculum.h"
#include "scenarios/load_error.h"
#include "scenarios/scenario.h"

namespace tractus::scenarios {

/// The library folder: $TRACTUS_LIBRARY when set, else the source tree's scenarios/library.
std::string library_dir();

/// Every scenario file in the library folder, sorted by name.
std::vector<std::string> library_files();
/// The ids of the library's scenarios (each file is named after its id), sorted.
std::vector<std::string> library_ids();

/// What a curriculum needs of every library scenario (id, category, difficulty), read from
/// the files; a file that does not load is left out, as the scenario list leaves it out.
std::vector<CurriculumCandidate> library_candidates();

/// The built-in curricula's folder: $TRACTUS_CURRICULA when set, else the source tree's
/// scenarios/curricula.
std::string curricula_dir();

/// Loads a scenario given either a file path (anything ending in .json) or a library id.
bool load_scenario_by_ref(const std::string& id_or_file, Scenario& out, LoadError& error);

}  // namespace tractus::scenarios
