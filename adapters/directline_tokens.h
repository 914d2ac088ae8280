// Direct Line tokens: short-lived credentials, each bound to one
// conversation. Internal to the Direct Line channel.
//
// Every token lives `lifetime` from its issue; Refresh() issues a new one
// for the same conversation and revokes the old, so a refresh chain holds
// one live token at a time. Expired tokens leave in issue order (all have
// the same lifetime), so expiry costs O(1) per token and no scan. At most
// `max_tokens` are live; Issue() fails beyond that until some expire.
// Thread-safe.
#ifndef FAQBOT_ADAPTERS_DIRECTLINE_TOKENS_H_
#define FAQBOT_ADAPTERS_DIRECTLINE_TOKENS_H_

#include <chrono>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace faqbot::adapters {

class DirectLineTokens {
 public:
  using Clock = std::chrono::steady_clock;

  DirectLineTokens(std::chrono::seconds lifetime, std::size_t max_tokens);

  // A new token for `conversation`, or nullopt when the table is full.
  std::optional<std::string> Issue(const std::string& conversation,
                                   Clock::time_point now = Clock::now());
  // The conversation a live token is for, "" when the token is unknown,
  // expired or revoked.
  std::string Conversation(std::string_view token,
                           Clock::time_point now = Clock::now());
  // A new token for the same conversation; `token` stops working. nullopt
  // when `token` is not live.
  std::optional<std::string> Refresh(std::string_view token,
                                     Clock::time_point now = Clock::now());

  std::chrono::seconds lifetime() const { return lifetime_; }
  std::size_t size() const;

 private:
  void ExpireLocked(Clock::time_point now);

  struct Entry {
    std::string conversation;
    Clock::time_point expires;
  };
  const std::chrono::seconds lifetime_;
  const std::size_t max_tokens_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, Entry> tokens_;  // guarded by mu_
  // Tokens in issue order, so in expiry order. Guarded by mu_.
  std::deque<std::pair<Clock::time_point, std::string>> order_;
};

// 32 random hex digits from the OS's random source.
std::string RandomHex32();
// A new token: 64 random hex digits.
std::string NewDirectLineToken();

}  // namespace faqbot::adapters

#endif  // FAQBOT_ADAPTERS_DIRECTLINE_TOKENS_H_
