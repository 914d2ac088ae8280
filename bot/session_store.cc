#include "bot/session_store.h"

#include <nlohmann/json.hpp>

namespace faqbot::bot {
namespace {

// Each shard sweeps its expired sessions once every this many accesses.
constexpr std::size_t kSweepEvery = 1024;

}  // namespace

MemorySessionStore::MemorySessionStore(std::chrono::seconds idle_expiry)
    : idle_expiry_(idle_expiry) {}

MemorySessionStore::Shard& MemorySessionStore::ShardFor(
    std::string_view id) const {
  return shards_[std::hash<std::string_view>{}(id) % kShards];
}

void MemorySessionStore::WithSession(std::string_view id, const Fn& fn) {
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

bool MemorySessionStore::Contains(std::string_view id) const {
  Shard& shard = ShardFor(id);
  std::lock_guard lock(shard.mu);
  const auto it = shard.sessions.find(std::string(id));
  return it != shard.sessions.end() &&
         Clock::now() - it->second.last_active <= idle_expiry_;
}

std::size_t MemorySessionStore::size() const {
  std::size_t n = 0;
  for (const auto& shard : shards_) {
    std::lock_guard lock(shard.mu);
    n += shard.sessions.size();
  }
  return n;
}

std::optional<Session> MemorySessionStore::Find(std::string_view id) const {
  Shard& shard = ShardFor(id);
  std::lock_guard lock(shard.mu);
  const auto it = shard.sessions.find(std::string(id));
  if (it == shard.sessions.end() ||
      Clock::now() - it->second.last_active > idle_expiry_) {
    return std::nullopt;
  }
  return it->second;
}

std::size_t MemorySessionStore::Expire(Clock::time_point now) {
  std::size_t dropped = 0;
  for (auto& shard : shards_) {
    std::lock_guard lock(shard.mu);
    dropped += std::erase_if(shard.sessions, [&](const auto& kv) {
      return now - kv.second.last_active > idle_expiry_;
    });
  }
  return dropped;
}

std::string EncodeSession(const Session& session, uint64_t revision) {
  const dialogs::DialogState& st = session.state;
  const nlohmann::json j = {
      {"v", 1},          {"n", st.node},
      {"t", st.topic},   {"c", st.choices},
      {"h", st.history}, {"k", st.turns},
      {"g", st.pack},    {"d", session.disclaimed ? 1 : 0},
      {"r", revision}};
  return j.dump();
}

std::optional<Session> DecodeSession(std::string_view text,
                                     uint64_t* revision) {
  const auto j =
      nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object() || j.value("v", 0) != 1) return std::nullopt;
  try {
    Session s;
    s.state.node = j.at("n").get<std::string>();
    s.state.topic = j.at("t").get<std::string>();
    s.state.choices = j.at("c").get<std::vector<std::string>>();
    s.state.history = j.at("h").get<std::vector<std::string>>();
    s.state.turns = j.at("k").get<int>();
    s.state.pack = j.at("g").get<uint64_t>();
    s.disclaimed = j.at("d").get<int>() != 0;
    if (revision) *revision = j.at("r").get<uint64_t>();
    return s;
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

}  // namespace faqbot::bot
