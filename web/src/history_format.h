// The saved-history file format and its schema check.
//
// A history file is JSON: {"version": 2, "trainee": NAME, "sessions": [ENTRY, ...]}. Each entry
// names one finished training session and, for sessions played in this trainer, carries the
// session record, so its debrief can be replayed. Version 1 files (no ids, no records) still
// read: each of their entries gets an id derived from its contents, so importing the same old
// file twice finds the same ids.
//
// Reading is strict per entry and tolerant per file: a bad entry is refused with its JSON path
// and the reason, and the other entries still read. Only a problem with the file as a whole
// (too big, not JSON, too deeply nested, wrong version, too many entries) refuses everything.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "scenarios/record.h"

namespace tractus::web {

/// The history format version this build writes. It reads versions 1 and 2.
constexpr int kHistoryFormatVersion = 2;

/// Limits on an imported history file, each named in the message that refuses it.
// 1000 sessions with their records (a few kB to 15 kB each) fit in 16 MiB
constexpr std::size_t kMaxHistoryFileBytes = 16u * 1024u * 1024u;  // 16 MiB
constexpr std::size_t kMaxHistoryFileSessions = 1000;
constexpr int kMaxHistoryJsonDepth = 32;  // objects and arrays inside one another
/// Limits on one entry's fields, in bytes of UTF-8 text where they are strings.
constexpr std::size_t kMaxSessionIdBytes = 64;
constexpr std::size_t kMaxScenarioIdBytes = 64;
constexpr std::size_t kMaxTitleBytes = 160;
constexpr std::size_t kMaxTraineeBytes = 63;  // the start screen's name field holds 63
constexpr int kMaxCriticalErrors = 100;

/// One finished training session, as the history keeps it.
struct HistoryEntry {
  std::string id;           // unique per session; the key imports merge on
  std::string scenario_id;
  std::string title;
  std::string mode;         // "practice" or "assessment"
  double score = 0.0;       // 0..100
  bool passed = false;
  int critical_errors = 0;
  std::string finished_at;  // ISO 8601 UTC wall-clock time, e.g. 2026-12-01T21:47:37.123Z
  bool has_record = false;  // the session record is kept, so the debrief can be replayed
  scenarios::SessionRecord record;
};

/// An entry that was refused, with where and why.
struct EntryRefusal {
  std::string path;    // JSON path of the offending value, e.g. $.sessions[3].score
  std::string reason;  // why, in a short sentence fragment
  std::string label;   // the entry's title or id when it could be read, else ""
};

/// What a history file held.
struct ParsedHistory {
  int version = 0;
  bool has_trainee = false;
  std::string trainee;
  std::vector<HistoryEntry> entries;  // the entries that passed the schema check, in file order
  std::vector<EntryRefusal> refused;  // the ones that did not
};

/// Which limits a read applies: an imported file gets all of them; the trainer's own saved
/// file only the nesting depth (it may have grown past an import's size by finished sessions).
enum class HistorySource { Imported, Saved };

/// Parses a history file's text. Returns false with why (a sentence fragment naming the limit
/// or the JSON path) when the file as a whole cannot be used; otherwise fills out, where bad
/// entries are listed in out.refused and the rest in out.entries. Entries whose id appears
/// earlier in the same file are refused as repeats.
bool parse_history(const std::string& text, HistorySource source, ParsedHistory& out, std::string& why);

/// The history as JSON text (version kHistoryFormatVersion), entries in order.
std::string history_to_json(const std::string& trainee, const std::vector<HistoryEntry>& entries);

/// One entry as canonical JSON text: two entries are the same session saved twice exactly
/// when their texts are equal.
std::string entry_fingerprint(const HistoryEntry& entry);

/// Checks a trainee's name: at most kMaxTraineeBytes bytes of UTF-8 with no control
/// characters. Returns "" when it is fine, else the reason.
std::string check_trainee_name(const std::string& name);

/// The deepest nesting of objects and arrays in text, counting only brackets outside strings;
/// stops counting (and returns limit + 1) once limit is passed, so a hostile file costs one scan.
int json_nesting_depth(const std::string& text, int limit);

}  // namespace tractus::web
