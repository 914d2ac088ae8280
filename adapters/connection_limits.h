// ConnectionLimits: how many TCP connections the server holds at once, in
// all and per client address, so one client cannot take every slot.
// Internal to adapters/. Thread-safe.
//
//   auto slot = limits.TryTake("203.0.113.7");
//   if (!slot) ... answer 503 and close ...
//   // keep `slot` (a copy is fine) as long as the connection lives; the
//   // last copy gives the slot back.
#ifndef FAQBOT_ADAPTERS_CONNECTION_LIMITS_H_
#define FAQBOT_ADAPTERS_CONNECTION_LIMITS_H_

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace faqbot::adapters {

class ConnectionLimits {
 public:
  ConnectionLimits(int64_t max_total, int64_t max_per_address);

  // A slot for one connection from `address` ("" counts only toward the
  // total), or null when a limit is reached.
  std::shared_ptr<void> TryTake(const std::string& address);

  // A further slot for the same connection under another address (the
  // client behind a trusted proxy), counted per address only.
  std::shared_ptr<void> TryTakeAddress(const std::string& address);

  int64_t open() const { return total_.load(); }
  uint64_t refused() const { return refused_.load(); }

 private:
  bool TakeAddress(const std::string& address);
  void GiveAddress(const std::string& address);

  const int64_t max_total_;
  const int64_t max_per_address_;
  std::atomic<int64_t> total_{0};
  std::atomic<uint64_t> refused_{0};
  std::mutex mu_;
  std::unordered_map<std::string, int64_t> by_address_;  // guarded by mu_
};

// The address a request comes from: the peer's, unless `header` is set
// and the peer is one of `trusted_proxies`, in which case the last address
// in `header_value` that is not a trusted proxy (X-Forwarded-For lists the
// client first and each proxy appends).
std::string ClientAddress(const std::string& peer,
                          std::string_view header_value,
                          const std::vector<std::string>& trusted_proxies);

}  // namespace faqbot::adapters

#endif  // FAQBOT_ADAPTERS_CONNECTION_LIMITS_H_
