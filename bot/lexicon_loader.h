// Loading a language's lexicon (intents/lexicon.h) from its folder.
//
// lexicon/<language>/ holds the hand-written lexicon files (*.txt, format
// in lexicon/README.md) and sources.txt, which names the maintained word
// lists to read beside them (Debian's medical vocabulary and everyday
// words). The folder is found, in this order, at $FAQBOT_LEXICON, at
// ./lexicon/<language>, and beside the executable (lexicon/,
// ../lexicon/, ../share/faqbot/lexicon/): a source checkout, a build
// folder and an installed package all work without settings.
#ifndef FAQBOT_BOT_LEXICON_LOADER_H_
#define FAQBOT_BOT_LEXICON_LOADER_H_

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "intents/lexicon.h"

namespace faqbot::bot {

inline constexpr char kLexiconSourcesFile[] = "sources.txt";

// The lexicon folder of `language` ("en"); an error says where it looked.
Result<std::filesystem::path> FindLexicon(std::string_view language = "en");

// Reads the lexicon in `dir`. Errors name the file and line. A word list
// that sources.txt names but that is missing is not an error: its path is
// added to `missing` (when not null).
Result<std::shared_ptr<const intents::Lexicon>> LoadLexicon(
    const std::filesystem::path& dir,
    std::vector<std::string>* missing = nullptr);

// The English lexicon, found and loaded once per process; a missing word
// list is reported once on stderr.
Result<std::shared_ptr<const intents::Lexicon>> DefaultLexicon();

}  // namespace faqbot::bot

#endif  // FAQBOT_BOT_LEXICON_LOADER_H_
