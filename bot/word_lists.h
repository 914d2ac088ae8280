// Reading a maintained word list for the lexicon: a plain list (one word
// a line, as /usr/share/dict's) or a hunspell dictionary ("word/FLAGS"
// lines after a count line). A hunspell dictionary lists most words in
// one form and names the others by flags: "fibrillate/DCNG" also means
// "fibrillated", "fibrillation", "fibrillating". With the affix file its
// flags refer to (hunspell's .aff, e.g. en_US.aff for the medical list,
// which is an addition to en_US), the suffix rules it names ("SFX N e ion
// e") make those forms, and they join the list. Prefix rules ("re",
// "un") are not applied: they make words of everyday meaning.
//
// Loader code: called before the lexicon is built, from one thread.
#ifndef FAQBOT_BOT_WORD_LISTS_H_
#define FAQBOT_BOT_WORD_LISTS_H_

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "intents/status.h"

namespace faqbot::bot {

// One suffix rule of an affix file: a word whose ending matches
// `condition` loses `strip` and gains `add`.
struct SuffixRule {
  std::string strip;
  std::string add;
  // What the word's last letters must be, one entry a letter: the
  // letters allowed there ("" for any letter), with `negated` for a
  // "[^...]" class.
  struct Letter {
    std::string allowed;
    bool negated = false;
  };
  std::vector<Letter> condition;

  // The form this rule makes of `word`, or nullopt when it does not apply.
  std::optional<std::string> Apply(std::string_view word) const;
};

// An affix file's suffix rules by flag.
using SuffixRules = std::map<char, std::vector<SuffixRule>>;

// The suffix rules ("SFX") of a hunspell affix file; an error names the
// file and line of a rule that cannot be read.
Result<SuffixRules> ReadSuffixRules(const std::filesystem::path& path);

// The single words of the list at `path`, lower-cased, with the forms
// `rules` make of each flagged word (none when `rules` is null); nullopt
// when the file cannot be read.
std::optional<std::vector<std::string>> ReadWordList(
    const std::filesystem::path& path, const SuffixRules* rules);

}  // namespace faqbot::bot

#endif  // FAQBOT_BOT_WORD_LISTS_H_
