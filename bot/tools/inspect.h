// What `faqbot inspect` and `faqbot explain` print: the compiled tree of a
// pack, and why one message went where it did.
#ifndef FAQBOT_BOT_TOOLS_INSPECT_H_
#define FAQBOT_BOT_TOOLS_INSPECT_H_

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "bot/bot.h"
#include "dialogs/dialog_tree.h"
#include "dialogs/library.h"

namespace faqbot::bot {

// Node ids, titles, facets, keywords and patterns with their origins.
void PrintTree(const dialogs::Pack& pack, std::ostream& out);
// A library: each article with the words that route a question to it,
// then each article's tree.
void PrintLibrary(const dialogs::Library& library, std::ostream& out);

// Normalized words, corrections, synonyms, candidates with evidence, facet
// cues, and the decision, for one message in a session that said `before`
// first (each answered as chat would; none: a fresh session). A message
// before is typed text or a pressed choice, as a transcript holds them.
void PrintExplanation(std::shared_ptr<const dialogs::Pack> pack,
                      std::string_view text, std::ostream& out,
                      const std::vector<Message>& before = {});
// The same with `bot`'s pack or library (a library says which article
// answered); `bot` gets the conversation's messages.
void PrintExplanation(Bot& bot, std::string_view text, std::ostream& out,
                      const std::vector<Message>& before = {});

}  // namespace faqbot::bot

#endif  // FAQBOT_BOT_TOOLS_INSPECT_H_
