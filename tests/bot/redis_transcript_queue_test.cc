// Transcripts through Redis: the session store writes each exchange with
// the state, the queue hands them to the writer, and what a reader took
// but never wrote (it died) is claimed by another. Against a real
// redis-server started by the test.
#include "bot/store/redis_transcript_queue.h"

#include <gtest/gtest.h>
#include <hiredis/hiredis.h>

#include <algorithm>
#include <filesystem>
#include <thread>

#include "bot/bot.h"
#include "bot/store/redis_session_store.h"
#include "bot/tools/transcript_report.h"
#include "tests/support/child_process.h"
#include "tests/support/fixture_pack.h"

namespace faqbot::bot {
namespace {

using faqbot::testing::RedisServer;

constexpr char kStream[] = "faqbot:t:exchanges";

class RedisTranscriptQueueTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(redis_.Start()); }
  RedisOptions Options() {
    RedisOptions o;
    o.port = redis_.port();
    o.transcript_stream = kStream;
    o.log = [](const std::string&) {};
    return o;
  }
  int64_t StreamLength() {
    RedisClient client(Options());
    return client.Run({"XLEN", kStream}).Int();
  }
  RedisServer redis_;
};

std::string FreshQueueDb(const std::string& name) {
  const std::string path = ::testing::TempDir() + "transcripts/" + name;
  for (const char* end : {"", "-wal", "-shm"}) {
    std::filesystem::remove(path + end);
  }
  return path;
}

