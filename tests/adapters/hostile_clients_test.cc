// Clients that misbehave on purpose. Each case has a defined outcome (an
// error frame, a close, a refusal) and a well-behaved client on the side
// keeps getting its replies throughout.
#include <gtest/gtest.h>

#include <thread>

#include "tests/adapters/server_fixture.h"
#include "tests/support/raw_clients.h"

namespace faqbot::adapters {
namespace {

using faqbot::testing::HttpGet;
using faqbot::testing::WsClient;
using nlohmann::json;

class HostileTest : public ServerTest {
 protected:
  // The bystander: connected before the attack, checked after it.
  void ExpectBystanderServed(WsClient& c) {
    const json r = c.Ask("what causes liver calcification");
    EXPECT_EQ(r["kind"], "answer") << r.dump();
  }
};

TEST_F(HostileTest, SlowlorisIsCutOffAtTheRequestTimeout) {
  ServerConfig config;
  config.request_timeout_seconds = 1;
  Start(config);
  WsClient bystander(port_);
  bystander.Greet();
  const auto took = testing::Slowloris(port_, std::chrono::seconds(5));
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
  EXPECT_EQ(WaitForConnections(*server_, 0, std::chrono::seconds(8)), 0);
  WsClient later(port_);
  ASSERT_TRUE(later.ok());
  later.Greet();
  ExpectBystanderServed(later);
}

// Quiet is not idle: a peer whose WebSocket answers the server's pings
// stays however long it says nothing; one that answers none is closed.
TEST_F(HostileTest, AQuietPeerThatAnswersPingsStays) {
  ServerConfig config;
  config.idle_timeout_seconds = 1;
  Start(config);
  WsClient listening(port_), deaf(port_);
  listening.Greet();
  deaf.Greet();
  // Reading, the client's WebSocket answers pings; the other reads nothing.
  std::thread reading([&] { EXPECT_FALSE(listening.Read()); });
  EXPECT_EQ(WaitForConnections(*server_, 1, std::chrono::seconds(5)), 1)
      << "the deaf peer stayed";
  // Three idle timeouts more: the listening one is still there.
  std::this_thread::sleep_for(std::chrono::seconds(3));
  EXPECT_EQ(server_->metrics().connections(), 1);
  server_->Shutdown();  // ends the read with a close frame
  reading.join();
  EXPECT_EQ(listening.close_code(), 1001);
}

TEST_F(HostileTest, ClientThatNeverReadsStallsThenIsClosed) {
  ServerConfig config;
  config.messages_per_second = 1e9;
  config.idle_timeout_seconds = 1;
  Start(config);
  WsClient bystander(port_);
  bystander.Greet();
  ExpectBystanderServed(bystander);
  // The server stops reading once replies pile up, so the writes stall;
  // then it closes the stalled connection.
  const auto sent = testing::WriteWithoutReading(
      port_, R"({"text": "what causes liver calcification"})",
      std::chrono::seconds(20));
  EXPECT_TRUE(sent) << "still writing after 20 s";
  // The bystander was served before; it then sat idle past this test's
  // short idle timeout, so a new well-behaved client checks the server.
  WsClient after(port_);
  after.Greet();
  ExpectBystanderServed(after);
}

// A session store with a bug: it throws while `fail` is set.
class ThrowingStore : public bot::MemorySessionStore {
 public:
  ThrowingStore() : MemorySessionStore(std::chrono::hours(1)) {}
  bot::Stored WithSession(std::string_view id, const Fn& fn) override {
    if (fail) throw std::runtime_error("store bug");
    return MemorySessionStore::WithSession(id, fn);
  }
  std::atomic<bool> fail{false};
};

// Nothing the bot throws may take the process (and every connection)
// down: that message gets an error frame, everyone goes on.
TEST_F(HostileTest, ABugInTheBotCostsOneMessageNotTheServer) {
  auto store = std::make_shared<ThrowingStore>();
  Start({}, {.sessions = store});
  WsClient bystander(port_);
  bystander.Greet();
  WsClient unlucky(port_);
  unlucky.Greet();
  store->fail = true;
  const json r = unlucky.Ask("what causes liver calcification");
  store->fail = false;
  EXPECT_EQ(r["type"], "error") << r.dump();
  EXPECT_NE(r.value("error", "").find("internal error"), std::string::npos);
  EXPECT_EQ(unlucky.Ask("hello")["kind"], "smalltalk");
  ExpectBystanderServed(bystander);
}

// A frame far over the limit (2 MB against 16 KiB) must still end with
// the promised close frame 1009, not a reset: the server reads and drops
// the rest of the frame before it closes the socket.
TEST_F(HostileTest, HugeFramesAreClosedWith1009EveryTime) {
  Start();
  WsClient bystander(port_);
  bystander.Greet();
  for (int run = 0; run < 5; ++run) {
    WsClient big(port_);
    big.Greet();
    big.Send(json{{"text", std::string(2 << 20, 'a')}}.dump());
    EXPECT_FALSE(big.Read());
    EXPECT_EQ(big.close_code(), 1009) << "run " << run << ": " << big.error();
  }
  ExpectBystanderServed(bystander);
}

// One address cannot hold every slot: past max_connections_per_ip it gets
// 503, and a client elsewhere still gets in.
TEST_F(HostileTest, OneAddressCannotTakeEverySlot) {
  ServerConfig config;
  config.max_connections_per_ip = 3;
  Start(config);
  std::vector<std::unique_ptr<WsClient>> hogs;
  for (int i = 0; i < 3; ++i) {
    hogs.push_back(std::make_unique<WsClient>(port_));
    ASSERT_TRUE(hogs.back()->ok());
  }
  WsClient fourth(port_);
  EXPECT_FALSE(fourth.ok());
  EXPECT_EQ(fourth.handshake_status(), 503);
  EXPECT_EQ(HttpGet(port_, "/healthz").status, 503) << "HTTP counts too";
  WsClient elsewhere(port_, "/ws", "", {}, "127.0.0.2");
  ASSERT_TRUE(elsewhere.ok());
  elsewhere.Greet();
  ExpectBystanderServed(elsewhere);
}

// Behind a reverse proxy every connection comes from the proxy: the
// configured header names the client, and the cap applies to it.
TEST_F(HostileTest, BehindATrustedProxyTheClientAddressIsCapped) {
  ServerConfig config;
  config.max_connections_per_ip = 2;
  config.client_ip_header = "X-Forwarded-For";
  Start(config);
  const testing::Headers from_a = {{"X-Forwarded-For", "203.0.113.5"}};
  WsClient a1(port_, "/ws", "", from_a), a2(port_, "/ws", "", from_a);
  ASSERT_TRUE(a1.ok() && a2.ok());
  WsClient a3(port_, "/ws", "", from_a);
  EXPECT_EQ(a3.handshake_status(), 503);
  WsClient b(port_, "/ws", "", {{"X-Forwarded-For", "198.51.100.7"}});
  ASSERT_TRUE(b.ok());
  b.Greet();
  ExpectBystanderServed(b);
}

TEST_F(HostileTest, OversizedHeadersGet431) {
  Start();
  const std::string head = "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " +
                           std::string(64 * 1024, 'x') + "\r\n\r\n";
  EXPECT_EQ(testing::SendRawRequest(port_, head, 0), 431);
  EXPECT_EQ(HttpGet(port_, "/healthz").status, 200);
}

// A connection that never says anything costs no session: sessions are
// made by the first message.
TEST_F(HostileTest, SilentConnectionsMakeNoSessions) {
  Start();
  std::vector<std::unique_ptr<WsClient>> silent;
  for (int i = 0; i < 20; ++i) {
    silent.push_back(std::make_unique<WsClient>(port_));
    silent.back()->Greet();
  }
  EXPECT_EQ(bot_->sessions().size(), 0u);
  const json first = silent[0]->Ask("2");
  EXPECT_EQ(first["node"], "parasitic-infection")
      << "the first message starts where the welcome left off";
  EXPECT_TRUE(first.value("disclaimer", "").empty())
      << "the welcome already showed the disclaimer";
  EXPECT_EQ(bot_->sessions().size(), 1u);
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
  const std::string head =
      "POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 104857600\r\n\r\n";
  EXPECT_EQ(testing::SendRawRequest(port_, head, 64 * 1024), 413);
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
