// The operator console's live view (/console/ws, adapters/console.h): a
// WebSocket per open console page over which the server pushes the
// console's state ({"type":"state", ...} as GET /console/api/state answers)
// whenever it changes, instead of the page asking every second. The page
// sends {"open": "<display id>"} to choose whose lines it shows. Actions
// stay JSON POSTs. Internal to adapters/.
#ifndef FAQBOT_ADAPTERS_CONSOLE_FEED_H_
#define FAQBOT_ADAPTERS_CONSOLE_FEED_H_

#include <functional>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/ws_connection.h"

namespace faqbot::adapters {

class ConsoleFeed;

// The open feeds. Thread-safe.
class ConsoleFeeds {
 public:
  // The state operator `op` sees with conversation `shown` open, without
  // "now_ms" (a feed pushes only what changed).
  using StateFn =
      std::function<nlohmann::json(const std::string& op, std::string_view)>;
  // Where a feed makes its state (which reads the desk, maybe Redis): the
  // server's backstage; inline until set.
  using PostFn = std::function<void(std::function<void()>)>;
  void SetPost(PostFn post);
  // Takes the upgrade of operator `op`, logged in with `token`; `state`
  // makes what the feed pushes.
  void Accept(WsUpgrade upgrade, const std::string& op,
              const std::string& token, StateFn state);
  // Pushes the state to each feed whose view changed.
  void PushAll();
  // Closes the feeds whose login token `valid` no longer accepts.
  void Retain(const std::function<bool(const std::string& token)>& valid);
  // The operators with a feed open.
  std::set<std::string> Operators();
  void CloseAll();

  // What a page may send: {"open": id}, small.
  static constexpr std::size_t kMaxFrameBytes = 1024;

 private:
  std::vector<std::shared_ptr<ConsoleFeed>> Live();

  std::mutex mu_;
  std::vector<std::weak_ptr<ConsoleFeed>> feeds_;  // guarded by mu_
  PostFn post_ = [](std::function<void()> work) { work(); };
};

}  // namespace faqbot::adapters

#endif  // FAQBOT_ADAPTERS_CONSOLE_FEED_H_
