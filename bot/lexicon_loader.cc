#include "bot/lexicon_loader.h"

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <mutex>

#include "bot/pack_loader.h"
#include "bot/word_lists.h"
#include "bot/wordnet.h"
#include "intents/text.h"

namespace faqbot::bot {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kAffixes = "affixes:";

// The lexicon class named before the colon of "class: ..." in `line`.
std::optional<intents::WordClass> ClassBefore(std::string_view line) {
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  for (std::size_t c = 0; c < intents::kWordClassCount; ++c) {
    const auto candidate = static_cast<intents::WordClass>(c);
    if (intents::WordClassName(candidate) ==
        intents::TrimView(line.substr(0, colon))) {
      return candidate;
    }
  }
  return std::nullopt;
}

// sources.txt: "[word-lists]" then "class: path" lines; "[wordnet]" then
// the folder of WordNet's files and "class: noun" lines (the class of the
// one-word nouns whose first sense is a kind of that noun).
Status ReadSources(const fs::path& file, intents::Lexicon* lexicon,
                   std::vector<std::string>* missing) {
  auto text = ReadFile(file);
  if (!text) return std::unexpected(text.error());
  int line_no = 0;
  std::string section;
  std::vector<fs::path> wordnet;
  std::vector<WordNetKind> kinds;
  std::optional<SuffixRules> affixes;
  std::string_view rest = *text;
  while (!rest.empty()) {
    const std::size_t nl = rest.find('\n');
    const std::string_view line = intents::TrimView(rest.substr(0, nl));
    rest = nl == std::string_view::npos ? "" : rest.substr(nl + 1);
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    if (line.front() == '[') {
      section = std::string(line);
      continue;
    }
    const std::string where =
        file.string() + " line " + std::to_string(line_no);
    // "affixes: PATH": the hunspell affix file of the lists after it.
    if (section == "[word-lists]" && line.starts_with(kAffixes)) {
      const fs::path path(intents::TrimView(line.substr(kAffixes.size())));
      if (!fs::exists(path)) {
        if (missing) missing->push_back(path.string());
        affixes.reset();
        continue;
      }
      auto rules = ReadSuffixRules(path);
      if (!rules) return std::unexpected(rules.error());
      affixes = *std::move(rules);
      continue;
    }
    const std::optional<intents::WordClass> cls = ClassBefore(line);
    const std::string after =
        cls ? std::string(intents::TrimView(line.substr(line.find(':') + 1)))
            : "";
    if (section == "[wordnet]" && !cls) {
      wordnet.emplace_back(std::string(line));
      continue;
    }
    if (!cls) {
      return std::unexpected(Error::ParseError(
          where +
          ": expected \"class: " + (section == "[wordnet]" ? "noun" : "path") +
          "\" with a lexicon class"));
    }
    if (section == "[wordnet]") {
      kinds.push_back({*cls, after});
      continue;
    }
    const fs::path path(after);
    auto words = ReadWordList(path, affixes ? &*affixes : nullptr);
    if (!words) {
      if (missing) missing->push_back(path.string());
      continue;
    }
    const std::vector<std::string_view> views(words->begin(), words->end());
    lexicon->AddWordList(*cls, views, path.filename().string());
  }
  for (const auto& path : wordnet) {
    if (!fs::exists(path / "data.noun")) {
      if (missing) missing->push_back(path.string());
    } else if (auto s = AddWordNet(path, kinds, lexicon); !s) {
      return s;
    }
  }
  return Ok();
}

}  // namespace

Result<fs::path> FindLexicon(std::string_view language) {
  std::vector<fs::path> tried;
  if (const char* env = std::getenv("FAQBOT_LEXICON"); env && *env) {
    tried.push_back(fs::path(env) / language);
    tried.push_back(env);
  }
  tried.push_back(fs::path("lexicon") / language);
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path dir = exe.parent_path();
    for (const fs::path& base :
         {dir / "lexicon", dir.parent_path() / "lexicon",
          dir.parent_path().parent_path() / "lexicon",
          dir.parent_path() / "share" / "faqbot" / "lexicon"}) {
      tried.push_back(base / language);
    }
  }
  std::string where;
  for (const auto& dir : tried) {
    if (fs::exists(dir / kLexiconSourcesFile, ec)) return dir;
    where += (where.empty() ? "" : ", ") + dir.string();
  }
  return std::unexpected(Error::NotFound(
      "no lexicon for \"" + std::string(language) + "\" (looked in " + where +
      "; set FAQBOT_LEXICON to the lexicon folder)"));
}

Result<std::shared_ptr<const intents::Lexicon>> LoadLexicon(
    const fs::path& dir, std::vector<std::string>* missing) {
  auto lexicon = std::make_shared<intents::Lexicon>();
  std::error_code ec;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".txt" &&
        entry.path().filename() != kLexiconSourcesFile) {
      files.push_back(entry.path());
    }
  }
  if (ec) {
    return std::unexpected(
        Error::IoError(dir.string() + ": cannot read (" + ec.message() + ")"));
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    auto text = ReadFile(file);
    if (!text) return std::unexpected(text.error());
    const std::string name = (dir.filename() / file.filename()).string();
    if (auto s = lexicon->AddFile("lexicon/" + name, *text); !s) {
      return std::unexpected(s.error());
    }
  }
  if (auto s = ReadSources(dir / kLexiconSourcesFile, lexicon.get(), missing);
      !s) {
    return std::unexpected(s.error());
  }
  lexicon->Finish();
  return std::shared_ptr<const intents::Lexicon>(std::move(lexicon));
}

Result<std::shared_ptr<const intents::Lexicon>> DefaultLexicon() {
  static std::once_flag once;
  static Result<std::shared_ptr<const intents::Lexicon>> loaded =
      std::unexpected(Error::NotFound("not loaded"));
  std::call_once(once, [] {
    auto dir = FindLexicon("en");
    if (!dir) {
      loaded = std::unexpected(dir.error());
      return;
    }
    std::vector<std::string> missing;
    loaded = LoadLexicon(*dir, &missing);
    for (const auto& path : missing) {
      std::cerr << "faqbot: word list " << path
                << " not found (scripts/setup installs it): what it tells "
                   "is unknown\n";
    }
  });
  return loaded;
}

}  // namespace faqbot::bot
