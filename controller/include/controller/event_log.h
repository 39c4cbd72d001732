// The firmware's event log: a fixed-size ring buffer of timestamped entries that survives a
// whole session without allocating. When full, the oldest entry is overwritten.
#pragma once

#include <cstdint>

namespace tractus::controller {

/// What an event-log entry records.
enum class EventKind : uint8_t {
  AlarmRaised,     // a safety rule tripped; code is its alarm code
  AlarmCleared,    // a tripped rule was cleared by acknowledge or service reset
  StateChanged,    // the table state changed; code is the new hal::TableState
  CommandRefused,  // a console command was refused; code is the reason's alarm code
  Warning,         // a prescription was accepted with guidance warnings; code is their count
};

/// One entry of the event log.
struct Event {
  int64_t time_us = 0;  // controller time of the event, microseconds since power-on
  uint16_t code = 0;    // alarm code, state or count, per kind
  EventKind kind = EventKind::AlarmRaised;
};

/// Fixed-capacity ring buffer of events, oldest first.
class EventLog {
 public:
  static constexpr int kCapacity = 64;

  /// Appends an event, overwriting the oldest one when the log is full.
  void push(int64_t time_us, EventKind kind, uint16_t code);
  /// Number of entries held now, 0..kCapacity.
  int size() const { return total_ < static_cast<uint32_t>(kCapacity) ? static_cast<int>(total_) : kCapacity; }
  /// Entry i, where 0 is the oldest held entry and size()-1 the newest.
  const Event& at(int i) const;
  /// Number of entries ever pushed (keeps counting after the buffer wraps).
  uint32_t total() const { return total_; }
  /// Index of the newest entry with this kind and code, counting as at() does, or -1.
  int find_last(EventKind kind, uint16_t code) const;

 private:
  Event entries_[kCapacity];
  uint32_t total_ = 0;
};

}  // namespace tractus::controller
