// The analysis pipeline: text -> the terms that matching works on.
//
//   normalize -> correct spelling -> stem -> apply synonyms
//
// An Analyzer is built once per pack, over a lexicon (which must outlive
// it): it holds the pack's vocabulary (for spelling correction and to tell
// known words from unknown ones) and its synonym table. Analyze() is for
// messages; Terms() is for text the pack itself supplies (the article,
// patterns), which is never "corrected". Both are const and safe to call from
// many threads.
#ifndef FAQBOT_INTENTS_ANALYZER_H_
#define FAQBOT_INTENTS_ANALYZER_H_

#include <string>
#include <string_view>
#include <vector>

#include "intents/lexicon.h"
#include "intents/pattern.h"
#include "intents/speller.h"
#include "intents/string_map.h"
#include "intents/synonyms.h"

namespace faqbot::intents {

struct Correction {
  std::string from;
  std::string to;
};

struct Analysis {
  std::vector<std::string> words;       // normalized, after correction
  std::vector<Correction> corrections;  // what the speller changed
  std::vector<SynonymUse> synonyms;     // what the synonym table changed
  // Words the pack uses in another form of the same word family:
  // "inflammation" for the pack's "inflammatory" (stem -> pack's stem).
  std::vector<Correction> related;
  std::vector<std::string> terms;    // final stems: what matching sees
  std::vector<std::string> unknown;  // content words the pack never uses
  // Words a person denied of themselves ("but I rarely drink"): their
  // terms are not in `terms` (see denials.h).
  std::vector<std::string> denied;
  std::string text;  // " t1 t2 ": what patterns see
};

class Analyzer {
 public:
  // `corrects_spelling` false: an analyzer for trusted text only (the
  // article's own sentences), with no spelling index to build.
  Analyzer(const Lexicon& lexicon, SynonymTable synonyms,
           bool corrects_spelling = true);

  // Teaches the analyzer the words of `text` (weight: how much they count
  // when two corrections are equally close). Call before the first
  // Analyze(); not thread-safe with it.
  void AddVocabulary(std::string_view text, int weight = 1);
  // The same for a text of the lexicon's built-in vocabulary, analysed
  // once for every pack; returns its terms.
  std::vector<std::string> AddVocabulary(const Lexicon::VocabularyText& text);

  // Full analysis of a message; `correct_spelling` is false for the
  // pack's own text.
  Analysis Analyze(std::string_view text, bool correct_spelling = true) const;

  // Terms of trusted text: no spelling correction.
  std::vector<std::string> Terms(std::string_view text) const;

  // Whether a term (a stem) is one the pack's text uses.
  bool KnowsTerm(std::string_view term) const {
    return known_terms_.contains(term);
  }

  // Precomputes, for every vocabulary word, whether its stem is known, so
  // Analyze() needs one lookup per word. Call after the last
  // AddVocabulary() (Matcher::Compile does).
  void Freeze();

  // The stem of `word`, looked up for the pack's own words.
  std::string CachedStem(std::string_view word) const;
  // `word`'s stem, or the pack's term of its word family when the pack
  // does not use the stem itself (what Analyze() makes of it, before
  // spelling correction and synonyms).
  std::string FamilyTerm(std::string_view word) const;

  // `text`'s words, normalized with this analyzer's lexicon.
  std::vector<std::string> Normalize(std::string_view text) const;

  const SynonymTable& synonyms() const { return synonyms_; }
  const SpellIndex& spelling() const { return spelling_; }
  const Lexicon& lexicon() const { return *lexicon_; }

 private:
  // Learns `text`'s words (their stems known) with `weight`; its terms.
  std::vector<std::string> Learn(const Lexicon::VocabularyText& text,
                                 int weight);
  // A vocabulary word's stem and whether the pack uses that stem.
  struct WordInfo {
    std::string stem;
    bool known = false;    // set by Freeze()
    bool synonym = false;  // a synonym phrase starts with the stem (Freeze)
  };
  struct WordOutcome;
  WordOutcome Outcome(const std::string& word, bool correct_spelling) const;
  // The pack's term of the same word family as `stem`, when one is a
  // prefix of the other ("inflamm", "inflammatori"), or "".
  std::string RelatedTerm(const std::string& stem) const;
  // The pack's term for `stem` without a "somewhat" ending ("green" for
  // "greenish"), or "".
  std::string WithoutNearEnding(const std::string& stem) const;
  // The pack's term for `stem` with or without a size prefix
  // ("microcalcif" for "calcif"), or "".
  std::string SizePrefixed(const std::string& stem) const;

  const Lexicon* lexicon_;
  SynonymTable synonyms_;
  SpellIndex spelling_;
  StringMap<WordInfo> stems_;              // vocabulary word -> stem
  StringMap<int> known_terms_;             // stem -> uses
  std::vector<std::string> sorted_terms_;  // known_terms_, sorted (Freeze)
};

}  // namespace faqbot::intents

#endif  // FAQBOT_INTENTS_ANALYZER_H_
