// Security round two, against a real `faqbot serve` process: what
// strangers can do to the operator handoff desk and its console.
#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "adapters/console.h"
#include "bot/crypto.h"
#include "bot/store/redis_client.h"
#include "tests/support/child_process.h"
#include "tests/support/server_process.h"
#include "tests/support/test_client.h"

namespace faqbot::adapters {
namespace {

using nlohmann::json;
using testing::HttpSend;
using testing::ServerProcess;

constexpr const char* kAnnPassword = "correct horse battery";

// Resident memory of process `pid`, in MiB.
double RssMiB(int pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("VmRSS:")) return std::stod(line.substr(6)) / 1024;
  }
  return 0;
}

// The liver pack served with the REST channel and operator Ann, behind a
// proxy on loopback that names each client in X-Forwarded-For.
class DeskServer {
 public:
  explicit DeskServer(const std::string& name, json extra = json::object()) {
    json config = {
        {"client_ip_header", "X-Forwarded-For"},
        {"operators", {{"Ann", bot::HashPassword(kAnnPassword, 1000)}}},
        {"channels", {{"rest", json::object()}}}};
    config.update(extra);
    ok_ = server_.Start(
        FAQBOT_BIN,
        std::string(FAQBOT_SOURCE_DIR) + "/content/liver-calcification", name,
        {"--config", testing::WriteConfigFile(name, config), "--transcripts",
         ""});
  }
  bool ok() const { return ok_; }
  ServerProcess& server() { return server_; }
  int port() const { return server_.port(); }

  // Logs Ann in; the Cookie header, "" on failure.
  std::string LogIn() {
    const auto r =
        HttpSend(port(), "POST", "/console/login",
                 json{{"name", "Ann"}, {"password", kAnnPassword}}.dump(),
                 {{"X-Forwarded-For", "198.51.100.1"}});
    const std::string set = r.Header("Set-Cookie");
    return r.status == 200 ? set.substr(0, set.find(';')) : "";
  }
  testing::HttpResult Rest(const std::string& sender, const std::string& text,
                           const std::string& from) {
    return HttpSend(port(), "POST", "/webhooks/rest/webhook",
                    json{{"sender", sender}, {"message", text}}.dump(),
                    {{"X-Forwarded-For", from}});
  }

 private:
  ServerProcess server_;
  bool ok_ = false;
};

// Attack 1 of round two: 500 senders each ask for a person and then send
// long messages. A console poll used to carry every line of every one
// (about 110 MB) and the server grew by gigabytes.
TEST(HandoffAttacks, AFloodOfSendersCannotInflateTheConsoleOrTheServer) {
  DeskServer desk("flood", {{"handoff_wait_seconds", 3600}});
  ASSERT_TRUE(desk.ok()) << desk.server().Output();
  const std::string cookie = desk.LogIn();
  ASSERT_FALSE(cookie.empty());
  const auto poll = [&] {
    return HttpSend(desk.port(), "GET", "/console/api/state", "",
                    {{"Cookie", cookie}});
  };
  ASSERT_EQ(poll().status, 200);
  const int pid = desk.server().process().pid();
  const double before = RssMiB(pid);
  constexpr int kSenders = 500, kLines = 12, kThreads = 4;
  const std::string long_text =
      "is my liver ok " + std::string(1800, 'x') + " thanks";
  std::atomic<int> failed{0}, queued{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int s = t; s < kSenders; s += kThreads) {
        const std::string from = "10.0." + std::to_string(s / 250) + "." +
                                 std::to_string(s % 250 + 1);
        const std::string sender = "flood" + std::to_string(s);
        const auto asked = desk.Rest(sender, "can I talk to a nurse?", from);
        if (asked.body.find("asked for a person") != std::string::npos)
          ++queued;
        for (int i = 0; i < kLines; ++i) {
          if (desk.Rest(sender, long_text, from).status != 200) ++failed;
        }
      }
    });
  }
  // Ann's console keeps polling meanwhile (she stays online).
  std::atomic<bool> done{false};
  std::thread console([&] {
    while (!done) {
      poll();
      std::this_thread::sleep_for(std::chrono::seconds(1));
    }
  });
  for (auto& t : threads) t.join();
  done = true;
  console.join();
  EXPECT_EQ(failed.load(), 0);
  EXPECT_GE(queued.load(), 450) << "each from its own address may ask";
  const auto state = poll();
  ASSERT_EQ(state.status, 200);
  EXPECT_LE(state.body.size(), 1u << 20) << "one poll";
  const json j = json::parse(state.body, nullptr, false);
  EXPECT_EQ(j.value("total", 0), queued.load());
  // The open conversation's lines come, the latest and clipped.
  const std::string first = j["conversations"][0]["id"];
  const auto opened =
      HttpSend(desk.port(), "GET", "/console/api/state?open=" + first, "",
               {{"Cookie", cookie}});
  EXPECT_LE(opened.body.size(), 1u << 20);
  EXPECT_NE(opened.body.find("is my liver ok"), std::string::npos);
  for (int i = 0; i < 20; ++i) ASSERT_EQ(poll().status, 200);
  std::printf("flood: poll %zu bytes, open %zu bytes, RSS %.0f -> %.0f MiB\n",
              state.body.size(), opened.body.size(), before, RssMiB(pid));
  EXPECT_LE(RssMiB(pid) - before, 50) << "MiB grown";
}

