// Real clients for end-to-end tests against a server on loopback: one
// HTTP request, and a WebSocket client. Every operation has a deadline, so
// a test fails instead of hanging when a reply never comes. Compiled once
// in faqbot_test_support (Beast stays in test_client.cc).
#ifndef FAQBOT_TESTS_SUPPORT_TEST_CLIENT_H_
#define FAQBOT_TESTS_SUPPORT_TEST_CLIENT_H_

#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace boost::asio {
class io_context;
}

namespace faqbot::testing {

inline constexpr auto kDeadline = std::chrono::seconds(10);

// Runs `ioc` until `done` or the deadline; returns `done`.
bool RunUntil(boost::asio::io_context& ioc, const bool& done,
              std::chrono::steady_clock::duration limit = kDeadline);

struct HttpResult {
  int status = 0;  // 0: no reply (connection failed, closed or timed out)
  std::string body;
  std::string content_type;
  std::vector<std::pair<std::string, std::string>> headers;  // as sent

  // A response header's value ("" when absent); `name` in any case.
  std::string Header(std::string_view name) const;
};

using Headers = std::vector<std::pair<std::string, std::string>>;

// One HTTP request (`method` "GET", "POST", ...) with optional body and
// headers.
HttpResult HttpSend(int port, const std::string& method,
                    const std::string& target, const std::string& body = "",
                    const Headers& headers = {},
                    const std::string& content_type = "application/json");

inline HttpResult HttpGet(int port, const std::string& target) {
  return HttpSend(port, "GET", target);
}

class WsClient {
 public:
  // Connects and upgrades; `origin` is sent when not empty, and `headers`
  // with the upgrade request; `from` is the local address to connect from
  // ("127.0.0.2": another client on loopback). Check ok().
  explicit WsClient(int port, const std::string& target = "/ws",
                    const std::string& origin = "", const Headers& headers = {},
                    const std::string& from = "");
  ~WsClient();
  WsClient(const WsClient&) = delete;
  WsClient& operator=(const WsClient&) = delete;

  bool ok() const;
  // The HTTP status of the handshake's answer (101 when upgraded).
  int handshake_status() const;

  void Send(const std::string& text, bool binary = false);
  void SendJson(const nlohmann::json& j) { Send(j.dump()); }

  // The next frame as JSON; nullopt on close, error or deadline.
  std::optional<nlohmann::json> Read();
  // The next frame as text; nullopt on close, error or deadline.
  std::optional<std::string> ReadText();

  // Reads the greeting (session frame, welcome) and returns the session id.
  std::string Greet();

  // Sends a text message and returns the one frame that answers it.
  nlohmann::json Ask(const std::string& text);

  // After a read failed: whether the server closed with a close frame, and
  // its code (1000 normal, 1001 going away, 1009 too big, ...); 0 without
  // one.
  int close_code() const;
  // The last read's error, "" for none.
  std::string error() const;
  void Close();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace faqbot::testing

#endif  // FAQBOT_TESTS_SUPPORT_TEST_CLIENT_H_
