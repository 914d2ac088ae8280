#include "bot/store/session_store.h"

#include <nlohmann/json.hpp>

#include "bot/store/reply_record.h"
#include "intents/utf8.h"

namespace faqbot::bot {
namespace {

// Each shard sweeps its expired sessions once every this many accesses.
constexpr std::size_t kSweepEvery = 1024;

}  // namespace

MemorySessionStore::MemorySessionStore(std::chrono::seconds idle_expiry,
                                       std::size_t max_sessions)
    : idle_expiry_(idle_expiry),
      shard_cap_(std::max<std::size_t>(1, max_sessions / kShards)) {}

void MemorySessionStore::MakeRoom(Shard& shard, Clock::time_point now) {
  std::erase_if(shard.sessions, [&](const auto& kv) {
    return now - kv.second.last_active > idle_expiry_;
  });
  if (shard.sessions.size() < shard_cap_) return;
  auto oldest = shard.sessions.begin();
  for (auto it = shard.sessions.begin(); it != shard.sessions.end(); ++it) {
    if (it->second.last_active < oldest->second.last_active) oldest = it;
  }
  shard.sessions.erase(oldest);
}

MemorySessionStore::Shard& MemorySessionStore::ShardFor(
    std::string_view id) const {
  return shards_[std::hash<std::string_view>{}(id) % kShards];
}

Stored MemorySessionStore::WithSession(std::string_view id, const Fn& fn) {
  Shard& shard = ShardFor(id);
  const auto now = Clock::now();
  std::lock_guard lock(shard.mu);
  if (++shard.since_sweep >= kSweepEvery) {
    shard.since_sweep = 0;
    std::erase_if(shard.sessions, [&](const auto& kv) {
      return now - kv.second.last_active > idle_expiry_;
    });
  }
  if (shard.sessions.size() >= shard_cap_ &&
      !shard.sessions.contains(std::string(id))) {
    MakeRoom(shard, now);
  }
  auto [it, created] = shard.sessions.try_emplace(std::string(id));
  if (!created && now - it->second.last_active > idle_expiry_) {
    it->second = Session{};
    created = true;
  }
  it->second.last_active = now;
  fn(it->second, created);
  return Stored::kSaved;
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
  nlohmann::json j = {{"v", 1},          {"n", st.node},
                      {"t", st.topic},   {"c", st.choices},
                      {"h", st.history}, {"k", st.turns},
                      {"g", st.pack},    {"d", session.disclaimed ? 1 : 0},
                      {"r", revision}};
  if (!st.article.empty()) j["a"] = st.article;
  if (!session.last_id.empty()) {
    j["m"] =
        session.last_reply
            ? nlohmann::json{session.last_id, EncodeReply(*session.last_reply)}
            : nlohmann::json{session.last_id};
  }
  if (!session.recent.empty()) {
    nlohmann::json recent = nlohmann::json::array();
    for (const EarlierExchange& e : session.recent) {
      recent.push_back({e.time_ms, e.person, e.bot});
    }
    j["p"] = std::move(recent);
  }
  std::string text = j.dump();
  // Escaped text can outgrow the record: the oldest exchanges go first,
  // then the last reply.
  while (text.size() > kMaxSessionRecordBytes && j.contains("p") &&
         !j["p"].empty()) {
    j["p"].erase(0);
    text = j.dump();
  }
  if (text.size() > kMaxSessionRecordBytes && j.contains("m")) {
    j["m"] = nlohmann::json{session.last_id};
    text = j.dump();
  }
  return text;
}

namespace {

// The recent exchanges of a record ("p", optional); false when malformed.
bool DecodeRecent(const nlohmann::json& j, std::vector<EarlierExchange>* out) {
  const auto it = j.find("p");
  if (it == j.end()) return true;
  if (!it->is_array()) return false;
  const std::size_t skip =
      it->size() > Session::kMaxRecent ? it->size() - Session::kMaxRecent : 0;
  for (std::size_t i = skip; i < it->size(); ++i) {
    const auto& e = (*it)[i];
    if (!e.is_array() || e.size() != 3 || !e[0].is_number_integer() ||
        !e[1].is_string() || !e[2].is_string()) {
      return false;
    }
    out->push_back({e[0].get<int64_t>(),
                    intents::Clipped(e[1].get_ref<const std::string&>(),
                                     Session::kRecentBytes),
                    intents::Clipped(e[2].get_ref<const std::string&>(),
                                     Session::kRecentBytes)});
  }
  return true;
}

// The last message's id and reply ("m", optional); false when malformed.
bool DecodeLast(const nlohmann::json& j, Session* s) {
  const auto it = j.find("m");
  if (it == j.end()) return true;
  if (!it->is_array() || it->empty() || it->size() > 2 ||
      !(*it)[0].is_string() ||
      (*it)[0].get_ref<const std::string&>().size() >
          Session::kMaxMessageIdBytes) {
    return false;
  }
  s->last_id = (*it)[0].get<std::string>();
  if (it->size() == 2) s->last_reply = DecodeReply((*it)[1]);
  return true;
}

}  // namespace

std::optional<Session> DecodeSession(std::string_view text,
                                     uint64_t* revision) {
  // What a store hands back is input like any other: it may have been
  // written by another version, edited by hand, or filled by an attacker.
  // Nothing here throws, and nothing grows without bound.
  if (text.size() > kMaxSessionRecordBytes) return std::nullopt;
  const auto j =
      nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return std::nullopt;
  const auto version = j.find("v");
  if (version == j.end() || !version->is_number_integer() || *version != 1) {
    return std::nullopt;
  }
  const auto text_field = [&](const char* key, std::string* out) {
    const auto it = j.find(key);
    if (it == j.end() || !it->is_string()) return false;
    *out = it->get<std::string>();
    return out->size() <= kMaxNodeIdBytes;
  };
  const auto id_list = [&](const char* key, std::size_t keep,
                           std::vector<std::string>* out) {
    const auto it = j.find(key);
    if (it == j.end() || !it->is_array()) return false;
    // The newest `keep` entries; older ones are of no use to the dialog.
    const std::size_t skip = it->size() > keep ? it->size() - keep : 0;
    for (std::size_t i = skip; i < it->size(); ++i) {
      const auto& id = (*it)[i];
      if (!id.is_string() ||
          id.get_ref<const std::string&>().size() > kMaxNodeIdBytes) {
        return false;
      }
      out->push_back(id.get<std::string>());
    }
    return true;
  };
  const auto number = [&](const char* key, uint64_t* out) {
    const auto it = j.find(key);
    if (it == j.end() || !it->is_number_unsigned()) return false;
    *out = it->get<uint64_t>();
    return true;
  };
  Session s;
  uint64_t turns = 0, disclaimed = 0, pack = 0, rev = 0;
  if (!text_field("n", &s.state.node) || !text_field("t", &s.state.topic) ||
      !id_list("c", kMaxChoices, &s.state.choices) ||
      !id_list("h", dialogs::DialogState::kMaxHistory, &s.state.history) ||
      !number("k", &turns) || !number("g", &pack) ||
      !number("d", &disclaimed) || !number("r", &rev) ||
      !DecodeRecent(j, &s.recent) || !DecodeLast(j, &s)) {
    return std::nullopt;
  }
  // The library's article ("a"), absent in a one-article bot's records.
  if (j.contains("a") && !text_field("a", &s.state.article))
    return std::nullopt;
  s.state.turns = static_cast<int>(std::min<uint64_t>(turns, 1u << 30));
  s.state.pack = pack;
  s.disclaimed = disclaimed != 0;
  if (revision) *revision = rev;
  return s;
}

}  // namespace faqbot::bot
