#include "bot/redis_handoff_desk.h"

#include <hiredis/hiredis.h>
#include <sys/socket.h>

#include <nlohmann/json.hpp>

namespace faqbot::bot {
namespace {

// Queues a conversation unless it is open. KEYS: hash, open set, lines.
// ARGV: id, channel, requested_ms, events channel, address.
constexpr const char* kRequest =
    "if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end "
    "redis.call('HSET', KEYS[1], 'channel', ARGV[2], 'status', 'waiting', "
    "  'operator', '', 'requested_ms', ARGV[3], 'taken_ms', '0', "
    "  'first_reply_ms', '0', 'address', ARGV[5]) "
    "redis.call('SADD', KEYS[2], ARGV[1]) redis.call('DEL', KEYS[3]) "
    "redis.call('PUBLISH', ARGV[4], 's ' .. ARGV[1]) return 1";

// Waiting -> active. KEYS: hash. ARGV: id, operator, now, events channel.
constexpr const char* kTake =
    "if redis.call('HGET', KEYS[1], 'status') ~= 'waiting' then return 0 end "
    "redis.call('HSET', KEYS[1], 'status', 'active', 'operator', ARGV[2], "
    "  'taken_ms', ARGV[3]) "
    "redis.call('PUBLISH', ARGV[4], 's ' .. ARGV[1]) return 1";

// Closes a conversation; with ARGV[3] set, only one waiting since before
// it. KEYS: hash, open set, lines. ARGV: id, events channel, cutoff.
constexpr const char* kRelease =
    "if ARGV[3] ~= '' and (redis.call('HGET', KEYS[1], 'status') ~= "
    "  'waiting' or tonumber(redis.call('HGET', KEYS[1], 'requested_ms')) "
    "  >= tonumber(ARGV[3])) then return 0 end "
    "if redis.call('DEL', KEYS[1]) == 0 then return 0 end "
    "redis.call('SREM', KEYS[2], ARGV[1]) redis.call('DEL', KEYS[3]) "
    "redis.call('PUBLISH', ARGV[2], 's ' .. ARGV[1]) return 1";

// The first operator message: its wait, or -1. KEYS: hash. ARGV: id, now,
// events channel.
constexpr const char* kReplied =
    "if redis.call('HGET', KEYS[1], 'first_reply_ms') ~= '0' then "
    "  return -1 end "
    "redis.call('HSET', KEYS[1], 'first_reply_ms', ARGV[2]) "
    "redis.call('PUBLISH', ARGV[3], 's ' .. ARGV[1]) "
    "return tonumber(ARGV[2]) - "
    "  tonumber(redis.call('HGET', KEYS[1], 'requested_ms'))";

// Everything in a list, emptying it. KEYS: the list.
constexpr const char* kTakeAll =
    "local all = redis.call('LRANGE', KEYS[1], 0, -1) "
    "redis.call('DEL', KEYS[1]) return all";

int64_t ToInt(const std::string& s) { return std::atoll(s.c_str()); }

}  // namespace

struct RedisHandoffDesk::Reply {
  std::shared_ptr<redisReply> r;
  explicit operator bool() const {
    return r != nullptr && r->type != REDIS_REPLY_ERROR;
  }
  int64_t Int() const {
    return r->type == REDIS_REPLY_INTEGER ? r->integer : 0;
  }
  std::string Text() const {
    return r->type == REDIS_REPLY_STRING ? std::string(r->str, r->len) : "";
  }
  std::vector<std::string> Texts() const {
    std::vector<std::string> out;
    if (r->type != REDIS_REPLY_ARRAY) return out;
    for (std::size_t i = 0; i < r->elements; ++i) {
      const redisReply* e = r->element[i];
      out.emplace_back(
          e->type == REDIS_REPLY_STRING ? std::string(e->str, e->len) : "");
    }
    return out;
  }
};

RedisHandoffDesk::RedisHandoffDesk(RedisOptions options, std::string prefix)
    : options_(std::move(options)), prefix_(std::move(prefix)) {
  if (!options_.log) options_.log = [](const std::string&) {};
  Reload();
  listener_ = std::thread([this] { Listen(); });
}

RedisHandoffDesk::~RedisHandoffDesk() {
  stop_ = true;
  if (const int fd = listen_fd_.load(); fd >= 0) ::shutdown(fd, SHUT_RDWR);
  listener_.join();
  if (conn_) redisFree(conn_);
}

redisContext* RedisHandoffDesk::Connect() {
  const auto ms = options_.timeout.count();
  const timeval tv{static_cast<time_t>(ms / 1000),
                   static_cast<suseconds_t>(ms % 1000 * 1000)};
  redisContext* c =
      redisConnectWithTimeout(options_.host.c_str(), options_.port, tv);
  if (c == nullptr || c->err) {
    if (c) redisFree(c);
    return nullptr;
  }
  if (!options_.password.empty()) {
    auto* r = static_cast<redisReply*>(
        redisCommand(c, "AUTH %s", options_.password.c_str()));
    const bool ok = r && r->type != REDIS_REPLY_ERROR;
    if (r) freeReplyObject(r);
    if (!ok) {
      redisFree(c);
      return nullptr;
    }
  }
  return c;
}

RedisHandoffDesk::Reply RedisHandoffDesk::Run(
    const std::vector<std::string>& argv) {
  std::vector<const char*> args;
  std::vector<std::size_t> lengths;
  for (const auto& a : argv) {
    args.push_back(a.data());
    lengths.push_back(a.size());
  }
  std::lock_guard lock(mu_);
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (conn_ == nullptr) conn_ = Connect();
    if (conn_ == nullptr) return {};
    auto* r = static_cast<redisReply*>(redisCommandArgv(
        conn_, static_cast<int>(args.size()), args.data(), lengths.data()));
    if (r != nullptr) return {std::shared_ptr<redisReply>(r, freeReplyObject)};
    redisFree(conn_);  // broken: a new connection, once
    conn_ = nullptr;
  }
  return {};
}

