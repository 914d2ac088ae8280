// Chaos: two `faqbot serve` instances behind one redis-server and one
// PostgreSQL, 200 scripted conversations (widget WebSockets and Direct
// Line) running on both, and one instance killed with SIGKILL mid-run. The
// conversations that were on it reconnect to the other and finish: none is
// lost or starts over, and every exchange a person got an answer to is in
// PostgreSQL exactly once.
#include <gtest/gtest.h>
#include <signal.h>

#include <atomic>
#include <map>
#include <mutex>
#include <random>
#include <thread>

#include "bot/store/transcript_db.h"
#include "bot/store/transcript_log.h"
#include "tests/support/child_process.h"
#include "tests/support/postgres_server.h"
#include "tests/support/server_process.h"
#include "tests/support/test_client.h"

namespace faqbot::adapters {
namespace {

using nlohmann::json;
using testing::HttpSend;
using testing::WsClient;

constexpr char kChaosSecret[] = "chaos-directline-secret";
constexpr char kChaosKey[] = "chaos-transcript-key";

// Each conversation's script: every turn after the first depends on the
// state the turns before left (a conversation that started over would
// answer "back" and "how is it treated?" differently).
struct Turn {
  const char* text;
  const char* node;
};
constexpr Turn kScript[] = {
    {"worms in liver", "parasitic-infection"},
    {"tell me about bile duct stones", "intrahepatic-bile-duct-stones"},
    {"back", "parasitic-infection"},
    {"how is it treated?", "parasitic-infection.treatment"},
    {"what causes it?", "parasitic-infection.cause"},
};
constexpr int kTurns = std::size(kScript);

// What the run saw, shared by the conversations' threads.
struct Tally {
  std::atomic<int> started{0};  // conversations greeted or opened
  std::atomic<int> acknowledged{0};
  std::mutex mu;
  std::vector<std::string> failures;    // guarded by mu
  std::map<std::string, int> sessions;  // bot session -> answered
  void Fail(const std::string& what) {
    std::lock_guard lock(mu);
    failures.push_back(what);
  }
};

// Where a conversation is served: its instance's port, moved to the
// survivor when that instance is gone.
struct Ports {
  int ports[2];
  std::atomic<bool> first_dead{false};
  int Of(int instance) const {
    return instance == 0 && first_dead.load() ? ports[1] : ports[instance];
  }
};

// A Direct Line request with the secret (the Direct Line protocol allows
// it on every call).
testing::HttpResult CallDirectLine(int port, const std::string& method,
                                   const std::string& path,
                                   const std::string& body) {
  return HttpSend(port, method, "/v3/directline" + path, body,
                  {{"Authorization", std::string("Bearer ") + kChaosSecret}});
}

// A pause between turns, as a person's typing (short: the run is a test).
void Think(std::minstd_rand& random) {
  std::this_thread::sleep_for(std::chrono::milliseconds(10 + random() % 60));
}

// One widget conversation: message ids, and after a dropped connection a
// reconnect with the session id (to the survivor) and the unanswered
// message sent again, as widget.js does.
void WidgetConversation(int n, const Ports& ports, Tally& tally) {
  std::minstd_rand random(static_cast<unsigned>(n));
  const int home = n % 2;
  auto client = std::make_unique<WsClient>(ports.Of(home));
  const std::string session = client->Greet();
  if (session.empty())
    return tally.Fail("widget " + std::to_string(n) + ": no greeting");
  ++tally.started;
  for (int t = 0; t < kTurns; ++t) {
    Think(random);
    const std::string id = "m" + std::to_string(t);
    std::optional<json> reply;
    for (int attempt = 0; attempt < 20 && !reply; ++attempt) {
      client->SendJson({{"text", kScript[t].text}, {"id", id}});
      reply = client->Read();
      if (reply) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      client =
          std::make_unique<WsClient>(ports.Of(home), "/ws?session=" + session);
      const std::string resumed = client->Greet();
      if (!resumed.empty() && resumed != session) {
        return tally.Fail("widget " + std::to_string(n) +
                          ": the session started over on reconnect");
      }
    }
    if (!reply || (*reply)["id"] != id || (*reply)["node"] != kScript[t].node) {
      return tally.Fail("widget " + std::to_string(n) + " turn " +
                        std::to_string(t) + ": " +
                        (reply ? reply->dump() : std::string("no reply")));
    }
    ++tally.acknowledged;
    std::lock_guard lock(tally.mu);
    ++tally.sessions["web:" + session];  // the bot's key for it
  }
}

// One Direct Line conversation: posts with Web Chat's clientActivityID,
// the reply read from the activities; a post that got no answer (its
// instance died) is posted again, to whichever instance is up.
void DirectLineConversation(int n, const Ports& ports, Tally& tally) {
  std::minstd_rand random(static_cast<unsigned>(n));
  const int home = n % 2;
  const auto call = [&](const std::string& method, const std::string& path,
                        const std::string& body = "") {
    return CallDirectLine(ports.Of(home), method, path, body);
  };
  const auto started = call("POST", "/conversations");
  const json c = json::parse(started.body, nullptr, false);
  if (started.status != 201 || !c.contains("conversationId")) {
    return tally.Fail("directline " + std::to_string(n) + ": not started " +
                      started.body);
  }
  const std::string id = c["conversationId"];
  const std::string who = "directline " + std::to_string(n);
  ++tally.started;
  for (int t = 0; t < kTurns; ++t) {
    Think(random);
    const json activity = {
        {"type", "message"},
        {"from", {{"id", "person"}}},
        {"text", kScript[t].text},
        {"channelData", {{"clientActivityID", "c" + std::to_string(t)}}}};
    std::string posted;
    for (int attempt = 0; attempt < 20 && posted.empty(); ++attempt) {
      const auto r =
          call("POST", "/conversations/" + id + "/activities", activity.dump());
      if (r.status == 200) posted = json::parse(r.body)["id"];
      if (r.status != 0 && r.status != 200) {
        return tally.Fail(who + ": post refused " + std::to_string(r.status) +
                          " " + r.body);
      }
      if (posted.empty()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
    }
    json answer;
    for (int attempt = 0; attempt < 20 && answer.is_null(); ++attempt) {
      const auto r = call("GET", "/conversations/" + id + "/activities");
      const json set = json::parse(r.body, nullptr, false);
      if (r.status == 200 && set.contains("activities")) {
        for (const json& a : set["activities"]) {
          if (a.value("replyToId", "") == posted) answer = a;
        }
      }
      if (answer.is_null()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
    }
    if (posted.empty() || answer.is_null()) {
      return tally.Fail(who + " turn " + std::to_string(t) + ": no answer");
    }
    ++tally.acknowledged;
    std::lock_guard lock(tally.mu);
    ++tally.sessions["directline:" + id];
  }
}

// Rows per (hashed session, text) in the transcripts.
std::map<std::pair<std::string, std::string>, int> RowsIn(
    const std::string& url) {
  std::map<std::pair<std::string, std::string>, int> rows;
  auto db = bot::TranscriptDb::Open(url, bot::TranscriptDb::Mode::kRead);
  if (!db) return rows;
  (void)(*db)->Query(
      "SELECT session, user_text, count(*) FROM exchanges"
      " GROUP BY session, user_text",
      {}, [&](const bot::TranscriptDb::Row& row) {
        rows[{row.Text(0), row.Text(1)}] = static_cast<int>(row.Int(2));
      });
  return rows;
}

TEST(ChaosTest, KillMinusNineMidRunLosesNoConversationAndNoExchange) {
  testing::RedisServer redis;
  ASSERT_TRUE(redis.Start()) << "redis-server did not start";
  testing::PostgresServer postgres;
  ASSERT_EQ(postgres.Start(), "");
  const std::string config = testing::WriteConfigFile(
      "chaos-config",
      {{"messages_per_second", 1000000},
       {"channels", {{"directline", {{"secret", kChaosSecret}}}}}});
  testing::ServerProcess instances[2];
  Ports ports{};
  for (int i = 0; i < 2; ++i) {
    ASSERT_TRUE(instances[i].Start(
        FAQBOT_BIN,
        std::string(FAQBOT_SOURCE_DIR) + "/content/liver-calcification",
        "chaos" + std::to_string(i),
        {"--config", config, "--redis", redis.address(), "--transcripts",
         postgres.url()},
        {std::string("FAQBOT_TRANSCRIPT_KEY=") + kChaosKey}))
        << instances[i].Output();
    ports.ports[i] = instances[i].port();
  }

  constexpr int kConversations = 200;
  Tally tally;
  std::vector<std::thread> people;
  for (int n = 0; n < kConversations; ++n) {
    people.emplace_back(n % 4 < 2 ? WidgetConversation : DirectLineConversation,
                        n, std::cref(ports), std::ref(tally));
  }
  // Mid-run: every conversation under way (on a busy machine the last
  // threads start late, and one that had not opened its conversation when
  // its instance died is no conversation lost) and a third of all turns
  // answered.
  const auto until =
      std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while ((tally.started.load() < kConversations ||
          tally.acknowledged.load() < kConversations * kTurns / 3) &&
         std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  const int before_kill = tally.acknowledged.load();
  ports.first_dead = true;
  EXPECT_EQ(instances[0].process().Stop(SIGKILL), 128 + SIGKILL);
  for (auto& person : people) person.join();

  EXPECT_LT(before_kill, kConversations * kTurns) << "killed mid-run";
  for (const auto& f : tally.failures) ADD_FAILURE() << f;
  EXPECT_EQ(tally.acknowledged.load(), kConversations * kTurns)
      << "every conversation finished on the surviving instance";

  // Each answered exchange once: the survivor writes what the dead
  // instance left unwritten once it has waited its claim time (5 s).
  std::map<std::pair<std::string, std::string>, int> expected;
  for (const auto& [session, answered] : tally.sessions) {
    for (int t = 0; t < answered; ++t) {
      expected[{bot::TranscriptId(kChaosKey, session), kScript[t].text}] = 1;
    }
  }
  std::map<std::pair<std::string, std::string>, int> rows;
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    rows = RowsIn(postgres.url());
    if (rows == expected) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  int missing = 0, twice = 0;
  for (const auto& [key, count] : expected) {
    const auto it = rows.find(key);
    if (it == rows.end()) {
      ++missing;
    } else if (it->second != 1) {
      ++twice;
    }
  }
  EXPECT_EQ(missing, 0) << "answered exchanges missing from PostgreSQL";
  EXPECT_EQ(twice, 0) << "exchanges written more than once";
  EXPECT_EQ(rows.size(), expected.size()) << "no exchange nobody asked";
}

// Redis down is not "no such conversation": Direct Line clients are told to
// try again (503), not that their conversation is gone (404).
TEST(ChaosTest, DirectLineSaysTryAgainWhileRedisIsDown) {
  testing::RedisServer redis;
  ASSERT_TRUE(redis.Start()) << "redis-server did not start";
  const std::string config = testing::WriteConfigFile(
      "chaos-redis-down",
      {{"channels", {{"directline", {{"secret", kChaosSecret}}}}}});
  testing::ServerProcess server;
  ASSERT_TRUE(server.Start(
      FAQBOT_BIN,
      std::string(FAQBOT_SOURCE_DIR) + "/content/liver-calcification",
      "chaos-redis-down", {"--config", config, "--redis", redis.address()}))
      << server.Output();
  const auto call = [&](const std::string& method, const std::string& path,
                        const std::string& body = "") {
    return CallDirectLine(server.port(), method, path, body);
  };
  const auto started = call("POST", "/conversations");
  ASSERT_EQ(started.status, 201) << started.body;
  const std::string id = json::parse(started.body)["conversationId"];
  const std::string activities = "/conversations/" + id + "/activities";
  const json hello = {{"type", "message"}, {"text", "worms in liver"}};
  ASSERT_EQ(call("POST", activities, hello.dump()).status, 200);

  redis.Stop();
  const auto during = call("GET", activities);
  EXPECT_EQ(during.status, 503) << during.body;
  EXPECT_NE(during.body.find("ServiceUnavailable"), std::string::npos);
  EXPECT_EQ(call("POST", activities, hello.dump()).status, 503);

  ASSERT_TRUE(redis.Start(redis.port()));  // empty: the conversation is gone
  int status = 0;
  for (int i = 0; i < 50 && status != 404; ++i) {
    status = call("GET", activities).status;
    if (status != 404) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
  EXPECT_EQ(status, 404) << "now it is truly unknown";
}

}  // namespace
}  // namespace faqbot::adapters
