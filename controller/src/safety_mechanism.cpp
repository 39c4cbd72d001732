#include "controller/safety_mechanism.h"

namespace tractus::controller {

void SafetySupervisor::configure(const SafetyRule* rules, int count, EventLog* log) {
  rules_ = rules;
  count_ = count < 0 ? 0 : (count > kMaxRules ? kMaxRules : count);
  log_ = log;
  for (int i = 0; i < kMaxRules; ++i) state_[i] = RuleState{};
}

void SafetySupervisor::update(int index, bool condition, int64_t now_us) {
  if (index < 0 || index >= count_) return;
  RuleState& s = state_[index];
  const SafetyRule& r = rules_[index];
  s.condition = condition;
  if (!condition) {
    s.pending_since_us = -1;
    if (s.tripped && r.latch == Latch::WhileActive) {
      s.tripped = false;
      if (log_ != nullptr) log_->push(now_us, EventKind::AlarmCleared, r.code);
    }
    return;
  }
  if (s.pending_since_us < 0) s.pending_since_us = now_us;
  if (!s.tripped && now_us - s.pending_since_us >= r.confirm_us) {
    s.tripped = true;
    s.tripped_at_us = now_us;
    if (log_ != nullptr) log_->push(now_us, EventKind::AlarmRaised, r.code);
  }
}

void SafetySupervisor::clear_where(bool (*eligible)(Latch), int64_t now_us) {
  for (int i = 0; i < count_; ++i) {
    RuleState& s = state_[i];
    // a rule whose cause is still present cannot be cleared
    if (s.tripped && !s.condition && eligible(rules_[i].latch)) {
      s.tripped = false;
      if (log_ != nullptr) log_->push(now_us, EventKind::AlarmCleared, rules_[i].code);
    }
  }
}

void SafetySupervisor::acknowledge(int64_t now_us) {
  clear_where([](Latch l) { return l != Latch::UntilServiceReset; }, now_us);
}

void SafetySupervisor::service_reset(int64_t now_us) {
  clear_where([](Latch) { return true; }, now_us);
}

SafetyAction SafetySupervisor::action() const {
  SafetyAction worst = SafetyAction::None;
  for (int i = 0; i < count_; ++i) {
    if (state_[i].tripped && rules_[i].action > worst) worst = rules_[i].action;
  }
  return worst;
}

int SafetySupervisor::headline() const {
  int best = -1;
  for (int i = 0; i < count_; ++i) {
    if (!state_[i].tripped) continue;
    if (best < 0) { best = i; continue; }
    const SafetyRule& a = rules_[i];
    const SafetyRule& b = rules_[best];
    if (a.latch != b.latch) {
      if (a.latch > b.latch) best = i;
    } else if (a.action != b.action) {
      if (a.action > b.action) best = i;
    } else if (state_[i].tripped_at_us < state_[best].tripped_at_us) {
      best = i;
    }
  }
  return best;
}

bool SafetySupervisor::locked() const {
  for (int i = 0; i < count_; ++i) {
    if (state_[i].tripped && rules_[i].latch == Latch::UntilServiceReset) return true;
  }
  return false;
}

}  // namespace tractus::controller
