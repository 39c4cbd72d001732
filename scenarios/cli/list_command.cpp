// `list`: the scenarios in the library.
#include <cstdio>
#include <cstring>

#include "cli_util.h"
#include "commands.h"
#include "scenarios/library.h"
#include "scenarios/scenario.h"

namespace tractus::cli {

int list_command(int argc, char** argv) {
  bool json = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--json") == 0) {
      json = true;
    } else if (std::strcmp(argv[i], "--help") == 0) {
      std::printf("usage: tractus-cli list [--json]\nLists the scenarios in %s.\n",
                  scenarios::library_dir().c_str());
      return 0;
    } else {
      std::fprintf(stderr, "tractus-cli list: unknown option '%s'\n", argv[i]);
      return 2;
    }
  }
  nlohmann::json out = nlohmann::json::array();
  int bad = 0;
  for (const std::string& file : scenarios::library_files()) {
    scenarios::Scenario s;
    scenarios::LoadError error;
    if (!scenarios::load_scenario_file(file, s, error)) {
      print_error("list", error);
      ++bad;
      continue;
    }
    if (json) {
      out.push_back({{"id", s.id}, {"version", s.version}, {"category", s.category},
                     {"title", s.title}});
    } else {
      std::printf("%-34s %-17s %s\n", s.id.c_str(), s.category.c_str(), s.title.c_str());
    }
  }
  if (json) print_json(out);
  return bad == 0 ? 0 : 2;
}

}  // namespace tractus::cli
