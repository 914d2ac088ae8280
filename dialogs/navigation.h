// What a short message says about moving around the dialog rather than
// about the article: navigation commands, picking an offered choice by
// number, and pronouns that point back at the current topic, in the
// lexicon's words (lexicon/en/navigation.txt). Internal to dialogs/; the
// words are the analyzer's (normalized, number words as digits).
#ifndef FAQBOT_DIALOGS_NAVIGATION_H_
#define FAQBOT_DIALOGS_NAVIGATION_H_

#include <string>
#include <vector>

#include "intents/lexicon.h"

namespace faqbot::dialogs {

enum class Nav { kNone, kBack, kMenu, kRestart, kQuit };

// "back", "go back to the menu please", "start over", "quit", ...
Nav Navigation(const std::vector<std::string>& words,
               const intents::Lexicon& lexicon);

// "2", "option 2", "the second one", "#2" -> 2; "the last one" -> -1; 0
// when the message is not a pick.
int ChoiceNumber(const std::vector<std::string>& words,
                 const intents::Lexicon& lexicon);

// Whether the message refers back ("it", "that", "those", ...; not the
// "that" of "a remedy that can dissolve them").
bool HasPronoun(const std::vector<std::string>& words,
                const intents::Lexicon& lexicon);
// The same without "its" ([pointing-back]).
bool PointsBack(const std::vector<std::string>& words,
                const intents::Lexicon& lexicon);

}  // namespace faqbot::dialogs

#endif  // FAQBOT_DIALOGS_NAVIGATION_H_
