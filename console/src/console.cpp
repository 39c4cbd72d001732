#include "console/console.h"

#include <cstring>

namespace tractus::console {

namespace {

const ConsoleFault kFaults[] = {
    {"console.link_loss", "The touchscreen console's link to the controller fails: no command or heartbeat gets through."},
};

}  // namespace

const ConsoleFault* fault_catalogue(int* count) {
  if (count != nullptr) *count = static_cast<int>(sizeof kFaults / sizeof kFaults[0]);
  return kFaults;
}

bool is_console_fault(const char* name) {
  if (name == nullptr) return false;
  for (const ConsoleFault& f : kFaults)
    if (std::strcmp(f.name, name) == 0) return true;
  return false;
}

void Console::send(const hal::ConsoleCommand& command) { queue_.push_back(Item{command, false}); }

void Console::press(hal::CommandKind kind) {
  Item item;
  item.command.kind = kind;
  queue_.push_back(item);
}

void Console::set_prescription(const PrescriptionEntry& entry) {
  Item item;
  item.command.kind = hal::CommandKind::SetPrescription;
  item.command.prescription = entry.to_hal();
  queue_.push_back(item);
}

void Console::start_once_ready() {
  Item item;
  item.command.kind = hal::CommandKind::Start;
  item.once_ready = true;
  queue_.push_back(item);
}

bool Console::has_queued(hal::CommandKind kind) const {
  for (const Item& i : queue_)
    if (i.command.kind == kind) return true;
  return false;
}

hal::ConsoleCommand Console::tick(int64_t now_us, const hal::DisplayState& display) {
  hal::ConsoleCommand out;
  last_taken_ = hal::CommandKind::None;
  if (!queue_.empty()) {
    const Item item = queue_.front();
    queue_.pop_front();
    last_taken_ = item.command.kind;
    const bool ready = display.state == hal::TableState::Ready || display.state == hal::TableState::Setup;
    if (!item.once_ready || ready) out = item.command;
  }
  if (link_lost_) return hal::ConsoleCommand{};  // the link is down: the firmware hears nothing
  if (heartbeat_sent_us_ < 0 || now_us - heartbeat_sent_us_ >= kHeartbeatPeriodUs) {
    out.heartbeat = ++heartbeat_ == 0 ? ++heartbeat_ : heartbeat_;  // 0 means "none sent"
    heartbeat_sent_us_ = now_us;
  }
  return out;
}

}  // namespace tractus::console
