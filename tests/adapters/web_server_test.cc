#include "adapters/web_server.h"

#include <gtest/gtest.h>

#include <boost/asio/executor_work_guard.hpp>
#include <thread>

#include "tests/adapters/server_fixture.h"
#include "tests/support/raw_clients.h"

namespace faqbot::adapters {
namespace {

using faqbot::testing::HttpGet;
using faqbot::testing::WsClient;
using nlohmann::json;

TEST_F(ServerTest, GreetsThenHoldsAConversation) {
  Start();
  WsClient c(port_);
  ASSERT_TRUE(c.ok());
  auto session = c.Read();
  ASSERT_TRUE(session);
  EXPECT_EQ((*session)["type"], "session");
  EXPECT_EQ((*session)["session"].get<std::string>().size(), 32u);
  auto welcome = c.Read();
  ASSERT_TRUE(welcome);
  EXPECT_EQ((*welcome)["type"], "reply");
  EXPECT_EQ((*welcome)["intent"], "welcome");
  EXPECT_TRUE(welcome->contains("disclaimer"));

  const json answer = c.Ask("can hepatitis cause calcification");
  EXPECT_EQ(answer["type"], "reply");
  EXPECT_EQ(answer["kind"], "answer");
  EXPECT_EQ(answer["node"], "chronic-hepatitis.cause");
  EXPECT_EQ(answer["source"]["section"], 4);

  // Naming the subject again leaves the hepatitis topic.
  const json causes = c.Ask("what causes liver calcification");
  ASSERT_GE(causes["choices"].size(), 4u);
  c.SendJson({{"choice", causes["choices"][1]["id"]}});
  const json picked = c.Read().value_or(json());
  EXPECT_EQ(picked["node"], "parasitic-infection");
}

TEST_F(ServerTest, ResumesASessionAfterReconnect) {
  Start();
  std::string id;
  {
    WsClient c(port_);
    id = c.Greet();
    ASSERT_FALSE(id.empty());
    EXPECT_EQ(c.Ask("parasites in the liver")["node"], "parasitic-infection");
    c.Close();
  }
  WsClient again(port_, "/ws?session=" + id);
  auto hello = again.Read();
  ASSERT_TRUE(hello);
  EXPECT_EQ((*hello)["session"], id);
  EXPECT_EQ((*hello)["resumed"], true);
  EXPECT_EQ(again.Ask("how is that treated?")["node"],
            "parasitic-infection.treatment");
}

TEST_F(ServerTest, UnknownSessionIdStartsANewOneAndSaysSo) {
  Start();
  WsClient c(port_, "/ws?session=0123456789abcdef0123456789abcdef");
  auto hello = c.Read();
  ASSERT_TRUE(hello);
  EXPECT_EQ((*hello)["resumed"], false);
  EXPECT_NE((*hello)["session"], "0123456789abcdef0123456789abcdef");
  EXPECT_TRUE(hello->contains("notice"));
  EXPECT_EQ(c.Read().value_or(json())["intent"], "welcome");
}

TEST_F(ServerTest, BadFramesGetAnErrorAndTheConnectionStaysOpen) {
  ServerConfig config;
  config.messages_per_second = 100;  // not what this test is about
  Start(config);
  WsClient c(port_);
  c.Greet();
  const struct {
    std::string frame;
    bool binary;
    const char* error;
  } cases[] = {
      {"not json", false, "invalid JSON"},
      {"[1,2]", false, "expected a JSON object"},
      {R"({"hello": 1})", false, "missing \"text\""},
      {R"({"text": ""})", false, "empty"},
      {R"({"text": "   "})", false, "empty"},
      {R"({"text": 7})", false, "must be a string"},
      {R"({"choice": "nope"})", false, "unknown choice id"},
      {"{\"text\": \"bad \xFF\xFE\"}", true, "invalid JSON"},  // bad UTF-8
      {R"({"text": "\udc00"})", false, "invalid JSON"},        // lone surrogate
      {"2e6666", false, "out of range"},  // found by fuzz_client_frame
      {R"({"text": 1e99999})", false, "out of range"},
  };
  for (const auto& k : cases) {
    c.Send(k.frame, k.binary);
    auto r = c.Read();
    ASSERT_TRUE(r) << k.frame;
    EXPECT_EQ((*r)["type"], "error") << k.frame;
    EXPECT_NE((*r)["error"].get<std::string>().find(k.error), std::string::npos)
        << k.frame << " -> " << (*r)["error"];
  }
  EXPECT_EQ(c.Ask("what causes it")["kind"], "answer");
}

TEST_F(ServerTest, OversizedFrameClosesOnlyThatConnection) {
  ServerConfig config;
  config.max_frame_bytes = 1024;
  Start(config);
  WsClient other(port_);
  other.Greet();
  WsClient big(port_);
  big.Greet();
  big.Send(json{{"text", std::string(4000, 'a')}}.dump());
  EXPECT_FALSE(big.Read());
  EXPECT_EQ(big.close_code(), 1009);
  EXPECT_EQ(other.Ask("what causes it")["kind"], "answer");
}

TEST_F(ServerTest, RateLimitAnswersWithAnErrorNotACrash) {
  ServerConfig config;
  config.messages_per_second = 2;
  Start(config);
  WsClient c(port_);
  c.Greet();
  for (int i = 0; i < 6; ++i) c.SendJson({{"text", "what causes it"}});
  int replies = 0, limited = 0;
  for (int i = 0; i < 6; ++i) {
    auto r = c.Read();
    ASSERT_TRUE(r);
    if ((*r)["type"] == "reply") ++replies;
    if ((*r)["type"] == "error" && (*r)["error"].get<std::string>().find(
                                       "rate limit") != std::string::npos) {
      ++limited;
    }
  }
  EXPECT_GE(replies, 2);
  EXPECT_GE(limited, 1);
  EXPECT_EQ(replies + limited, 6);
}

TEST_F(ServerTest, ChecksTheOrigin) {
  ServerConfig config;
  config.allowed_origins = {"https://clinic.example"};
  Start(config);
  WsClient evil(port_, "/ws", "https://evil.example");
  EXPECT_FALSE(evil.ok());
  EXPECT_EQ(evil.handshake_status(), 403);
  WsClient clinic(port_, "/ws", "https://clinic.example");
  EXPECT_TRUE(clinic.ok());
  WsClient local(port_, "/ws", "http://localhost:3000");
  EXPECT_TRUE(local.ok());
  WsClient same(port_, "/ws", "http://127.0.0.1:" + std::to_string(port_));
  EXPECT_TRUE(same.ok());
}

TEST_F(ServerTest, RefusesConnectionsOverTheLimit) {
  ServerConfig config;
  config.max_connections = 2;
  Start(config);
  WsClient a(port_), b(port_);
  a.Greet();
  b.Greet();
  WsClient c(port_);
  EXPECT_FALSE(c.ok());
  EXPECT_EQ(c.handshake_status(), 503);
  EXPECT_EQ(a.Ask("hello")["kind"], "smalltalk");
}

TEST_F(ServerTest, ServesPagesHealthAndNotFound) {
  Start();
  const auto page = HttpGet(port_, "/");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<script src=\"/widget.js\""), std::string::npos);
  EXPECT_NE(page.body.find("Parasitic infection"), std::string::npos);
  const auto widget = HttpGet(port_, "/widget.js");
  EXPECT_EQ(widget.status, 200);
  EXPECT_NE(widget.content_type.find("javascript"), std::string::npos);
  EXPECT_NE(widget.body.find("aria-live"), std::string::npos);
  EXPECT_EQ(HttpGet(port_, "/healthz").status, 200);
  EXPECT_EQ(HttpGet(port_, "/readyz").status, 200);
  const auto missing = HttpGet(port_, "/nope");
  EXPECT_EQ(missing.status, 404);
  EXPECT_NE(missing.body.find("'/nope' was not found"), std::string::npos);
}

