// Log: one line to stderr per event worth knowing (start, stop, errors),
// with a UTC timestamp: "2026-11-26T09:42:33Z faqbot: <line>".
// Thread-safe; lines from several threads never interleave.
#ifndef FAQBOT_ADAPTERS_LOG_H_
#define FAQBOT_ADAPTERS_LOG_H_

#include <atomic>
#include <cstdint>
#include <string>

namespace faqbot::adapters {

void Log(const std::string& line);

// For events that may repeat many times (a platform down, a bug hit by
// every message): ShouldLog() is true the 1st, 2nd, 4th, 8th, ... time, so
// the log shows that it keeps happening without being flooded.
class LogThrottle {
 public:
  bool ShouldLog() {
    const uint64_t n = ++count_;
    return (n & (n - 1)) == 0;
  }
  uint64_t count() const { return count_.load(); }

 private:
  std::atomic<uint64_t> count_{0};
};

}  // namespace faqbot::adapters

#endif  // FAQBOT_ADAPTERS_LOG_H_
