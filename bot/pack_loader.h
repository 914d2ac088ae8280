// Loading a content pack from its folder.
//
// A pack folder holds:
//   article.txt        the FAQ document exactly as written (required)
//   intents.txt        the author's extra keywords, patterns, synonyms,
//                      red flags and settings (optional)
//   conversations.txt  conversation tests for `faqbot test` (optional)
//   wording.txt        the bot's own sentences, overriding the English
//                      defaults (optional; dialogs/wording.h)
//   questions.jsonl    real people's messages with what the bot must do,
//                      scored by `faqbot test` (optional; question_set.h)
#ifndef FAQBOT_BOT_PACK_LOADER_H_
#define FAQBOT_BOT_PACK_LOADER_H_

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "dialogs/dialog_tree.h"

namespace faqbot::bot {

inline constexpr char kArticleFile[] = "article.txt";
inline constexpr char kIntentsFile[] = "intents.txt";
inline constexpr char kConversationsFile[] = "conversations.txt";
inline constexpr char kWordingFile[] = "wording.txt";
inline constexpr char kQuestionsFile[] = "questions.jsonl";

// Reads and compiles the pack in `dir` over `lexicon` (the process's
// English lexicon, DefaultLexicon(), when not given). Errors name the file
// (and line).
Result<std::shared_ptr<const dialogs::Pack>> LoadPack(
    const std::filesystem::path& dir,
    std::shared_ptr<const intents::Lexicon> lexicon = nullptr);

// The pack folders of the library `root`: each subfolder with an
// article.txt, in name order; fewer than two is an error.
Result<std::vector<std::filesystem::path>> LibraryFolders(
    const std::filesystem::path& root);

// The packs of the folder `root` (each subfolder with an article.txt, in
// name order), for a library of articles. Fewer than two is an error: one
// pack is served with LoadPack.
Result<std::vector<std::shared_ptr<const dialogs::Pack>>> LoadLibrary(
    const std::filesystem::path& root,
    std::shared_ptr<const intents::Lexicon> lexicon = nullptr);

// Reads a whole file; the error names it and says why it failed.
Result<std::string> ReadFile(const std::filesystem::path& path);

}  // namespace faqbot::bot

#endif  // FAQBOT_BOT_PACK_LOADER_H_
