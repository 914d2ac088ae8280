#include "tests/support/test_client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>

#include "tests/support/loopback.h"

namespace faqbot::testing {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
namespace net = boost::asio;
using tcp = net::ip::tcp;

}  // namespace

bool RunUntil(net::io_context& ioc, const bool& done,
              std::chrono::steady_clock::duration limit) {
  ioc.restart();
  const auto end = std::chrono::steady_clock::now() + limit;
  while (!done && std::chrono::steady_clock::now() < end) {
    ioc.run_one_for(std::chrono::milliseconds(50));
  }
  return done;
}

std::string HttpResult::Header(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (beast::iequals(k, name)) return v;
  }
  return "";
}

HttpResult HttpSend(int port, const std::string& method,
                    const std::string& target, const std::string& body,
                    const Headers& headers, const std::string& content_type) {
  net::io_context ioc;
  beast::tcp_stream stream(ioc);
  beast::error_code error;
  stream.connect(Loopback(port), error);
  if (error) return {};
  http::request<http::string_body> req(http::string_to_verb(method), target,
                                       11);
  req.set(http::field::host, "127.0.0.1");
  for (const auto& [name, value] : headers) req.set(name, value);
  if (method != "GET") {
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
  HttpResult result{static_cast<int>(res.result_int()),
                    res.body(),
                    std::string(res[http::field::content_type]),
                    {}};
  for (const auto& field : res) {
    result.headers.emplace_back(field.name_string(), field.value());
  }
  return result;
}

struct WsClient::Impl {
  Impl() : ws(ioc) {}
  net::io_context ioc;
  websocket::stream<beast::tcp_stream> ws;
  websocket::response_type response;
  beast::error_code error;
  bool ok = false;
};

WsClient::WsClient(int port, const std::string& target,
                   const std::string& origin, const Headers& headers,
                   const std::string& from)
    : impl_(std::make_unique<Impl>()) {
  auto& ws = impl_->ws;
  beast::error_code ec;
  if (!from.empty()) {
    auto& socket = beast::get_lowest_layer(ws).socket();
    socket.open(tcp::v4(), ec);
    if (!ec) socket.bind({net::ip::make_address(from), 0}, ec);
    if (ec) return;
  }
  beast::get_lowest_layer(ws).connect(Loopback(port), ec);
  if (ec) return;
  ws.set_option(websocket::stream_base::decorator(
      [origin, headers](websocket::request_type& req) {
        if (!origin.empty()) req.set(http::field::origin, origin);
        for (const auto& [name, value] : headers) req.set(name, value);
      }));
  ws.read_message_max(64 << 20);
  ws.handshake(impl_->response, "127.0.0.1:" + std::to_string(port), target,
               ec);
  impl_->ok = !ec;
}

WsClient::~WsClient() = default;

bool WsClient::ok() const { return impl_->ok; }
int WsClient::handshake_status() const { return impl_->response.result_int(); }

void WsClient::Send(const std::string& text, bool binary) {
  impl_->ws.binary(binary);
  beast::error_code ec;
  impl_->ws.write(net::buffer(text), ec);
  if (ec) impl_->error = ec;
}

std::optional<nlohmann::json> WsClient::Read() {
  auto text = ReadText();
  if (!text) return std::nullopt;
  return nlohmann::json::parse(*text, nullptr, false);
}

std::optional<std::string> WsClient::ReadText() {
  beast::flat_buffer buffer;
  bool done = false;
  impl_->ws.async_read(buffer, [&](beast::error_code ec, std::size_t) {
    impl_->error = ec;
    done = true;
  });
  if (!RunUntil(impl_->ioc, done)) {
    beast::get_lowest_layer(impl_->ws).close();
    RunUntil(impl_->ioc, done, std::chrono::seconds(1));
    return std::nullopt;
  }
  if (impl_->error) return std::nullopt;
  return beast::buffers_to_string(buffer.data());
}

std::string WsClient::Greet() {
  auto session = Read();
  if (!session || (*session)["type"] != "session") return "";
  if (!(*session)["resumed"].get<bool>()) Read();  // the welcome reply
  return (*session)["session"];
}

nlohmann::json WsClient::Ask(const std::string& text) {
  SendJson({{"text", text}});
  return Read().value_or(nlohmann::json());
}

int WsClient::close_code() const { return impl_->ws.reason().code; }

std::string WsClient::error() const {
  return impl_->error ? impl_->error.message() : "";
}

void WsClient::Close() {
  beast::error_code ec;
  impl_->ws.close(websocket::close_code::normal, ec);
}

}  // namespace faqbot::testing
