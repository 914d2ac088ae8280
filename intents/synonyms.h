// Synonym groups: different words for one idea, rewritten to one term.
//
// A group is written "canonical: alternative, alternative phrase, ...".
// Both sides are analyzed like any text (normalized, stemmed), and
// Apply() replaces the longest matching phrase at each position with the
// canonical term, so "calcium spots" and "calcified" both read as
// "calcif" (the stem of "calcification"). The lexicon's groups
// (lexicon/en/synonyms.txt) come first; a pack's intents file adds its own.
#ifndef FAQBOT_INTENTS_SYNONYMS_H_
#define FAQBOT_INTENTS_SYNONYMS_H_

#include <string>
#include <string_view>
#include <vector>

#include "intents/lexicon.h"
#include "intents/status.h"
#include "intents/string_map.h"

namespace faqbot::intents {

// One rewrite that Apply() made, for `faqbot explain`.
struct SynonymUse {
  std::string phrase;     // the stems that were replaced, space-separated
  std::string canonical;  // what they became
  std::string origin;     // where the group came from (for `explain`)
};

class SynonymTable {
 public:
  // Adds a group in the "canonical: alt, alt" form; `origin` says where
  // it came from ("lexicon/en/synonyms.txt line 7", "WordNet 3.0", the
  // article's sentence). Returns an error that says what is missing when
  // the line is not of that form.
  Status AddGroup(std::string_view group, const Lexicon& lexicon,
                  std::string origin = {});
  // Every group of the lexicon's (the first bad one is an error).
  Status AddLexiconGroups(const Lexicon& lexicon);

  // Rewrites `terms` (stems) in place; appends what it did to `uses` if
  // not null.
  void Apply(std::vector<std::string>* terms,
             std::vector<SynonymUse>* uses) const;

  // Whether a phrase of the table starts with `term` (Apply changes
  // nothing in terms none of which does).
  bool StartsPhrase(std::string_view term) const {
    return first_terms_.contains(term);
  }

  // What Apply makes of the one term `term` alone: its canonical terms
  // (maybe several, maybe none), or null when it is no phrase of the table.
  const std::vector<std::string>* RewriteOf(std::string_view term) const {
    if (!first_terms_.contains(term)) return nullptr;
    const auto it = phrases_.find(term);
    return it == phrases_.end() ? nullptr : &it->second.canonical;
  }

  // Every surface word mentioned in any group (for the spelling index).
  const std::vector<std::string>& words() const { return words_; }

  std::size_t size() const { return phrases_.size(); }

  // The one-word phrases (stems) rewritten to a canonical whose first term
  // `wanted` accepts: which words reach a term (a library's index).
  template <typename Pred>
  std::vector<std::string> WordsRewrittenTo(Pred&& wanted) const {
    std::vector<std::string> out;
    for (const auto& [phrase, rewrite] : phrases_) {
      if (phrase.find(' ') == std::string::npos && !rewrite.canonical.empty() &&
          wanted(rewrite.canonical.front())) {
        out.push_back(phrase);
      }
    }
    return out;
  }

 private:
  struct Rewrite {
    std::vector<std::string> canonical;
    std::size_t origin;  // in origins_
  };
  // Stemmed phrase ("calcium spot") -> canonical stems ("calcif").
  StringMap<Rewrite> phrases_;
  std::vector<std::string> origins_;
  StringSet first_terms_;    // first term of every phrase
  std::size_t longest_ = 1;  // words in the longest phrase
  std::vector<std::string> words_;
};

// Stems each normalized word of `text`: the form synonyms and patterns use.
std::vector<std::string> StemWords(std::string_view text,
                                   const Lexicon& lexicon);

}  // namespace faqbot::intents

#endif  // FAQBOT_INTENTS_SYNONYMS_H_