// Attack 2: one address (a script, or one REST token behind it) asks for
// a person from many sessions; it gets its share and is told so, and a
// real person from elsewhere is still queued.
TEST(HandoffAttacks, OneClientGetsItsShareOfTheQueueAndNoMore) {
  DeskServer desk("share");
  ASSERT_TRUE(desk.ok()) << desk.server().Output();
  ASSERT_FALSE(desk.LogIn().empty());
  int queued = 0, limited = 0;
  for (int s = 0; s < 40; ++s) {
    const auto r =
        desk.Rest("bot" + std::to_string(s), "talk to a human", "203.0.113.50");
    queued += r.body.find("asked for a person") != std::string::npos;
    limited += r.body.find("already waiting for a person, so I can't") !=
               std::string::npos;
  }
  EXPECT_EQ(queued, 3);
  EXPECT_EQ(limited, 37);
  const auto real =
      desk.Rest("pat", "can I speak to a nurse?", "198.51.100.77");
  EXPECT_NE(real.body.find("asked for a person"), std::string::npos)
      << real.body;
}

// Attack 10: records in Redis that no faqbot wrote (a bug elsewhere, an
// older version, someone with access to Redis). A thousand of them in a
// conversation's lines and a Direct Line conversation: the console and
// /activities keep working and show only what is well formed.
TEST(HandoffAttacks, MalformedRecordsInRedisAreSkippedNotEchoed) {
  testing::RedisServer redis;
  ASSERT_TRUE(redis.Start()) << "redis-server did not start";
  DeskServer desk("records", {{"sessions", "redis"},
                              {"redis", redis.address()},
                              {"channels",
                               {{"rest", json::object()},
                                {"directline", {{"secret", "dl-secret"}}}}}});
  ASSERT_TRUE(desk.ok()) << desk.server().Output();
  const std::string cookie = desk.LogIn();
  ASSERT_FALSE(cookie.empty());
  ASSERT_EQ(desk.Rest("pat", "can I talk to a nurse?", "198.51.100.5").status,
            200);
  bot::RedisClient client({.port = redis.port()});
  const std::vector<std::string> junk = {
      "not json",
      "{\"t\":\"soon\",\"f\":\"person\",\"x\":\"hi\"}",
      "{\"t\":1,\"f\":\"person\",\"x\":\"\\u001b]0;owned\\u0007\"}",
      "[1,2,3]",
      "{\"t\":1,\"f\":\"\",\"x\":\"no sender\"}",
      std::string("{\"t\":1,\"f\":\"person\",\"x\":\"\xff\xfe\"}")};
  for (int i = 0; i < 1000; ++i) {
    ASSERT_TRUE(client.Run(
        {"RPUSH", "faqbot:h:lines:rest:pat", junk[i % junk.size()]}));
  }
  const auto state = HttpSend(
      desk.port(), "GET", "/console/api/state?open=" + DisplayId("rest:pat"),
      "", {{"Cookie", cookie}});
  ASSERT_EQ(state.status, 200) << state.body;
  const json j = json::parse(state.body, nullptr, false);
  ASSERT_TRUE(j.is_object());
  const auto& lines = j["conversations"][0]["lines"];
  ASSERT_TRUE(lines.is_array());
  EXPECT_LE(lines.size(), 50u);
  EXPECT_EQ(state.body.find("owned"), std::string::npos);
  EXPECT_EQ(state.body.find("soon"), std::string::npos);

  // Direct Line: a conversation with one real activity and 1,000 others.
  const auto started =
      HttpSend(desk.port(), "POST", "/v3/directline/conversations", "",
               {{"Authorization", "Bearer dl-secret"}});
  ASSERT_EQ(started.status, 201) << started.body;
  const json c = json::parse(started.body);
  const std::string id = c["conversationId"];
  for (int i = 0; i < 1000; ++i) {
    ASSERT_TRUE(client.Run(
        {"ZADD", "faqbot:dl:a:" + id, std::to_string(100 + i),
         i % 2 ? "{\"type\":\"message\",\"n\":" + std::to_string(i) + "}"
               : "<script>" + std::to_string(i)}));
  }
  const auto got = HttpSend(
      desk.port(), "GET", "/v3/directline/conversations/" + id + "/activities",
      "", {{"Authorization", "Bearer " + c["token"].get<std::string>()}});
  ASSERT_EQ(got.status, 200) << got.body;
  const json activities = json::parse(got.body, nullptr, false);
  ASSERT_TRUE(activities.is_object()) << got.body.substr(0, 300);
  EXPECT_EQ(got.body.find("<script>"), std::string::npos);
  for (const auto& a : activities["activities"]) {
    EXPECT_TRUE(a.contains("id") && a.contains("type")) << a.dump();
  }
  const auto metrics = HttpSend(desk.port(), "GET", "/metrics");
  EXPECT_NE(metrics.body.find("faqbot_handoff_bad_records_total 1000"),
            std::string::npos)
      << metrics.body;
  EXPECT_NE(metrics.body.find("faqbot_directline_bad_records_total 1000"),
            std::string::npos);
}

