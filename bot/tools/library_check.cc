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

namespace {

// Each of `packs` (compiled from `dirs`) checked as pack_check does, with
// the confusable articles among them (none when there is one).
std::vector<Finding> CheckArticles(
    const std::vector<std::filesystem::path>& dirs,
    std::vector<std::shared_ptr<const dialogs::Pack>> packs) {
  std::vector<Finding> findings;
  const dialogs::Library library(std::move(packs));
  for (int p = 0; p < library.size(); ++p) {
    auto found = CheckPack(dirs[p], library.packs()[p],
                           ConfusableArticles(dirs[p], library, p));
    findings.insert(findings.end(), std::make_move_iterator(found.begin()),
                    std::make_move_iterator(found.end()));
  }
  return findings;
}

}  // namespace

std::vector<Finding> CheckLibrary(const std::filesystem::path& root) {
  auto dirs = LibraryFolders(root);
  if (!dirs) return {{"", 0, true, dirs.error().message, "", ""}};
  if (auto packs = LoadLibrary(root)) {
    return CheckArticles(*dirs, *std::move(packs));
  }
  // An article that does not compile is reported alone, with its file and
  // line; the others are checked as the library they make without it.
  std::vector<Finding> errors;
  std::vector<std::filesystem::path> compiled;
  std::vector<std::shared_ptr<const dialogs::Pack>> packs;
  for (const auto& dir : *dirs) {
    auto pack = LoadPack(dir);
    if (!pack) {
      auto found = CheckPack(dir);
      errors.insert(errors.end(), std::make_move_iterator(found.begin()),
                    std::make_move_iterator(found.end()));
      continue;
    }
    compiled.push_back(dir);
    packs.push_back(*std::move(pack));
  }
  auto findings = CheckArticles(compiled, std::move(packs));
  errors.insert(errors.end(), std::make_move_iterator(findings.begin()),
                std::make_move_iterator(findings.end()));
  return errors;
}

}  // namespace faqbot::bot
