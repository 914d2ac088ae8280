#include "bot/tools/library_check.h"

#include <memory>
#include <string>

#include "bot/pack_loader.h"
#include "dialogs/library.h"

namespace faqbot::bot {
namespace {

// Where a question made of pack `p`'s own words goes without a page, as
// a warning when that is not `p`.
std::vector<Finding> ConfusableArticles(const std::filesystem::path& dir,
                                        const dialogs::Library& library,
                                        int p) {
  const dialogs::Pack& pack = *library.packs()[p];
  const std::string file = (dir / kArticleFile).string();
  // The title (line 1) and each heading, as a person might type them.
  std::vector<std::pair<std::string, int>> questions = {
      {pack.document.title, 1}};
  for (const auto& section : pack.document.sections) {
    questions.emplace_back("what about " + section.heading + "?", section.line);
  }
  std::vector<Finding> out;
  for (const auto& [question, line] : questions) {
    const dialogs::LibraryRoute route = library.Route(question, -1);
    if (route.pack == p || (route.pack < 0 && !route.ambiguous())) continue;
    std::string others;
    std::string id;
    for (const int o :
         route.pack >= 0 ? std::vector<int>{route.pack} : route.named) {
      if (o == p) continue;
      const dialogs::Pack& other = *library.packs()[o];
      others += (others.empty() ? "" : ", ") + other.name + " (\"" +
                other.document.title + "\")";
      if (id.empty()) id = "confusable-article " + other.name;
    }
    const std::string what =
        route.pack >= 0 ? "is answered from " : "asks which article: ";
    out.push_back({file, line, false,
                   "\"" + question + "\", asked without a page, " + what +
                       others + "; a word of it names that article's subject",
                   id, ""});
  }
  return out;
}

}  // namespace

std::vector<Finding> CheckLibrary(const std::filesystem::path& root) {
  auto packs = LoadLibrary(root);
  if (!packs) {
    return {{"", 0, true, packs.error().message, "", ""}};
  }
  const dialogs::Library library(*packs);
  std::vector<Finding> findings;
  for (int p = 0; p < library.size(); ++p) {
    const auto dir = root / library.packs()[p]->name;
    auto found =
        CheckPack(dir, library.packs()[p], ConfusableArticles(dir, library, p));
    findings.insert(findings.end(), std::make_move_iterator(found.begin()),
                    std::make_move_iterator(found.end()));
  }
  return findings;
}

}  // namespace faqbot::bot
