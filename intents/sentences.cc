#include "intents/sentences.h"

#include <cctype>

#include "intents/text.h"

namespace faqbot::intents {
namespace {

bool IsAbbreviation(std::string_view before, const Lexicon& lexicon) {
  std::size_t start = before.find_last_of(" (");
  std::string word(
      before.substr(start == std::string_view::npos ? 0 : start + 1));
  for (auto& c : word) c = static_cast<char>(std::tolower(c));
  if (lexicon.Is(word, WordClass::kAbbreviations)) return true;
  return word.size() == 1 && std::isalpha(static_cast<unsigned char>(word[0]));
}

}  // namespace

std::vector<std::string> SplitSentences(std::string_view paragraph,
                                        const Lexicon& lexicon) {
  const auto views = SentenceViews(paragraph, lexicon);
  return {views.begin(), views.end()};
}

std::vector<std::string_view> SentenceViews(std::string_view paragraph,
                                            const Lexicon& lexicon) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i < paragraph.size(); ++i) {
    const char c = paragraph[i];
    if (c != '.' && c != '?' && c != '!' && c != '\n') continue;
    const bool at_end = i + 1 >= paragraph.size();
    if (!at_end && c != '\n') {
      const char next = paragraph[i + 1];
      if (next != ' ' && next != '\n' && next != '"' && next != ')') continue;
      if (c == '.' &&
          IsAbbreviation(paragraph.substr(start, i - start), lexicon)) {
        continue;
      }
    }
    const auto sentence = TrimView(paragraph.substr(start, i + 1 - start));
    if (!sentence.empty()) out.push_back(sentence);
    start = i + 1;
  }
  const auto rest = TrimView(paragraph.substr(start));
  if (!rest.empty()) out.push_back(rest);
  return out;
}

}  // namespace faqbot::intents
