#include "tests/support/raw_clients.h"

#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <functional>
#include <vector>

#include "tests/support/loopback.h"
#include "tests/support/test_client.h"

namespace faqbot::testing {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = net::ip::tcp;

}  // namespace

std::optional<std::chrono::milliseconds> Slowloris(int port,
                                                   std::chrono::seconds limit) {
  net::io_context ioc;
  tcp::socket socket(ioc);
  socket.connect(Loopback(port));
  const std::string request = "GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ";
  std::size_t sent = 0;
  net::steady_timer drip(ioc);
  std::function<void()> next = [&] {
    boost::system::error_code ec;
    net::write(socket, net::buffer(&request[sent % request.size()], 1), ec);
    ++sent;
    if (ec) return;
    drip.expires_after(std::chrono::milliseconds(100));
    drip.async_wait([&](boost::system::error_code e) {
      if (!e) next();
    });
  };
  next();
  char byte;
  bool closed = false;
  const auto start = std::chrono::steady_clock::now();
  socket.async_read_some(net::buffer(&byte, 1),
                         [&](boost::system::error_code, std::size_t) {
                           closed = true;
                           drip.cancel();
                         });
  RunUntil(ioc, closed, limit);
  if (!closed) return std::nullopt;
  return std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - start);
}

std::optional<int> WriteWithoutReading(int port, const std::string& frame,
                                       std::chrono::seconds limit) {
  net::io_context ioc;
  websocket::stream<tcp::socket> ws(ioc);
  ws.next_layer().open(tcp::v4());
  ws.next_layer().set_option(net::socket_base::receive_buffer_size(4096));
  ws.next_layer().connect(Loopback(port));
  ws.handshake("127.0.0.1", "/ws");
  bool failed = false;
  int sent = 0;
  std::function<void()> write = [&] {
    ws.async_write(net::buffer(frame),
                   [&](boost::system::error_code ec, std::size_t) {
                     if (ec) {
                       failed = true;
                       return;
                     }
                     ++sent;
                     write();
                   });
  };
  write();
  if (!RunUntil(ioc, failed, limit)) return std::nullopt;
  return sent;
}

std::shared_ptr<void> HoldConnections(int port, int n) {
  struct Held {
    net::io_context ioc;
    std::vector<tcp::socket> sockets;
  };
  auto held = std::make_shared<Held>();
  for (int i = 0; i < n; ++i) {
    tcp::socket socket(held->ioc);
    boost::system::error_code ec;
    socket.connect(Loopback(port), ec);
    if (!ec) held->sockets.push_back(std::move(socket));
  }
  return held;
}

struct PendingRequest::Impl {
  net::io_context ioc;
  beast::tcp_stream stream{ioc};
};

PendingRequest::PendingRequest(int port, const std::string& request)
    : impl_(std::make_unique<Impl>()) {
  beast::error_code ec;
  impl_->stream.connect(Loopback(port), ec);
  if (!ec) net::write(impl_->stream, net::buffer(request), ec);
}

PendingRequest::~PendingRequest() = default;

int PendingRequest::Status() {
  beast::flat_buffer buffer;
  http::response<http::string_body> res;
  bool done = false;
  beast::error_code ec;
  http::async_read(impl_->stream, buffer, res,
                   [&](beast::error_code e, std::size_t) {
                     ec = e;
                     done = true;
                   });
  if (!RunUntil(impl_->ioc, done) || ec) return 0;
  return res.result_int();
}

int SendRawRequest(int port, const std::string& head, std::size_t body_bytes) {
  net::io_context ioc;
  beast::tcp_stream stream(ioc);
  beast::error_code ec;
  stream.connect(Loopback(port), ec);
  if (ec) return 0;
  net::write(stream, net::buffer(head), ec);
  if (body_bytes > 0) {
    net::write(stream, net::buffer(std::string(body_bytes, 'x')), ec);
  }
  beast::flat_buffer buffer;
  http::response<http::string_body> res;
  bool done = false;
  http::async_read(stream, buffer, res, [&](beast::error_code e, std::size_t) {
    ec = e;
    done = true;
  });
  if (!RunUntil(ioc, done) || ec) return 0;
  return res.result_int();
}

}  // namespace faqbot::testing