std::optional<Handoff> RedisHandoffDesk::Load(const std::string& id) {
  const Reply r = Run({"HGETALL", prefix_ + "c:" + id});
  if (!r) return std::nullopt;
  const auto cells = r.Texts();
  if (cells.empty()) return std::nullopt;
  Handoff h{.id = id};
  for (std::size_t i = 0; i + 1 < cells.size(); i += 2) {
    const std::string& k = cells[i];
    const std::string& v = cells[i + 1];
    if (k == "channel") h.channel = v;
    if (k == "address") h.address = v;
    if (k == "status") {
      h.status =
          v == "active" ? HandoffStatus::kActive : HandoffStatus::kWaiting;
    }
    if (k == "operator") h.operator_name = v;
    if (k == "requested_ms") h.requested_ms = ToInt(v);
    if (k == "taken_ms") h.taken_ms = ToInt(v);
    if (k == "first_reply_ms") h.first_reply_ms = ToInt(v);
  }
  return h;
}

void RedisHandoffDesk::Refresh(const std::string& id) {
  if (auto h = Load(id)) {
    Keep(*h);
  } else {
    Forget(id);
  }
}

void RedisHandoffDesk::Reload() {
  const Reply ids = Run({"SMEMBERS", prefix_ + "open"});
  if (!ids) return;
  std::vector<Handoff> all;
  for (const auto& id : ids.Texts()) {
    if (auto h = Load(id)) all.push_back(std::move(*h));
  }
  KeepAll(std::move(all));
}