TEST_F(ServerTest, MetricsCountConnectionsRepliesAndErrors) {
  Start();
  WsClient c(port_);
  c.Greet();
  c.Ask("what causes it");
  c.Ask("I am vomiting blood");
  c.Send("garbage");
  c.Read();
  const auto m = HttpGet(port_, "/metrics");
  EXPECT_EQ(m.status, 200);
  EXPECT_NE(m.body.find("faqbot_connections 1\n"), std::string::npos) << m.body;
  EXPECT_NE(m.body.find("faqbot_messages_total{kind=\"answer\"} 1\n"),
            std::string::npos);
  EXPECT_NE(m.body.find("faqbot_messages_total{kind=\"escalation\"} 1\n"),
            std::string::npos);
  EXPECT_NE(m.body.find("faqbot_errors_total 1\n"), std::string::npos);
  EXPECT_NE(m.body.find("faqbot_handle_seconds_count 2\n"), std::string::npos);
}

TEST_F(ServerTest, GracefulShutdownSendsGoingAway) {
  Start();
  WsClient a(port_), b(port_);
  a.Greet();
  b.Greet();
  server_->Shutdown();
  EXPECT_FALSE(a.Read());
  EXPECT_EQ(a.close_code(), 1001);
  EXPECT_FALSE(b.Read());
  EXPECT_EQ(b.close_code(), 1001);
  WsClient late(port_);
  EXPECT_FALSE(late.ok());  // no longer accepting
}

// Under load nothing is lost: every client gets each of its replies, in
// the order it sent the questions. `storage_threads` > 0: the answers are
// made backstage (as with sessions in Redis) and still come in order.
void ManyClientsInOrder(ServerTest& test, int storage_threads);

