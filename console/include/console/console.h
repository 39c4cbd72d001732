// The table's touchscreen console: the software between the operator and the firmware.
//
// The console turns operator intents (a prescription entered, a button pressed) into HAL
// console commands, one a tick, in the order they were made, the way the touchscreen talks to
// the controller over its link. It stamps its heartbeat on the command every
// kHeartbeatPeriodUs so the firmware can tell a live console from a dead link; a Start made
// "once Ready" goes out only if the display reads Ready or Setup when its turn comes. The
// console has one fault of its own, the link to the controller failing: while it acts, no
// command and no heartbeat gets through.
//
// It reads no clock: the rig passes the time and the display in each tick, ticking console,
// controller and twin in that order, like a system wiring its chips.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>

#include "console/prescription_entry.h"
#include "hal/hal.h"

namespace tractus::console {

/// One fault the console can suffer, by its stable dotted name.
struct ConsoleFault {
  const char* name;         // "console.link_loss"
  const char* description;  // one sentence for the instructor's panel
};

/// The console's faults, in a stable order; count receives the number of rows.
const ConsoleFault* fault_catalogue(int* count);

/// True when name is one of the console's faults.
bool is_console_fault(const char* name);

/// The touchscreen software.
class Console {
 public:
  /// The heartbeat period; the firmware declares the link lost after 500 ms without a change.
  static constexpr int64_t kHeartbeatPeriodUs = 100000;

  // [SECTION] operator intents: each is queued; one command reaches the firmware per tick

  /// Queues a command as it stands (a test bench's raw command).
  void send(const hal::ConsoleCommand& command);
  /// Queues a button press that carries no data: ConfirmHarness, Start, Stop, Pause, Resume,
  /// Acknowledge, ResetFault, ServiceReset or ReleaseTension.
  void press(hal::CommandKind kind);
  /// Queues the entry as a SetPrescription.
  void set_prescription(const PrescriptionEntry& entry);
  /// Queues a Start that goes out only if, when its turn comes, the display reads Ready or
  /// Setup (the firmware names a missing interlock from Setup); otherwise it is dropped, as
  /// after a refused prescription.
  void start_once_ready();
  /// True while a command of this kind waits in the queue.
  bool has_queued(hal::CommandKind kind) const;
  /// Commands waiting.
  std::size_t queued() const { return queue_.size(); }

  // [SECTION] the console's fault

  /// The link to the controller fails (true) or is restored (false).
  void set_link_lost(bool lost) { link_lost_ = lost; }
  bool link_lost() const { return link_lost_; }

  // [SECTION] the tick

  /// The command that reaches the firmware this tick at now_us, given what the display showed
  /// after the last tick: the next queued one (or none), with the heartbeat advanced when a
  /// period has passed. While the link is lost the queued command is used up and nothing gets
  /// through (an empty command, no heartbeat).
  hal::ConsoleCommand tick(int64_t now_us, const hal::DisplayState& display);
  /// The kind of the command taken from the queue at the last tick (None when the queue was
  /// empty), whether or not the link let it through.
  hal::CommandKind last_taken() const { return last_taken_; }
  /// The heartbeat counter last sent; 0 before the first.
  uint32_t heartbeat() const { return heartbeat_; }

 private:
  struct Item {
    hal::ConsoleCommand command;
    bool once_ready = false;  // a Start sent only from Ready or Setup
  };
  std::deque<Item> queue_;
  hal::CommandKind last_taken_ = hal::CommandKind::None;
  uint32_t heartbeat_ = 0;          // the heartbeat counter, last value sent
  int64_t heartbeat_sent_us_ = -1;  // when it was last sent, -1 before the first
  bool link_lost_ = false;
};

}  // namespace tractus::console
