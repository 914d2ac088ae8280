#include "bot/session_store.h"

namespace faqbot::bot {
namespace {

// Each shard sweeps its expired sessions once every this many accesses.
constexpr std::size_t kSweepEvery = 1024;

}  // namespace

SessionStore::SessionStore(std::chrono::seconds idle_expiry)
    : idle_expiry_(idle_expiry) {}

SessionStore::Shard& SessionStore::ShardFor(std::string_view id) const {
  return shards_[std::hash<std::string_view>{}(id) % kShards];
}

void SessionStore::WithSession(
    std::string_view id,
    const std::function<void(Session&, bool created)>& fn) {
  Shard& shard = ShardFor(id);
  const auto now = Clock::now();
  std::lock_guard lock(shard.mu);
  if (++shard.since_sweep >= kSweepEvery) {
    shard.since_sweep = 0;
    std::erase_if(shard.sessions, [&](const auto& kv) {
      return now - kv.second.last_active > idle_expiry_;
    });
  }
  auto [it, created] = shard.sessions.try_emplace(std::string(id));
  if (!created && now - it->second.last_active > idle_expiry_) {
    it->second = Session{};
    created = true;
  }
  it->second.last_active = now;
  fn(it->second, created);
}

bool SessionStore::Contains(std::string_view id) const {
  Shard& shard = ShardFor(id);
  std::lock_guard lock(shard.mu);
  const auto it = shard.sessions.find(std::string(id));
  return it != shard.sessions.end() &&
         Clock::now() - it->second.last_active <= idle_expiry_;
}

std::size_t SessionStore::size() const {
  std::size_t n = 0;
  for (const auto& shard : shards_) {
    std::lock_guard lock(shard.mu);
    n += shard.sessions.size();
  }
  return n;
}

std::size_t SessionStore::Expire(Clock::time_point now) {
  std::size_t dropped = 0;
  for (auto& shard : shards_) {
    std::lock_guard lock(shard.mu);
    dropped += std::erase_if(shard.sessions, [&](const auto& kv) {
      return now - kv.second.last_active > idle_expiry_;
    });
  }
  return dropped;
}

}  // namespace faqbot::bot
