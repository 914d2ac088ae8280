// English stemming with Snowball (libstemmer): "treated", "treatment" and
// "treats" all become "treat", so patterns, derived keywords and messages
// meet on the same form. Thread-safe: each thread gets its own stemmer.
#ifndef FAQBOT_INTENTS_STEMMER_H_
#define FAQBOT_INTENTS_STEMMER_H_

#include <string>
#include <string_view>

namespace faqbot::intents {

// The Snowball English stem of a lowercase word. Numbers, words with
// non-ASCII letters and inflammation names ("hepatitis") are returned
// unchanged.
std::string Stem(std::string_view word);

}  // namespace faqbot::intents

#endif  // FAQBOT_INTENTS_STEMMER_H_
