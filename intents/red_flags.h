// Red flags: messages that need urgent care, not an FAQ answer.
//
// The built-in list covers what any health FAQ must escalate: vomiting
// blood, black stools, severe abdominal pain, high fever with pain,
// yellowing of skin or eyes, blood in the urine, fainting, sudden
// confusion, chest pain, difficulty breathing and thoughts of self-harm. Packs
// may add their own in the intents file. A match that a negation governs ("no
// fever", "I don't have jaundice") does not count, nor one told as long past
// ("I had jaundice once, years ago, but it went away"): that gets a caveat.
#ifndef FAQBOT_INTENTS_RED_FLAGS_H_
#define FAQBOT_INTENTS_RED_FLAGS_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace faqbot::intents {

enum class Urgency {
  kEmergency,  // see a doctor or emergency service now
  kSelfHarm,   // crisis support
};

struct RedFlag {
  std::string_view name;     // "vomiting-blood": shown in the reply intent
  std::string_view pattern;  // pattern language, see pattern.h
  Urgency urgency;
};

std::span<const RedFlag> BuiltinRedFlags();

// True when the match starting at byte `begin` of the analyzed text is
// governed by a negation in the words just before it, within the same
// clause: "no fever", "not vomiting blood", "do not have jaundice".
// "can not stop vomiting" is not a negation of the vomiting.
bool IsNegated(std::string_view analyzed, std::size_t begin);

// True when the match at [begin, end) is told in the past tense with a
// long-ago marker near it ("had jaundice years ago", "was yellow as a
// child") and nothing says it is back ("now", "again", "still", "today").
bool IsLongAgo(std::string_view analyzed, std::size_t begin, std::size_t end);

}  // namespace faqbot::intents

#endif  // FAQBOT_INTENTS_RED_FLAGS_H_
