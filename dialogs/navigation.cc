#include "dialogs/navigation.h"

#include <algorithm>

#include "intents/string_map.h"
#include "intents/text.h"

namespace faqbot::dialogs {

Nav Navigation(const std::vector<std::string>& words) {
  static const intents::StringSet kBack = {"back", "go back", "previous",
                                           "back please", "go back please"};
  static const intents::StringSet kMenu = {
      "menu",     "main menu", "show menu",   "show me the menu",
      "the menu", "topics",    "show topics", "list topics",
      "home"};
  static const intents::StringSet kRestart = {
      "start over",       "restart", "start again",
      "begin again",      "reset",   "start from the beginning",
      "new conversation", "clear"};
  static const intents::StringSet kQuit = {"quit", "exit", "stop", "end"};
  // "back to the menu", "go to the main menu please": filler aside, the
  // message is one command word.
  static const intents::StringSet kFiller = {
      "back", "to",   "the",    "go", "show", "me",  "please", "main",
      "open", "take", "return", "a",  "can",  "you", "i",      "want"};
  // No command has more than four words besides filler ("start from the
  // beginning"): a question is not one.
  constexpr std::ptrdiff_t kMaxCommandWords = 4;
  std::string core;
  std::ptrdiff_t command_words = 0;
  for (const auto& w : words) {
    if (kFiller.contains(w)) continue;
    if (++command_words > kMaxCommandWords) return Nav::kNone;
    if (!core.empty()) core += ' ';
    core += w;
  }
  if (core == "menu" || core == "topics" || core == "home") return Nav::kMenu;
  const std::string s = intents::JoinWords(words);
  if (kBack.contains(s)) return Nav::kBack;
  if (kMenu.contains(s)) return Nav::kMenu;
  if (kRestart.contains(s)) return Nav::kRestart;
  if (kQuit.contains(s)) return Nav::kQuit;
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
