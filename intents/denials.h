// Denials: what a person says is not so of them ("but I rarely drink",
// "he has never smoked"). Those words tell the story, not what is asked:
// they must not choose the section ("My doctor says I have fatty liver,
// but I rarely drink. How is this possible?" is not about alcohol).
#ifndef FAQBOT_INTENTS_DENIALS_H_
#define FAQBOT_INTENTS_DENIALS_H_

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "intents/lexicon.h"

namespace faqbot::intents {

// [first, last) of `words` (one sentence's normalized words) denied: the
// word after a [negating-prefixes] word ("non-alcoholic"), and in a
// `statement`, what a person denies: after a [personal] word, a [denials]
// word within three words, then up to the clause break that ends it.
using WordSpan = std::pair<std::size_t, std::size_t>;
std::vector<WordSpan> DeniedSpans(const std::vector<std::string>& words,
                                  const Lexicon& lexicon, bool statement);

// Whether `sentence` (with its final punctuation) tells rather than asks.
bool IsStatement(std::string_view sentence);

}  // namespace faqbot::intents

#endif  // FAQBOT_INTENTS_DENIALS_H_
