#include "controller/safety_mechanism.h"

namespace tractus::controller {

namespace {
// index of the lowest set bit of a non-zero word, with + - * / and shifts only
int lowest_bit(uint64_t bits) {
  int i = 0;
  while ((bits & 1u) == 0u) {
    bits >>= 1;
    ++i;
  }
  return i;
}
}  // namespace

void SafetySupervisor::set_tripped(int index, bool tripped) {
  state_[index].tripped = tripped;
  const uint64_t bit = uint64_t{1} << index;
  tripped_bits_ = tripped ? (tripped_bits_ | bit) : (tripped_bits_ & ~bit);
}

void SafetySupervisor::configure(const SafetyRule* rules, int count, EventLog* log) {
  rules_ = rules;
  count_ = count < 0 ? 0 : (count > kMaxRules ? kMaxRules : count);
  log_ = log;
  for (int i = 0; i < kMaxRules; ++i) state_[i] = RuleState{};
  tripped_bits_ = 0;
}

void SafetySupervisor::update_changing(int index, bool condition, int64_t now_us) {
  if (index < 0 || index >= count_) return;
  RuleState& s = state_[index];
  const SafetyRule& r = rules_[index];
  s.condition = condition;
  if (!condition) {
    s.pending_since_us = -1;
    if (s.tripped && r.latch == Latch::WhileActive) {
      set_tripped(index, false);
      if (log_ != nullptr) log_->push(now_us, EventKind::AlarmCleared, r.code);
    }
    return;
  }
  if (s.pending_since_us < 0) s.pending_since_us = now_us;
  if (!s.tripped && now_us - s.pending_since_us >= r.confirm_us) {
    set_tripped(index, true);
    s.tripped_at_us = now_us;
    if (log_ != nullptr) log_->push(now_us, EventKind::AlarmRaised, r.code);
  }
}

void SafetySupervisor::update_all(const bool* conditions, int count, int64_t now_us) {
  if (count > count_) count = count_;
  // a rule needs a visit when its condition holds now or held last tick, or it is tripped
  uint64_t visit = tripped_bits_;
  for (int i = 0; i < count; ++i) {
    if (conditions[i] || state_[i].condition) visit |= uint64_t{1} << i;
  }
  if (count < 64) visit &= (uint64_t{1} << count) - 1u;
  for (; visit != 0u; visit &= visit - 1u) {
    const int i = lowest_bit(visit);
    update_changing(i, conditions[i], now_us);
  }
}

void SafetySupervisor::clear_where(bool (*eligible)(Latch), int64_t now_us) {
  for (int i = 0; i < count_; ++i) {
    RuleState& s = state_[i];
    // a rule whose cause is still present cannot be cleared
    if (s.tripped && !s.condition && eligible(rules_[i].latch)) {
      set_tripped(i, false);
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
  for (uint64_t bits = tripped_bits_; bits != 0u; bits &= bits - 1u) {
    const int i = lowest_bit(bits);
    if (rules_[i].action > worst) worst = rules_[i].action;
  }
  return worst;
}

int SafetySupervisor::headline() const {
  int best = -1;
  // in rising index order, as the rule table lists them, so ties go to the earlier rule
  for (uint64_t bits = tripped_bits_; bits != 0u; bits &= bits - 1u) {
    const int i = lowest_bit(bits);
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
  for (uint64_t bits = tripped_bits_; bits != 0u; bits &= bits - 1u) {
    if (rules_[lowest_bit(bits)].latch == Latch::UntilServiceReset) return true;
  }
  return false;
}

}  // namespace tractus::controller
