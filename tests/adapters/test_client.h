// Real Beast clients for end-to-end tests against a server on loopback.
// Every operation runs the client's own io_context with a deadline, so a
// test fails instead of hanging when a reply never comes.
#ifndef FAQBOT_TESTS_ADAPTERS_TEST_CLIENT_H_
#define FAQBOT_TESTS_ADAPTERS_TEST_CLIENT_H_

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace faqbot::testing {

namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
namespace net = boost::asio;
using tcp = net::ip::tcp;

inline constexpr auto kDeadline = std::chrono::seconds(10);

// Runs `ioc` until `done` or the deadline; returns `done`.
inline bool RunUntil(net::io_context& ioc, const bool& done,
                     std::chrono::steady_clock::duration limit = kDeadline) {
  ioc.restart();
  const auto end = std::chrono::steady_clock::now() + limit;
  while (!done && std::chrono::steady_clock::now() < end) {
    ioc.run_one_for(std::chrono::milliseconds(50));
  }
  return done;
}

struct HttpResult {
  int status = 0;
  std::string body;
  std::string content_type;
};

// One HTTP request with optional body and headers; status 0 on failure.
inline HttpResult HttpSend(
    int port, http::verb method, const std::string& target,
    const std::string& body = "",
    const std::vector<std::pair<std::string, std::string>>& headers = {},
    const std::string& content_type = "application/json") {
  net::io_context ioc;
  beast::tcp_stream stream(ioc);
  beast::error_code error;
  stream.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"),
                               static_cast<unsigned short>(port)),
                 error);
  if (error) return {};
  http::request<http::string_body> req(method, target, 11);
  req.set(http::field::host, "127.0.0.1");
  for (const auto& [name, value] : headers) req.set(name, value);
  if (method != http::verb::get) {
    req.set(http::field::content_type, content_type);
    req.body() = body;
  }
  req.prepare_payload();
  http::write(stream, req, error);
  if (error) return {};
  beast::flat_buffer buffer;
  http::response<http::string_body> res;
  bool done = false;
  stream.expires_after(kDeadline);
  http::async_read(stream, buffer, res, [&](beast::error_code ec, std::size_t) {
    error = ec;
    done = true;
  });
  RunUntil(ioc, done);
  if (!done || error) return {};
  return {static_cast<int>(res.result_int()), res.body(),
          std::string(res[http::field::content_type])};
}

inline HttpResult HttpGet(int port, const std::string& target) {
  return HttpSend(port, http::verb::get, target);
}

class WsClient {
 public:
  // Connects and upgrades; `origin` is sent when not empty. Check ok().
  WsClient(int port, const std::string& target = "/ws",
           const std::string& origin = "")
      : ws_(ioc_) {
    beast::error_code ec;
    beast::get_lowest_layer(ws_).connect(
        tcp::endpoint(net::ip::make_address("127.0.0.1"),
                      static_cast<unsigned short>(port)),
        ec);
    if (ec) return;
    ws_.set_option(websocket::stream_base::decorator(
        [origin](websocket::request_type& req) {
          if (!origin.empty()) req.set(http::field::origin, origin);
        }));
    ws_.read_message_max(64 << 20);
    ws_.handshake(response_, "127.0.0.1:" + std::to_string(port), target, ec);
    ok_ = !ec;
  }

  bool ok() const { return ok_; }
  int handshake_status() const { return response_.result_int(); }

  void Send(const std::string& text, bool binary = false) {
    ws_.binary(binary);
    ws_.write(net::buffer(text));
  }
  void SendJson(const nlohmann::json& j) { Send(j.dump()); }

  // The next frame as JSON; nullopt on close, error or deadline.
  std::optional<nlohmann::json> Read() {
    auto text = ReadText();
    if (!text) return std::nullopt;
    return nlohmann::json::parse(*text, nullptr, false);
  }

  std::optional<std::string> ReadText() {
    beast::flat_buffer buffer;
    bool done = false;
    ws_.async_read(buffer, [&](beast::error_code ec, std::size_t) {
      error_ = ec;
      done = true;
    });
    if (!RunUntil(ioc_, done)) {
      beast::get_lowest_layer(ws_).close();
      RunUntil(ioc_, done, std::chrono::seconds(1));
      return std::nullopt;
    }
    if (error_) return std::nullopt;
    return beast::buffers_to_string(buffer.data());
  }

  // Reads the greeting (session frame, welcome) and returns the session id.
  std::string Greet() {
    auto session = Read();
    if (!session || (*session)["type"] != "session") return "";
    if (!(*session)["resumed"].get<bool>()) Read();  // the welcome reply
    return (*session)["session"];
  }

  // Sends a text message and returns the one frame that answers it.
  nlohmann::json Ask(const std::string& text) {
    SendJson({{"text", text}});
    return Read().value_or(nlohmann::json());
  }

  beast::error_code error() const { return error_; }
  websocket::close_reason close_reason() const { return ws_.reason(); }
  void Close() {
    beast::error_code ec;
    ws_.close(websocket::close_code::normal, ec);
  }

 private:
  net::io_context ioc_;
  websocket::stream<beast::tcp_stream> ws_;
  websocket::response_type response_;
  beast::error_code error_;
  bool ok_ = false;
};

}  // namespace faqbot::testing

#endif  // FAQBOT_TESTS_ADAPTERS_TEST_CLIENT_H_
