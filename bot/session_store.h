// In-memory session store: dialog state per session id, with idle expiry.
//
// Thread-safe. Sessions live in shards, each with its own mutex, so
// messages of different sessions rarely wait for each other; WithSession()
// holds the shard's lock while the callback runs, so two messages of one
// session never interleave.
#ifndef FAQBOT_BOT_SESSION_STORE_H_
#define FAQBOT_BOT_SESSION_STORE_H_

#include <array>
#include <chrono>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "dialogs/dialog_runner.h"

namespace faqbot::bot {

struct Session {
  dialogs::DialogState state;
  bool disclaimed = false;  // the disclaimer was shown
  std::chrono::steady_clock::time_point last_active;
};

class SessionStore {
 public:
  using Clock = std::chrono::steady_clock;

  explicit SessionStore(std::chrono::seconds idle_expiry);

  // Runs `fn` on the session `id` (created empty if new or expired) under
  // its shard's lock. `created` tells fn whether the session is new.
  void WithSession(std::string_view id,
                   const std::function<void(Session&, bool created)>& fn);

  bool Contains(std::string_view id) const;
  std::size_t size() const;

  // Drops sessions idle longer than the expiry; returns how many.
  std::size_t Expire(Clock::time_point now = Clock::now());

 private:
  static constexpr std::size_t kShards = 16;
  struct Shard {
    mutable std::mutex mu;
    std::unordered_map<std::string, Session> sessions;  // guarded by mu
    std::size_t since_sweep = 0;                        // guarded by mu
  };
  Shard& ShardFor(std::string_view id) const;

  std::chrono::seconds idle_expiry_;
  mutable std::array<Shard, kShards> shards_;
};

}  // namespace faqbot::bot

#endif  // FAQBOT_BOT_SESSION_STORE_H_
