#include "intents/red_flags.h"

#include <algorithm>

namespace faqbot::intents {
namespace {

constexpr int kNegationWindow = 3;

// Told as long past: a past verb just before the symptom, a marker of long
// ago near it, and no word saying it is happening now.
constexpr int kPastVerbWindow = 4;
constexpr int kLongAgoWindow = 10;

// The analyzed text holds stems: a word is in a class when its stem is.
bool OneOf(std::string_view stem, const Lexicon& lexicon, WordClass cls) {
  return lexicon.IsStem(stem, cls);
}

std::vector<std::string_view> SplitWords(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    const std::size_t start = i;
    while (i < text.size() && text[i] != ' ') ++i;
    if (i > start) words.push_back(text.substr(start, i - start));
  }
  return words;
}

// "3 years ago", "many months ago", "in 2015", "when I was 12", "as a child".
bool LongAgoAt(const std::vector<std::string_view>& w, std::size_t i,
               const Lexicon& lexicon) {
  const auto at = [&](std::size_t k) {
    return k < w.size() ? w[k] : std::string_view();
  };
  if (OneOf(w[i], lexicon, WordClass::kLongAgoUnits) && at(i + 1) == "ago") {
    return true;
  }
  if (w[i] == "in" && at(i + 1).size() == 4 &&
      (at(i + 1).starts_with("19") || at(i + 1).starts_with("20"))) {
    return true;
  }
  if (w[i] == "when" && at(i + 1) == "i" && at(i + 2) == "was") return true;
  if (w[i] == "as" && at(i + 1) == "a" &&
      OneOf(at(i + 2), lexicon, WordClass::kYoung)) {
    return true;
  }
  return OneOf(w[i], lexicon, WordClass::kLongAgoWords);
}

}  // namespace

bool IsNegated(std::string_view analyzed, std::size_t begin,
               const Lexicon& lexicon) {
  // Walk back over up to kNegationWindow words before `begin`.
  std::vector<std::string_view> before;
  std::size_t end = std::min(begin, analyzed.size());
  while (before.size() < kNegationWindow) {
    while (end > 0 && analyzed[end - 1] == ' ') --end;
    if (end == 0) break;
    std::size_t start = analyzed.rfind(' ', end - 1);
    start = start == std::string_view::npos ? 0 : start + 1;
    before.push_back(analyzed.substr(start, end - start));
    end = start;
  }
  // before[0] is the word right before the match.
  for (std::size_t i = 0; i < before.size(); ++i) {
    if (OneOf(before[i], lexicon, WordClass::kClauseBreaks)) return false;
    if (OneOf(before[i], lexicon, WordClass::kNegators)) {
      const bool verb_negated =
          i > 0 && OneOf(before[i - 1], lexicon, WordClass::kNegatedVerbs);
      return !verb_negated;
    }
  }
  return false;
}

bool IsLongAgo(std::string_view analyzed, std::size_t begin, std::size_t end,
               const Lexicon& lexicon) {
  begin = std::min(begin, analyzed.size());
  end = std::clamp(end, begin, analyzed.size());
  const auto before = SplitWords(analyzed.substr(0, begin));
  const auto match = SplitWords(analyzed.substr(begin, end - begin));
  const auto after = SplitWords(analyzed.substr(end));
  bool past_verb = false;
  for (std::size_t k = 0; k < before.size() && k < kPastVerbWindow; ++k) {
    const std::string_view word = before[before.size() - 1 - k];
    if (OneOf(word, lexicon, WordClass::kClauseBreaks)) break;
    past_verb = past_verb || OneOf(word, lexicon, WordClass::kPastVerbs);
  }
  if (!past_verb) return false;
  // The words around the match, as one window: before, match, after.
  std::vector<std::string_view> window;
  const std::size_t from =
      before.size() > kLongAgoWindow ? before.size() - kLongAgoWindow : 0;
  window.insert(window.end(), before.begin() + from, before.end());
  window.insert(window.end(), match.begin(), match.end());
  window.insert(
      window.end(), after.begin(),
      after.begin() + std::min<std::size_t>(after.size(), kLongAgoWindow));
  bool long_ago = false;
  for (std::size_t i = 0; i < window.size(); ++i) {
    if (OneOf(window[i], lexicon, WordClass::kNowWords)) return false;
    long_ago = long_ago || LongAgoAt(window, i, lexicon);
  }
  return long_ago;
}

}  // namespace faqbot::intents
