// What faqbot reads from WordNet 3.0 (Debian's wordnet-base, its
// data.noun, data.adj, index.noun and index.adj), into a lexicon:
//   - adjectives that pertain to a part of the body ("renal" pertains to
//     kidney, "hepatic" to liver, "ovarian" to ovary: WordNet's '\'
//     pointer), as synonym groups, so a question's "renal stone" meets an
//     article's "kidney stones";
//   - the first sense of nouns naming parts of the body, conditions and
//     natural objects (lexicographer files noun.body, noun.state,
//     noun.object), whose other names an article's terms take on
//     ("kidney stone": urinary calculus, nephrolith, renal calculus);
//   - the foods and drinks a substance is in ('#s': caffeine is in coffee
//     and tea), which an article's substance takes on as other names;
//   - one-word adjectives that are no noun (index.adj less index.noun:
//     "exploratory", "chronic"), which describe and name no subject.
// Every entry names WordNet as its origin, for `faqbot explain`.
#ifndef FAQBOT_BOT_WORDNET_H_
#define FAQBOT_BOT_WORDNET_H_

#include <filesystem>
#include <string>
#include <vector>

#include "intents/lexicon.h"

namespace faqbot::bot {

// A word class of the one-word nouns whose first sense is a kind of
// `noun` ("diseases": kinds of "disease"), from sources.txt.
struct WordNetKind {
  intents::WordClass cls;
  std::string noun;
};

// Reads WordNet's files in `dir` into `lexicon`, with the classes of
// `kinds`. An error names the file that is missing or malformed.
Status AddWordNet(const std::filesystem::path& dir,
                  const std::vector<WordNetKind>& kinds,
                  intents::Lexicon* lexicon);

}  // namespace faqbot::bot

#endif  // FAQBOT_BOT_WORDNET_H_
