// Red flags: messages that need urgent care, not an FAQ answer.
//
// The lexicon's list (lexicon/en/red-flags.txt) covers what any health FAQ
// must escalate: vomiting blood, black stools, severe abdominal pain, high
// fever with pain, yellowing of skin or eyes, blood in the urine,
// fainting, sudden confusion, chest pain, difficulty breathing and
// thoughts of self-harm. Packs may add their own in the intents file. A match
// that a negation governs ("no fever", "I don't have jaundice") does not count,
// nor one told as long past
// ("I had jaundice once, years ago, but it went away"): that gets a caveat.
#ifndef FAQBOT_INTENTS_RED_FLAGS_H_
#define FAQBOT_INTENTS_RED_FLAGS_H_

#include <string>
#include <string_view>
#include <vector>

#include "intents/lexicon.h"

namespace faqbot::intents {

// True when the match starting at byte `begin` of the analyzed text is
// governed by a negation in the words just before it, within the same
// clause: "no fever", "not vomiting blood", "do not have jaundice".
// "can not stop vomiting" is not a negation of the vomiting.
bool IsNegated(std::string_view analyzed, std::size_t begin,
               const Lexicon& lexicon);

// True when the match at [begin, end) is told in the past tense with a
// long-ago marker near it ("had jaundice years ago", "was yellow as a
// child") and nothing says it is back ("now", "again", "still", "today").
bool IsLongAgo(std::string_view analyzed, std::size_t begin, std::size_t end,
               const Lexicon& lexicon);

}  // namespace faqbot::intents

#endif  // FAQBOT_INTENTS_RED_FLAGS_H_