TEST_F(ServerTest, ManyClientsGetAllTheirRepliesInOrder) {
  ServerConfig config;
  config.messages_per_second = 1000;
  config.max_connections_per_ip = 1000;  // every client is on loopback
  Start(config);
  ManyClientsInOrder(*this, 0);
}

TEST_F(ServerTest, AnswersMadeBackstageComeInOrder) {
  ServerConfig config;
  config.messages_per_second = 1000;
  config.max_connections_per_ip = 1000;
  config.storage_threads = 4;
  config.channels = {{"rest", nlohmann::json::object()}};
  Start(config);
  ManyClientsInOrder(*this, 4);
  // A channel's request is answered backstage too.
  const auto r = testing::HttpSend(
      port_, "POST", "/webhooks/rest/webhook",
      R"({"sender": "u1", "message": "parasites in the liver"})");
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find("parasitic-infection"), std::string::npos) << r.body;
}

// A server on one thread gives connections no strand: answers made on
// other threads (backstage) still reach the right connection, in order.
TEST_F(ServerTest, OnOneThreadAnswersMadeBackstageComeInOrder) {
  ServerConfig config;
  config.threads = 1;
  config.messages_per_second = 1000;
  config.max_connections_per_ip = 1000;
  config.storage_threads = 4;
  Start(config);
  ManyClientsInOrder(*this, 4);
}

void ManyClientsInOrder(ServerTest& test, int storage_threads) {
  SCOPED_TRACE("storage_threads " + std::to_string(storage_threads));
  const int port_ = test.port();
  constexpr int kClients = 200;
  constexpr int kMessages = 50;
  const std::vector<std::pair<std::string, std::string>> script = {
      {"what causes liver calcification", "overview"},
      {"tell me about bile duct stones", "intrahepatic-bile-duct-stones"},
      {"parasites in the liver", "parasitic-infection"},
      {"is it congenital?", "congenital-developmental-abnormalities"},
      {"can hepatitis cause calcification", "chronic-hepatitis.cause"}};
  std::vector<std::unique_ptr<WsClient>> clients;
  for (int i = 0; i < kClients; ++i) {
    clients.push_back(std::make_unique<WsClient>(port_));
    ASSERT_TRUE(clients.back()->ok()) << i;
    clients.back()->Greet();
  }
  // Each client sends all its messages before reading any reply.
  for (auto& c : clients) {
    for (int m = 0; m < kMessages; ++m) {
      c->SendJson({{"text", script[m % script.size()].first}});
    }
  }
  int wrong = 0;
  for (auto& c : clients) {
    for (int m = 0; m < kMessages; ++m) {
      auto r = c->Read();
      if (!r || (*r)["node"] != script[m % script.size()].second) ++wrong;
    }
  }
  EXPECT_EQ(wrong, 0);
}

}  // namespace
}  // namespace faqbot::adapters

namespace faqbot::adapters {
namespace {

// RFC 6455 (8.1) requires failing the connection on a text frame that is
// not UTF-8: that connection closes with 1007, everyone else carries on.
// (Invalid UTF-8 inside JSON in a binary frame gets an error frame.)
TEST_F(ServerTest, InvalidUtf8TextFrameClosesWith1007) {
  Start();
  WsClient other(port_);
  other.Greet();
  WsClient bad(port_);
  bad.Greet();
  bad.Send("{\"text\": \"\xC3\x28\"}");
  EXPECT_FALSE(bad.Read());
  EXPECT_EQ(bad.close_code(), 1007);
  EXPECT_EQ(other.Ask("hello")["kind"], "smalltalk");
}

// A request that arrives while the server is being set up waits for it:
// the channels are attached before the first connection is accepted, so a
// webhook can never meet a server that does not know its path yet.
TEST(WebServerStart, RequestsWaitUntilTheChannelsAreAttached) {
  auto pack = bot::LoadPack(std::string(FAQBOT_SOURCE_DIR) +
                            "/content/liver-calcification");
  ASSERT_TRUE(pack);
  bot::Bot bot(*pack);
  boost::asio::io_context ioc;
  ServerConfig config;
  config.port = 0;
  WebServer server(ioc, bot, config);
  ASSERT_TRUE(server.Listen());
  auto work = boost::asio::make_work_guard(ioc);  // nothing to run yet
  std::thread runner([&] { ioc.run(); });
  const std::string body = R"({"sender": "early", "message": "hello"})";
  testing::PendingRequest early(
      server.port(),
      "POST /webhooks/rest/webhook HTTP/1.1\r\nHost: x\r\n"
      "Content-Type: application/json\r\nContent-Length: " +
          std::to_string(body.size()) + "\r\n\r\n" + body);
  auto channels = MakeChannels({{"rest", nlohmann::json::object()}}, bot, "");
  ASSERT_TRUE(channels);
  server.SetChannels(*channels);
  server.Start();
  EXPECT_EQ(early.Status(), 200);
  server.Shutdown();
  work.reset();
  ioc.stop();
  runner.join();
}

}  // namespace
}  // namespace faqbot::adapters
