// The pattern language authors write in intents files, and PatternSet,
// which matches all patterns of a pack in one RE2::Set pass.
//
// Patterns match the *analyzed* form of a message: normalized, stemmed
// words with synonyms applied, separated by single spaces. Authors write
// plain words; the compiler analyzes them the same way, so "treated" in a
// pattern matches "treatment" in a message.
//
//   word words      a phrase: these words, in this order, adjacent
//   (a|b c|d)       one of the alternatives (each may be a phrase)
//   [a|b]           optional: one of these, or nothing
//   word*           any word starting with "word" (not stemmed)
//   ...             a gap of up to four words
//   /regex/         raw RE2 over the analyzed text, for what the rest
//                   cannot say; it must match whole words
//   a | b c         top-level alternatives
//
// Example: "(how|what) ... (treat*|medication) [for] parasite" matches
// "how do you treat worms" and "what medicine for parasites".
#ifndef FAQBOT_INTENTS_PATTERN_H_
#define FAQBOT_INTENTS_PATTERN_H_

#include <re2/re2.h>
#include <re2/set.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "intents/regex_cache.h"
#include "intents/status.h"

namespace faqbot::intents {

// Turns a phrase into the analyzed terms patterns are matched against.
using PhraseAnalyzer =
    std::function<std::vector<std::string>(std::string_view)>;

// Compiles one pattern to an RE2 regular expression over analyzed text.
// Errors say what is wrong with the pattern ("'(' is never closed").
// With `cache` (the set's it goes to), the expression is checked by
// compiling it there, where the set then finds it.
Result<std::string> CompilePattern(std::string_view pattern,
                                   const PhraseAnalyzer& analyze,
                                   RegexCache* cache = nullptr);

// All patterns of a pack, matched together: the lexicon's in one RE2::Set
// that every pack over the lexicon shares (compiled once, through the
// cache), the pack's own in another.
//
// Call order: Add() any number of times, then Compile() once, then
// Match() from any number of threads (Match is const and thread-safe).
class PatternSet {
 public:
  // Whose an expression is: the lexicon's are the same in every pack.
  enum class Owner { kPack, kLexicon };

  // `cache`, when given, shares each compiled expression with the other
  // sets over the same lexicon (regex_cache.h); it must outlive the set.
  explicit PatternSet(RegexCache* cache = nullptr);
  PatternSet(PatternSet&&) noexcept;
  PatternSet& operator=(PatternSet&&) noexcept;
  ~PatternSet();

  // Adds a regex (from CompilePattern). Returns its index, or an error
  // naming RE2's complaint and the offending fragment.
  Result<int> Add(const std::string& regex, Owner owner = Owner::kPack);

  // Builds the set. Must be called once, after the last Add().
  Status Compile();

  // Indices of the patterns that match `analyzed` (in no particular order).
  std::vector<int> Match(std::string_view analyzed) const;
  // The same into `hits` (cleared first), which keeps its capacity.
  void Match(std::string_view analyzed, std::vector<int>* hits) const;

  // Where pattern `index` first matches `analyzed`, as a byte range;
  // false when it does not match.
  bool Find(int index, std::string_view analyzed, std::size_t* begin,
            std::size_t* end) const;

  std::size_t size() const { return regexes_.size(); }
  RegexCache* cache() const { return cache_; }

  // Limit on the compiled size of one pattern and of the whole set.
  static constexpr int64_t kMaxPatternMemory = 1 << 20;
  static constexpr int64_t kMaxSetMemory = 64 << 20;

 private:
  // The expressions of one owner, and which of the set's they are.
  struct Part {
    std::vector<std::string> regexes;  // until Compile()
    std::vector<int> index;            // position in `set` -> set's index
    std::shared_ptr<const RE2::Set> set;
  };
  // Matches `part` into `hits` (appended, as the set's indices).
  static void MatchPart(const Part& part, std::string_view analyzed,
                        std::vector<int>* hits);

  Part own_, lexicon_;
  RegexCache* cache_ = nullptr;
  std::vector<std::shared_ptr<const RE2>> regexes_;
  bool compiled_ = false;
};

// " t1 t2 t3 ": the string patterns run against.
std::string AnalyzedText(const std::vector<std::string>& terms);

}  // namespace faqbot::intents

#endif  // FAQBOT_INTENTS_PATTERN_H_
