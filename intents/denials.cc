#include "intents/denials.h"

#include "intents/classed_words.h"

namespace faqbot::intents {

std::vector<WordSpan> DeniedSpans(const std::vector<std::string>& words,
                                  const Lexicon& lexicon, bool statement) {
  constexpr std::size_t kReach = 3;  // "I have had no pain"
  // Each word's classes, looked up once (a long message asked each word
  // up to five times).
  const ClassedWords classed(words, lexicon);
  std::vector<WordSpan> spans;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i + 1 < words.size() && classed.Is(i, WordClass::kNegatingPrefixes)) {
      spans.push_back({i + 1, i + 2});
      continue;
    }
    if (!statement || !classed.Is(i, WordClass::kPersonal)) continue;
    std::size_t j = i + 1;
    while (j < words.size() && j <= i + kReach &&
           !classed.Is(j, WordClass::kDenials)) {
      ++j;
    }
    if (j >= words.size() || j > i + kReach) continue;
    if (j + 1 < words.size() && classed.Is(j + 1, WordClass::kUnknowing))
      continue;
    // What follows, past more denials and joiners ("do not and never
    // have used alcohol"), to the clause break after it.
    std::size_t first = j + 1;
    std::size_t last = first;
    while (last < words.size()) {
      const bool breaks = classed.Is(last, WordClass::kClauseBreaks);
      if (breaks && last > first) break;
      if (breaks || classed.Is(last, WordClass::kDenials)) first = last + 1;
      ++last;
    }
    if (last > first) spans.push_back({first, last});
    i = last;
  }
  return spans;
}

bool IsStatement(std::string_view sentence) {
  while (!sentence.empty() &&
         (sentence.back() == ' ' || sentence.back() == '\n' ||
          sentence.back() == '"' || sentence.back() == ')')) {
    sentence.remove_suffix(1);
  }
  return !sentence.ends_with('?');
}

}  // namespace faqbot::intents
