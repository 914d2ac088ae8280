// Clients that misbehave on purpose. Each case has a defined outcome (an
// error frame, a close, a refusal) and a well-behaved client on the side
// keeps getting its replies throughout.
#include <gtest/gtest.h>

#include <boost/asio/steady_timer.hpp>

#include "tests/adapters/server_fixture.h"

namespace faqbot::adapters {
namespace {

using faqbot::testing::HttpGet;
using faqbot::testing::WsClient;
using nlohmann::json;
namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = net::ip::tcp;

class HostileTest : public ServerTest {
 protected:
  // The bystander: connected before the attack, checked after it.
  void ExpectBystanderServed(WsClient& c) {
    const json r = c.Ask("what causes liver calcification");
    EXPECT_EQ(r["kind"], "answer") << r.dump();
  }
};

// Dribbles an HTTP request a byte every 100 ms; returns how long the
// server took to hang up, or nullopt if it had not after `limit`.
std::optional<std::chrono::milliseconds> Slowloris(int port,
                                                   std::chrono::seconds limit) {
  net::io_context ioc;
  tcp::socket socket(ioc);
  socket.connect(
      {net::ip::make_address("127.0.0.1"), static_cast<unsigned short>(port)});
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
  faqbot::testing::RunUntil(ioc, closed, limit);
  if (!closed) return std::nullopt;
  return std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - start);
}

TEST_F(HostileTest, SlowlorisIsCutOffAtTheRequestTimeout) {
  ServerConfig config;
  config.request_timeout_seconds = 1;
  Start(config);
  WsClient bystander(port_);
  bystander.Greet();
  const auto took = Slowloris(port_, std::chrono::seconds(5));
  ASSERT_TRUE(took) << "the server never hung up";
  EXPECT_GE(took->count(), 900);
  EXPECT_LT(took->count(), 3000);
  ExpectBystanderServed(bystander);
}

TEST_F(HostileTest, IdleConnectionsPastTheLimitAreRefusedThenExpire) {
  ServerConfig config;
  config.max_connections = 4;
  config.idle_timeout_seconds = 1;
  Start(config);
  std::vector<std::unique_ptr<WsClient>> idle;
  for (int i = 0; i < 4; ++i) {
    idle.push_back(std::make_unique<WsClient>(port_));
    ASSERT_TRUE(idle.back()->ok());
  }
  WsClient refused(port_);
  EXPECT_FALSE(refused.ok());
  EXPECT_EQ(refused.handshake_status(), 503);
  // Idle clients that answer no pings are closed; room is made again.
  const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(8);
  while (server_->metrics().connections() > 0 &&
         std::chrono::steady_clock::now() < end) {
    std::this_thread::yield();
  }
  EXPECT_EQ(server_->metrics().connections(), 0);
  WsClient later(port_);
  ASSERT_TRUE(later.ok());
  later.Greet();
  ExpectBystanderServed(later);
}

TEST_F(HostileTest, ClientThatNeverReadsStallsThenIsClosed) {
  ServerConfig config;
  config.messages_per_second = 1e9;
  config.idle_timeout_seconds = 1;
  Start(config);
  WsClient bystander(port_);
  bystander.Greet();
  ExpectBystanderServed(bystander);
  // Complete the upgrade, then only ever write.
  net::io_context ioc;
  websocket::stream<tcp::socket> ws(ioc);
  ws.next_layer().open(tcp::v4());
  ws.next_layer().set_option(net::socket_base::receive_buffer_size(4096));
  ws.next_layer().connect(
      {net::ip::make_address("127.0.0.1"), static_cast<unsigned short>(port_)});
  ws.handshake("127.0.0.1", "/ws");
  const std::string frame = R"({"text": "what causes liver calcification"})";
  bool failed = false;
  int sent = 0;
  std::function<void()> write = [&] {
    ws.async_write(net::buffer(frame),
                   [&](boost::system::error_code ec, std::size_t) {
                     if (ec) {
                       failed = true;
                       return;
                     }
                     if (++sent < 1000000) write();
                   });
  };
  write();
  // The server stops reading once replies pile up, so the writes stall;
  // then it closes the stalled connection.
  EXPECT_TRUE(faqbot::testing::RunUntil(ioc, failed, std::chrono::seconds(20)))
      << "still writing after " << sent << " messages";
  EXPECT_LT(sent, 1000000);
  // The bystander was served before; it then sat idle past this test's
  // short idle timeout, so a new well-behaved client checks the server.
  WsClient after(port_);
  after.Greet();
  ExpectBystanderServed(after);
}

TEST_F(HostileTest, DeeplyNestedJsonGetsAnError) {
  Start();
  WsClient c(port_);
  c.Greet();
  c.Send(std::string(6000, '[') + std::string(6000, ']'));
  auto r = c.Read();
  ASSERT_TRUE(r);
  EXPECT_EQ((*r)["type"], "error");
  EXPECT_EQ(c.Ask("hello")["kind"], "smalltalk");
}

TEST_F(HostileTest, OverlongUtf8InABinaryFrameGetsAnError) {
  Start();
  WsClient c(port_);
  c.Greet();
  c.Send("{\"text\": \"\xC0\xAF\xE0\x80\xAF\"}", /*binary=*/true);
  auto r = c.Read();
  ASSERT_TRUE(r);
  EXPECT_EQ((*r)["type"], "error");
  EXPECT_EQ(c.Ask("hello")["kind"], "smalltalk");
}

TEST_F(HostileTest, HugeHttpBodyIsRefusedWithoutReadingIt) {
  Start();
  WsClient bystander(port_);
  bystander.Greet();
  net::io_context ioc;
  beast::tcp_stream stream(ioc);
  stream.connect(
      {net::ip::make_address("127.0.0.1"), static_cast<unsigned short>(port_)});
  const std::string head =
      "POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 104857600\r\n\r\n";
  net::write(stream, net::buffer(head));
  net::write(stream, net::buffer(std::string(64 * 1024, 'x')));
  beast::flat_buffer buffer;
  http::response<http::string_body> res;
  bool done = false;
  http::async_read(stream, buffer, res,
                   [&](beast::error_code, std::size_t) { done = true; });
  ASSERT_TRUE(faqbot::testing::RunUntil(ioc, done));
  EXPECT_EQ(res.result_int(), 413);
  ExpectBystanderServed(bystander);
}

TEST_F(HostileTest, UnicodeTricksDoNotHideRedFlags) {
  Start();
  WsClient c(port_);
  c.Greet();
  for (const char* text : {
           "I am vo\xE2\x80\x8Bmiting blood",              // zero-width space
           "\xE2\x80\x8FI am vomiting blood\xE2\x80\x8E",  // RTL/LTR marks
           "I am v\xD0\xBEmiting bl\xD0\xBE\xD0\xBE"
           "d",                                  // Cyrillic o
           "I AM VOMITING BLOOD\xE2\x80\x8D!!",  // ZWJ, caps
           "\xEF\xBD\x96omiting blood",          // full-width v
       }) {
    EXPECT_EQ(c.Ask(text)["kind"], "escalation") << text;
  }
}

TEST_F(HostileTest, FloodPastTheRateLimitIsAnsweredWithErrors) {
  ServerConfig config;
  config.messages_per_second = 5;
  Start(config);
  WsClient bystander(port_);
  bystander.Greet();
  WsClient flood(port_);
  flood.Greet();
  // More than the write queue holds: the server pauses reading, not the
  // conversation; every message still gets exactly one answer.
  for (int i = 0; i < 200; ++i) flood.SendJson({{"text", "hello"}});
  int errors = 0;
  for (int i = 0; i < 200; ++i) {
    auto r = flood.Read();
    ASSERT_TRUE(r);
    errors += (*r)["type"] == "error";
  }
  EXPECT_GE(errors, 190);
  ExpectBystanderServed(bystander);
}

}  // namespace
}  // namespace faqbot::adapters
