#include "key_queue.h"

#include <cstring>

namespace tractus::web {

bool KeyQueue::push(const Entry& e) {
  if (count_ == kCapacity) return false;
  ring_[(head_ + count_) % kCapacity] = e;
  ++count_;
  if (e.is_key) ++queued_[e.code];
  return true;
}

void KeyQueue::pop() {
  const Entry& e = ring_[head_];
  if (e.is_key) --queued_[e.code];
  head_ = (head_ + 1) % kCapacity;
  --count_;
}

void KeyQueue::key_event(int code, bool down, bool repeat, uint8_t mods, bool queued) {
  mods_ = mods;
  if (code <= 0 || code >= kKeyCount) return;
  held_[code] = down;
  if (!down || repeat || !queued || queued_[code] == UINT8_MAX) return;
  Entry e;
  e.is_key = true;
  e.code = static_cast<int16_t>(code);
  e.mods = mods;
  push(e);
}

void KeyQueue::text(const char* utf8) {
  Entry e;
  std::strncpy(e.utf8, utf8, sizeof e.utf8 - 1);
  push(e);
}

void KeyQueue::next_frame(Frame& out) {
  out.text.clear();
  out.mods = mods_;
  int presented = -1;  // the one press this frame hands over
  int held_up = -1;    // a key shown down last frame whose next press must first be seen released
  while (count_ > 0) {
    // one press a frame, and nothing typed after it: presses and text stay in order
    if (presented >= 0) break;
    const Entry& e = ring_[head_];
    if (!e.is_key) {
      out.text += e.utf8;
      pop();
      continue;
    }
    if (shown_[e.code]) {
      held_up = e.code;
      break;
    }
    presented = e.code;
    out.mods = e.mods;  // the modifiers as they were at the press, not as they are now
    pop();
  }
  for (int k = 0; k < kKeyCount; ++k) {
    // a held key whose press is still queued waits for its turn, or it would count twice
    const bool down = k == presented || (held_[k] && queued_[k] == 0 && k != held_up);
    out.keys_down[k] = down;
    shown_[k] = down;
  }
}

}  // namespace tractus::web
