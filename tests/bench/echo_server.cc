// A bare Boost.Beast WebSocket echo server: the baseline for the load
// generator. Same shape as `faqbot serve` (one io_context, a thread per
// core, a strand per connection unless one thread runs it all) with no bot
// logic at all.
//
//   build/tests/echo_server [--port N] [--threads N]   prints its port
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace beast = boost::beast;
namespace websocket = beast::websocket;
namespace net = boost::asio;
using tcp = net::ip::tcp;

// The fixed reply (--reply-bytes), or empty to echo.
std::string g_reply;
// CPU time spent per message before answering (--work-ns): stands in for
// the bot's own work, so that the echo answers at faqbot's pace.
std::chrono::nanoseconds g_work{0};

void Work() {
  if (g_work.count() == 0) return;
  const auto until = std::chrono::steady_clock::now() + g_work;
  while (std::chrono::steady_clock::now() < until) {
  }
}

// A JSON frame of exactly `bytes` bytes (at least the frame's shape).
std::string FixedReply(std::size_t bytes) {
  const std::string head = "{\"kind\":\"answer\",\"text\":\"";
  const std::string tail = "\"}";
  const std::size_t fill =
      bytes > head.size() + tail.size() ? bytes - head.size() - tail.size() : 0;
  return head + std::string(fill, 'x') + tail;
}

class EchoSession : public std::enable_shared_from_this<EchoSession> {
 public:
  explicit EchoSession(tcp::socket&& socket) : ws_(std::move(socket)) {}

  void Run() {
    ws_.set_option(
        websocket::stream_base::timeout::suggested(beast::role_type::server));
    ws_.read_message_max(64 * 1024);
    ws_.async_accept(
        beast::bind_front_handler(&EchoSession::OnAccept, shared_from_this()));
  }

 private:
  void OnAccept(beast::error_code ec) {
    if (!ec) DoRead();
  }
  void DoRead() {
    ws_.async_read(buffer_, beast::bind_front_handler(&EchoSession::OnRead,
                                                      shared_from_this()));
  }
  void OnRead(beast::error_code ec, std::size_t) {
    if (ec) return;
    Work();
    ws_.text(ws_.got_text());
    ws_.async_write(
        g_reply.empty() ? net::const_buffer(buffer_.data())
                        : net::buffer(g_reply),
        beast::bind_front_handler(&EchoSession::OnWrite, shared_from_this()));
  }
  void OnWrite(beast::error_code ec, std::size_t) {
    if (ec) return;
    buffer_.consume(buffer_.size());
    DoRead();
  }

  websocket::stream<beast::tcp_stream> ws_;
  beast::flat_buffer buffer_;
};

void Accept(net::io_context& ioc, tcp::acceptor& acceptor, int threads) {
  acceptor.async_accept(
      threads == 1 ? net::any_io_executor(ioc.get_executor())
                   : net::any_io_executor(net::make_strand(ioc)),
      [&, threads](beast::error_code ec, tcp::socket socket) {
        if (!acceptor.is_open()) return;
        if (!ec) {
          beast::error_code nodelay_ec;  // as faqbot serve does
          socket.set_option(tcp::no_delay(true), nodelay_ec);
          std::make_shared<EchoSession>(std::move(socket))->Run();
        }
        Accept(ioc, acceptor, threads);
      });
}

int main(int argc, char** argv) {
  int port = 0;
  int threads =
      static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--port") port = std::atoi(argv[i + 1]);
    if (a == "--threads") threads = std::atoi(argv[i + 1]);
    if (a == "--work-ns")
      g_work = std::chrono::nanoseconds(std::atol(argv[i + 1]));
    if (a == "--reply-bytes") {
      g_reply = FixedReply(static_cast<std::size_t>(std::atoi(argv[i + 1])));
    }
  }
  net::io_context ioc(threads);
  tcp::acceptor acceptor(ioc, {net::ip::make_address("127.0.0.1"),
                               static_cast<unsigned short>(port)});
  std::cout << "echo server on http://127.0.0.1:"
            << acceptor.local_endpoint().port() << "/" << std::endl;
  Accept(ioc, acceptor, threads);
  net::signal_set signals(ioc, SIGINT, SIGTERM);
  signals.async_wait([&](beast::error_code, int) { ioc.stop(); });
  std::vector<std::thread> pool;
  for (int i = 1; i < threads; ++i) pool.emplace_back([&] { ioc.run(); });
  ioc.run();
  for (auto& t : pool) t.join();
}
