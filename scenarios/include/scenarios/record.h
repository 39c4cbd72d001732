// Session records and replay.
//
// A record is versioned JSON holding the scenario id and version, the seed, the mode and every
// action with the exact microsecond it was applied, plus the result it produced: score, pass,
// a hash of the event timeline and a physics hash of the rig's end state (firmware display
// and twin) mixed with the seed and the mode. Because the session is deterministic, replaying
// the actions on a fresh session reproduces all four, natively and in WebAssembly alike;
// check_replay() says which one did not.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "scenarios/load_error.h"
#include "scenarios/scenario.h"
#include "scenarios/session.h"

namespace tractus::scenarios {

/// The record format version this build writes and reads.
constexpr int kRecordFormatVersion = 1;

/// A saved session.
struct SessionRecord {
  std::string scenario_id;
  int scenario_version = 0;
  uint64_t seed = 1;
  Mode mode = Mode::Practice;
  std::vector<RecordedAction> actions;  // in the order applied
  int64_t end_us = 0;                   // session time when it was recorded
  // the result as recorded
  double score = 0.0;
  bool passed = false;
  uint64_t timeline_hash = 0;
  // physics_hash() of the session as recorded; records written before it existed have none
  bool has_physics_hash = false;
  uint64_t physics_hash = 0;
};

/// What a replay reproduced of its record.
struct ReplayCheck {
  bool matches = true;                // nothing diverged
  std::vector<std::string> diverged;  // each divergence: what, the replayed and recorded values
  std::string note;                   // what could not be checked, or ""
};

/// The hash a record keeps of a session's physics: the rig's state hash (twin state, firmware
/// display, random generator) at the session's current time, mixed with the seed and mode,
/// so a record whose seed or mode was changed no longer matches.
uint64_t physics_hash(const Session& session);
/// Captures a session (normally an ended one) as a record.
SessionRecord make_record(const Session& session);
/// The record as JSON.
nlohmann::json record_to_json(const SessionRecord& record);
/// Reads a record; errors carry file, JSON path and reason.
bool parse_record(const nlohmann::json& j, const std::string& file, SessionRecord& out,
                  LoadError& error);
bool load_record(const std::string& file, SessionRecord& out, LoadError& error);

/// Replays record on session, which must be freshly built from scenario with the record's seed
/// and mode (see record_options); scenario's id and version must match the record's. Leaves
/// the result in session. Returns false with a reason when the scenario does not match.
/// The session options a record was made with.
inline SessionOptions record_options(const SessionRecord& r) { return SessionOptions{r.seed, r.mode}; }

bool replay(const Scenario& scenario, const SessionRecord& record, Session& session,
            std::string& why);
/// Compares a replayed session with its record: score, pass, timeline hash and, where the
/// record has one, the physics hash. A record without a physics hash gets a note instead.
ReplayCheck check_replay(const SessionRecord& record, const Session& replayed);

/// Turns a record into the starting point of a new scenario: a copy of the original scenario's
/// JSON with id new_id, version 1, a title marking its origin, and one event for each
/// instructor action the record holds (inject_fault, trigger_reaction and say), so a session an
/// instructor improvised can be replayed on every trainee. A fault sent for a later time fires
/// at that time; one sent for a force becomes a force_lbf condition, which holds from the
/// session's start rather than from when it was sent. Returns false with why when the
/// record does not belong to the scenario or new_id is not a valid id.
bool scenario_from_record(const nlohmann::json& scenario_json, const SessionRecord& record,
                          const std::string& new_id, nlohmann::json& out, std::string& why);

}  // namespace tractus::scenarios
