// Spelling tolerance: "calcificaton" -> "calcification".
//
// A SpellIndex knows the vocabulary of a pack (the article, its intents
// file, the built-in tables). Correct() maps a word outside it to the
// vocabulary word within a small edit distance (Damerau-Levenshtein: one
// edit for words of 5-8 letters, two for longer ones), preferring the
// word the article uses most. Numbers, words shorter than 5 letters or
// longer than 48 and words already known are never changed. Lookups use a
// precomputed deletion index (SymSpell), so a correction costs a few hash
// probes.
#ifndef FAQBOT_INTENTS_SPELLER_H_
#define FAQBOT_INTENTS_SPELLER_H_

#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "intents/string_map.h"

namespace faqbot::intents {

class SpellIndex {
 public:
  // `corrects` false: the index only knows its words (Contains), and
  // Correct() finds nothing; it costs no deletion index.
  explicit SpellIndex(bool corrects = true) : corrects_(corrects) {}

  // Deletions already indexed elsewhere, shared: the lexicon's built-in
  // vocabulary, the same for every pack (Lexicon::BuiltinSpelling). A word
  // of `base` added here keeps its weight here but no deletions of its
  // own; Correct() finds it through `base`. Set before the first Add();
  // `base` must outlive this index.
  void SetBase(const SpellIndex* base) { base_ = base; }

  // Adds a known word; `weight` counts how often the pack uses it.
  void Add(std::string_view word, int weight = 1);

  bool Contains(std::string_view word) const { return words_.contains(word); }

  // The vocabulary word `word` most likely stands for, or std::nullopt
  // when it is known, too short, a number, or nothing is close enough.
  std::optional<std::string> Correct(std::string_view word) const;

  std::size_t size() const { return words_.size(); }

  static constexpr std::size_t kMinLength = 5;
  static constexpr std::size_t kMaxLength = 48;     // longer: never changed
  static constexpr std::size_t kTwoEditLength = 9;  // from here on, 2 edits

 private:
  // Offers each vocabulary word `variant` was made from by deletions to
  // `consider`.
  template <typename Fn>
  void Candidates(const std::string& variant, Fn&& consider) const;

  bool corrects_;
  const SpellIndex* base_ = nullptr;
  StringMap<int> words_;  // word -> weight
  // Every string reachable from a vocabulary word by deleting up to two
  // letters -> the vocabulary words it came from.
  StringMap<std::vector<std::string>> deletes_;
};

// Optimal-string-alignment distance (transpositions count as one edit);
// a distance over `limit` is reported as `limit + 1`, sooner.
int EditDistance(std::string_view a, std::string_view b,
                 int limit = std::numeric_limits<int>::max());

}  // namespace faqbot::intents

#endif  // FAQBOT_INTENTS_SPELLER_H_
