// Small Redis helpers for the parts of faqbot that share state through
// Redis besides sessions (handoff, Direct Line): one connection guarded by
// a mutex for commands (binary-safe arguments, reconnecting once when the
// connection broke), and a subscriber thread for one pub/sub channel.
// Threads: any (the connection's mutex serialises commands); each command
// waits on Redis, so callers stay off the server's network threads.
#ifndef FAQBOT_BOT_STORE_REDIS_CLIENT_H_
#define FAQBOT_BOT_STORE_REDIS_CLIENT_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "bot/store/redis_session_store.h"

struct redisContext;
struct redisReply;

namespace faqbot::bot {

// A command's reply; false when there was none (Redis unreachable) or it
// was an error.
struct RedisReply {
  std::shared_ptr<redisReply> r;
  explicit operator bool() const;
  int64_t Int() const;                     // 0 unless an integer
  std::string Text() const;                // "" unless a string
  std::vector<std::string> Texts() const;  // an array's strings
};

class RedisClient {
 public:
  explicit RedisClient(RedisOptions options);
  ~RedisClient();
  RedisReply Run(const std::vector<std::string>& argv);
  const RedisOptions& options() const { return options_; }
  // Whether the last command reached Redis (an error reply counts: Redis
  // answered), so "not found" can be told from "cannot tell".
  bool reachable() const { return reachable_.load(); }

 private:
  RedisOptions options_;
  std::mutex mu_;
  redisContext* conn_ = nullptr;  // guarded by mu_
  std::atomic<bool> reachable_{true};
};

// A new connection (AUTH done, `options.timeout` on each command), or null
// with the reason in `*why` when given.
redisContext* ConnectRedis(const RedisOptions& options,
                           std::string* why = nullptr);

// Listens on `channel` on a thread of its own until destroyed: `message`
// for each message, `connected` after each (re)connection (to reload what
// may have been missed). Logs "unreachable" and "back" once each.
class RedisSubscriber {
 public:
  RedisSubscriber(RedisOptions options, std::string channel,
                  std::function<void(const std::string&)> message,
                  std::function<void()> connected);
  ~RedisSubscriber();

 private:
  void Listen();
  RedisOptions options_;
  const std::string channel_;
  std::function<void(const std::string&)> message_;
  std::function<void()> connected_;
  std::atomic<bool> stop_{false};
  std::mutex fd_mu_;
  int fd_ = -1;  // guarded by fd_mu_: the socket to shut down on stop
  std::thread thread_;
};

}  // namespace faqbot::bot

#endif  // FAQBOT_BOT_STORE_REDIS_CLIENT_H_
