#include "adapters/connection_limits.h"

#include <algorithm>
#include <string_view>
#include <vector>

namespace faqbot::adapters {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
    s.remove_suffix(1);
  }
  return s;
}

bool Trusted(std::string_view address,
             const std::vector<std::string>& trusted) {
  return std::find(trusted.begin(), trusted.end(), address) != trusted.end();
}

}  // namespace

ConnectionLimits::ConnectionLimits(int64_t max_total, int64_t max_per_address)
    : max_total_(max_total), max_per_address_(max_per_address) {}

bool ConnectionLimits::TakeAddress(const std::string& address) {
  if (address.empty()) return true;
  std::lock_guard lock(mu_);
  int64_t& n = by_address_[address];
  if (n >= max_per_address_) {
    if (n == 0) by_address_.erase(address);
    return false;
  }
  ++n;
  return true;
}

void ConnectionLimits::GiveAddress(const std::string& address) {
  if (address.empty()) return;
  std::lock_guard lock(mu_);
  const auto it = by_address_.find(address);
  if (it != by_address_.end() && --it->second <= 0) by_address_.erase(it);
}

std::shared_ptr<void> ConnectionLimits::TryTake(const std::string& address) {
  int64_t now = total_.load();
  do {
    if (now >= max_total_) {
      ++refused_;
      return nullptr;
    }
  } while (!total_.compare_exchange_weak(now, now + 1));
  if (!TakeAddress(address)) {
    --total_;
    ++refused_;
    return nullptr;
  }
  // The pointer is only there to be non-null; the deleter gives back.
  return std::shared_ptr<void>(this, [this, address](void*) {
    GiveAddress(address);
    --total_;
  });
}

std::shared_ptr<void> ConnectionLimits::TryTakeAddress(
    const std::string& address) {
  if (!TakeAddress(address)) {
    ++refused_;
    return nullptr;
  }
  return std::shared_ptr<void>(
      this, [this, address](void*) { GiveAddress(address); });
}

std::string ClientAddress(const std::string& peer,
                          std::string_view header_value,
                          const std::vector<std::string>& trusted_proxies) {
  if (header_value.empty() || !Trusted(peer, trusted_proxies)) return peer;
  std::string_view rest = header_value;
  while (!rest.empty()) {
    const std::size_t comma = rest.rfind(',');
    const std::string_view last =
        Trim(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
    if (!last.empty() && !Trusted(last, trusted_proxies)) {
      return std::string(last);
    }
    if (comma == std::string_view::npos) break;
    rest = rest.substr(0, comma);
  }
  return peer;
}

}  // namespace faqbot::adapters
