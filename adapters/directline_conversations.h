// Direct Line conversations: each keeps its most recent activities (as
// compact JSON text, only the fields clients use), the watermark, the
// stream WebSockets open on it, and a limit on how fast its user may post.
// Internal to the Direct Line channel. Thread-safe.
#ifndef FAQBOT_ADAPTERS_DIRECTLINE_CONVERSATIONS_H_
#define FAQBOT_ADAPTERS_DIRECTLINE_CONVERSATIONS_H_

#include <chrono>
#include <deque>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "adapters/rate_limit.h"
#include "adapters/ws_connection.h"

namespace faqbot::adapters {

struct DirectLineLimits {
  // Conversations kept; when full, those idle longer than `idle` go first,
  // and a new one is refused if none is.
  std::size_t max_conversations = 20000;
  std::chrono::seconds idle{3600};
  // Activities kept per conversation (a client further behind than this
  // gets the newest ones).
  std::size_t max_activities = 64;
  // Messages a conversation's user may post: a steady rate and a burst.
  double posts_per_second = 2;
  double post_burst = 10;
  // Tokens that may be issued for one conversation (refresh, resume).
  double grants_per_second = 0.1;
  double grant_burst = 10;
};

class DirectLineConversation {
 public:
  DirectLineConversation(std::string id, const DirectLineLimits& limits);

  const std::string& id() const { return id_; }

  // Adds `activity` (its id, timestamp and conversation are set here),
  // sends it to the open streams, and returns its id.
  std::string Append(nlohmann::json activity);

  // {"activities": [...after `watermark`], "watermark": "<newest>"}.
  std::string ActivitiesAfter(std::string_view watermark);

  // Streams `connection` this conversation's activities from now on, after
  // the ones past `watermark`.
  void AddStream(const std::shared_ptr<WsConnection>& connection,
                 std::string_view watermark);
  void CloseStreams();

  // Whether the user may post now (the post rate limit).
  bool TakePost();
  // Whether a new token may be issued for this conversation now.
  bool TakeGrant();

  // True once, for the first caller: who greets the conversation.
  bool StartOnce();

  // The id the next activity will get ("<conversation>|0000007").
  std::string NextActivityId();

  std::chrono::steady_clock::time_point used() const;

 private:
  std::string SetLocked(uint64_t seq);  // "<id>|<seq>"
  std::string ActivitiesAfterLocked(std::string_view watermark) const;

  const std::string id_;
  const DirectLineLimits limits_;
  mutable std::mutex mu_;
  std::deque<std::string> activities_;  // guarded by mu_; JSON, oldest first
  uint64_t seq_ = 0;                    // guarded by mu_; of the newest
  int64_t last_ms_ = 0;                 // guarded by mu_
  bool started_ = false;                // guarded by mu_
  std::vector<std::weak_ptr<WsConnection>> streams_;  // guarded by mu_
  std::chrono::steady_clock::time_point used_;        // guarded by mu_
  TokenBucket posts_;                                 // guarded by mu_
  TokenBucket grants_;                                // guarded by mu_
};

class DirectLineConversations {
 public:
  explicit DirectLineConversations(DirectLineLimits limits = {});

  // A new conversation, or null when the table is full of active ones.
  std::shared_ptr<DirectLineConversation> Create();
  std::shared_ptr<DirectLineConversation> Find(const std::string& id);
  void CloseStreams();
  std::size_t size() const;

 private:
  const DirectLineLimits limits_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, std::shared_ptr<DirectLineConversation>>
      conversations_;  // guarded by mu_
};

// "<conversation>|0000007": the id of a conversation's `seq`th activity.
std::string DirectLineActivityId(std::string_view conversation, uint64_t seq);
// An ISO 8601 UTC time with milliseconds, later than `*last_ms` (updated).
std::string DirectLineTimestamp(int64_t* last_ms);
// A watermark's number (0 for none or garbage).
uint64_t ParseWatermark(std::string_view watermark);
// Whether `text` is a watermark as this server writes one: 1 to 20 digits.
bool IsWatermark(std::string_view text);

// The user's activity as kept and echoed: only the fields Direct Line
// clients use (type, text, from, the client's activity id for Web Chat's
// "sent" mark), whatever else the client posted.
nlohmann::json SlimUserActivity(const nlohmann::json& posted,
                                const std::string& text);

}  // namespace faqbot::adapters

#endif  // FAQBOT_ADAPTERS_DIRECTLINE_CONVERSATIONS_H_
