// The handoff queue in Redis, for several instances (handoff.h). An open
// conversation is a hash "<prefix>c:<id>" listed in the set "<prefix>open",
// its lines a capped list "<prefix>lines:<id>"; operators online and
// console logins are keys with a TTL. Changes are Lua scripts (two
// operators taking one conversation: one wins) that announce themselves
// on the pub/sub channel "<prefix>events", as do messages for a person;
// every instance listens (a thread of its own), keeps its copy of the
// queue up to date, and reloads it whole after reconnecting. The queue
// survives an instance's restart: it lives in Redis.
//
// Threads: any; every call but the copy's reads may wait on Redis (up to
// its timeout), so the server makes them off its network threads
// (adapters/backstage.h).
#ifndef FAQBOT_BOT_STORE_REDIS_HANDOFF_DESK_H_
#define FAQBOT_BOT_STORE_REDIS_HANDOFF_DESK_H_

#include <memory>
#include <string>
#include <vector>

#include "bot/handoff.h"
#include "bot/store/redis_client.h"

namespace faqbot::bot {

class RedisHandoffDesk : public HandoffDesk {
 public:
  // Uses `options`' address, password, timeout and log; keys start with
  // `prefix`.
  RedisHandoffDesk(RedisOptions options, std::string prefix = "faqbot:h:");
  ~RedisHandoffDesk() override;

  bool Request(const Handoff& handoff) override;
  bool Take(const std::string& id, const std::string& op) override;
  bool Release(const std::string& id) override;
  void SetLeft(const std::string& id, int64_t left_ms) override;
  std::optional<int64_t> MarkReplied(const std::string& id) override;
  std::vector<Handoff> GiveUpWaiting(int64_t cutoff_ms) override;
  void AddEnded(const EndedHandoff& ended) override;
  std::vector<EndedHandoff> Ended() override;
  bool AddLine(const std::string& id, const HandoffLine& line) override;
  std::vector<HandoffLine> Lines(const std::string& id) override;
  void Seen(const std::string& op) override;
  bool AnyOnline() override;
  bool SaveLogin(const std::string& token, const std::string& op,
                 std::chrono::seconds ttl) override;
  std::string LoginOf(const std::string& token) override;
  void DropLogin(const std::string& token) override;
  bool Reachable() override;
  void Deliver(const std::string& id, const std::string& payload) override;
  void PostMail(const std::string& id, const std::string& text) override;
  std::vector<std::string> TakeMail(const std::string& id) override;
  std::string MailKey(const std::string& id, const std::string& fresh) override;

 private:
  void Event(const std::string& event);  // from the subscriber
  void Refresh(const std::string& id);   // one hash -> the copy
  void Reload();                         // every open one -> the copy
  // The handoff `id` as Redis holds it; nullopt when it holds none (or a
  // malformed one), or when Redis cannot be reached (*unreachable set).
  std::optional<Handoff> Load(const std::string& id, bool* unreachable);

  const std::string prefix_;
  RedisClient redis_;
  std::unique_ptr<RedisSubscriber> events_;  // last: stops first
};

}  // namespace faqbot::bot

#endif  // FAQBOT_BOT_STORE_REDIS_HANDOFF_DESK_H_
