#include "intents/denials.h"

#include <array>

namespace faqbot::intents {

std::vector<WordSpan> DeniedSpans(const std::vector<std::string>& words,
                                  const Lexicon& lexicon, bool statement) {
  constexpr std::size_t kReach = 3;  // "I have had no pain"
  // Each word's classes, looked up once (a long message asked each word
  // up to five times); on the stack for a short message.
  constexpr std::size_t kOnStack = 32;
  std::array<WordClasses, kOnStack> stack;
  std::vector<WordClasses> heap;
  WordClasses* classes = stack.data();
  if (words.size() > kOnStack) {
    heap.resize(words.size());
    classes = heap.data();
  }
  for (std::size_t i = 0; i < words.size(); ++i) {
    classes[i] = lexicon.Classes(words[i]);
  }
  const auto is = [&](std::size_t at, WordClass cls) {
    return classes[at].test(static_cast<std::size_t>(cls));
  };
  std::vector<WordSpan> spans;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i + 1 < words.size() && is(i, WordClass::kNegatingPrefixes)) {
      spans.push_back({i + 1, i + 2});
      continue;
    }
    if (!statement || !is(i, WordClass::kPersonal)) continue;
    std::size_t j = i + 1;
    while (j < words.size() && j <= i + kReach && !is(j, WordClass::kDenials)) {
      ++j;
    }
    if (j >= words.size() || j > i + kReach) continue;
    if (j + 1 < words.size() && is(j + 1, WordClass::kUnknowing)) continue;
    // What follows, past more denials and joiners ("do not and never
    // have used alcohol"), to the clause break after it.
    std::size_t first = j + 1;
    std::size_t last = first;
    while (last < words.size()) {
      const bool breaks = is(last, WordClass::kClauseBreaks);
      if (breaks && last > first) break;
      if (breaks || is(last, WordClass::kDenials)) first = last + 1;
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
