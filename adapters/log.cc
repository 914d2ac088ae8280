#include "adapters/log.h"

#include <chrono>
#include <ctime>
#include <iostream>
#include <mutex>

namespace faqbot::adapters {

void Log(const std::string& line) {
  static std::mutex mu;
  const auto now =
      std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
  std::lock_guard lock(mu);
  std::cerr << stamp << " faqbot: " << line << std::endl;
}

}  // namespace faqbot::adapters