void RedisHandoffDesk::Listen() {
  bool was_down = false;
  while (!stop_) {
    redisContext* c = Connect();
    if (c == nullptr) {
      if (!was_down) options_.log("handoff: Redis unreachable; retrying");
      was_down = true;
      for (int i = 0; i < 10 && !stop_; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
      continue;
    }
    redisSetTimeout(c, {0, 0});  // block until a message (or shutdown)
    const std::string channel = prefix_ + "events";
    auto* sub = static_cast<redisReply*>(
        redisCommand(c, "SUBSCRIBE %b", channel.data(), channel.size()));
    if (sub) freeReplyObject(sub);
    listen_fd_ = c->fd;
    if (stop_) ::shutdown(c->fd, SHUT_RDWR);
    if (was_down) options_.log("handoff: Redis is back");
    was_down = false;
    Reload();  // what changed while not listening
    void* raw = nullptr;
    while (!stop_ && redisGetReply(c, &raw) == REDIS_OK) {
      std::shared_ptr<redisReply> r(static_cast<redisReply*>(raw),
                                    freeReplyObject);
      if (r->type != REDIS_REPLY_ARRAY || r->elements != 3 ||
          r->element[2]->type != REDIS_REPLY_STRING) {
        continue;
      }
      const std::string event(r->element[2]->str, r->element[2]->len);
      if (event.starts_with("s ")) {
        Refresh(event.substr(2));
      } else if (event.starts_with("d ")) {
        const std::size_t nl = event.find('\n');
        if (nl != std::string::npos) {
          Delivered(event.substr(2, nl - 2), event.substr(nl + 1));
        }
      }
    }
    listen_fd_ = -1;
    redisFree(c);
  }
}

bool RedisHandoffDesk::Request(const Handoff& handoff) {
  const Reply r =
      Run({"EVAL", kRequest, "3", prefix_ + "c:" + handoff.id, prefix_ + "open",
           prefix_ + "lines:" + handoff.id, handoff.id, handoff.channel,
           std::to_string(handoff.requested_ms), prefix_ + "events",
           handoff.address});
  if (!r || r.Int() != 1) return false;
  Refresh(handoff.id);  // at once, not only when the event comes back
  return true;
}

bool RedisHandoffDesk::Take(const std::string& id, const std::string& op) {
  const Reply r = Run({"EVAL", kTake, "1", prefix_ + "c:" + id, id, op,
                       std::to_string(UnixMs()), prefix_ + "events"});
  if (!r || r.Int() != 1) return false;
  Refresh(id);
  return true;
}

bool RedisHandoffDesk::Release(const std::string& id) {
  const Reply r =
      Run({"EVAL", kRelease, "3", prefix_ + "c:" + id, prefix_ + "open",
           prefix_ + "lines:" + id, id, prefix_ + "events", ""});
  Forget(id);
  return r && r.Int() == 1;
}

std::optional<int64_t> RedisHandoffDesk::MarkReplied(const std::string& id) {
  const Reply r = Run({"EVAL", kReplied, "1", prefix_ + "c:" + id, id,
                       std::to_string(UnixMs()), prefix_ + "events"});
  if (!r || r.Int() < 0) return std::nullopt;
  return r.Int();
}

std::vector<std::string> RedisHandoffDesk::GiveUpWaiting(int64_t cutoff_ms) {
  std::vector<std::string> given_up;
  for (const Handoff& h : Open()) {
    if (h.status != HandoffStatus::kWaiting || h.requested_ms >= cutoff_ms) {
      continue;
    }
    const Reply r = Run({"EVAL", kRelease, "3", prefix_ + "c:" + h.id,
                         prefix_ + "open", prefix_ + "lines:" + h.id, h.id,
                         prefix_ + "events", std::to_string(cutoff_ms)});
    if (r && r.Int() == 1) {
      Forget(h.id);
      given_up.push_back(h.id);
    }
  }
  return given_up;
}

void RedisHandoffDesk::AddLine(const std::string& id, const HandoffLine& line) {
  const std::string key = prefix_ + "lines:" + id;
  const nlohmann::json j = {
      {"t", line.time_ms}, {"f", line.from}, {"x", line.text}};
  Run({"RPUSH", key,
       j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)});
  Run({"LTRIM", key, "-" + std::to_string(kMaxLines), "-1"});
  Run({"EXPIRE", key, "86400"});
}

std::vector<HandoffLine> RedisHandoffDesk::Lines(const std::string& id) {
  std::vector<HandoffLine> lines;
  const Reply r = Run({"LRANGE", prefix_ + "lines:" + id, "0", "-1"});
  if (!r) return lines;
  for (const auto& text : r.Texts()) {
    const auto j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_object()) continue;
    lines.push_back({.time_ms = j.value("t", int64_t{0}),
                     .from = j.value("f", ""),
                     .text = j.value("x", "")});
  }
  return lines;
}

void RedisHandoffDesk::Seen(const std::string& op) {
  const int64_t now = UnixMs();
  const std::string key = prefix_ + "online";
  Run({"ZADD", key, std::to_string(now), op});
  Run({"ZREMRANGEBYSCORE", key, "-inf",
       std::to_string(now - std::chrono::milliseconds(kOnlineFor).count())});
}

bool RedisHandoffDesk::AnyOnline() {
  const int64_t since =
      UnixMs() - std::chrono::milliseconds(kOnlineFor).count();
  const Reply r =
      Run({"ZCOUNT", prefix_ + "online", std::to_string(since), "+inf"});
  return r && r.Int() > 0;
}

void RedisHandoffDesk::SaveLogin(const std::string& token,
                                 const std::string& op,
                                 std::chrono::seconds ttl) {
  Run({"SET", prefix_ + "login:" + token, op, "EX",
       std::to_string(ttl.count())});
}

std::string RedisHandoffDesk::LoginOf(const std::string& token) {
  const Reply r = Run({"GET", prefix_ + "login:" + token});
  return r ? r.Text() : "";
}

void RedisHandoffDesk::DropLogin(const std::string& token) {
  Run({"DEL", prefix_ + "login:" + token});
}

void RedisHandoffDesk::PostMail(const std::string& id,
                                const std::string& text) {
  const std::string key = prefix_ + "mail:" + id;
  Run({"RPUSH", key, text});
  Run({"LTRIM", key, "0", std::to_string(kMaxLines - 1)});
  Run({"EXPIRE", key, "86400"});
}

std::vector<std::string> RedisHandoffDesk::TakeMail(const std::string& id) {
  const Reply r = Run({"EVAL", kTakeAll, "1", prefix_ + "mail:" + id});
  return r ? r.Texts() : std::vector<std::string>();
}

void RedisHandoffDesk::Deliver(const std::string& id,
                               const std::string& payload) {
  const Reply r =
      Run({"PUBLISH", prefix_ + "events", "d " + id + "\n" + payload});
  if (!r) Delivered(id, payload);  // Redis down: this instance, at least
}

}  // namespace faqbot::bot
