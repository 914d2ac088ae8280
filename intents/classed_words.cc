#include "intents/classed_words.h"

namespace faqbot::intents {

ClassedWords::ClassedWords(const std::vector<std::string>& words,
                           const Lexicon& lexicon)
    : words_(&words), lexicon_(&lexicon) {
  if (words.size() > kInline) heap_.resize(words.size());
  bits_ = heap_.empty() ? inline_.data() : heap_.data();
  for (std::size_t i = 0; i < words.size(); ++i) {
    bits_[i] = &lexicon.BitsOf(words[i]);
  }
}

bool ClassedWords::HasEntry(WordClass cls) const {
  for (std::size_t i = 0; i < size(); ++i) {
    if (EntryAt(i, cls) > 0) return true;
  }
  return false;
}

}  // namespace faqbot::intents
