#include "bot/redis_session_store.h"

#include <hiredis/hiredis.h>

#include <algorithm>
#include <iostream>
#include <optional>
#include <random>
#include <thread>

#include "bot/redis_client.h"

namespace faqbot::bot {
namespace {

// Reads a session record, or -1 when it is longer than ARGV[1] bytes: an
// oversized record (garbage, or an attack) is never sent over the wire.
constexpr const char* kRead =
    "if redis.call('STRLEN', KEYS[1]) > tonumber(ARGV[1]) then return -1 end "
    "return redis.call('GET', KEYS[1])";

// Stores ARGV[2] with a TTL of ARGV[3] seconds only if the key still holds
// ARGV[1] ("" for a missing key) or, when ARGV[4] is "1", still holds an
// oversized record (over ARGV[5] bytes): the check-and-set of one message.
constexpr const char* kCheckAndSet =
    "if ARGV[4] == '1' then "
    "  if redis.call('STRLEN', KEYS[1]) <= tonumber(ARGV[5]) then return 0 end "
    "else "
    "  local cur = redis.call('GET', KEYS[1]) or '' "
    "  if cur ~= ARGV[1] then return 0 end "
    "end "
    "redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3]) return 1";

// Two instances busy on one conversation take turns; a slow build
// (sanitizers) lost 32 turns in a row often enough to drop a state change
// (a third of runs of the two-instance test). The pause between tries is
// capped, so 128 tries wait at most about 0.6 s in all.
constexpr int kMaxAttempts = 128;
constexpr int kMaxPauseUs = 5000;

int64_t NowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

struct ReplyDeleter {
  void operator()(redisReply* r) const { freeReplyObject(r); }
};
using ReplyPtr = std::unique_ptr<redisReply, ReplyDeleter>;

template <typename... Args>
ReplyPtr Command(redisContext* c, const char* format, Args... args) {
  return ReplyPtr(static_cast<redisReply*>(redisCommand(c, format, args...)));
}

}  // namespace

void RedisSessionStore::ContextDeleter::operator()(redisContext* c) const {
  redisFree(c);
}

RedisSessionStore::RedisSessionStore(RedisOptions options)
    : options_(std::move(options)),
      fallback_(options_.idle_expiry, options_.max_sessions) {
  if (!options_.log) {
    options_.log = [](const std::string& line) {
      std::cerr << "faqbot: " << line << std::endl;
    };
  }
  // Connect now, so a wrong address is reported at start.
  Release(Connect());
}

RedisSessionStore::~RedisSessionStore() = default;

RedisSessionStore::Connection RedisSessionStore::Acquire(bool* pooled) const {
  *pooled = false;
  if (down_.load()) {
    int64_t next = next_try_ns_.load();
    const int64_t now = NowNs();
    // One thread at a time probes a down server, at most once a second.
    if (now < next ||
        !next_try_ns_.compare_exchange_strong(
            next,
            now + std::chrono::nanoseconds(options_.retry_every).count())) {
      return nullptr;
    }
  } else {
    std::lock_guard lock(pool_mu_);
    if (!pool_.empty()) {
      Connection c = std::move(pool_.back());
      pool_.pop_back();
      *pooled = true;
      return c;
    }
  }
  return Connect();
}

RedisSessionStore::Connection RedisSessionStore::Connect() const {
  std::string why;
  Connection c(ConnectRedis(options_, &why));
  if (!c) {
    Failed(why);
    return nullptr;
  }
  if (down_.exchange(false)) {
    options_.log("Redis at " + options_.host + ":" +
                 std::to_string(options_.port) +
                 " is back; sessions are shared again");
  }
  return c;
}

void RedisSessionStore::Release(Connection c) const {
  if (!c || c->err) return;
  std::lock_guard lock(pool_mu_);
  pool_.push_back(std::move(c));
}

void RedisSessionStore::Failed(const std::string& why) const {
  ++failures_;
  next_try_ns_.store(NowNs() +
                     std::chrono::nanoseconds(options_.retry_every).count());
  if (!down_.exchange(true)) {
    options_.log("Redis at " + options_.host + ":" +
                 std::to_string(options_.port) + " unreachable (" + why +
                 "); keeping sessions in this process until it is back");
    std::lock_guard lock(pool_mu_);
    pool_.clear();
  }
}

void RedisSessionStore::Keep(std::string_view id, Session session,
                             bool unsaved) {
  fallback_.WithSession(id, [&](Session& m, bool) {
    const auto active = m.last_active;
    m = std::move(session);
    m.last_active = active;
    m.unsaved = unsaved;
  });
}

bool RedisSessionStore::Step(redisContext* c, const std::string& key,
                             const std::optional<Session>& cached, const Fn& fn,
                             std::optional<Session>* result) {
  const long long ttl = std::max<long long>(1, options_.idle_expiry.count());
  for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
    const std::string limit = std::to_string(kMaxSessionRecordBytes);
    auto read = Command(c, "EVAL %s 1 %b %s", kRead, key.data(), key.size(),
                        limit.c_str());
    if (!read || read->type == REDIS_REPLY_ERROR) return false;
    std::string old;
    uint64_t revision = 0;
    Session s;
    bool created = true;
    const bool oversized =
        read->type == REDIS_REPLY_INTEGER && read->integer == -1;
    if (read->type == REDIS_REPLY_STRING) {
      old.assign(read->str, read->len);
      if (auto d = DecodeSession(old, &revision)) {
        s = std::move(*d);
        created = false;
      }
    }
    // This process's copy wins when it is newer (made while Redis was
    // down) or when Redis lost the key (restarted without persistence).
    if (cached && (cached->unsaved || created)) {
      s = *cached;
      s.unsaved = false;
      created = false;
    }
    fn(s, created);
    const std::string next = EncodeSession(s, revision + 1);
    *result = std::move(s);
    auto wrote =
        Command(c, "EVAL %s 1 %b %b %b %lld %s %s", kCheckAndSet, key.data(),
                key.size(), old.data(), old.size(), next.data(), next.size(),
                ttl, oversized ? "1" : "0", limit.c_str());
    if (!wrote || wrote->type != REDIS_REPLY_INTEGER) return false;
    if (wrote->integer == 1) return true;
    // Another instance wrote first: run again on its state, after a short
    // random pause so two busy writers stop colliding.
    ++conflicts_;
    if (attempt >= 2) {
      thread_local std::minstd_rand random(std::random_device{}());
      std::this_thread::sleep_for(std::chrono::microseconds(
          random() % std::min(200 * attempt, kMaxPauseUs)));
    }
  }
  options_.log("session " + key + " kept changing for " +
               std::to_string(kMaxAttempts) +
               " attempts; this message's state change was not saved");
  return true;
}

