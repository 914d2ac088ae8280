// Outgoing HTTP for channels: one blocking call with a deadline (plain or
// TLS through OpenSSL, certificates verified), and an Outbox that sends a
// platform's calls in order on its own thread with bounded retries, so a
// platform that is slow or down delays only its own replies.
#ifndef FAQBOT_ADAPTERS_HTTP_CLIENT_H_
#define FAQBOT_ADAPTERS_HTTP_CLIENT_H_

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "bot/crypto.h"
#include "intents/status.h"

namespace faqbot::adapters {

struct HttpCall {
  std::string method = "POST";
  std::string url;  // http://host:port/path or https://host/path
  // What the call is, for the log ("sendMessage"): the URL may carry a
  // credential (Telegram's token is in its path) and is never logged.
  std::string what;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string content_type = "application/json";
  // When set and it turns true, the call ends early (a shutdown).
  const std::atomic<bool>* cancel = nullptr;
};

struct HttpReply {
  int status = 0;
  std::string body;
};

// Sends `call` and reads the whole reply within `timeout`. Errors: a bad
// URL, connection, TLS or timeout failures (an HTTP error status is not an
// error here; see status).
Result<HttpReply> Fetch(const HttpCall& call,
                        std::chrono::milliseconds timeout);

class Outbox {
 public:
  struct Options {
    std::chrono::milliseconds timeout{10000};  // per attempt
    int attempts = 3;                          // retries on failure / 5xx
    std::chrono::milliseconds backoff{500};    // doubled per retry
    std::size_t max_queued = 10000;            // beyond: dropped, counted
  };
  // Called with each call's final outcome (on the outbox's thread).
  using Done = std::function<void(const Result<HttpReply>&)>;

  Outbox(std::string name, Options options);
  ~Outbox();  // sends what is queued (no more retries), then stops

  void Post(HttpCall call, Done done = nullptr);

  uint64_t sent() const { return sent_.load(); }
  uint64_t failed() const { return failed_.load(); }    // after retries
  uint64_t dropped() const { return dropped_.load(); }  // queue was full

 private:
  void Run();

  std::string name_;
  Options options_;
  std::mutex mu_;
  std::condition_variable wake_;
  std::deque<std::pair<HttpCall, Done>> queue_;  // guarded by mu_
  bool stop_ = false;                            // guarded by mu_
  // Failures and drops are logged the 1st, 2nd, 4th, 8th, ... time, so a
  // platform that is down for long does not flood the log.
  std::atomic<uint64_t> sent_{0}, failed_{0}, dropped_{0};
  std::thread worker_;
};

using bot::ConstantTimeEquals;
using bot::HmacSha256Hex;

}  // namespace faqbot::adapters

#endif  // FAQBOT_ADAPTERS_HTTP_CLIENT_H_
