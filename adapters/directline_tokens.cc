#include "adapters/directline_tokens.h"

#include <random>

namespace faqbot::adapters {

std::string RandomHex32() {
  thread_local std::random_device device;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id;
  for (int i = 0; i < 4; ++i) {
    uint32_t r = device();
    for (int j = 0; j < 8; ++j, r >>= 4) id += kHex[r & 15];
  }
  return id;
}

std::string NewDirectLineToken() { return RandomHex32() + RandomHex32(); }

DirectLineTokens::DirectLineTokens(std::chrono::seconds lifetime,
                                   std::size_t max_tokens)
    : lifetime_(lifetime), max_tokens_(max_tokens) {}

void DirectLineTokens::ExpireLocked(Clock::time_point now) {
  while (!order_.empty() && order_.front().first <= now) {
    const auto it = tokens_.find(order_.front().second);
    // A revoked token is already gone from the map.
    if (it != tokens_.end() && it->second.expires <= now) tokens_.erase(it);
    order_.pop_front();
  }
  // Revoked tokens leave order_ only when they would have expired; many
  // refreshes would let it grow meanwhile, so drop them now and then
  // (amortized O(1) per refresh).
  if (order_.size() > 2 * tokens_.size() + 1024) {
    std::erase_if(order_, [&](const auto& entry) {
      const auto it = tokens_.find(entry.second);
      return it == tokens_.end() || it->second.expires != entry.first;
    });
  }
}

std::optional<std::string> DirectLineTokens::Issue(
    const std::string& conversation, Clock::time_point now) {
  std::string token = NewDirectLineToken();
  std::lock_guard lock(mu_);
  ExpireLocked(now);
  if (tokens_.size() >= max_tokens_) return std::nullopt;
  tokens_[token] = {conversation, now + lifetime_};
  order_.emplace_back(now + lifetime_, token);
  return token;
}

std::string DirectLineTokens::Conversation(std::string_view token,
                                           Clock::time_point now) {
  std::lock_guard lock(mu_);
  const auto it = tokens_.find(std::string(token));
  if (it == tokens_.end() || it->second.expires <= now) return "";
  return it->second.conversation;
}

std::optional<std::string> DirectLineTokens::Refresh(std::string_view token,
                                                     Clock::time_point now) {
  std::string conversation;
  {
    std::lock_guard lock(mu_);
    const auto it = tokens_.find(std::string(token));
    if (it == tokens_.end() || it->second.expires <= now) return std::nullopt;
    conversation = std::move(it->second.conversation);
    tokens_.erase(it);  // revoked; its order_ entry goes when it is due
  }
  return Issue(conversation, now);
}

std::size_t DirectLineTokens::size() const {
  std::lock_guard lock(mu_);
  return tokens_.size();
}

}  // namespace faqbot::adapters