void RedisSessionStore::WithSession(std::string_view id, const Fn& fn) {
  const std::string key = options_.prefix + std::string(id);
  std::optional<Session> result;  // the state fn produced, once it ran
  bool pooled = false;
  Connection c = Acquire(&pooled);
  const std::optional<Session> cached = fallback_.Find(id);
  while (c) {
    if (Step(c.get(), key, cached, fn, &result)) {
      Release(std::move(c));
      Keep(id, std::move(*result), /*unsaved=*/false);
      return;
    }
    if (!pooled) {
      Failed(c->err ? c->errstr : "unexpected reply");
      break;
    }
    // A pooled connection may have died with a Redis restart: drop the
    // pool and try once on a new connection before calling Redis down.
    {
      std::lock_guard lock(pool_mu_);
      pool_.clear();
    }
    pooled = false;
    c = Connect();
  }
  if (result) {  // fn already ran on Redis's state; keep what it made
    Keep(id, std::move(*result), /*unsaved=*/true);
    return;
  }
  fallback_.WithSession(id, [&](Session& s, bool created) {
    fn(s, created);
    s.unsaved = true;
  });
}

bool RedisSessionStore::Contains(std::string_view id) const {
  if (fallback_.Contains(id)) return true;
  bool pooled = false;
  Connection c = Acquire(&pooled);
  if (!c) return false;
  const std::string key = options_.prefix + std::string(id);
  auto r = Command(c.get(), "EXISTS %b", key.data(), key.size());
  if ((!r || r->type != REDIS_REPLY_INTEGER) && pooled) {
    c = Connect();  // the pooled one may have died with a Redis restart
    if (!c) return false;
    r = Command(c.get(), "EXISTS %b", key.data(), key.size());
  }
  if (!r || r->type != REDIS_REPLY_INTEGER) {
    Failed(c->err ? c->errstr : "unexpected reply");
    return false;
  }
  const bool found = r->integer == 1;
  Release(std::move(c));
  return found;
}

}  // namespace faqbot::bot
