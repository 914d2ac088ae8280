#include "dialogs/article_knowledge.h"

#include <algorithm>

#include "intents/normalizer.h"
#include "intents/sentences.h"
#include "intents/text.h"

namespace faqbot::dialogs {
namespace {

using intents::TrimView;
using intents::WordClass;

std::string Lower(std::string_view s) {
  return intents::AsciiLower(std::string(s));
}

// `text` without a leading "or "/"and " and a trailing full stop.
std::string_view Bare(std::string_view text) {
  text = TrimView(text);
  while (!text.empty() && (text.back() == '.' || text.back() == ';')) {
    text.remove_suffix(1);
  }
  for (std::string_view joiner : {"or ", "and "}) {
    if (text.starts_with(joiner)) text.remove_prefix(joiner.size());
  }
  return TrimView(text);
}

// Where the list of signs starts in `sentence` (lower case), or npos: the
// first " for " or " if " after an urgent-advice phrase.
std::size_t ListStart(const std::string& sentence,
                      const intents::Lexicon& lexicon) {
  for (const auto& phrase : lexicon.Entries(WordClass::kUrgentAdvice)) {
    const std::size_t at = sentence.find(phrase);
    if (at == std::string::npos) continue;
    const std::size_t after = at + phrase.size();
    for (std::string_view word : {" for ", " if "}) {
      if (sentence.compare(after, word.size(), word) == 0) {
        return after + word.size();
      }
    }
  }
  return std::string::npos;
}

}  // namespace

std::vector<std::string> WarningSigns(std::string_view advice,
                                      const intents::Lexicon& lexicon) {
  std::vector<std::string> signs;
  for (const std::string_view sentence :
       intents::SentenceViews(advice, lexicon)) {
    const std::string lower = Lower(sentence);
    const std::size_t start = ListStart(lower, lexicon);
    if (start == std::string::npos) continue;
    std::vector<std::string_view> items;
    std::string_view rest = std::string_view(lower).substr(start);
    while (!rest.empty()) {
      const std::size_t comma = std::min(rest.find(','), rest.size());
      items.push_back(rest.substr(0, comma));
      rest.remove_prefix(std::min(comma + 1, rest.size()));
    }
    if (items.empty()) continue;
    // "black stools or confusion": the list's own last "or".
    const std::string_view last = TrimView(items.back());
    if (!last.starts_with("or ") && !last.starts_with("and ")) {
      const std::size_t joiner = last.rfind(" or ");
      if (joiner != std::string_view::npos) {
        items.back() = last.substr(0, joiner);
        items.push_back(last.substr(joiner + 4));
      }
    }
    for (const auto item : items) {
      if (const auto sign = Bare(item); !sign.empty()) {
        signs.emplace_back(sign);
      }
    }
  }
  return signs;
}

}  // namespace faqbot::dialogs
