#include "scenarios/library.h"

#include <algorithm>
#include <cstdlib>
#include <dirent.h>

#ifndef TRACTUS_LIBRARY_DIR
#define TRACTUS_LIBRARY_DIR "scenarios/library"
#endif
#ifndef TRACTUS_CURRICULA_DIR
#define TRACTUS_CURRICULA_DIR "scenarios/curricula"
#endif

namespace tractus::scenarios {

std::string library_dir() {
  const char* env = std::getenv("TRACTUS_LIBRARY");
  return env != nullptr && *env != '\0' ? env : TRACTUS_LIBRARY_DIR;
}

std::vector<std::string> library_files() {
  std::vector<std::string> files;
  const std::string dir = library_dir();
  DIR* d = opendir(dir.c_str());
  if (d == nullptr) return files;
  while (dirent* e = readdir(d)) {
    const std::string name = e->d_name;
    if (name.size() > 5 && name.compare(name.size() - 5, 5, ".json") == 0)
      files.push_back(dir + "/" + name);
  }
  closedir(d);
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<std::string> library_ids() {
  std::vector<std::string> ids;
  for (const std::string& file : library_files()) {
    const std::size_t slash = file.find_last_of('/');
    const std::string name = slash == std::string::npos ? file : file.substr(slash + 1);
    ids.push_back(name.substr(0, name.size() - 5));
  }
  return ids;
}

std::vector<CurriculumCandidate> library_candidates() {
  std::vector<CurriculumCandidate> out;
  for (const std::string& id : library_ids()) {
    Scenario s;
    LoadError error;
    if (load_scenario_by_ref(id, s, error)) out.push_back({s.id, s.category, s.difficulty});
  }
  return out;
}

std::string curricula_dir() {
  const char* env = std::getenv("TRACTUS_CURRICULA");
  return env != nullptr && *env != '\0' ? env : TRACTUS_CURRICULA_DIR;
}

bool load_scenario_by_ref(const std::string& ref, Scenario& out, LoadError& error) {
  const bool is_file = ref.size() > 5 && ref.compare(ref.size() - 5, 5, ".json") == 0;
  if (is_file) return load_scenario_file(ref, out, error);
  const std::string file = library_dir() + "/" + ref + ".json";
  Scenario s;
  if (!load_scenario_file(file, s, error)) {
    if (error.reason == "cannot open the file")
      error = LoadError{ref, "$", "no scenario with this id in " + library_dir()};
    return false;
  }
  if (s.id != ref) {
    error = LoadError{file, "$.id", "is '" + s.id + "' but the file name says '" + ref + "'"};
    return false;
  }
  out = s;
  return true;
}

}  // namespace tractus::scenarios
