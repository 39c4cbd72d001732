// Orders the browser's key presses and typed characters into UI frames.
//
// Dear ImGui 1.86 samples key state once a frame (io.KeysDown) and takes typed characters from a
// queue that it drains whole each frame. When a frame comes late (x-ray on a software
// rasteriser takes 0.5 s), a key pressed and released inside it would be missed, two presses of
// one key would count once, a Ctrl released before the frame would turn Ctrl+A into a plain A,
// and characters typed after Ctrl+A would be inserted before the selection it makes. KeyQueue
// keeps presses and characters in one ordered queue and hands each frame at most one new press
// (with the modifiers held when it was pressed) plus the characters typed before it.
#pragma once

#include <cstdint>
#include <string>

namespace tractus::web {

class KeyQueue {
 public:
  /// DOM keyCodes below this are tracked; others are ignored.
  static constexpr int kKeyCount = 512;
  /// Queued presses and characters; past this the newest are dropped (a stalled page).
  static constexpr int kCapacity = 128;
  /// Modifier bits.
  enum Mod : uint8_t { kCtrl = 1, kShift = 2, kAlt = 4, kSuper = 8 };

  /// What one frame hands ImGui.
  struct Frame {
    bool keys_down[kKeyCount] = {};
    uint8_t mods = 0;
    std::string text;  // UTF-8 characters typed, in order
  };

  /// A keydown or keyup. queued says whether the UI acts on this key's presses (navigation,
  /// editing and shortcut keys); other keys only update the held state. Auto-repeats (repeat
  /// true) are left to ImGui's own repeat of a held key.
  void key_event(int code, bool down, bool repeat, uint8_t mods, bool queued);
  /// A typed character (one UTF-8 sequence of up to 4 bytes).
  void text(const char* utf8);
  /// Fills the next frame's input and consumes what it hands over.
  void next_frame(Frame& out);
  /// Entries still waiting for a frame.
  int pending() const { return count_; }

 private:
  struct Entry {
    bool is_key = false;
    int16_t code = 0;
    uint8_t mods = 0;
    char utf8[5] = {};
  };
  bool push(const Entry& e);
  void pop();

  Entry ring_[kCapacity];
  int head_ = 0;
  int count_ = 0;
  bool held_[kKeyCount] = {};      // physically down now
  uint8_t queued_[kKeyCount] = {};  // presses of each key not yet handed to a frame
  bool shown_[kKeyCount] = {};     // down in the last frame handed over
  uint8_t mods_ = 0;               // modifiers held now
};

}  // namespace tractus::web
