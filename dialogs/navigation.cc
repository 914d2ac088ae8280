#include "dialogs/navigation.h"

#include <algorithm>

#include "intents/string_map.h"
#include "intents/text.h"

namespace faqbot::dialogs {

namespace {

struct Commands {
  intents::StringSet back = {"back", "go back", "previous", "back please",
                             "go back please"};
  intents::StringSet menu = {
      "menu",     "main menu", "show menu",   "show me the menu",
      "the menu", "topics",    "show topics", "list topics",
      "home"};
  intents::StringSet restart = {
      "start over",       "restart", "start again",
      "begin again",      "reset",   "start from the beginning",
      "new conversation", "clear"};
  intents::StringSet quit = {"quit", "exit", "stop", "end"};
  // "back to the menu", "go to the main menu please": filler aside, the
  // message is one command word.
  intents::StringSet filler = {"back",   "to",   "the",  "go",   "show",   "me",
                               "please", "main", "open", "take", "return", "a",
                               "can",    "you",  "i",    "want"};
  // Every word of every command above: a message with any other word
  // (most questions have one in their first few words) is no command.
  intents::StringSet vocabulary;

  Commands() {
    for (const auto* set : {&back, &menu, &restart, &quit}) {
      for (const std::string& phrase : *set) {
        std::size_t start = 0;
        while (start <= phrase.size()) {
          const std::size_t end =
              std::min(phrase.find(' ', start), phrase.size());
          vocabulary.insert(phrase.substr(start, end - start));
          start = end + 1;
        }
      }
    }
  }
};

}  // namespace

Nav Navigation(const std::vector<std::string>& words) {
  static const Commands kCommands;
  // No command has more than four words besides filler ("start from the
  // beginning"): a question is not one.
  constexpr int kMaxCommandWords = 4;
  const std::string* command = nullptr;  // the only one, if only one
  int command_words = 0;
  for (const auto& w : words) {
    if (kCommands.filler.contains(w)) continue;
    if (!kCommands.vocabulary.contains(w)) return Nav::kNone;
    if (++command_words > kMaxCommandWords) return Nav::kNone;
    command = &w;
  }
  if (command_words == 1 &&
      (*command == "menu" || *command == "topics" || *command == "home")) {
    return Nav::kMenu;
  }
  const std::string s = intents::JoinWords(words);
  if (kCommands.back.contains(s)) return Nav::kBack;
  if (kCommands.menu.contains(s)) return Nav::kMenu;
  if (kCommands.restart.contains(s)) return Nav::kRestart;
  if (kCommands.quit.contains(s)) return Nav::kQuit;
  return Nav::kNone;
}

// "2", "option 2", "the second one", "#2" -> 2; 0 when not a pick.
int ChoiceNumber(const std::vector<std::string>& words) {
  static const intents::StringSet kFiller = {
      "the",  "option", "number", "choice", "no",    "pick", "select",
      "i",    "want",   "please", "item",   "topic", "nd",   "st",
      "rd",   "th",     "go",     "for",    "with",  "let",  "us",
      "take", "choose", "answer", "s",      "say"};
  static const std::vector<std::string> kOrdinals = {
      "first", "second",  "third",  "fourth", "fifth",
      "sixth", "seventh", "eighth", "ninth",  "tenth"};
  int number = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (kFiller.contains(w)) continue;
    int n = 0;
    if (const auto it = std::find(kOrdinals.begin(), kOrdinals.end(), w);
        it != kOrdinals.end()) {
      n = static_cast<int>(it - kOrdinals.begin()) + 1;
    } else if (!w.empty() && w.size() <= 2 &&
               std::all_of(w.begin(), w.end(),
                           [](char c) { return c >= '0' && c <= '9'; })) {
      n = std::stoi(w);
    } else if (w == "last") {
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

bool HasPronoun(const std::vector<std::string>& words) {
  static const intents::StringSet kPronouns = {"it",   "that",  "this",  "they",
                                               "them", "those", "these", "its"};
  return std::any_of(words.begin(), words.end(),
                     [](const auto& w) { return kPronouns.contains(w); });
}

}  // namespace faqbot::dialogs
