#include "intents/classed_words.h"

namespace faqbot::intents {

ClassedWords::ClassedWords(const std::vector<std::string>& words,
                           const Lexicon& lexicon)
    : words_(&words), lexicon_(&lexicon) {
  bits_.reserve(words.size());
  for (const auto& word : words) bits_.push_back(&lexicon.BitsOf(word));
}

bool ClassedWords::HasEntry(WordClass cls) const {
  for (std::size_t i = 0; i < size(); ++i) {
    if (EntryAt(i, cls) > 0) return true;
  }
  return false;
}

}  // namespace faqbot::intents
