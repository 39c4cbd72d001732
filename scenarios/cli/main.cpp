// The headless command-line tool: `tractus-cli COMMAND [OPTIONS]`.
#include <cstdio>
#include <cstring>

#include "commands.h"

namespace {

struct Command {
  const char* name;
  const char* summary;
  int (*run)(int argc, char** argv);
};

// every sub-command, in the order `help` lists them
const Command kCommands[] = {
    {"simulate", "run one static-traction prescription headless and print a summary",
     tractus::cli::simulate_command},
    {"run", "play an action file against a scenario and print the report", tractus::cli::run_command},
    {"replay", "replay a session record and check it reproduces its result", tractus::cli::replay_command},
    {"validate", "check scenario files, action files and session records", tractus::cli::validate_command},
    {"list", "list the scenario library", tractus::cli::list_command},
    {"probe", "apply one traction dose to a patient and print each disc level's answer", tractus::cli::probe_command},
};

void print_help() {
  std::printf("usage: tractus-cli COMMAND [OPTIONS]\n\ncommands:\n");
  for (const Command& c : kCommands) std::printf("  %-10s %s\n", c.name, c.summary);
  std::printf("\n`tractus-cli COMMAND --help` describes one command.\n");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::strcmp(argv[1], "help") == 0 || std::strcmp(argv[1], "--help") == 0) {
    print_help();
    return argc < 2 ? 2 : 0;
  }
  for (const Command& c : kCommands) {
    if (std::strcmp(argv[1], c.name) == 0) return c.run(argc - 1, argv + 1);
  }
  std::fprintf(stderr, "tractus-cli: unknown command '%s' (see `tractus-cli help`)\n", argv[1]);
  return 2;
}
