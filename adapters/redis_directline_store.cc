// Direct Line in Redis (directline_store.h): what a conversation is, in
// keys every instance reads; its streams stay with the instance that
// holds each WebSocket, fed through pub/sub.
#include <mutex>
#include <unordered_map>
#include <vector>

#include "adapters/channel.h"
#include "adapters/directline_store.h"
#include "bot/store/redis_client.h"
#include "bot/unix_time.h"

namespace faqbot::adapters {
namespace {

using nlohmann::json;

// A new conversation unless `max` are in use. KEYS: all, the conversation.
// ARGV: id, now ms, idle cutoff ms, max, idle seconds.
constexpr const char* kCreate =
    "redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[3]) "
    "if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[4]) then return 0 end "
    "redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1]) "
    "redis.call('HSET', KEYS[2], 'seq', 0) "
    "redis.call('EXPIRE', KEYS[2], ARGV[5]) return 1";

// Keeps an activity, the newest `max`, and sends it to the streams.
// KEYS: activities, conversation, all. ARGV: seq, activity, max, idle
// seconds, id, now ms, events channel, frame.
constexpr const char* kAppend =
    "redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2]) "
    "redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -tonumber(ARGV[3]) - 1) "
    "redis.call('EXPIRE', KEYS[1], ARGV[4]) "
    "redis.call('EXPIRE', KEYS[2], ARGV[4]) "
    "redis.call('ZADD', KEYS[3], ARGV[6], ARGV[5]) "
    "redis.call('PUBLISH', ARGV[7], ARGV[5] .. '\\n' .. ARGV[8]) return 1";

// {newest seq, activities after ARGV[1]...}. KEYS: conversation,
// activities.
constexpr const char* kAfter =
    "local seq = redis.call('HGET', KEYS[1], 'seq') or '0' "
    "local out = redis.call('ZRANGEBYSCORE', KEYS[2], '(' .. ARGV[1], '+inf') "
    "table.insert(out, 1, seq) return out";

// At most ARGV[1] events per window. KEYS: the window's counter.
// ARGV: max, window seconds.
constexpr const char* kWithin =
    "local n = redis.call('INCR', KEYS[1]) "
    "if n == 1 then redis.call('EXPIRE', KEYS[1], ARGV[2]) end "
    "if n <= tonumber(ARGV[1]) then return 1 end return 0";

// The old token's conversation under a new token. KEYS: old, new.
// ARGV: lifetime seconds.
constexpr const char* kRefresh =
    "local c = redis.call('GET', KEYS[1]) if not c then return false end "
    "redis.call('DEL', KEYS[1]) "
    "redis.call('SET', KEYS[2], c, 'EX', ARGV[1]) return c";

class RedisDirectLineStore : public DirectLineStore {
 public:
  RedisDirectLineStore(const bot::RedisOptions& redis, std::string prefix,
                       std::chrono::seconds lifetime, DirectLineLimits limits)
      : prefix_(std::move(prefix)),
        lifetime_(lifetime),
        limits_(limits),
        redis_(redis),
        events_(std::make_unique<bot::RedisSubscriber>(
            redis, prefix_ + "events",
            [this](const std::string& e) { Event(e); }, [] {})) {}

  ~RedisDirectLineStore() override { events_.reset(); }

  std::optional<std::string> Create() override {
    const std::string id = RandomHex32();
    const int64_t now = bot::UnixMs();
    const auto r =
        redis_.Run({"EVAL", kCreate, "2", prefix_ + "all", prefix_ + "c:" + id,
                    id, std::to_string(now), std::to_string(now - IdleMs()),
                    std::to_string(limits_.max_conversations), Idle()});
    if (!r || r.Int() != 1) return std::nullopt;
    return id;
  }

  bool Unreachable() const override { return !redis_.reachable(); }

  bool Exists(const std::string& id) override {
    return IsLowerHex(id, 32) &&
           redis_.Run({"EXISTS", prefix_ + "c:" + id}).Int() == 1;
  }

  std::string Append(const std::string& id, json activity) override {
    const auto seq = redis_.Run({"HINCRBY", prefix_ + "c:" + id, "seq", "1"});
    if (!seq) return "";
    const auto n = static_cast<uint64_t>(seq.Int());
    const std::string activity_id = DirectLineActivityId(id, n);
    activity["id"] = activity_id;
    {
      std::lock_guard lock(mu_);
      activity["timestamp"] = DirectLineTimestamp(&last_ms_);
    }
    activity["conversation"] = {{"id", id}};
    const std::string text = DumpJson(activity);
    const std::string frame = "{\"activities\":[" + text +
                              "],\"watermark\":\"" + std::to_string(n) + "\"}";
    const auto stored =
        redis_.Run({"EVAL", kAppend, "3", prefix_ + "a:" + id,
                    prefix_ + "c:" + id, prefix_ + "all", std::to_string(n),
                    text, std::to_string(limits_.max_activities), Idle(), id,
                    std::to_string(bot::UnixMs()), prefix_ + "events", frame});
    return stored ? activity_id : "";
  }

