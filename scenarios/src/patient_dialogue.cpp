#include "patient_dialogue.h"

#include <cstddef>

namespace tractus::scenarios::dialogue {

namespace {

// indexed by Line, in its order
const char* const kLines[] = {
    "Oh. Okay, I understand. Better safe than sorry.",  // Declined
    "Okay. So I'll feel a slow stretch, and if anything hurts I press this. Got it.",  // ProcedureExplained
    "Whoa! The strap just slid up my back, it jerked me!",  // SlipFitted
    "Ow, the strap's sliding right off me! It isn't done up!",  // SlipUnfastened
    "Ow! That's a sharp pain, shooting right down my leg!",  // SharpPain
    "I can't do this, I need to get off!",  // PanicPressesStop
    "Stop! Stop it, please, let me out!",  // PanicShouts
    "*coughs hard* Sorry... sorry.",  // Cough
    "*shifts on the table* Sorry, I had to move.",  // Shift
    "My back's tightening right up, it feels like it's fighting the pull.",  // Guarding
    "It's a bit sore, but it's fine.",  // Soreness
    "Right now it's about {} out of 10.",  // PainNow
    "Nothing regular.",  // NoMedications
    "Just what's on my list: {}.",  // Medications
    "No, this is my first time on one of these tables.",  // PreviousTraction
    "No, I've never had an operation.",  // SurgeryHistory
    "No, nothing like that.",  // NothingLikeThat
    "It really hurts. It's sharp, and it's going down my leg.",  // CheckInSharp
    "I'm really not comfortable being strapped down like this.",  // CheckInAnxious
    "I'm a bit nervous, to be honest.",  // CheckInNervous
    "I'm fine, thanks.",  // CheckInFine
    "It's sore, but I can bear it.",  // CheckInSore
    "That's okay. It feels like a good stretch.",  // CheckInStretch
};
constexpr std::size_t kLineCount = sizeof kLines / sizeof kLines[0];
static_assert(kLineCount == static_cast<std::size_t>(Line::CheckInStretch) + 1, "one line for each Line");

}  // namespace

const char* text(Line line) {
  const auto i = static_cast<std::size_t>(line);
  return i < kLineCount ? kLines[i] : "";
}

std::string fill(Line line, const std::string& value) {
  std::string s = text(line);
  const std::size_t at = s.find("{}");
  if (at != std::string::npos) s.replace(at, 2, value);
  return s;
}

}  // namespace tractus::scenarios::dialogue
