#include "bot/store/redis_session_store.h"

#include <hiredis/hiredis.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <optional>
#include <random>
#include <thread>

#include "bot/store/redis_client.h"

namespace faqbot::bot {
namespace {

// Stores ARGV[2] with a TTL of ARGV[3] seconds if the record is still
// revision ARGV[1] ("0": still none; "*": whatever it holds) and answers 1; if
// another instance wrote a newer one meanwhile, answers that record instead, so
// a conflict costs no extra read. A missing key (Redis lost it) and a record
// that is oversized (over ARGV[4] bytes) or not a session are replaced.
// With the state it appends the step's exchange ARGV[5] (when not empty)
// to the transcript stream KEYS[2], keeping about ARGV[6] entries.
constexpr const char* kCommit =
    "local len = redis.call('STRLEN', KEYS[1]) "
    "if len > 0 and ARGV[1] ~= '*' and len <= tonumber(ARGV[4]) then "
    "  local cur = redis.call('GET', KEYS[1]) "
    "  local ok, rec = pcall(cjson.decode, cur) "
    "  if ok and type(rec) == 'table' and tonumber(rec.r) and "
    "     tonumber(rec.r) ~= tonumber(ARGV[1]) then return cur end "
    "end "
    "redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3]) "
    "if ARGV[5] ~= '' then "
    "  redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[6], '*', 'e', ARGV[5]) "
    "end "
    "return 1";

// Exchanges the transcript stream holds at most (about 0.3 GB of Redis):
// beyond it, while no instance can write to the database for a long time,
// the oldest go.
constexpr const char* kMaxStreamEntries = "1000000";

// Two instances busy on one conversation take turns: the loser of a write
// runs the step again on the winner's state, after a random pause that
// grows with each loss up to this (no cap on the tries: a state change is
// never dropped).
constexpr int kMaxPauseUs = 5000;

int64_t NowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// Whether the last command timed out (hiredis reports it as an I/O error
// with EAGAIN's text).
bool TimedOut(const redisContext& c) {
  return c.err == REDIS_ERR_IO &&
         std::string_view(c.errstr).find(std::strerror(EAGAIN)) !=
             std::string_view::npos;
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
  (void)fallback_.WithSession(id, [&](Session& m, bool) {
    const auto active = m.last_active;
    m = std::move(session);
    m.last_active = active;
    m.unsaved = unsaved;
  });
}

// Whether the step's state reached Redis; false on an I/O or protocol
// error (`*result` then holds the state fn made, if it ran).
bool RedisSessionStore::Step(redisContext* c, const std::string& key,
                             const std::optional<Session>& cached, const Fn& fn,
                             std::optional<Session>* result) {
  const std::string limit = std::to_string(kMaxSessionRecordBytes);
  // The step starts from this instance's copy (most likely what Redis
  // holds when this instance served the session last) or, for a session
  // new here, from none; the write tells if Redis holds something newer.
  // One round trip per message, two when the session moved.
  Session s;
  bool created = true;
  std::string expected = "0";  // still no record
  if (cached) {
    s = *cached;
    created = false;
    // A copy changed while Redis was down is newer than what Redis has.
    expected = s.unsaved || s.revision == 0 ? "*" : std::to_string(s.revision);
    s.unsaved = false;
  }
  const long long ttl = std::max<long long>(1, options_.idle_expiry.count());
  const std::string& stream = options_.transcript_stream;
  const std::string& stream_key = stream.empty() ? key : stream;
  for (int attempt = 0;; ++attempt) {
    // fn works on `s` itself: a refused write replaces it with the newer
    // record anyway, so no copy is kept.
    const uint64_t revision = s.revision + 1;
    fn(s, created);
    s.revision = revision;
    const std::string text = EncodeSession(s, revision);
    std::string exchange = std::move(s.transcript);
    s.transcript.clear();
    if (stream.empty()) exchange.clear();
    *result = std::move(s);
    auto wrote = Command(c, "EVAL %s 2 %b %b %b %b %lld %s %b %s", kCommit,
                         key.data(), key.size(), stream_key.data(),
                         stream_key.size(), expected.data(), expected.size(),
                         text.data(), text.size(), ttl, limit.c_str(),
                         exchange.data(), exchange.size(), kMaxStreamEntries);
    if (!wrote) return false;
    if (wrote->type == REDIS_REPLY_INTEGER) return true;
    if (wrote->type != REDIS_REPLY_STRING) return false;
    // Another instance wrote first: run again on its state, after a short
    // random pause (from the third try) so two busy writers stop colliding.
    ++conflicts_;
    s = Session();
    Adopt(wrote.get(), &s, &created, &expected);
    if (attempt >= 2) {
      thread_local std::minstd_rand random(std::random_device{}());
      std::this_thread::sleep_for(std::chrono::microseconds(
          random() % std::min(200 * attempt, kMaxPauseUs)));
    }
  }
}

void RedisSessionStore::Adopt(const redisReply* record, Session* s,
                              bool* created, std::string* expected) {
  *created = true;
  // No record: write only if there is still none ("0"); one oversized or
  // not a session: replace it ("*").
  *expected = record->type == REDIS_REPLY_NIL ? "0" : "*";
  if (record->type != REDIS_REPLY_STRING) return;
  uint64_t revision = 0;
  if (auto d = DecodeSession(std::string_view(record->str, record->len),
                             &revision)) {
    *s = std::move(*d);
    s->revision = revision;
    *created = false;
    *expected = std::to_string(revision);
  }
}

Stored RedisSessionStore::WithSession(std::string_view id, const Fn& fn) {
  const std::string key = options_.prefix + std::string(id);
  std::optional<Session> result;  // the state fn produced, once it ran
  bool pooled = false;
  Connection c = Acquire(&pooled);
  const std::optional<Session> cached = fallback_.Find(id);
  while (c) {
    if (Step(c.get(), key, cached, fn, &result)) {
      Release(std::move(c));
      Keep(id, std::move(*result), /*unsaved=*/false);
      return Stored::kSaved;
    }
    // A command that timed out may still have been carried out: writing
    // again would run the step twice on top of itself. Only a pooled
    // connection found broken (Redis restarted) is worth one more try.
    if (!pooled || TimedOut(*c)) {
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
    result.reset();
    c = Connect();
  }
  if (result) {  // fn already ran on Redis's state; keep what it made
    Keep(id, std::move(*result), /*unsaved=*/true);
    return Stored::kKeptLocally;
  }
  (void)fallback_.WithSession(id, [&](Session& s, bool created) {
    fn(s, created);
    s.unsaved = true;
    s.transcript.clear();  // not written: the caller keeps it
  });
  return Stored::kKeptLocally;
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
