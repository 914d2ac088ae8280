// Several `faqbot serve` processes, one conversation: sessions in a real
// redis-server started by the test, transcripts that survive kill -9, in a
// SQLite file or in one real PostgreSQL server for all instances.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "bot/tools/transcript_report.h"
#include "tests/support/child_process.h"
#include "tests/support/postgres_server.h"
#include "tests/support/server_process.h"
#include "tests/support/test_client.h"

namespace faqbot::adapters {
namespace {

namespace fs = std::filesystem;
using faqbot::testing::ChildProcess;
using faqbot::testing::HttpGet;
using faqbot::testing::RedisServer;
using faqbot::testing::WsClient;

// One `faqbot serve --port 0` process on the liver pack.
class Instance {
 public:
  bool Start(const std::string& name, std::vector<std::string> extra) {
    return server_.Start(
        FAQBOT_BIN,
        std::string(FAQBOT_SOURCE_DIR) + "/content/liver-calcification", name,
        extra);
  }
  int port() const { return server_.port(); }
  ChildProcess& process() { return server_.process(); }

 private:
  faqbot::testing::ServerProcess server_;
};

std::string Scratch(const std::string& name) {
  const fs::path dir = fs::path(::testing::TempDir()) /
                       ("multi-" + std::to_string(getpid())) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir.string();
}

class MultiInstanceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(redis_.Start()) << "redis-server did not start";
    dir_ = Scratch(
        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    // Tests here send faster than a person types.
    const std::string config = dir_ + "/config.json";
    std::ofstream(config) << R"({"messages_per_second": 1000000})";
    for (int i = 0; i < 2; ++i) {
      ASSERT_TRUE(instances_[i].Start(
          "instance" + std::to_string(i),
          {"--config", config, "--redis", redis_.address(), "--transcripts",
           dir_ + "/t" + std::to_string(i) + ".db"}))
          << instances_[i].process().Output();
    }
  }
  RedisServer redis_;
  std::string dir_;
  Instance instances_[2];
};

// The widget gives each message an id and, after a reconnect, sends again
// one whose reply never came. Whichever instance gets it answers from the
// session's record: the same reply, and the turn is not run twice.
TEST_F(MultiInstanceTest, AMessageSentAgainIsAnsweredOnceFromTheRecord) {
  WsClient first(instances_[0].port());
  const std::string id = first.Greet();
  const auto ask = [](WsClient& c, const std::string& text,
                      const std::string& message_id) {
    c.SendJson({{"text", text}, {"id", message_id}});
    return c.Read().value_or(nlohmann::json());
  };
  EXPECT_EQ(ask(first, "worms in liver", "m1")["node"], "parasitic-infection");
  EXPECT_EQ(ask(first, "tell me about bile duct stones", "m2")["node"],
            "intrahepatic-bile-duct-stones");
  const auto back = ask(first, "back", "m3");
  EXPECT_EQ(back["node"], "parasitic-infection");
  EXPECT_EQ(back["id"], "m3") << "the reply names the message it answers";
  first.Close();  // as if the reply had been lost with the connection

  WsClient second(instances_[1].port(), "/ws?session=" + id);
  ASSERT_EQ(second.Greet(), id);
  const auto again = ask(second, "back", "m3");
  EXPECT_EQ(again["id"], "m3");
  EXPECT_EQ(again["node"], "parasitic-infection")
      << "the same reply, not a second step back: " << again.dump();
  EXPECT_EQ(again["text"], back["text"]);
  EXPECT_EQ(ask(second, "how is it treated?", "m4")["node"],
            "parasitic-infection.treatment")
      << "the conversation goes on from where the first answer left it";
  second.SendJson({{"text", "hi"}, {"id", "not an id!"}});
  const auto refused = second.Read().value_or(nlohmann::json());
  EXPECT_EQ(refused["type"], "error") << refused.dump();
}

TEST_F(MultiInstanceTest, OneConversationAcrossTwoInstances) {
  WsClient first(instances_[0].port());
  const std::string id = first.Greet();
  ASSERT_FALSE(id.empty());
  const auto answer = first.Ask("worms in liver");
  EXPECT_EQ(answer["node"], "parasitic-infection") << answer.dump();
  first.Close();

  WsClient second(instances_[1].port(), "/ws?session=" + id);
  ASSERT_EQ(second.Greet(), id) << "instance 2 knows the session";
  const auto follow_up = second.Ask("how is that treated?");
  EXPECT_EQ(follow_up["node"], "parasitic-infection.treatment")
      << follow_up.dump();
  EXPECT_TRUE(follow_up.value("disclaimer", "").empty())
      << "the disclaimer was already shown on instance 1";
}

TEST_F(MultiInstanceTest, RepliesKeepComingWhileRedisIsDown) {
  WsClient client(instances_[0].port());
  const std::string id = client.Greet();
  EXPECT_EQ(client.Ask("worms in liver")["node"], "parasitic-infection");

  redis_.Stop();
  const auto during = client.Ask("how is that treated?");
  EXPECT_EQ(during["node"], "parasitic-infection.treatment")
      << "the instance's own copy carries the conversation: " << during.dump();
  const auto metrics = HttpGet(instances_[0].port(), "/metrics");
  EXPECT_NE(metrics.body.find("faqbot_session_store_degraded 1"),
            std::string::npos);
  EXPECT_NE(metrics.body.find("faqbot_session_states_kept_locally_total 1\n"),
            std::string::npos)
      << "the message whose state reached only this instance is counted";
  EXPECT_TRUE(instances_[0].process().WaitForOutput("unreachable"));
  EXPECT_EQ(client.Ask("back")["node"], "parasitic-infection");

  ASSERT_TRUE(redis_.Start(redis_.port()));  // empty: no persistence
  // The instance tries Redis again at most once a second, on a message:
  // small talk (which leaves the topic alone) until it has.
  const auto until =
      std::chrono::steady_clock::now() + std::chrono::seconds(10);
  // ("... until it is back" is in the "unreachable" line too.)
  const std::string back = "sessions are shared again";
  while (instances_[0].process().Output().find(back) == std::string::npos &&
         std::chrono::steady_clock::now() < until) {
    const auto r = client.Ask("hello");
    ASSERT_EQ(r["kind"], "smalltalk") << r.dump();
  }
  EXPECT_TRUE(instances_[0].process().WaitForOutput(back));
  EXPECT_EQ(client.Ask("how is that treated?")["node"],
            "parasitic-infection.treatment");
  EXPECT_NE(HttpGet(instances_[0].port(), "/metrics")
                .body.find("faqbot_session_store_degraded 0"),
            std::string::npos);

  // Written back to Redis, so the other instance continues it.
  WsClient other(instances_[1].port(), "/ws?session=" + id);
  ASSERT_EQ(other.Greet(), id);
  EXPECT_EQ(other.Ask("back")["node"], "parasitic-infection");
}

TEST(TranscriptCrashTest, KillMinusNineKeepsEveryAcknowledgedExchange) {
  const std::string dir = Scratch("crash");
  const std::string db = dir + "/transcripts.db";
  constexpr int kExchanges = 40;
  {
    const std::string config = dir + "/config.json";
    std::ofstream(config) << R"({"messages_per_second": 1000,
                                 "transcript_flush_ms": 200})";
    Instance server;
    ASSERT_TRUE(
        server.Start("crash", {"--config", config, "--transcripts", db}))
        << server.process().Output();
    WsClient client(server.port());
    ASSERT_FALSE(client.Greet().empty());
    const char* questions[] = {"worms in liver", "how is that treated?", "back",
                               "is it cancer?"};
    for (int i = 0; i < kExchanges; ++i) {
      const auto reply = client.Ask(questions[i % 4]);
      ASSERT_TRUE(reply.contains("kind")) << "acknowledged: " << reply.dump();
    }
    // The documented loss window is the flush interval (200 ms): wait
    // until the writer has been there, then kill without warning.
    const auto until =
        std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (std::chrono::steady_clock::now() < until) {
      auto so_far = bot::ReadTranscripts(db);
      if (so_far && so_far->total == static_cast<uint64_t>(kExchanges)) break;
    }
    EXPECT_EQ(server.process().Stop(SIGKILL), 128 + SIGKILL);
  }
  auto report = bot::ReadTranscripts(db);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->total, static_cast<uint64_t>(kExchanges));

  // A restarted server appends to the same database.
  Instance again;
  ASSERT_TRUE(again.Start("crash-again", {"--transcripts", db}));
  WsClient client(again.port());
  client.Greet();
  client.Ask("hello");
  EXPECT_EQ(again.process().Stop(SIGTERM), 0);
  report = bot::ReadTranscripts(db);
  ASSERT_TRUE(report);
  EXPECT_EQ(report->total, static_cast<uint64_t>(kExchanges + 1))
      << "a clean stop writes what is queued";
}

