// The Redis session store against a real redis-server started by the test.
#include "bot/store/redis_session_store.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>

#include "tests/support/child_process.h"

namespace faqbot::bot {
namespace {

using faqbot::testing::RedisServer;

class RedisStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(redis_.Start()) << "redis-server did not start (scripts/setup "
                                   "installs it)";
  }
  RedisOptions Options() {
    RedisOptions o;
    o.host = "127.0.0.1";
    o.port = redis_.port();
    o.idle_expiry = std::chrono::seconds(60);
    o.log = [this](const std::string& line) { log_.push_back(line); };
    return o;
  }
  RedisServer redis_;
  std::vector<std::string> log_;
};

// redis-cli against the test's server; returns its output.
std::string RedisCli(int port, const std::string& args,
                     const std::string& input_file = "") {
  const std::string command =
      "redis-cli -p " + std::to_string(port) + " " + args +
      (input_file.empty() ? "" : " < " + input_file) + " 2>&1";
  std::string out;
  if (FILE* p = popen(command.c_str(), "r")) {
    char buf[256];
    while (std::fgets(buf, sizeof buf, p)) out += buf;
    pclose(p);
  }
  return out;
}

TEST_F(RedisStoreTest, RecordsOfTheWrongShapeStartAFreshSession) {
  RedisSessionStore store(Options());
  RedisCli(redis_.port(), "SET faqbot:s:odd '{\"v\":\"1\"}'");
  bool created = false;
  EXPECT_NO_THROW(store.WithSession("odd", [&](Session& s, bool c) {
    created = c;
    s.state.turns = 5;
  }));
  EXPECT_TRUE(created);
  store.WithSession("odd", [&](Session& s, bool c) {
    EXPECT_FALSE(c);
    EXPECT_EQ(s.state.turns, 5);
  });
}

// A 24 MB record must not be downloaded on every message: the store asks
// Redis for its length first, and replaces it with a fresh session.
TEST_F(RedisStoreTest, OversizedRecordsAreNeverRead) {
  const std::string file = testing::TempLog("big-record");
  {
    std::ofstream out(file);
    out << "{\"v\":1,\"n\":\"" << std::string(24 << 20, 'x') << "\"}";
  }
  RedisCli(redis_.port(), "-x SET faqbot:s:big", file);
  std::filesystem::remove(file);
  ASSERT_EQ(RedisCli(redis_.port(), "STRLEN faqbot:s:big").substr(0, 3), "251");
  const auto sent_bytes = [&] {
    const std::string info = RedisCli(redis_.port(), "INFO stats");
    const auto at = info.find("total_net_output_bytes:");
    return std::stoll(info.substr(at + 23));
  };
  RedisSessionStore store(Options());
  const long long before = sent_bytes();
  bool created = false;
  store.WithSession("big", [&](Session&, bool c) { created = c; });
  EXPECT_TRUE(created);
  EXPECT_LT(sent_bytes() - before, 1 << 20) << "the record was downloaded";
  EXPECT_LT(std::stoll(RedisCli(redis_.port(), "STRLEN faqbot:s:big")), 1000);
}

TEST_F(RedisStoreTest, TwoStoresShareOneSession) {
  RedisSessionStore a(Options()), b(Options());
  bool created = false;
  a.WithSession("s1", [&](Session& s, bool c) {
    created = c;
    s.state.topic = "parasitic-infection";
    s.disclaimed = true;
  });
  EXPECT_TRUE(created);
  EXPECT_TRUE(b.Contains("s1"));
  EXPECT_FALSE(b.Contains("s2"));
  // b writes at once, learns of a's record from the refused write, and
  // runs the step again on it: only the last run counts.
  std::string topic;
  bool disclaimed = false;
  b.WithSession("s1", [&](Session& s, bool c) {
    created = c;
    topic = s.state.topic;
    disclaimed = s.disclaimed;
  });
  EXPECT_FALSE(created);
  EXPECT_EQ(topic, "parasitic-infection");
  EXPECT_TRUE(disclaimed);
  EXPECT_FALSE(a.degraded());
}

