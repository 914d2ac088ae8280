#include "intents/denials.h"

namespace faqbot::intents {

std::vector<WordSpan> DeniedSpans(const std::vector<std::string>& words,
                                  const Lexicon& lexicon, bool statement) {
  constexpr std::size_t kReach = 3;  // "I have had no pain"
  std::vector<WordSpan> spans;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i + 1 < words.size() &&
        lexicon.Is(words[i], WordClass::kNegatingPrefixes)) {
      spans.push_back({i + 1, i + 2});
      continue;
    }
    if (!statement || !lexicon.Is(words[i], WordClass::kPersonal)) continue;
    std::size_t j = i + 1;
    while (j < words.size() && j <= i + kReach &&
           !lexicon.Is(words[j], WordClass::kDenials)) {
      ++j;
    }
    if (j >= words.size() || j > i + kReach) continue;
    if (j + 1 < words.size() &&
        lexicon.Is(words[j + 1], WordClass::kUnknowing)) {
      continue;
    }
    // What follows, past more denials and joiners ("do not and never
    // have used alcohol"), to the clause break after it.
    std::size_t first = j + 1;
    std::size_t last = first;
    while (last < words.size()) {
      const std::string& w = words[last];
      const bool breaks = lexicon.Is(w, WordClass::kClauseBreaks);
      if (breaks && last > first) break;
      if (breaks || lexicon.Is(w, WordClass::kDenials)) first = last + 1;
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
