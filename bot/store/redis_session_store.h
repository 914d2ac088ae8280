// Sessions in Redis, shared by every faqbot instance that points at it.
//
// Each session is one key, "<prefix><id>", holding EncodeSession() text
// and expiring after the idle time (Redis TTL, renewed on every message).
// Concurrency: optimistic check-and-set on the record's revision. A
// message runs the dialog step on the state and writes the result with a
// small Lua script that stores it only if the record is still the
// revision the step started from; if another instance changed it
// meanwhile, the script answers the newer record and the step is re-run
// on it (as often as it takes, with short random pauses after the second
// try: a state change is never dropped). The state comes from this
// instance's copy, or is new: one round trip per message, two when the
// session moved between instances (the refused write brings the state).
//
// Threads: any, but every call may wait on Redis (up to the timeout):
// call it off the network threads (adapters/backstage.h).
//
// Each instance also keeps a copy of the sessions it served (same idle
// expiry). Redis unreachable: messages are answered from that copy, so a
// conversation on this instance goes on (degraded() is true, logged once),
// and the store retries the connection at most once a second. When Redis
// is back, state changed meanwhile is written back on the session's next
// message; so is state Redis lost (a restart without persistence).
//
// With a transcript stream, the script that writes a step's state also
// appends the step's exchange (Session::transcript) to it: the exchange
// is in Redis before the reply goes out, whatever happens to this process.
#ifndef FAQBOT_BOT_STORE_REDIS_SESSION_STORE_H_
#define FAQBOT_BOT_STORE_REDIS_SESSION_STORE_H_

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "bot/store/session_store.h"

struct redisContext;
struct redisReply;

namespace faqbot::bot {

struct RedisOptions {
  std::string host = "127.0.0.1";
  int port = 6379;
  std::string password;              // AUTH when not empty
  std::string prefix = "faqbot:s:";  // key prefix, so instances can share
  std::chrono::seconds idle_expiry{std::chrono::hours(1)};
  // Sessions this instance keeps a copy of (for when Redis is down).
  std::size_t max_sessions = 100000;
  std::chrono::milliseconds timeout{500};  // connect and each command
  // While Redis is down, how often one message tries it again.
  std::chrono::milliseconds retry_every{1000};
  // The stream (key) each step appends its Session::transcript to, with
  // the state in one script (redis_transcript_queue.h reads it); "": none.
  std::string transcript_stream;
  // Where "Redis down" / "Redis back" lines go.
  std::function<void(const std::string&)> log;
};

class RedisSessionStore : public SessionStore {
 public:
  explicit RedisSessionStore(RedisOptions options);
  ~RedisSessionStore() override;

  Stored WithSession(std::string_view id, const Fn& fn) override;
  bool Contains(std::string_view id) const override;
  // Sessions this process holds a copy of.
  std::size_t size() const override { return fallback_.size(); }
  bool degraded() const override { return down_.load(); }
  uint64_t failures() const override { return failures_.load(); }
  bool KeepsTranscripts() const override {
    return !options_.transcript_stream.empty();
  }

  // Write conflicts resolved by a retry, since start.
  uint64_t conflicts() const { return conflicts_.load(); }

 private:
  struct ContextDeleter {
    void operator()(redisContext* c) const;
  };
  using Connection = std::unique_ptr<redisContext, ContextDeleter>;

  // A pooled connection (*pooled) or a new one; null when Redis is down.
  Connection Acquire(bool* pooled) const;
  Connection Connect() const;  // a new connection, null on failure
  // Read, fn, check-and-set; false on an I/O or protocol error.
  bool Step(redisContext* c, const std::string& key,
            const std::optional<Session>& cached, const Fn& fn,
            std::optional<Session>* result);
  // `record` (a reply holding a session record, or not) as the state a
  // step starts from: *s, whether it is new, its revision for the write.
  static void Adopt(const redisReply* record, Session* s, bool* created,
                    std::string* expected);
  void Release(Connection c) const;           // back to the pool
  void Failed(const std::string& why) const;  // marks Redis down
  // Puts `session` into this process's copy (fallback_).
  void Keep(std::string_view id, Session session, bool unsaved);

  RedisOptions options_;
  MemorySessionStore fallback_;
  mutable std::mutex pool_mu_;
  mutable std::vector<Connection> pool_;  // guarded by pool_mu_
  mutable std::atomic<bool> down_{false};
  mutable std::atomic<int64_t> next_try_ns_{0};
  mutable std::atomic<uint64_t> failures_{0};
  std::atomic<uint64_t> conflicts_{0};
};

}  // namespace faqbot::bot

#endif  // FAQBOT_BOT_STORE_REDIS_SESSION_STORE_H_