  std::string ActivitiesAfter(const std::string& id,
                              std::string_view watermark) override {
    const auto r = redis_.Run({"EVAL", kAfter, "2", prefix_ + "c:" + id,
                               prefix_ + "a:" + id,
                               std::to_string(ParseWatermark(watermark))});
    const auto cells = r.Texts();
    std::string out = "{\"activities\":[";
    bool first = true;
    for (std::size_t i = 1; i < cells.size(); ++i) {
      const auto activity = CheckedActivity(cells[i]);
      if (!activity) continue;
      if (!first) out += ',';
      out += *activity;
      first = false;
    }
    const bool mark_ok = !cells.empty() && IsWatermark(cells[0]);
    return out + "],\"watermark\":\"" + (mark_ok ? cells[0] : "0") + "\"}";
  }

  void AddStream(const std::string& id,
                 const std::shared_ptr<WsConnection>& connection,
                 std::string_view watermark) override {
    {
      std::lock_guard lock(mu_);
      auto& list = streams_[id];
      std::erase_if(list, [](const auto& w) { return w.expired(); });
      list.push_back(connection);
    }
    // What the client missed (an activity appended just now may come
    // twice; clients keep activities by id).
    const std::string backlog = ActivitiesAfter(id, watermark);
    if (backlog.find("\"activities\":[]") == std::string::npos) {
      connection->Send(backlog);
    }
  }

  void CloseStreams() override {
    std::lock_guard lock(mu_);
    for (auto& [_, list] : streams_) {
      for (const auto& w : list) {
        if (auto s = w.lock()) s->Close();
      }
    }
  }

  bool TakePost(const std::string& id) override {
    // posts_per_second with a burst of post_burst: post_burst per window.
    return Within("p:" + id, limits_.post_burst,
                  limits_.post_burst / limits_.posts_per_second);
  }
  bool TakeGrant(const std::string& id) override {
    return Within("g:" + id, limits_.grant_burst,
                  limits_.grant_burst / limits_.grants_per_second);
  }

  bool StartOnce(const std::string& id) override {
    return redis_.Run({"HSETNX", prefix_ + "c:" + id, "started", "1"}).Int() ==
           1;
  }

  std::string NextActivityId(const std::string& id) override {
    const auto seq = redis_.Run({"HGET", prefix_ + "c:" + id, "seq"});
    return DirectLineActivityId(id, std::stoull("0" + seq.Text()) + 1);
  }

  std::optional<std::string> Issue(const std::string& id) override {
    const std::string token = NewDirectLineToken();
    if (!redis_.Run({"SET", prefix_ + "t:" + token, id, "EX",
                     std::to_string(lifetime_.count())})) {
      return std::nullopt;
    }
    return token;
  }

  std::string ConversationOf(std::string_view token) override {
    if (!IsLowerHex(token, 64)) return "";
    return redis_.Run({"GET", prefix_ + "t:" + std::string(token)}).Text();
  }

  std::optional<std::string> Refresh(std::string_view token) override {
    if (!IsLowerHex(token, 64)) return std::nullopt;
    const std::string fresh = NewDirectLineToken();
    const auto r =
        redis_.Run({"EVAL", kRefresh, "2", prefix_ + "t:" + std::string(token),
                    prefix_ + "t:" + fresh, std::to_string(lifetime_.count())});
    if (!r || r.Text().empty()) return std::nullopt;
    return fresh;
  }

  std::chrono::seconds token_lifetime() const override { return lifetime_; }

 private:
  std::string Idle() const { return std::to_string(limits_.idle.count()); }
  int64_t IdleMs() const { return limits_.idle.count() * 1000; }

  // At most `max` events per window of `seconds` for `key`.
  bool Within(const std::string& key, double max, double seconds) {
    const auto window = std::max<int64_t>(1, static_cast<int64_t>(seconds));
    const int64_t slot = bot::UnixMs() / 1000 / window;
    const auto r = redis_.Run({"EVAL", kWithin, "1",
                               prefix_ + key + ":" + std::to_string(slot),
                               std::to_string(static_cast<int64_t>(max)),
                               std::to_string(window * 2)});
    return r && r.Int() == 1;
  }

  // "<id>\n<frame>": to this instance's streams of that conversation.
  void Event(const std::string& event) {
    const std::size_t nl = event.find('\n');
    if (nl == std::string::npos) return;
    const std::string id = event.substr(0, nl);
    std::vector<std::shared_ptr<WsConnection>> open;
    {
      std::lock_guard lock(mu_);
      const auto it = streams_.find(id);
      if (it == streams_.end()) return;
      std::erase_if(it->second, [&](const std::weak_ptr<WsConnection>& w) {
        auto s = w.lock();
        if (s) open.push_back(s);
        return !s;
      });
      if (it->second.empty()) streams_.erase(it);
    }
    const auto frame = CheckedFrame(std::string_view(event).substr(nl + 1));
    if (!frame) return;
    for (const auto& s : open) s->Send(*frame);
  }

  const std::string prefix_;
  const std::chrono::seconds lifetime_;
  const DirectLineLimits limits_;
  bot::RedisClient redis_;
  std::mutex mu_;
  int64_t last_ms_ = 0;  // guarded by mu_
  std::unordered_map<std::string, std::vector<std::weak_ptr<WsConnection>>>
      streams_;                                   // guarded by mu_
  std::unique_ptr<bot::RedisSubscriber> events_;  // last: stops first
};

}  // namespace

std::unique_ptr<DirectLineStore> MakeRedisDirectLineStore(
    const bot::RedisOptions& redis, std::string prefix,
    std::chrono::seconds token_lifetime, DirectLineLimits limits) {
  return std::make_unique<RedisDirectLineStore>(redis, std::move(prefix),
                                                token_lifetime, limits);
}

}  // namespace faqbot::adapters
