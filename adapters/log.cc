#include "adapters/log.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <iostream>
#include <mutex>
#include <vector>

#include "intents/utf8.h"

namespace faqbot::adapters {
namespace {

struct Secrets {
  std::mutex mu;
  std::vector<std::string> values;  // guarded by mu
};

Secrets& Registered() {
  static Secrets* secrets = new Secrets;
  return *secrets;
}

}  // namespace

void AddSecret(const std::string& secret) {
  if (secret.size() < 4) return;
  Secrets& s = Registered();
  std::lock_guard lock(s.mu);
  if (std::find(s.values.begin(), s.values.end(), secret) == s.values.end()) {
    s.values.push_back(secret);
  }
}

std::string Redact(std::string_view text) {
  std::string out(text);
  Secrets& s = Registered();
  std::lock_guard lock(s.mu);
  for (const std::string& secret : s.values) {
    for (std::size_t at = out.find(secret); at != std::string::npos;
         at = out.find(secret, at)) {
      out.replace(at, secret.size(), "[secret]");
    }
  }
  return out;
}

std::string UrlForLog(std::string_view url) {
  const std::size_t scheme = url.find("://");
  const std::size_t host = scheme == std::string_view::npos ? 0 : scheme + 3;
  std::string_view rest = url.substr(host);
  rest = rest.substr(0, rest.find_first_of("?#"));
  const std::size_t slash = rest.find('/');
  std::string out(url.substr(0, host));
  std::string_view authority = rest.substr(0, slash);
  // user:password@host keeps only the host
  if (const std::size_t at = authority.rfind('@');
      at != std::string_view::npos) {
    authority.remove_prefix(at + 1);
  }
  out += authority;
  if (slash == std::string_view::npos) return out;
  const std::string_view path = rest.substr(slash);
  const std::string_view last = path.substr(path.rfind('/') + 1);
  return out + (path.rfind('/') == 0 ? "/" : "/.../") + std::string(last);
}

void Log(const std::string& line) {
  static std::mutex mu;
  const auto now =
      std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
  std::lock_guard lock(mu);
  std::cerr << stamp << " faqbot: " << intents::Printable(Redact(line))
            << std::endl;
}

}  // namespace faqbot::adapters
