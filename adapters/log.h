// Log: one line to stderr per event worth knowing (start, stop, errors),
// with a UTC timestamp: "2026-11-26T09:42:33Z faqbot: <line>".
// Thread-safe; lines from several threads never interleave. Every line is
// redacted (each secret AddSecret was told, shown as "[secret]") and made
// printable (control characters escaped), so neither a token nor a
// stranger's escape sequence reaches the operator's terminal.
#ifndef FAQBOT_ADAPTERS_LOG_H_
#define FAQBOT_ADAPTERS_LOG_H_

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>

namespace faqbot::adapters {

void Log(const std::string& line);

// Registers a credential (a bot token, a signing secret, a password) that
// no log line may show; values shorter than 4 bytes are not secrets.
void AddSecret(const std::string& secret);
// `text` with every registered secret replaced by "[secret]".
std::string Redact(std::string_view text);
// A URL as a log may show it: scheme, host, port and the path's last part
// (the API method), "https://api.telegram.org/.../sendMessage"; path
// segments and the query can hold tokens, so they are left out.
std::string UrlForLog(std::string_view url);

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
