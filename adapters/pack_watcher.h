// PackWatcher: reloads the served pack when its files change or on
// request (SIGHUP), without dropping a connection. For a library (a bot of
// several packs) one watcher per article folder reloads that article
// alone (Bot::SetArticle).
//
// It polls article.txt and intents.txt and compares their content (file
// times are too coarse to see an edit made right after another). A pack
// that fails to compile is refused: the previous one keeps serving, and
// the error (file, line, what is wrong) is logged.
#ifndef FAQBOT_ADAPTERS_PACK_WATCHER_H_
#define FAQBOT_ADAPTERS_PACK_WATCHER_H_

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <filesystem>
#include <string>

#include "bot/bot.h"

namespace faqbot::adapters {

// Logs what `faqbot check` says of `pack` (compiled from `dir`), one line
// per warning: at start and after every reload.
void LogPackCheck(const std::filesystem::path& dir,
                  std::shared_ptr<const dialogs::Pack> pack);

class PackWatcher {
 public:
  // `ioc` and `bot` must outlive the watcher.
  PackWatcher(boost::asio::io_context& ioc, bot::Bot& bot,
              std::filesystem::path dir,
              std::chrono::milliseconds poll = std::chrono::seconds(1));

  // Starts polling. Call once.
  void Start();
  // Stops polling (pending timer cancelled).
  void Stop();

  // Reloads now, whatever the files' times. Returns the error when the new
  // pack was refused. Thread-safe with respect to the bot.
  Status ReloadNow();

  // Successful reloads and refused ones so far, for tests and metrics.
  int reloads() const { return reloads_.load(); }
  int failures() const { return failures_.load(); }

 private:
  void Poll();
  std::size_t Stamp() const;  // hash of both files' content

  bot::Bot& bot_;
  std::filesystem::path dir_;
  std::chrono::milliseconds poll_;
  boost::asio::steady_timer timer_;
  std::size_t seen_ = 0;
  std::atomic<int> reloads_{0};
  std::atomic<int> failures_{0};
};

}  // namespace faqbot::adapters

#endif  // FAQBOT_ADAPTERS_PACK_WATCHER_H_
