// Sub-commands of the headless command-line tool. Each returns the process exit code:
// 0 on success, 1 when the work itself failed, 2 on bad usage or bad input (with a message on
// stderr that names the file or option and the reason).
#pragma once

namespace tractus::cli {

/// `simulate`: runs one static-traction prescription headless and prints a summary.
int simulate_command(int argc, char** argv);
/// `run`: plays an action file against a scenario and prints the report.
int run_command(int argc, char** argv);
/// `replay`: replays a session record and checks it reproduces its result.
int replay_command(int argc, char** argv);
/// `validate`: checks scenario files, action files and session records.
int validate_command(int argc, char** argv);
/// `list`: lists the scenario library.
int list_command(int argc, char** argv);
/// `probe`: one traction dose on a patient and the spine's answer per level (twin issue 3).
int probe_command(int argc, char** argv);

}  // namespace tractus::cli
