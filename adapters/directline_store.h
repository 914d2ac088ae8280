// Where Direct Line keeps its conversations and tokens (internal to the
// Direct Line channel): in this process (MemoryDirectLineStore, the
// default), or in Redis (RedisDirectLineStore, with sessions in Redis), so
// that a conversation started on one instance goes on through any other:
// tokens, activities, watermarks and the limits of posts and grants live
// in Redis, and an activity appended on one instance reaches the streams
// (WebSockets) other instances hold through Redis pub/sub.
#ifndef FAQBOT_ADAPTERS_DIRECTLINE_STORE_H_
#define FAQBOT_ADAPTERS_DIRECTLINE_STORE_H_

#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "adapters/directline_conversations.h"
#include "adapters/directline_tokens.h"
#include "bot/store/redis_session_store.h"

namespace faqbot::adapters {

class DirectLineStore {
 public:
  virtual ~DirectLineStore() = default;

  // A new conversation's id; nullopt when the table is full.
  virtual std::optional<std::string> Create() = 0;
  virtual bool Exists(const std::string& id) = 0;
  // Whether the last lookup could not reach shared storage (Redis down):
  // then "not found" only means "cannot tell now", and the client should
  // try again rather than give the conversation up.
  virtual bool Unreachable() const { return false; }
  // Adds `activity` (id, timestamp and conversation set here), sends it to
  // the conversation's streams, and returns its id; "" when it could not
  // be stored (Redis unreachable).
  virtual std::string Append(const std::string& id,
                             nlohmann::json activity) = 0;
  // {"activities": [...after `watermark`], "watermark": "<newest>"}.
  virtual std::string ActivitiesAfter(const std::string& id,
                                      std::string_view watermark) = 0;
  // Streams `connection` the conversation's activities from now on, after
  // the ones past `watermark`.
  virtual void AddStream(const std::string& id,
                         const std::shared_ptr<WsConnection>& connection,
                         std::string_view watermark) = 0;
  virtual void CloseStreams() = 0;
  // The limits: may the user post now; may a token be issued now.
  virtual bool TakePost(const std::string& id) = 0;
  virtual bool TakeGrant(const std::string& id) = 0;
  // True once per conversation: who greets it.
  virtual bool StartOnce(const std::string& id) = 0;
  // The id the next activity will get.
  virtual std::string NextActivityId(const std::string& id) = 0;

  // Tokens (directline_tokens.h's rules).
  virtual std::optional<std::string> Issue(const std::string& id) = 0;
  virtual std::string ConversationOf(std::string_view token) = 0;
  virtual std::optional<std::string> Refresh(std::string_view token) = 0;
  virtual std::chrono::seconds token_lifetime() const = 0;
};

// A stored activity as it may be sent on: re-serialised from its parse
// when it is a JSON object (at most 64 KiB) with string "id" and "type";
// nullopt for anything else, counted (DirectLineBadRecords). What Redis
// hands back is input like any other: never copied out raw.
std::optional<std::string> CheckedActivity(std::string_view record);
// A stream frame {"activities": [...], "watermark": "<digits>"} rebuilt
// from its checked activities; nullopt when it is not one.
std::optional<std::string> CheckedFrame(std::string_view frame);
// Records refused by CheckedActivity and CheckedFrame in this process.
uint64_t DirectLineBadRecords();
// Posts answered 503 because the conversation could not be stored (the
// client sends them again), in this process.
void CountDirectLineUnstored();
uint64_t DirectLineUnstored();

std::unique_ptr<DirectLineStore> MakeMemoryDirectLineStore(
    std::chrono::seconds token_lifetime, std::size_t max_tokens,
    DirectLineLimits limits = {});

// Keys "<prefix>c:<id>" (the conversation: sequence, started), "<prefix>
// a:<id>" (its newest activities, by sequence), "<prefix>t:<token>",
// "<prefix>all" (conversations by last use, for the cap); pub/sub channel
// "<prefix>events". Everything expires after `limits.idle` unused.
std::unique_ptr<DirectLineStore> MakeRedisDirectLineStore(
    const bot::RedisOptions& redis, std::string prefix,
    std::chrono::seconds token_lifetime, DirectLineLimits limits = {});

}  // namespace faqbot::adapters

#endif  // FAQBOT_ADAPTERS_DIRECTLINE_STORE_H_
