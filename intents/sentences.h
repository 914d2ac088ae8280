// Sentences of a paragraph or a message: split at '.', '?', '!' and line
// breaks, but not inside "e.g.", "Dr.", "1.2 cm" and the like (the
// lexicon's [abbreviations]). Used for
// the article's sentences (facets) and for people's messages (which of
// their sentences ask something).
#ifndef FAQBOT_INTENTS_SENTENCES_H_
#define FAQBOT_INTENTS_SENTENCES_H_

#include <string>
#include <string_view>
#include <vector>

#include "intents/lexicon.h"

namespace faqbot::intents {

// The trimmed, non-empty sentences of `paragraph`, each with its final
// punctuation.
std::vector<std::string> SplitSentences(std::string_view paragraph,
                                        const Lexicon& lexicon);
// The same sentences as parts of `paragraph` (valid while it is).
std::vector<std::string_view> SentenceViews(std::string_view paragraph,
                                            const Lexicon& lexicon);

}  // namespace faqbot::intents

#endif  // FAQBOT_INTENTS_SENTENCES_H_
