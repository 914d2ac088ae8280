// Transcripts in PostgreSQL: the same writer, report and privacy rules as
// the SQLite file, against a real server started for the test.
#include <gtest/gtest.h>

#include <thread>

#include "bot/bot.h"
#include "bot/store/redis_session_store.h"
#include "bot/store/redis_transcript_queue.h"
#include "bot/tools/transcript_report.h"
#include "bot/unix_time.h"
#include "tests/support/child_process.h"
#include "tests/support/fixture_pack.h"
#include "tests/support/postgres_server.h"

namespace faqbot::bot {
namespace {

using faqbot::testing::PostgresServer;

constexpr const char* kKey = "shared-secret-of-the-instances";

class TranscriptPostgres : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string why = server_.Start();
    ASSERT_EQ(why, "");
  }
  Result<std::unique_ptr<TranscriptLog>> OpenLog() {
    return TranscriptLog::Open(server_.url(), {.key = kKey});
  }
  PostgresServer server_;
};

TEST_F(TranscriptPostgres, WritesReportsAndForgets) {
  const int64_t day = 86'400'000;
  {
    auto log = OpenLog();
    ASSERT_TRUE(log) << log.error().message;
    (*log)->Append({.time_ms = UnixMs(),
                    .session = "whatsapp:15551234567",
                    .channel = "whatsapp",
                    .text = "worms in liver",
                    .kind = "answer",
                    .node = "parasitic-infection",
                    .confidence = 0.875});
    (*log)->Append({.time_ms = UnixMs(),
                    .session = "whatsapp:15551234567",
                    .channel = "whatsapp",
                    .text = "Best pizza in town? ",
                    .kind = "fallback"});
    (*log)->Append({.time_ms = UnixMs() - 40 * day,
                    .session = "web:old",
                    .channel = "web",
                    .text = "an old question",
                    .kind = "fallback"});
    (*log)->Append({.time_ms = UnixMs(),
                    .session = "telegram:7",
                    .channel = "telegram",
                    .choice = "overview",
                    .kind = "answer",
                    .node = "overview",
                    .confidence = 1});
    (*log)->Flush();
    EXPECT_EQ((*log)->written(), 4u);
  }
  // Opening again deletes what is past retention (30 days).
  ASSERT_TRUE(OpenLog());
  auto report = ReadTranscripts(server_.url());
  ASSERT_TRUE(report) << report.error().message;
  ASSERT_EQ(report->total, 3u);
  const Exchange& first = report->recent[0];
  EXPECT_EQ(first.text, "worms in liver");
  EXPECT_EQ(first.session, TranscriptId(kKey, "whatsapp:15551234567"))
      << "the number is stored as a keyed hash";
  EXPECT_EQ(first.node, "parasitic-infection");
  EXPECT_DOUBLE_EQ(first.confidence, 0.875);
  EXPECT_EQ(report->recent[2].choice, "overview");
  ASSERT_EQ(report->top_fallbacks.size(), 1u);
  EXPECT_EQ(report->top_fallbacks[0].first, "best pizza in town?");
  EXPECT_TRUE(report->reached.contains("overview"));

  auto conversations = ReadConversations(server_.url());
  ASSERT_TRUE(conversations);
  EXPECT_EQ(conversations->size(), 2u);

  auto removed = ForgetSession(server_.url(), kKey, "whatsapp:15551234567");
  ASSERT_TRUE(removed) << removed.error().message;
  EXPECT_EQ(*removed, 2);
  report = ReadTranscripts(server_.url());
  ASSERT_TRUE(report);
  EXPECT_EQ(report->total, 1u);
}

