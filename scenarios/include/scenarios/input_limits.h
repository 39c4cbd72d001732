// The bounds every input file is held to before any of it is used.
//
// A file that breaks one is refused with the field and the limit, like any other bad input.
// The limits are far above anything a real scenario, action file, record, patient or history
// holds, and low enough that no input can exhaust the stack (nlohmann's copies and dumps
// recurse once per level, and WebAssembly stacks are small), the memory or the time of a
// session.
#pragma once

#include <cstddef>
#include <cstdint>

#include <nlohmann/json_fwd.hpp>

namespace tractus::scenarios {

/// Arrays and objects nested deeper than this are refused while parsing, before any
/// recursive copy. The library's deepest file nests 6 levels.
constexpr int kMaxJsonDepth = 64;

/// The largest file any loader reads, in bytes (8 MiB). The largest library file is about
/// 12 KB; a 100,000-entry action file is about 5 MB.
constexpr std::size_t kMaxFileBytes = 8u * 1024u * 1024u;

/// The most entries an action file (or one session of a course's action file) may hold.
constexpr std::size_t kMaxScriptEntries = 100000;
/// The most actions a session record may hold.
constexpr std::size_t kMaxRecordActions = 100000;
/// The most events, rubric items or findings a scenario may hold.
constexpr std::size_t kMaxScenarioListEntries = 1000;

/// The longest a session may last, in microseconds: the scenario format's 7,200 s time limit.
/// Record times beyond it are refused before any arithmetic is done with them.
constexpr int64_t kMaxSessionUs = 7200LL * 1000000LL;

/// True when no array or object in j lies deeper than max_depth (the root is depth 1).
/// Walks the tree without recursion, so it is safe on any input.
bool json_depth_within(const nlohmann::json& j, int max_depth);

}  // namespace tractus::scenarios
