#include "bot/pack_loader.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>
#include <thread>

#include "bot/lexicon_loader.h"
#include "dialogs/document.h"
#include "dialogs/intents_file.h"

namespace faqbot::bot {

Result<std::string> ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return std::unexpected(Error::IoError(path.string() + ": cannot read (" +
                                          std::strerror(errno) + ")"));
  }
  // One read into a string of the file's size (a stream's buffer would
  // grow and copy: WordNet's 15 MB went slowly that way).
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  std::string text(size > 0 ? static_cast<std::size_t>(size) : 0, '\0');
  if (size > 0 && !in.read(text.data(), size)) {
    return std::unexpected(Error::IoError(path.string() + ": cannot read (" +
                                          std::strerror(errno) + ")"));
  }
  return text;
}

namespace {

// The process's English lexicon into `*lexicon` when none was given.
Status DefaultIfNone(std::shared_ptr<const intents::Lexicon>* lexicon) {
  if (*lexicon) return Ok();
  auto loaded = DefaultLexicon();
  if (!loaded) return std::unexpected(loaded.error());
  *lexicon = *loaded;
  return Ok();
}

}  // namespace

Result<std::shared_ptr<const dialogs::Pack>> LoadPack(
    const std::filesystem::path& dir,
    std::shared_ptr<const intents::Lexicon> lexicon) {
  if (auto s = DefaultIfNone(&lexicon); !s) return std::unexpected(s.error());
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    return std::unexpected(Error::NotFound(
        dir.string() + ": no such pack folder (a pack is a folder with " +
        kArticleFile + " in it)"));
  }
  const auto article_path = dir / kArticleFile;
  auto article = ReadFile(article_path);
  if (!article) return std::unexpected(article.error());
  auto document = dialogs::ParseDocument(*article, article_path.string());
  if (!document) return std::unexpected(document.error());

  const auto intents_path = dir / kIntentsFile;
  dialogs::IntentsFile intents;
  intents.name = intents_path.string();
  if (std::filesystem::exists(intents_path, ec)) {
    auto text = ReadFile(intents_path);
    if (!text) return std::unexpected(text.error());
    auto parsed = dialogs::ParseIntentsFile(*text, intents_path.string());
    if (!parsed) return std::unexpected(parsed.error());
    intents = *std::move(parsed);
  }
  dialogs::Wording wording;
  const auto wording_path = dir / kWordingFile;
  if (std::filesystem::exists(wording_path, ec)) {
    auto text = ReadFile(wording_path);
    if (!text) return std::unexpected(text.error());
    if (auto s = dialogs::ParseWording(*text, wording_path.string(), &wording);
        !s) {
      return std::unexpected(s.error());
    }
  }
  auto name = std::filesystem::weakly_canonical(dir, ec).filename().string();
  if (name.empty()) name = dir.filename().string();
  return dialogs::CompilePack(name, *std::move(document), intents,
                              std::move(lexicon), std::move(wording));
}

Result<std::vector<std::filesystem::path>> LibraryFolders(
    const std::filesystem::path& root) {
  std::vector<std::filesystem::path> dirs;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(root, ec)) {
    if (std::filesystem::exists(entry.path() / kArticleFile, ec)) {
      dirs.push_back(entry.path());
    }
  }
  std::sort(dirs.begin(), dirs.end());
  if (ec || dirs.size() < 2) {
    return std::unexpected(Error::NotFound(
        root.string() +
        ": not a library (a folder of two or more pack folders, each with " +
        kArticleFile + ")"));
  }
  return dirs;
}

Result<std::vector<std::shared_ptr<const dialogs::Pack>>> LoadLibrary(
    const std::filesystem::path& root,
    std::shared_ptr<const intents::Lexicon> lexicon) {
  auto folders = LibraryFolders(root);
  if (!folders) return std::unexpected(folders.error());
  const std::vector<std::filesystem::path>& dirs = *folders;
  if (auto s = DefaultIfNone(&lexicon); !s) return std::unexpected(s.error());
  // Articles compile independently (the lexicon is shared and const):
  // one worker per core takes the next folder until none is left or one
  // fails. The error reported is the first folder's, in name order.
  std::vector<std::optional<Result<std::shared_ptr<const dialogs::Pack>>>>
      loaded(dirs.size());
  std::atomic<std::size_t> next = 0;
  std::atomic<bool> failed = false;
  const auto work = [&] {
    for (std::size_t i; !failed && (i = next++) < dirs.size();) {
      loaded[i] = LoadPack(dirs[i], lexicon);
      if (!*loaded[i]) failed = true;
    }
  };
  {
    std::vector<std::jthread> workers;
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    for (unsigned w = 1; w < std::min<std::size_t>(cores, dirs.size()); ++w) {
      workers.emplace_back(work);
    }
    work();
  }
  std::vector<std::shared_ptr<const dialogs::Pack>> packs;
  for (auto& pack : loaded) {
    if (!pack) continue;  // not reached: another folder failed
    if (!*pack) return std::unexpected(pack->error());
    packs.push_back(**std::move(pack));
  }
  return packs;
}

}  // namespace faqbot::bot
