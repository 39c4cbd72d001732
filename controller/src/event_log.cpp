#include "controller/event_log.h"

namespace tractus::controller {

void EventLog::push(int64_t time_us, EventKind kind, uint16_t code) {
  Event& e = entries_[total_ % static_cast<uint32_t>(kCapacity)];
  e.time_us = time_us;
  e.kind = kind;
  e.code = code;
  ++total_;
}

const Event& EventLog::at(int i) const {
  // the oldest held entry sits just after the newest once the buffer has wrapped
  const uint32_t first = total_ <= static_cast<uint32_t>(kCapacity) ? 0u : total_ - kCapacity;
  return entries_[(first + static_cast<uint32_t>(i)) % static_cast<uint32_t>(kCapacity)];
}

int EventLog::find_last(EventKind kind, uint16_t code) const {
  for (int i = size() - 1; i >= 0; --i) {
    if (at(i).kind == kind && at(i).code == code) return i;
  }
  return -1;
}

}  // namespace tractus::controller
