// Small string helpers shared by the parsers of the text files authors
// write (article, intents file, conversation tests).
#ifndef FAQBOT_INTENTS_TEXT_H_
#define FAQBOT_INTENTS_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

namespace faqbot::intents {

// `s` without leading and trailing ASCII whitespace (TrimView: the same
// characters of `s`, not a copy).
std::string Trim(std::string_view s);
std::string_view TrimView(std::string_view s);

// `s` with ASCII letters lowercased.
std::string AsciiLower(std::string s);

// The trimmed, non-empty items of a comma-separated list.
std::vector<std::string> SplitCommas(std::string_view s);

// `words` joined with single spaces.
std::string JoinWords(const std::vector<std::string>& words);

// Whether a normalized word is a number: digits and decimal points
// ("3.2"), and with `allow_separators` also ',' ("12,5").
bool IsNumber(std::string_view word, bool allow_separators = false);

}  // namespace faqbot::intents

#endif  // FAQBOT_INTENTS_TEXT_H_
