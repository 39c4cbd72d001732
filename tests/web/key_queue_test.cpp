// KeyQueue: what a slow frame hands ImGui after a burst of keyboard events between two frames.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "key_queue.h"

using tractus::web::KeyQueue;

namespace {

constexpr int kA = 65;
constexpr int kBackspace = 8;
constexpr int kEnter = 13;
constexpr int kCtrlKey = 17;

// one frame as ImGui would see it: which of the watched keys are down, Ctrl, and the text
struct Seen {
  bool a = false, backspace = false, enter = false, ctrl = false;
  std::string text;
};

Seen frame(KeyQueue& q) {
  static KeyQueue::Frame f;
  q.next_frame(f);
  return {f.keys_down[kA], f.keys_down[kBackspace], f.keys_down[kEnter], (f.mods & KeyQueue::kCtrl) != 0, f.text};
}

// a press and release of code, as one tap between two frames
void tap(KeyQueue& q, int code, uint8_t mods = 0) {
  q.key_event(code, true, false, mods, true);
  q.key_event(code, false, false, mods, true);
}

}  // namespace

TEST(KeyQueue, ATapBetweenTwoFramesIsSeenForOneFrame) {
  KeyQueue q;
  tap(q, kEnter);
  EXPECT_TRUE(frame(q).enter);
  EXPECT_FALSE(frame(q).enter);
  EXPECT_EQ(q.pending(), 0);
}

TEST(KeyQueue, TwoTapsOfOneKeyInOneFrameAreTwoPresses) {
  KeyQueue q;
  tap(q, kBackspace);
  tap(q, kBackspace);
  // down, up, down, up: ImGui counts a press on each rise
  std::vector<bool> seen;
  for (int i = 0; i < 4; ++i) seen.push_back(frame(q).backspace);
  EXPECT_EQ(seen, (std::vector<bool>{true, false, true, false}));
}

TEST(KeyQueue, CtrlReleasedBeforeTheFrameStillMakesCtrlA) {
  KeyQueue q;
  q.key_event(kCtrlKey, true, false, KeyQueue::kCtrl, false);
  tap(q, kA, KeyQueue::kCtrl);
  q.key_event(kCtrlKey, false, false, 0, false);  // Ctrl let go before the frame came
  const Seen f = frame(q);
  EXPECT_TRUE(f.a);
  EXPECT_TRUE(f.ctrl);
  const Seen next = frame(q);
  EXPECT_FALSE(next.a);
  EXPECT_FALSE(next.ctrl);
}

TEST(KeyQueue, TextTypedAfterAPressWaitsForTheFrameAfterIt) {
  // Ctrl+A, "45", Enter in one slow frame: select all, then replace, then commit
  KeyQueue q;
  tap(q, kA, KeyQueue::kCtrl);
  q.key_event('4', true, false, 0, false);
  q.text("4");
  q.key_event('5', true, false, 0, false);
  q.text("5");
  tap(q, kEnter);
  const Seen first = frame(q);
  EXPECT_TRUE(first.a && first.ctrl);
  EXPECT_EQ(first.text, "");  // ImGui 1.86 inserts a frame's text before its shortcuts
  const Seen second = frame(q);
  EXPECT_EQ(second.text, "45");
  EXPECT_TRUE(second.enter);
  EXPECT_FALSE(second.ctrl);
  EXPECT_EQ(q.pending(), 0);
}

TEST(KeyQueue, AHeldKeyStaysDownAndItsRepeatsAreLeftToImGui) {
  KeyQueue q;
  q.key_event(kBackspace, true, false, 0, true);
  EXPECT_TRUE(frame(q).backspace);
  for (int i = 0; i < 5; ++i) q.key_event(kBackspace, true, true, 0, true);  // browser auto-repeat
  EXPECT_TRUE(frame(q).backspace);
  EXPECT_TRUE(frame(q).backspace);
  EXPECT_EQ(q.pending(), 0);
  q.key_event(kBackspace, false, false, 0, true);
  EXPECT_FALSE(frame(q).backspace);
}

TEST(KeyQueue, AHeldKeyWaitingBehindAnotherPressCountsOnce) {
  // Ctrl+A tapped, then Backspace pressed and still held when the frame comes
  KeyQueue q;
  tap(q, kA, KeyQueue::kCtrl);
  q.key_event(kBackspace, true, false, 0, true);
  const Seen first = frame(q);
  EXPECT_TRUE(first.a);
  EXPECT_FALSE(first.backspace);  // its turn is next frame
  const Seen second = frame(q);
  EXPECT_TRUE(second.backspace);
  EXPECT_TRUE(frame(q).backspace);  // held: stays down, no second rise
}

TEST(KeyQueue, KeysTheUiDoesNotActOnAreNotQueued) {
  KeyQueue q;
  q.key_event('7', true, false, 0, false);
  q.text("7");
  q.key_event('7', false, false, 0, false);
  EXPECT_EQ(frame(q).text, "7");
  EXPECT_EQ(q.pending(), 0);
}