TEST_F(RedisTranscriptQueueTest, ExchangesGoWithTheStateAndReachTheDatabase) {
  const std::string db = FreshQueueDb("through-redis.db");
  auto store = std::make_shared<RedisSessionStore>(Options());
  EXPECT_TRUE(store->KeepsTranscripts());
  auto queue = std::make_shared<RedisTranscriptQueue>(Options(), kStream);
  auto log = TranscriptLog::Open(
      db, {.flush_interval = std::chrono::milliseconds(20), .source = queue});
  ASSERT_TRUE(log) << log.error().message;
  std::shared_ptr<TranscriptLog> transcripts = std::move(*log);
  {
    Bot bot(faqbot::testing::LiverFixture(),
            {.sessions = store, .transcripts = transcripts});
    ASSERT_TRUE(bot.Handle("u1", {.text = "worms in liver", .id = "a1"}));
    ASSERT_TRUE(bot.Handle("u1", {.text = "how is that treated?", .id = "a2"}));
    ASSERT_TRUE(bot.Handle("u1", {.text = "how is that treated?", .id = "a2"}))
        << "sent again: answered from the record, not a second exchange";
  }
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (transcripts->written() < 2 &&
         std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  auto report = ReadTranscripts(db);
  ASSERT_TRUE(report) << report.error().message;
  ASSERT_EQ(report->total, 2u);
  EXPECT_EQ(report->recent[0].text, "worms in liver");
  EXPECT_EQ(report->recent[1].node, "parasitic-infection.treatment");
  auto key = TranscriptKey(db, "");
  ASSERT_TRUE(key);
  EXPECT_EQ(report->recent[0].session, TranscriptId(*key, "u1"));
  // Deleted just after the write is committed (written() counts first).
  while (StreamLength() != 0 && std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_EQ(StreamLength(), 0) << "written entries leave the stream";
}

TEST_F(RedisTranscriptQueueTest, WhatADeadReaderTookIsClaimedByAnother) {
  RedisSessionStore store(Options());
  for (const char* said : {"one", "two"}) {
    (void)store.WithSession("u", [&](Session& s, bool) {
      s.transcript = EncodeExchange(
          {.session = "u", .text = said, .uid = NewExchangeUid()});
    });
  }
  EXPECT_EQ(StreamLength(), 2);
  const auto claim_after = std::chrono::milliseconds(200);
  RedisTranscriptQueue dies(Options(), kStream, claim_after);
  RedisTranscriptQueue lives(Options(), kStream, claim_after);
  std::vector<Exchange> taken, again;
  dies.Take(10, &taken);  // and never calls Done
  ASSERT_EQ(taken.size(), 2u);
  EXPECT_EQ(taken[0].text, "one");
  lives.Take(10, &again);
  EXPECT_TRUE(again.empty()) << "still the other reader's, for now";
  std::this_thread::sleep_for(claim_after + std::chrono::milliseconds(50));
  lives.Take(10, &again);
  ASSERT_EQ(again.size(), 2u) << "claimed after the wait";
  EXPECT_EQ(again[0].uid, taken[0].uid) << "the same exchanges, same uids";
  lives.Done();
  EXPECT_EQ(StreamLength(), 0);
  again.clear();
  lives.Take(10, &again);
  EXPECT_TRUE(again.empty());
}

// Every restart of an instance adds a reader to the group; one with
// nothing pending that has been idle long enough is removed.
TEST_F(RedisTranscriptQueueTest, IdleReadersWithNothingPendingAreForgotten) {
  RedisClient client(Options());
  const auto readers = [&] {
    std::string names;
    const auto r = client.Run({"XINFO", "CONSUMERS", kStream, "faqbot"});
    for (std::size_t i = 0; r && i < r.r->elements; ++i) {
      names += std::string(r.r->element[i]->element[1]->str) + " ";
    }
    return names;
  };
  {
    // An instance that read and wrote one exchange, then stopped.
    RedisSessionStore store(Options());
    (void)store.WithSession("u", [&](Session& s, bool) {
      s.transcript = EncodeExchange({.session = "u", .uid = NewExchangeUid()});
    });
    RedisTranscriptQueue gone(Options(), kStream);
    std::vector<Exchange> one;
    gone.Take(10, &one);
    ASSERT_EQ(one.size(), 1u);
    gone.Done();
  }
  ASSERT_TRUE(client.Run({"XADD", kStream, "*", "e", "x"}));
  ASSERT_TRUE(client.Run({"XREADGROUP", "GROUP", "faqbot", "busy", "COUNT", "1",
                          "STREAMS", kStream, ">"}))
      << "a reader with one entry pending";
  const std::string before = readers();
  ASSERT_NE(before.find("busy "), std::string::npos) << before;
  std::string gone_name = before;  // the other one
  gone_name.erase(gone_name.find("busy "), 5);
  gone_name.pop_back();
  ASSERT_FALSE(gone_name.empty()) << before;
  std::this_thread::sleep_for(std::chrono::milliseconds(150));
  RedisTranscriptQueue queue(Options(), kStream, std::chrono::hours(1),
                             std::chrono::milliseconds(100));
  std::vector<Exchange> taken;
  queue.Take(10, &taken);
  const std::string left = readers();
  EXPECT_EQ(left.find(gone_name + " "), std::string::npos)
      << "the idle reader with nothing pending is gone: " << left;
  EXPECT_NE(left.find("busy "), std::string::npos)
      << "one with an entry pending stays: " << left;
}

TEST_F(RedisTranscriptQueueTest, EntriesThatAreNotExchangesAreDropped) {
  RedisClient client(Options());
  ASSERT_TRUE(client.Run({"XADD", kStream, "*", "e", "[\"not\", 1]"}));
  ASSERT_TRUE(client.Run({"XADD", kStream, "*", "x", "y"}));
  RedisTranscriptQueue queue(Options(), kStream);
  std::vector<Exchange> taken;
  queue.Take(10, &taken);
  EXPECT_TRUE(taken.empty());
  EXPECT_EQ(queue.malformed(), 2u);
  queue.Done();
  EXPECT_EQ(StreamLength(), 0) << "acknowledged, so never handed out again";
}

// The writer acknowledges what it took even when nothing of it could be
// read: a malformed entry is not handed out again and again.
TEST_F(RedisTranscriptQueueTest, TheWriterAcknowledgesEntriesItCannotRead) {
  RedisClient client(Options());
  ASSERT_TRUE(client.Run({"XADD", kStream, "*", "e", "not an exchange"}));
  auto queue = std::make_shared<RedisTranscriptQueue>(
      Options(), kStream, std::chrono::milliseconds(50));
  auto log = TranscriptLog::Open(
      FreshQueueDb("malformed.db"),
      {.flush_interval = std::chrono::milliseconds(20), .source = queue});
  ASSERT_TRUE(log) << log.error().message;
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (StreamLength() != 0 && std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_EQ(StreamLength(), 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_EQ(queue->malformed(), 1u) << "read once, not again every claim";
}

TEST(ExchangeCodec, RoundTripsAndRejectsOtherShapes) {
  const Exchange e{.time_ms = 1234,
                   .session = "web:1",
                   .channel = "web",
                   .text = "caf\xc3\xa9 \"quoted\"",
                   .choice = "c",
                   .kind = "answer",
                   .node = "n.x",
                   .confidence = 0.5,
                   .uid = NewExchangeUid()};
  const auto back = DecodeExchange(EncodeExchange(e));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->text, e.text);
  EXPECT_EQ(back->uid, e.uid);
  EXPECT_EQ(back->time_ms, 1234);
  EXPECT_DOUBLE_EQ(back->confidence, 0.5);
  EXPECT_EQ(e.uid.size(), 32u);
  EXPECT_NE(NewExchangeUid(), NewExchangeUid());
  for (const char* bad : {"", "{}", "[1,2,3]",
                          "[\"u\",\"x\",\"s\",\"c\",\"t\","
                          "\"ch\",\"k\",\"n\",0.5]",
                          "not json"}) {
    EXPECT_FALSE(DecodeExchange(bad)) << bad;
  }
}

}  // namespace
}  // namespace faqbot::bot
