// A local stand-in for a chat platform's API (Slack Web API, Graph API,
// Telegram Bot API): a real HTTP server on loopback that records every call
// faqbot makes and answers with the platform's documented success shape.
#ifndef FAQBOT_TESTS_SUPPORT_FAKE_PLATFORM_H_
#define FAQBOT_TESTS_SUPPORT_FAKE_PLATFORM_H_

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace faqbot::testing {

struct RecordedCall {
  std::string method, target;
  std::map<std::string, std::string> headers;  // names lowercase
  std::string body;
  nlohmann::json Json() const {
    return nlohmann::json::parse(body, nullptr, false);
  }
};

class FakePlatform {
 public:
  // `answer` gives the JSON body for a call (default {"ok":true}).
  explicit FakePlatform(
      std::function<std::string(const RecordedCall&)> answer = nullptr);
  ~FakePlatform();
  FakePlatform(const FakePlatform&) = delete;
  FakePlatform& operator=(const FakePlatform&) = delete;

  // "http://127.0.0.1:<port>"
  std::string url() const;

  // Waits until at least `n` calls arrived (or 10 s); returns all so far.
  std::vector<RecordedCall> WaitFor(std::size_t n);
  // The calls that arrived before the first one `is_barrier` accepts,
  // waiting up to 10 s for it; nullopt when it never came. For checking
  // that something was *not* sent: cause a recognisable call after the
  // requests under test (a platform's replies go out in order), and look
  // at what came before it.
  std::optional<std::vector<RecordedCall>> CallsBefore(
      const std::function<bool(const RecordedCall&)>& is_barrier);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace faqbot::testing

#endif  // FAQBOT_TESTS_SUPPORT_FAKE_PLATFORM_H_
