// The generic half of the safety supervisor: rules with an ordered action severity, a
// confirmation time and a latch, evaluated from boolean conditions with time passed in.
//
// The mechanism knows nothing about traction tables. A policy (table_safety_policy.h) owns
// the rule table and decides when each condition holds; the mechanism debounces, latches,
// logs and reports the most severe action and its cause. It allocates nothing.
#pragma once

#include <cstdint>

#include "controller/event_log.h"

namespace tractus::controller {

/// Reactions in increasing severity; a more severe action always wins.
enum class SafetyAction : uint8_t {
  None = 0,
  Warn,               // show and log only
  HoldRamp,           // freeze the rise of the force profile
  ReleaseChangeover,  // controlled release to zero at the changeover speed
  ReleaseFast,        // fastest release to the patient-stop floor (15 N)
  DriveOff,           // drive relay open; the drum coasts until the cord is slack, then brakes
  PowerCut,           // drive relay open and brake set at once
};

/// How long a tripped rule stays tripped.
enum class Latch : uint8_t {
  WhileActive,        // clears by itself once its condition has gone
  UntilAcknowledged,  // clears on acknowledge once its condition has gone
  UntilServiceReset,  // clears only on a service reset once its condition has gone
};

/// One rule: the alarm code it raises, its reaction, its latch, and how long its condition
/// must hold before it trips (0 trips on the first tick).
struct SafetyRule {
  uint16_t code = 0;
  SafetyAction action = SafetyAction::None;
  Latch latch = Latch::WhileActive;
  int64_t confirm_us = 0;
  const char* text = "";  // static description for the console and the hazard table
};

/// Debounces, latches and ranks up to kMaxRules rules.
class SafetySupervisor {
 public:
  static constexpr int kMaxRules = 40;

  /// Installs a rule table (kept by pointer, must outlive the supervisor) and a log to write
  /// trips and clears to (may be null). count is clamped to kMaxRules.
  void configure(const SafetyRule* rules, int count, EventLog* log);

  /// Feeds rule index's condition at time now_us. It trips once the condition has held for
  /// the rule's confirm_us; a WhileActive rule clears as soon as the condition goes.
  void update(int index, bool condition, int64_t now_us) {
    // the usual case, a rule whose condition stays absent, changes nothing (an absent
    // condition always leaves pending_since_us at -1)
    if (!condition && index >= 0 && index < count_ && !state_[index].condition &&
        !state_[index].tripped) {
      return;
    }
    update_changing(index, condition, now_us);
  }
  /// Feeds every rule's condition at once, conditions[i] for rule i of the first count
  /// rules: the same as update(i, conditions[i], now_us) for each i in turn, visiting only
  /// the rules whose condition holds or held, or that are tripped.
  void update_all(const bool* conditions, int count, int64_t now_us);
  /// Clears tripped UntilAcknowledged and WhileActive rules whose condition has gone.
  void acknowledge(int64_t now_us);
  /// Clears every tripped rule whose condition has gone.
  void service_reset(int64_t now_us);

  /// The most severe action among tripped rules.
  SafetyAction action() const;
  /// Index of the rule shown as the alarm: the strongest latch, then the most severe action,
  /// then the earliest trip; -1 when nothing is tripped.
  int headline() const;
  /// True when rule index has tripped and not been cleared.
  bool tripped(int index) const { return index >= 0 && index < count_ && state_[index].tripped; }
  /// Time rule index last tripped, microseconds, or -1 if it never has.
  int64_t tripped_at_us(int index) const { return index >= 0 && index < count_ ? state_[index].tripped_at_us : -1; }
  /// True when any tripped rule latches until a service reset.
  bool locked() const;
  /// The installed rule index, for reading its code, action and text.
  const SafetyRule& rule(int index) const { return rules_[index]; }
  int rule_count() const { return count_; }

 private:
  struct RuleState {
    bool condition = false;
    bool tripped = false;
    int64_t pending_since_us = -1;  // when the condition started to hold, -1 when it does not
    int64_t tripped_at_us = -1;
  };
  void clear_where(bool (*eligible)(Latch), int64_t now_us);

  // the tripped rules as bits, so the per-tick queries (action, headline, locked) visit only
  // those, and none at all in the usual case of nothing tripped
  static_assert(kMaxRules <= 64, "tripped_bits_ holds one bit per rule");
  void set_tripped(int index, bool tripped);
  void update_changing(int index, bool condition, int64_t now_us);

  const SafetyRule* rules_ = nullptr;
  int count_ = 0;
  EventLog* log_ = nullptr;
  uint64_t tripped_bits_ = 0;
  RuleState state_[kMaxRules];
};

}  // namespace tractus::controller
