// Checking a library of articles before it is published (`faqbot check
// --packs DIR`): each article's own check (pack_check.h), and confusable
// articles: a question made of one article's title or a section heading
// that the library, asked without a page, sends to another article or
// answers with "which article?". The warning names the other article and
// the question (the witness); the article's intents.txt can keep it with
// "accept: confusable-article <other pack> because <why>".
#ifndef FAQBOT_BOT_TOOLS_LIBRARY_CHECK_H_
#define FAQBOT_BOT_TOOLS_LIBRARY_CHECK_H_

#include <filesystem>
#include <vector>

#include "bot/tools/pack_check.h"

namespace faqbot::bot {

// Loads the library in `root` (LoadLibrary) and checks every article;
// findings grouped by article, in name order.
std::vector<Finding> CheckLibrary(const std::filesystem::path& root);

}  // namespace faqbot::bot

#endif  // FAQBOT_BOT_TOOLS_LIBRARY_CHECK_H_
