// ClassedWords: a text's words with what the lexicon files say of each,
// looked up once.
//
// The subject check asks a dozen classes of every word (is it an
// auxiliary, a determiner, a stop word, does a phrase of [asking-
// condition] start here...); over a long story that was most of a
// message's time, each question a hash lookup. Here each word is looked
// up once (Lexicon::BitsOf) and a class is a bit test; a word list's
// class (kEveryday, kMedical) is still asked of the lexicon. Borrows the
// words and the lexicon, which must outlive it; a short text's lookups
// are kept in the object itself (no allocation). Thread-compatible.
#ifndef FAQBOT_INTENTS_CLASSED_WORDS_H_
#define FAQBOT_INTENTS_CLASSED_WORDS_H_

#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "intents/lexicon.h"

namespace faqbot::intents {

class ClassedWords {
 public:
  ClassedWords(const std::vector<std::string>& words, const Lexicon& lexicon);
  ClassedWords(const ClassedWords&) = delete;  // points into itself
  ClassedWords& operator=(const ClassedWords&) = delete;

  const std::vector<std::string>& words() const { return *words_; }
  std::size_t size() const { return words_->size(); }
  const std::string& operator[](std::size_t i) const { return (*words_)[i]; }
  const Lexicon& lexicon() const { return *lexicon_; }

  // Lexicon::Is of word `i`.
  bool Is(std::size_t i, WordClass cls) const {
    if (lexicon_->HasWordList(cls)) return lexicon_->Is((*words_)[i], cls);
    return bits_[i]->classes.test(static_cast<std::size_t>(cls));
  }
  // Lexicon::Classes of word `i`.
  const WordClasses& Classes(std::size_t i) const { return bits_[i]->classes; }
  // Lexicon::EntryAt: the words of the longest entry of `cls` starting at
  // word `i`, or 0.
  std::size_t EntryAt(std::size_t i, WordClass cls) const {
    if (i >= size() || !bits_[i]->starts.test(static_cast<std::size_t>(cls))) {
      return 0;
    }
    return lexicon_->EntryAt(*words_, i, cls);
  }
  // Whether an entry of `cls` starts at any word.
  bool HasEntry(WordClass cls) const;

 private:
  static constexpr std::size_t kInline = 32;  // words
  const std::vector<std::string>* words_;
  const Lexicon* lexicon_;
  std::array<const Lexicon::EntryBits*, kInline> inline_;
  std::vector<const Lexicon::EntryBits*> heap_;  // for a longer text
  const Lexicon::EntryBits** bits_ = nullptr;    // one a word
};

}  // namespace faqbot::intents

#endif  // FAQBOT_INTENTS_CLASSED_WORDS_H_