// Redis a few milliseconds away makes each round trip count: a message
// is written at once (one round trip); one that finds another instance's
// newer state is told it by the refused write itself, never by a read.
TEST_F(RedisStoreTest, OneRoundTripPerMessageTwoWhenTheSessionMoved) {
  const auto evals = [&] {
    const std::string info = RedisCli(redis_.port(), "INFO commandstats");
    const auto at = info.find("cmdstat_eval:calls=");
    return at == std::string::npos ? 0 : std::stoi(info.substr(at + 19));
  };
  RedisSessionStore a(Options()), b(Options());
  const auto bump = [](Session& s, bool) { ++s.state.turns; };
  int before = evals();
  a.WithSession("s", bump);
  EXPECT_EQ(evals() - before, 1) << "a new session is written at once";
  before = evals();
  a.WithSession("s", bump);
  a.WithSession("s", bump);
  EXPECT_EQ(evals() - before, 2) << "one round trip per message";
  b.WithSession("s", bump);  // another instance moves it on
  before = evals();
  int turns = 0;
  a.WithSession("s", [&](Session& s, bool) { turns = ++s.state.turns; });
  EXPECT_EQ(evals() - before, 2) << "the refused write brings the new state";
  EXPECT_EQ(turns, 5) << "and the step ran on it";
  EXPECT_GE(a.conflicts(), 1u);
}

TEST_F(RedisStoreTest, ConcurrentMessagesOnTwoInstancesLoseNoUpdate) {
  RedisSessionStore a(Options()), b(Options());
  constexpr int kEach = 200;
  const auto bump = [](RedisSessionStore& store) {
    for (int i = 0; i < kEach; ++i) {
      store.WithSession("busy", [](Session& s, bool) { ++s.state.turns; });
    }
  };
  std::thread t1([&] { bump(a); }), t2([&] { bump(b); });
  t1.join();
  t2.join();
  int turns = 0;
  a.WithSession("busy", [&](Session& s, bool) { turns = s.state.turns; });
  EXPECT_EQ(turns, 2 * kEach);
}

TEST_F(RedisStoreTest, KeepsAnsweringWhileRedisIsDownAndWritesBackAfter) {
  RedisOptions fast = Options();
  fast.retry_every = std::chrono::milliseconds(20);
  RedisSessionStore a(fast), b(Options());
  a.WithSession("s", [](Session& s, bool) { s.state.turns = 1; });
  redis_.Stop();
  int seen = -1;
  a.WithSession("s", [&](Session& s, bool) {
    seen = s.state.turns;
    s.state.turns = 5;
  });
  EXPECT_EQ(seen, 1) << "Redis is gone: this instance's copy carries on";
  EXPECT_TRUE(a.degraded());
  EXPECT_GE(a.failures(), 1u);
  a.WithSession("s", [&](Session& s, bool) { seen = s.state.turns; });
  EXPECT_EQ(seen, 5) << "state is kept in memory while degraded";
  ASSERT_EQ(log_.size(), 1u) << "logged once";
  EXPECT_NE(log_[0].find("unreachable"), std::string::npos) << log_[0];

  ASSERT_TRUE(redis_.Start(redis_.port()));
  // The store tries Redis again once retry_every has passed, on its next
  // use: ask about a session it does not hold until it has.
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (a.degraded() && std::chrono::steady_clock::now() < until) {
    (void)a.Contains("nobody");
  }
  ASSERT_FALSE(a.degraded());
  a.WithSession("s", [&](Session& s, bool) {
    seen = s.state.turns;
    s.state.turns = 6;
  });
  EXPECT_FALSE(a.degraded());
  EXPECT_EQ(seen, 5) << "the in-memory state is carried over";
  b.WithSession("s", [&](Session& s, bool) {
    seen = s.state.turns;
    s.state.turns = 7;
  });
  EXPECT_EQ(seen, 6) << "and written back for the other instances";
  a.WithSession("s", [&](Session& s, bool) { seen = s.state.turns; });
  EXPECT_EQ(seen, 7) << "a's older copy does not override what Redis holds";
  EXPECT_NE(log_.back().find("back"), std::string::npos);
}

TEST_F(RedisStoreTest, IdleSessionsExpireInRedis) {
  RedisOptions o = Options();
  o.idle_expiry = std::chrono::seconds(1);
  RedisSessionStore store(o);
  store.WithSession("short", [](Session& s, bool) { s.state.turns = 2; });
  EXPECT_TRUE(store.Contains("short"));
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (store.Contains("short") && std::chrono::steady_clock::now() < until) {
    std::this_thread::yield();
  }
  EXPECT_FALSE(store.Contains("short")) << "still there after 5 s";
  bool created = false;
  store.WithSession("short", [&](Session&, bool c) { created = c; });
  EXPECT_TRUE(created);
}

TEST_F(RedisStoreTest, UnreachableAtStartStillServes) {
  RedisOptions o = Options();
  o.port = faqbot::testing::FreePort();
  RedisSessionStore store(o);
  EXPECT_TRUE(store.degraded());
  bool created = false;
  store.WithSession("x", [&](Session&, bool c) { created = c; });
  EXPECT_TRUE(created);
  EXPECT_TRUE(store.Contains("x"));
}

}  // namespace
}  // namespace faqbot::bot