TEST_F(TranscriptPostgres, NeedsASharedKeyAndNeverPrintsThePassword) {
  auto keyless = TranscriptLog::Open(server_.url());
  ASSERT_FALSE(keyless);
  EXPECT_NE(keyless.error().message.find("FAQBOT_TRANSCRIPT_KEY"),
            std::string::npos)
      << keyless.error().message;

  const std::string wrong = "postgresql://faqbot:hunter2@127.0.0.1:" +
                            std::to_string(testing::FreePort()) + "/postgres";
  auto unreachable = TranscriptLog::Open(wrong, {.key = kKey});
  ASSERT_FALSE(unreachable);
  EXPECT_NE(unreachable.error().message.find("cannot connect"),
            std::string::npos);
  EXPECT_EQ(unreachable.error().message.find("hunter2"), std::string::npos)
      << unreachable.error().message;
  EXPECT_NE(unreachable.error().message.find("faqbot:***@"), std::string::npos);

  auto empty = ReadTranscripts(server_.url());
  ASSERT_FALSE(empty);
  EXPECT_NE(empty.error().message.find("no transcripts"), std::string::npos)
      << empty.error().message;
}

TEST_F(TranscriptPostgres, KeepsExchangesWhileTheServerIsDown) {
  auto log = TranscriptLog::Open(
      server_.url(),
      {.flush_interval = std::chrono::milliseconds(50), .key = kKey});
  ASSERT_TRUE(log) << log.error().message;
  (*log)->Append({.session = "a", .channel = "web", .text = "before"});
  (*log)->Flush();
  server_.Stop();
  (*log)->Append({.session = "a", .channel = "web", .text = "during"});
  (*log)->Flush();  // returns: the database cannot be reached
  EXPECT_EQ((*log)->written(), 1u);
  ASSERT_EQ(server_.Start(), "");
  EXPECT_TRUE((*log)->WaitUntilWritten(2, std::chrono::seconds(20)))
      << "written once the server is back";
  EXPECT_EQ((*log)->dropped(), 0u);
  auto report = ReadTranscripts(server_.url());
  ASSERT_TRUE(report);
  ASSERT_EQ(report->total, 2u);
  EXPECT_EQ(report->recent[1].text, "during");
}

// Through Redis (sessions shared, transcripts in PostgreSQL): exchanges
// taken from the stream while PostgreSQL is down stay in Redis and are
// written, once each, when it is back.
TEST_F(TranscriptPostgres, ExchangesFromRedisWaitThereWhileTheServerIsDown) {
  faqbot::testing::RedisServer redis;
  ASSERT_TRUE(redis.Start());
  RedisOptions redis_options{.port = redis.port(),
                             .transcript_stream = "t:exchanges",
                             .log = [](const std::string&) {}};
  auto queue = std::make_shared<RedisTranscriptQueue>(
      redis_options, "t:exchanges", std::chrono::milliseconds(200));
  auto log = TranscriptLog::Open(
      server_.url(), {.flush_interval = std::chrono::milliseconds(50),
                      .key = kKey,
                      .source = queue});
  ASSERT_TRUE(log) << log.error().message;
  std::shared_ptr<TranscriptLog> transcripts = std::move(*log);
  Bot bot(faqbot::testing::LiverFixture(),
          {.sessions = std::make_shared<RedisSessionStore>(redis_options),
           .transcripts = transcripts});
  ASSERT_TRUE(bot.Handle("p", {.text = "worms in liver"}));
  const auto written = [&](uint64_t n) {
    const auto until =
        std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (transcripts->written() < n &&
           std::chrono::steady_clock::now() < until) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return transcripts->written() >= n;
  };
  ASSERT_TRUE(written(1));
  server_.Stop();
  ASSERT_TRUE(bot.Handle("p", {.text = "how is that treated?"}));
  ASSERT_TRUE(bot.Handle("p", {.text = "what causes it?"}));
  std::this_thread::sleep_for(std::chrono::milliseconds(500));  // tries fail
  ASSERT_EQ(server_.Start(), "");
  EXPECT_TRUE(written(3)) << "written once the server is back";
  auto report = ReadTranscripts(server_.url());
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->total, 3u) << "each exchange once";
  EXPECT_EQ(transcripts->dropped(), 0u);
}

}  // namespace
}  // namespace faqbot::bot