// Attack 9: Redis goes away while Ann holds Pat's conversation. Pat is
// told the team cannot be reached and the bot answers; Ann's console
// says the desk is unavailable (not "log in"); once Redis is back (empty,
// as after a crash without persistence) Ann logs in again without a
// restart of faqbot, and Pat is answered by the bot as before.
TEST(HandoffAttacks, RedisDownMidHandoffIsToldToBothSides) {
  testing::RedisServer redis;
  ASSERT_TRUE(redis.Start()) << "redis-server did not start";
  DeskServer desk("redis-down",
                  {{"sessions", "redis"}, {"redis", redis.address()}});
  ASSERT_TRUE(desk.ok()) << desk.server().Output();
  std::string cookie = desk.LogIn();
  ASSERT_FALSE(cookie.empty());
  const auto pat = [&](const std::string& text) {
    return desk.Rest("pat", text, "198.51.100.6");
  };
  ASSERT_EQ(pat("can I talk to a nurse?").status, 200);
  const testing::Headers as_ann = {{"Cookie", cookie}};
  ASSERT_EQ(HttpSend(desk.port(), "POST", "/console/api/take",
                     json{{"id", DisplayId("rest:pat")}}.dump(), as_ann)
                .status,
            200);
  EXPECT_EQ(pat("what causes it?").body, "[]") << "held: Ann sees it";

  redis.Stop();
  const auto unheard = pat("what causes liver calcification?");
  EXPECT_EQ(unheard.status, 200);
  EXPECT_NE(unheard.body.find("can't reach the team"), std::string::npos)
      << unheard.body;
  EXPECT_GT(unheard.body.size(), 200u) << "and the bot answers";
  const auto state =
      HttpSend(desk.port(), "GET", "/console/api/state", "", as_ann);
  EXPECT_EQ(state.status, 503) << state.body;
  EXPECT_NE(state.body.find("cannot reach"), std::string::npos);
  EXPECT_EQ(desk.LogIn(), "") << "no cookie that would never work";

  ASSERT_TRUE(redis.Start(redis.port()));
  std::string again;
  for (int i = 0; i < 50 && again.empty(); ++i) {
    again = desk.LogIn();
    if (again.empty())
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_FALSE(again.empty()) << "logins work again, no restart";
  EXPECT_EQ(HttpSend(desk.port(), "GET", "/console/api/state", "",
                     {{"Cookie", again}})
                .status,
            200);
  const auto after = pat("how is it treated?");
  EXPECT_EQ(after.status, 200);
  EXPECT_GT(after.body.size(), 100u) << "answered: " << after.body;
}

}  // namespace
}  // namespace faqbot::adapters