TEST(PostgresTranscriptsTest, TwoInstancesWriteOneDatabase) {
  faqbot::testing::PostgresServer postgres;
  ASSERT_EQ(postgres.Start(), "");
  // Every instance hashes session ids with the same key.
  ::setenv("FAQBOT_TRANSCRIPT_KEY", "one-key-for-all-instances", 1);
  const std::string dir = Scratch("postgres");
  const std::string config = dir + "/config.json";
  std::ofstream(config) << R"({"messages_per_second": 1000,
                               "transcript_flush_ms": 100})";
  Instance instances[2];
  for (int i = 0; i < 2; ++i) {
    ASSERT_TRUE(instances[i].Start(
        "pg" + std::to_string(i),
        {"--config", config, "--transcripts", postgres.url()}))
        << instances[i].process().Output();
  }
  EXPECT_NE(instances[0].process().Output().find("transcript postgresql://"),
            std::string::npos)
      << instances[0].process().Output();
  const char* asked[2] = {"worms in liver", "is it cancer?"};
  for (int i = 0; i < 2; ++i) {
    WsClient client(instances[i].port());
    ASSERT_FALSE(client.Greet().empty());
    for (int n = 0; n < 10; ++n) {
      ASSERT_TRUE(client.Ask(asked[i]).contains("kind")) << "acknowledged";
    }
  }
  // Within the flush interval every acknowledged exchange is in the
  // database; then instance 0 dies without warning.
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (std::chrono::steady_clock::now() < until) {
    auto so_far = bot::ReadTranscripts(postgres.url());
    if (so_far && so_far->total == 20) break;
  }
  EXPECT_EQ(instances[0].process().Stop(SIGKILL), 128 + SIGKILL);

  const std::string report = faqbot::testing::CommandOutput(
      std::string(FAQBOT_BIN) + " transcripts --limit 20 --transcripts " +
      postgres.url() + " --pack " + FAQBOT_SOURCE_DIR +
      "/content/liver-calcification 2>&1");
  EXPECT_NE(report.find("Latest 20 of 20 exchanges"), std::string::npos)
      << report;
  for (const char* question : asked) {
    EXPECT_NE(report.find(std::string("\"") + question + "\""),
              std::string::npos)
        << "both instances' exchanges: " << report;
  }
  ::unsetenv("FAQBOT_TRANSCRIPT_KEY");
}

}  // namespace
}  // namespace faqbot::adapters
