#include "adapters/pack_watcher.h"

#include "adapters/log.h"
#include "bot/pack_loader.h"
#include "bot/tools/pack_check.h"

namespace faqbot::adapters {

PackWatcher::PackWatcher(boost::asio::io_context& ioc, bot::Bot& bot,
                         std::filesystem::path dir,
                         std::chrono::milliseconds poll)
    : bot_(bot), dir_(std::move(dir)), poll_(poll), timer_(ioc) {}

std::size_t PackWatcher::Stamp() const {
  std::string both;
  for (const char* name :
       {bot::kArticleFile, bot::kIntentsFile, bot::kWordingFile}) {
    auto text = bot::ReadFile(dir_ / name);
    both += text ? *text : std::string("\0missing", 8);
    both += '\0';
  }
  return std::hash<std::string>{}(both);
}

void PackWatcher::Start() {
  seen_ = Stamp();
  Poll();
}

void PackWatcher::Stop() { timer_.cancel(); }

void PackWatcher::Poll() {
  timer_.expires_after(poll_);
  timer_.async_wait([this](const boost::system::error_code& ec) {
    if (ec) return;  // stopped
    if (const auto now = Stamp(); now != seen_) {
      seen_ = now;
      (void)ReloadNow();
    }
    Poll();
  });
}

void LogPackCheck(const std::filesystem::path& dir,
                  std::shared_ptr<const dialogs::Pack> pack) {
  for (const auto& f : bot::CheckPack(dir, std::move(pack))) {
    if (f.accepted.empty()) Log("pack check: " + bot::FormatFinding(f));
  }
}

Status PackWatcher::ReloadNow() {
  auto pack = bot::LoadPack(dir_);
  if (!pack) {
    ++failures_;
    Log("reload refused, still serving the previous pack: " +
        pack.error().message);
    return std::unexpected(pack.error());
  }
  const std::size_t nodes = (*pack)->nodes.size();
  const std::shared_ptr<const dialogs::Pack> loaded = *pack;
  if (bot_.library()) {
    // One article of a library: the others keep serving as they are.
    if (auto s = bot_.SetArticle(loaded); !s) {
      ++failures_;
      Log("reload refused: " + s.error().message);
      return s;
    }
  } else {
    bot_.SetPack(loaded);
  }
  ++reloads_;
  Log("reloaded pack " + dir_.string() + " (" + std::to_string(nodes) +
      " nodes)");
  LogPackCheck(dir_, loaded);
  return Ok();
}

}  // namespace faqbot::adapters
