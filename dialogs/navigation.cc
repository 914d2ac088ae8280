#include "dialogs/navigation.h"

#include <algorithm>

#include "intents/text.h"

namespace faqbot::dialogs {

using intents::WordClass;

namespace {

constexpr WordClass kCommands[] = {WordClass::kBack, WordClass::kMenu,
                                   WordClass::kRestart, WordClass::kQuit};

bool InACommand(const std::string& word, const intents::Lexicon& lexicon) {
  return std::any_of(std::begin(kCommands), std::end(kCommands),
                     [&](WordClass c) { return lexicon.InEntry(word, c); });
}

}  // namespace

Nav Navigation(const std::vector<std::string>& words,
               const intents::Lexicon& lexicon) {
  // No command has more than four words besides filler ("start from the
  // beginning"): a question is not one.
  constexpr int kMaxCommandWords = 4;
  const std::string* command = nullptr;  // the only one, if only one
  int command_words = 0;
  for (const auto& w : words) {
    if (lexicon.Is(w, WordClass::kCommandFiller)) continue;
    // A word of no command (most questions have one in their first few
    // words): no command.
    if (!InACommand(w, lexicon)) return Nav::kNone;
    if (++command_words > kMaxCommandWords) return Nav::kNone;
    command = &w;
  }
  if (command_words == 1 && lexicon.Is(*command, WordClass::kMenuWords)) {
    return Nav::kMenu;
  }
  const std::string s = intents::JoinWords(words);
  if (lexicon.Is(s, WordClass::kBack)) return Nav::kBack;
  if (lexicon.Is(s, WordClass::kMenu)) return Nav::kMenu;
  if (lexicon.Is(s, WordClass::kRestart)) return Nav::kRestart;
  if (lexicon.Is(s, WordClass::kQuit)) return Nav::kQuit;
  return Nav::kNone;
}

// "2", "option 2", "the second one", "#2" -> 2; 0 when not a pick.
int ChoiceNumber(const std::vector<std::string>& words,
                 const intents::Lexicon& lexicon) {
  const auto& ordinals = lexicon.Entries(WordClass::kOrdinals);
  int number = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (lexicon.Is(w, WordClass::kChoiceFiller)) continue;
    int n = 0;
    if (const auto it = std::find(ordinals.begin(), ordinals.end(), w);
        it != ordinals.end()) {
      n = static_cast<int>(it - ordinals.begin()) + 1;
    } else if (!w.empty() && w.size() <= 2 &&
               std::all_of(w.begin(), w.end(),
                           [](char c) { return c >= '0' && c <= '9'; })) {
      n = std::stoi(w);
    } else if (lexicon.Is(w, WordClass::kLast)) {
      n = -1;
    } else {
      return 0;
    }
    // "the second one": the "one" (normalized to 1) after an ordinal.
    if (number != 0 && n == 1) continue;
    if (number != 0) return 0;
    number = n;
  }
  return number;
}

namespace {

// "A remedy that can dissolve them", "the stone that is stuck": a word
// of [relatives] between a content word and an auxiliary opens a clause
// about that word; it points back at nothing said before.
bool OpensAClause(const std::vector<std::string>& words, std::size_t i,
                  const intents::Lexicon& lexicon) {
  return i > 0 && i + 1 < words.size() &&
         lexicon.Is(words[i], WordClass::kRelatives) &&
         !lexicon.Is(words[i - 1], WordClass::kStopwords) &&
         lexicon.Is(words[i + 1], WordClass::kAuxiliaries);
}

// Whether a word of `cls` is in `words` as a pronoun, not opening a clause.
bool HasWordOf(const std::vector<std::string>& words, WordClass cls,
               const intents::Lexicon& lexicon) {
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (lexicon.Is(words[i], cls) && !OpensAClause(words, i, lexicon)) {
      return true;
    }
  }
  return false;
}

}  // namespace

bool HasPronoun(const std::vector<std::string>& words,
                const intents::Lexicon& lexicon) {
  return HasWordOf(words, WordClass::kPronouns, lexicon);
}

bool PointsBack(const std::vector<std::string>& words,
                const intents::Lexicon& lexicon) {
  return HasWordOf(words, WordClass::kPointingBack, lexicon);
}

}  // namespace faqbot::dialogs
