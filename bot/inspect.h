// What `faqbot inspect` and `faqbot explain` print: the compiled tree of a
// pack, and why one message went where it did.
#ifndef FAQBOT_BOT_INSPECT_H_
#define FAQBOT_BOT_INSPECT_H_

#include <ostream>
#include <string_view>

#include "dialogs/dialog_tree.h"

namespace faqbot::bot {

// Node ids, titles, facets, keywords and patterns with their origins.
void PrintTree(const dialogs::Pack& pack, std::ostream& out);

// Normalized words, corrections, synonyms, candidates with evidence, facet
// cues, and the decision, for one message in a fresh session.
void PrintExplanation(std::shared_ptr<const dialogs::Pack> pack,
                      std::string_view text, std::ostream& out);

}  // namespace faqbot::bot

#endif  // FAQBOT_BOT_INSPECT_H_
