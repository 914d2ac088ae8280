// The operator console over HTTP, as a hostile client would try it, and
// operator handoff on text channels: REST (no push: the operator's words
// wait for the person's next request) and Telegram (pushed through the
// platform's API, here a local fake of it).
#include "adapters/console.h"

#include <gtest/gtest.h>

#include "bot/crypto.h"
#include "tests/adapters/server_fixture.h"
#include "tests/support/fake_platform.h"

namespace faqbot::adapters {
namespace {

using nlohmann::json;
using testing::HttpResult;
using testing::HttpSend;

constexpr const char* kPassword = "correct horse battery";

class ConsoleTest : public ServerTest {
 protected:
  void SetUp() override { Start(Config(), {.handoff = desk_}); }
  ServerConfig Config() {
    ServerConfig config;
    config.messages_per_second = 1000;
    config.bot.operators = {{"Ann", bot::HashPassword(kPassword, 1000)}};
    config.channels = {{"rest", json::object()},
                       {"directline", {{"secret", "dl-secret"}}},
                       {"telegram",
                        {{"token", "1:T"},
                         {"webhook_secret", "s"},
                         {"api_base", api_.url()}}}};
    return config;
  }
  HttpResult Post(const std::string& target, const json& body,
                  testing::Headers headers = {}) {
    return HttpSend(port_, "POST", target, body.dump(), headers,
                    "application/json");
  }
  // Logs Ann in; the Cookie header to send.
  std::string LogIn() {
    const auto r =
        Post("/console/login", {{"name", "Ann"}, {"password", kPassword}});
    EXPECT_EQ(r.status, 200) << r.body;
    const std::string set = r.Header("Set-Cookie");
    return set.substr(0, set.find(';'));
  }
  json State(const std::string& cookie) {
    const auto r =
        HttpSend(port_, "GET", "/console/api/state", "", {{"Cookie", cookie}});
    EXPECT_EQ(r.status, 200) << r.body;
    return json::parse(r.body, nullptr, false);
  }
  // Pat's message over REST, with the secret Pat's first reply carried.
  json Rest(const std::string& text) {
    testing::Headers headers;
    if (!pat_secret_.empty()) headers = {{"X-Sender-Secret", pat_secret_}};
    const auto r = Post("/webhooks/rest/webhook",
                        {{"sender", "pat"}, {"message", text}}, headers);
    EXPECT_EQ(r.status, 200) << r.body;
    json items = json::parse(r.body, nullptr, false);
    if (pat_secret_.empty() && items.is_array() && !items.empty()) {
      pat_secret_ = items.back().value("sender_secret", "");
    }
    return items;
  }
  HttpResult PatsMail(const std::string& secret) {
    return HttpSend(port_, "GET", "/webhooks/rest/messages?sender=pat", "",
                    {{"X-Sender-Secret", secret}});
  }
  std::string pat_secret_;
  std::shared_ptr<bot::MemoryHandoffDesk> desk_ =
      std::make_shared<bot::MemoryHandoffDesk>();
  testing::FakePlatform api_{[](const testing::RecordedCall&) {
    return R"({"ok":true,"result":true})";
  }};
};

TEST_F(ConsoleTest, LoginIsGuardedAndTheCookieIsStrict) {
  EXPECT_EQ(HttpSend(port_, "GET", "/console/api/state").status, 401);
  EXPECT_EQ(HttpSend(port_, "GET", "/console/api/state", "",
                     {{"Cookie", "faqbot_console=" + std::string(64, 'a')}})
                .status,
            401)
      << "a made-up token is no login";
  EXPECT_EQ(
      Post("/console/login", {{"name", "Ann"}, {"password", "nope"}}).status,
      401);
  EXPECT_EQ(
      Post("/console/login", {{"name", "Eve"}, {"password", kPassword}}).status,
      401);
  EXPECT_EQ(HttpSend(port_, "POST", "/console/login", "{\"name\":", {},
                     "application/json")
                .status,
            400);
  EXPECT_EQ(HttpSend(port_, "GET", "/console/login").status, 405);
  // A form from another site cannot log in or act: JSON only.
  EXPECT_EQ(HttpSend(port_, "POST", "/console/login", "name=Ann&password=x", {},
                     "application/x-www-form-urlencoded")
                .status,
            415);
  const auto ok =
      Post("/console/login", {{"name", "Ann"}, {"password", kPassword}});
  ASSERT_EQ(ok.status, 200);
  const std::string cookie = ok.Header("Set-Cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("Path=/console"), std::string::npos) << cookie;
  EXPECT_EQ(cookie.find("Secure"), std::string::npos)
      << "plain HTTP on loopback: a Secure cookie would never come back";
  EXPECT_EQ(State(cookie.substr(0, cookie.find(';')))["operator"], "Ann");
  // Guessing: after a few tries, a pause.
  int limited = 0;
  for (int i = 0; i < 8; ++i) {
    limited += Post("/console/login", {{"name", "Ann"}, {"password", "guess"}})
                   .status == 429;
  }
  EXPECT_GE(limited, 3);
}

// Behind a TLS proxy on loopback that names each client in
// X-Forwarded-For: attackers and operators come from different addresses.
class ConsoleBehindProxyTest : public ConsoleTest {
 protected:
  void SetUp() override {
    ServerConfig config = Config();
    config.client_ip_header = "X-Forwarded-For";
    Start(config, {.handoff = desk_});
  }
  int TryLogIn(const std::string& name, const std::string& password,
               const std::string& from) {
    return Post("/console/login", {{"name", name}, {"password", password}},
                {{"X-Forwarded-For", from}})
        .status;
  }
};

TEST_F(ConsoleBehindProxyTest, FailingOnANameDoesNotLockItsOperatorOut) {
  int limited = 0;
  for (int i = 0; i < 12; ++i) {
    limited +=
        TryLogIn("Ann", "guess" + std::to_string(i), "203.0.113.7") == 429;
  }
  EXPECT_GE(limited, 5) << "the attacker is slowed down";
  EXPECT_EQ(TryLogIn("Ann", kPassword, "198.51.100.2"), 200)
      << "Ann, from her own address, still gets in";
}

TEST_F(ConsoleBehindProxyTest, KnownAndUnknownNamesAnswerAlike) {
  std::vector<int> known, unknown;
  for (int i = 0; i < 8; ++i) {
    known.push_back(TryLogIn("Ann", "wrong", "203.0.113.8"));
    unknown.push_back(TryLogIn("Mallory", "wrong", "203.0.113.9"));
  }
  EXPECT_EQ(known, unknown) << "the statuses would tell which names exist";
  EXPECT_EQ(known.front(), 401);
  EXPECT_EQ(known.back(), 429);
}

TEST_F(ConsoleBehindProxyTest, OneAddressTryingManyNamesIsSlowedDown) {
  int limited = 0;
  for (int i = 0; i < 30; ++i) {
    limited += TryLogIn("name" + std::to_string(i), "x", "203.0.113.10") == 429;
  }
  EXPECT_GE(limited, 5);
  EXPECT_EQ(TryLogIn("Ann", kPassword, "198.51.100.3"), 200);
}

TEST_F(ConsoleBehindProxyTest, TheCookieIsSecureBehindTheProxy) {
  const auto ok =
      Post("/console/login", {{"name", "Ann"}, {"password", kPassword}},
           {{"X-Forwarded-For", "198.51.100.4"}});
  ASSERT_EQ(ok.status, 200) << ok.body;
  const std::string cookie = ok.Header("Set-Cookie");
  EXPECT_NE(cookie.find("; Secure"), std::string::npos) << cookie;
}

TEST_F(ConsoleTest, RestPeopleGetTheOperatorsWordsWithTheirNextRequest) {
  const std::string cookie = LogIn();
  EXPECT_EQ(Rest("can I talk to a nurse?")[0]["text"],
            bot_->pack()->wording.handoff_requested);
  const json state = State(cookie);
  ASSERT_EQ(state["conversations"].size(), 1u) << state.dump();
  EXPECT_EQ(state["conversations"][0]["id"], DisplayId("rest:pat"))
      << "a short display id, never the session id";
  EXPECT_EQ(state["conversations"][0]["status"], "waiting");
  const testing::Headers as_ann = {{"Cookie", cookie}};
  EXPECT_EQ(Post("/console/api/send",
                 {{"id", DisplayId("rest:pat")}, {"text", "hi"}}, as_ann)
                .status,
            409)
      << "take it first";
  ASSERT_EQ(
      Post("/console/api/take", {{"id", DisplayId("rest:pat")}}, as_ann).status,
      200);
  ASSERT_EQ(Post("/console/api/send",
                 {{"id", DisplayId("rest:pat")}, {"text", "Hello, Ann here."}},
                 as_ann)
                .status,
            200);
  // The person's next message: what waited for them, and no bot answer.
  const json got = Rest("thanks. is it serious?");
  ASSERT_EQ(got.size(), 2u) << got.dump();
  EXPECT_NE(got[0]["text"].get<std::string>().find("A person has joined"),
            std::string::npos);
  EXPECT_EQ(got[1]["text"], "Ann: Hello, Ann here.");
  const auto polled = PatsMail(pat_secret_);
  EXPECT_EQ(polled.body, "[]");
  ASSERT_EQ(
      Post("/console/api/release", {{"id", DisplayId("rest:pat")}}, as_ann)
          .status,
      200);
  const auto left = PatsMail(pat_secret_);
  EXPECT_NE(left.body.find("has left"), std::string::npos) << left.body;
  EXPECT_EQ(Rest("worms in liver").size(), 1u);
}

// The console's page gets its state over /console/ws as it changes: only
// with a login, only from its own page; what the person said before asking
// for a person is there, both ways.
TEST_F(ConsoleTest, TheLiveViewNeedsALoginAndPushesChanges) {
  const std::string origin = "http://127.0.0.1:" + std::to_string(port_);
  {
    testing::WsClient anonymous(port_, "/console/ws", origin);
    EXPECT_EQ(anonymous.handshake_status(), 401);
  }
  const std::string cookie = LogIn();
  {
    testing::WsClient elsewhere(port_, "/console/ws", "https://evil.example",
                                {{"Cookie", cookie}});
    EXPECT_EQ(elsewhere.handshake_status(), 403)
        << "another site's page cannot open the operator's view";
  }
  testing::WsClient live(port_, "/console/ws", origin, {{"Cookie", cookie}});
  ASSERT_TRUE(live.ok());
  auto state = live.Read();
  ASSERT_TRUE(state);
  EXPECT_EQ((*state)["type"], "state");
  EXPECT_EQ((*state)["operator"], "Ann");
  EXPECT_TRUE((*state)["conversations"].empty());

  Rest("what causes liver calcification?");
  Rest("can I talk to a nurse?");
  const std::string id = DisplayId("rest:pat");
  for (state = live.Read(); state && (*state)["conversations"].empty();
       state = live.Read()) {
  }
  ASSERT_TRUE(state) << "the queue's change is pushed, unasked";
  EXPECT_EQ((*state)["conversations"][0]["id"], id);
  EXPECT_EQ((*state)["conversations"][0]["left_ms"], 0);

  live.SendJson({{"open", id}});
  state = live.Read();
  ASSERT_TRUE(state);
  const json& lines = (*state)["conversations"][0]["lines"];
  ASSERT_GE(lines.size(), 4u) << state->dump();
  bool earlier = false;
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    earlier =
        earlier || (lines[i]["from"] == "person" &&
                    lines[i]["text"] == "what causes liver calcification?" &&
                    lines[i + 1]["from"] == "bot" &&
                    !lines[i + 1]["text"].get<std::string>().empty());
  }
  EXPECT_TRUE(earlier) << "the exchange before the request, both ways: "
                       << lines.dump();

  live.Send("not json");
  state = live.Read();
  ASSERT_TRUE(state);
  EXPECT_EQ((*state)["type"], "error");

  // A flood of requests is told to slow down, and the view still works.
  int slowed = 0;
  for (int i = 0; i < 40; ++i) live.SendJson({{"open", id}});
  for (int i = 0; i < 40; ++i) {
    const auto frame = live.Read();
    ASSERT_TRUE(frame);
    slowed += (*frame)["type"] == "error";
  }
  EXPECT_GE(slowed, 10);

  // Logging out ends the live view too.
  EXPECT_EQ(
      Post("/console/logout", json::object(), {{"Cookie", cookie}}).status,
      200);
  while (live.Read()) {
  }
  EXPECT_NE(live.close_code(), 0) << live.error();
}

// On one thread (connections without strands), a request on one
// connection pushes the change to the operator's view on another.
class ConsoleOnOneThreadTest : public ConsoleTest {
 protected:
  void SetUp() override {
    ServerConfig config = Config();
    config.threads = 1;
    Start(config, {.handoff = desk_});
  }
};

TEST_F(ConsoleOnOneThreadTest, TheLiveViewIsPushedAnotherConnectionsRequest) {
  const std::string origin = "http://127.0.0.1:" + std::to_string(port_);
  testing::WsClient live(port_, "/console/ws", origin, {{"Cookie", LogIn()}});
  ASSERT_TRUE(live.ok());
  auto state = live.Read();
  ASSERT_TRUE(state);
  EXPECT_TRUE((*state)["conversations"].empty());
  Rest("can I talk to a nurse?");
  for (state = live.Read(); state && (*state)["conversations"].empty();
       state = live.Read()) {
  }
  ASSERT_TRUE(state) << "the queue's change is pushed, unasked";
  EXPECT_EQ((*state)["conversations"][0]["id"], DisplayId("rest:pat"));
}

// Anyone holding the channel token can name any sender: the operator's
// words still reach only the person the first reply gave the secret to.
TEST_F(ConsoleTest, AnotherClientCannotReadOrTakeAPersonsMail) {
  const std::string cookie = LogIn();
  ASSERT_EQ(Rest("can I talk to a nurse?")[0]["text"],
            bot_->pack()->wording.handoff_requested);
  ASSERT_EQ(pat_secret_.size(), 32u) << "the first reply carries the secret";
  const testing::Headers as_ann = {{"Cookie", cookie}};
  ASSERT_EQ(
      Post("/console/api/take", {{"id", DisplayId("rest:pat")}}, as_ann).status,
      200);
  ASSERT_EQ(
      Post("/console/api/send",
           {{"id", DisplayId("rest:pat")}, {"text", "Your results are ready."}},
           as_ann)
          .status,
      200);
  EXPECT_EQ(HttpSend(port_, "GET", "/webhooks/rest/messages?sender=pat").status,
            403);
  EXPECT_EQ(PatsMail(std::string(32, '0')).status, 403);
  const auto posed =
      Post("/webhooks/rest/webhook",
           {{"sender", "pat"}, {"message", "what did she say?"}});
  EXPECT_EQ(posed.status, 200);
  EXPECT_EQ(posed.body.find("results are ready"), std::string::npos)
      << posed.body;
  EXPECT_EQ(posed.body.find("sender_secret"), std::string::npos)
      << "the secret is given once";
  const auto mine = PatsMail(pat_secret_);
  EXPECT_EQ(mine.status, 200);
  EXPECT_NE(mine.body.find("results are ready"), std::string::npos)
      << "nothing was taken: " << mine.body;
}

TEST_F(ConsoleTest, RestAllowsNoOtherSitesPagesByDefault) {
  const auto r =
      HttpSend(port_, "POST", "/webhooks/rest/webhook",
               R"({"sender": "a", "message": "hi"})",
               {{"Origin", "https://evil.example"}}, "application/json");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.Header("Access-Control-Allow-Origin"), "");
  const auto pre = HttpSend(port_, "OPTIONS", "/webhooks/rest/webhook", "",
                            {{"Origin", "https://evil.example"},
                             {"Access-Control-Request-Method", "POST"}});
  EXPECT_EQ(pre.Header("Access-Control-Allow-Origin"), "");
}

TEST_F(ConsoleTest, TelegramPeopleSeeTheOperatorThroughTheBotApi) {
  const std::string cookie = LogIn();
  const auto update = [&](int id, const std::string& text) {
    return HttpSend(port_, "POST", "/webhooks/telegram",
                    json{{"update_id", id},
                         {"message",
                          {{"message_id", id},
                           {"date", 0},
                           {"text", text},
                           {"chat", {{"id", 42}, {"type", "private"}}}}}}
                        .dump(),
                    {{"X-Telegram-Bot-Api-Secret-Token", "s"}},
                    "application/json");
  };
  ASSERT_EQ(update(1, "human please").status, 200);
  api_.WaitFor(1);
  const testing::Headers as_ann = {{"Cookie", cookie}};
  ASSERT_EQ(
      Post("/console/api/take", {{"id", DisplayId("telegram:42")}}, as_ann)
          .status,
      200);
  ASSERT_EQ(
      Post("/console/api/send",
           {{"id", DisplayId("telegram:42")}, {"text", "Ann here, go ahead."}},
           as_ann)
          .status,
      200);
  ASSERT_EQ(update(2, "is it dangerous?").status, 200);  // held: no reply
  ASSERT_EQ(
      Post("/console/api/release", {{"id", DisplayId("telegram:42")}}, as_ann)
          .status,
      200);
  const auto calls = api_.WaitFor(4);
  ASSERT_EQ(calls.size(), 4u);
  EXPECT_EQ(calls[1].Json()["chat_id"], 42);
  EXPECT_NE(
      calls[1].Json()["text"].get<std::string>().find("A person has joined"),
      std::string::npos);
  EXPECT_EQ(calls[2].Json()["text"], "Ann: Ann here, go ahead.");
  EXPECT_NE(calls[3].Json()["text"].get<std::string>().find("has left"),
            std::string::npos)
      << "and nothing for the held message in between";
  const auto metrics = HttpSend(port_, "GET", "/metrics");
  EXPECT_NE(metrics.body.find("faqbot_handoff_first_reply_seconds_count 1"),
            std::string::npos);
}

TEST_F(ConsoleTest, DirectLineClientsGetTheOperatorAsActivities) {
  const std::string cookie = LogIn();
  const testing::Headers secret = {{"Authorization", "Bearer dl-secret"}};
  const auto started =
      HttpSend(port_, "POST", "/v3/directline/conversations", "", secret);
  ASSERT_EQ(started.status, 201) << started.body;
  const std::string id = json::parse(started.body)["conversationId"];
  const std::string activities =
      "/v3/directline/conversations/" + id + "/activities";
  const auto say = [&](const std::string& text) {
    return HttpSend(
        port_, "POST", activities,
        json{{"type", "message"}, {"from", {{"id", "u1"}}}, {"text", text}}
            .dump(),
        secret, "application/json");
  };
  ASSERT_EQ(say("can I talk to a nurse?").status, 200);
  const testing::Headers as_ann = {{"Cookie", cookie}};
  ASSERT_EQ(
      Post("/console/api/take", {{"id", DisplayId("directline:" + id)}}, as_ann)
          .status,
      200);
  ASSERT_EQ(Post("/console/api/send",
                 {{"id", DisplayId("directline:" + id)}, {"text", "Ann here."}},
                 as_ann)
                .status,
            200);
  ASSERT_EQ(say("thank you").status, 200);  // held: no bot activity
  const json all = json::parse(
      HttpSend(port_, "GET", activities + "?watermark=", "", secret).body);
  std::vector<std::string> said;
  for (const auto& a : all["activities"]) {
    said.push_back(a["from"].value("name", "") + ": " + a.value("text", ""));
  }
  ASSERT_GE(said.size(), 6u) << all.dump();
  const std::size_t n = said.size();
  EXPECT_NE(said[n - 3].find("A person has joined"), std::string::npos)
      << said[n - 3];
  EXPECT_EQ(said[n - 2], "Ann: Ann: Ann here.");
  EXPECT_EQ(said[n - 1], ": thank you")
      << "the person's message, and no bot answer after it";
}

class ConsoleOffTest : public ServerTest {};

TEST_F(ConsoleOffTest, NoAccountsNoConsole) {
  Start({}, {.handoff = std::make_shared<bot::MemoryHandoffDesk>()});
  EXPECT_EQ(HttpSend(port_, "GET", "/console").status, 404);
  EXPECT_EQ(HttpSend(port_, "GET", "/console/api/state").status, 404);
}

}  // namespace
}  // namespace faqbot::adapters
