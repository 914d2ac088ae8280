// Operator handoff in the bot: what counts as asking for a person, the
// queue, messages passed on while an operator holds the conversation, red
// flags still answered; and the queue shared through a real redis-server.
#include "bot/handoff.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "bot/bot.h"
#include "bot/pack_loader.h"
#include "bot/store/handoff_records.h"
#include "bot/store/redis_handoff_desk.h"
#include "tests/support/child_process.h"
#include "tests/support/fixture_pack.h"

namespace faqbot::bot {
namespace {

using faqbot::testing::LiverFixture;

TEST(AsksForPerson, RequestsForAPersonButNotQuestionsAboutPeople) {
  for (const char* ask :
       {"human", "Agent please", "real person!", "can I talk to a nurse?",
        "Hi, could I speak with someone please", "I want to talk to a human",
        "put me through to an operator", "I'd like a real person",
        "let me chat with a live agent", "can I talk to a rep?",
        "I need a representative"}) {
    EXPECT_TRUE(AsksForPerson(ask)) << ask;
  }
  for (const char* question :
       {"should I see a doctor?", "is it passed from person to person?",
        "my nurse said it was calcium, is that right?",
        "can a person get it from pets?", "what do other people do?",
        "is it a human disease?", "someone told me it is cancer, is it?",
        // A person word inside another word names no one.
        "I want repeat scans, how often?", "I need reports of it?",
        "I want personalized advice"}) {
    EXPECT_FALSE(AsksForPerson(question)) << question;
  }
}

class BotHandoffTest : public ::testing::Test {
 protected:
  std::shared_ptr<MemoryHandoffDesk> desk_ =
      std::make_shared<MemoryHandoffDesk>();
  Bot bot_{LiverFixture(), {.handoff = desk_}};

  Reply Ask(const std::string& text) {
    auto r = bot_.Handle("web:p", {.text = text, .channel = "web"});
    EXPECT_TRUE(r) << r.error().message;
    return r ? *r : Reply{};
  }
  std::string Lines() {
    std::string all;
    for (const auto& l : desk_->Lines("web:p")) {
      all += l.from + ": " + l.text + "\n";
    }
    return all;
  }
};

TEST_F(BotHandoffTest, NoOneOnlineThePersonIsToldAndTheBotGoesOn) {
  const Reply r = Ask("can I talk to a nurse?");
  EXPECT_EQ(r.kind, ReplyKind::kHandoff);
  EXPECT_EQ(r.text, bot_.pack()->wording.handoff_unavailable);
  EXPECT_EQ(desk_->StatusOf("web:p"), HandoffStatus::kNone);
  EXPECT_EQ(Ask("worms in liver").node, "parasitic-infection");
}

TEST_F(BotHandoffTest, QueuedThenHeldThenHandedBack) {
  desk_->Seen("Ann");
  EXPECT_EQ(Ask("worms in liver").node, "parasitic-infection");
  const Reply asked = Ask("I want to talk to a human");
  EXPECT_EQ(asked.kind, ReplyKind::kHandoff);
  EXPECT_EQ(asked.text, bot_.pack()->wording.handoff_requested);
  ASSERT_EQ(desk_->StatusOf("web:p"), HandoffStatus::kWaiting);
  EXPECT_EQ(Ask("human please").text, bot_.pack()->wording.handoff_already);
  // Waiting: the bot still answers, and the operator will see it.
  EXPECT_EQ(Ask("how is that treated?").node, "parasitic-infection.treatment");
  EXPECT_NE(Lines().find("Topics so far: Parasitic infection"),
            std::string::npos)
      << Lines();
  EXPECT_NE(Lines().find("person: how is that treated?"), std::string::npos);

  ASSERT_TRUE(desk_->Take("web:p", "Ann"));
  EXPECT_FALSE(desk_->Take("web:p", "Bob")) << "one operator at a time";
  const Reply held = Ask("is it cancer?");
  EXPECT_EQ(held.kind, ReplyKind::kHeld);
  EXPECT_TRUE(held.text.empty());
  EXPECT_NE(Lines().find("person: is it cancer?"), std::string::npos);
  const Reply urgent = Ask("I am vomiting blood");
  EXPECT_EQ(urgent.kind, ReplyKind::kEscalation) << "red flags first, always";

  ASSERT_TRUE(desk_->Release("web:p"));
  EXPECT_TRUE(desk_->Lines("web:p").empty()) << "lines go with the handoff";
  EXPECT_EQ(Ask("what causes it?").kind, ReplyKind::kAnswer);
}

// The widget sends a message again after a reconnect (same id) when its
// reply never came: the operator reads it once.
TEST_F(BotHandoffTest, AMessageSentAgainReachesTheOperatorOnce) {
  desk_->Seen("Ann");
  Ask("I want to talk to a human");
  ASSERT_TRUE(desk_->Take("web:p", "Ann"));
  const auto send = [&](const char* text, const char* id) {
    auto r = bot_.Handle("web:p", {.text = text, .channel = "web", .id = id});
    EXPECT_TRUE(r);
    return r ? r->kind : ReplyKind::kFallback;
  };
  EXPECT_EQ(send("is it cancer?", "m1"), ReplyKind::kHeld);
  EXPECT_EQ(send("is it cancer?", "m1"), ReplyKind::kHeld);
  EXPECT_EQ(send("is it cancer?", "m2"), ReplyKind::kHeld) << "a new message";
  EXPECT_EQ(send("I am vomiting blood", "m3"), ReplyKind::kEscalation);
  EXPECT_EQ(send("I am vomiting blood", "m3"), ReplyKind::kEscalation)
      << "a red flag sent again still gets the urgent reply";
  std::size_t asked = 0, pos = 0;
  const std::string lines = Lines();
  while ((pos = lines.find("person: is it cancer?", pos)) !=
         std::string::npos) {
    ++asked;
    ++pos;
  }
  EXPECT_EQ(asked, 2u) << lines;
  EXPECT_EQ(lines.find("person: I am vomiting blood"),
            lines.rfind("person: I am vomiting blood"))
      << lines;
}

TEST_F(BotHandoffTest, ARedFlagWhileAskingGetsTheUrgentReplyFirst) {
  desk_->Seen("Ann");
  const Reply r = Ask("I want to speak to a nurse, I am vomiting blood");
  EXPECT_EQ(r.kind, ReplyKind::kEscalation);
  EXPECT_EQ(r.notice, bot_.pack()->wording.handoff_requested)
      << "and the request is queued";
  EXPECT_EQ(desk_->StatusOf("web:p"), HandoffStatus::kWaiting);
}

TEST_F(BotHandoffTest, AFloodOfRequestsCannotBuryTheQueue) {
  desk_->Seen("Ann");
  for (std::size_t i = 0; i < HandoffDesk::kMaxWaiting; ++i) {
    ASSERT_TRUE(desk_->Request({.id = "web:" + std::to_string(i)}));
  }
  EXPECT_EQ(Ask("human").text, bot_.pack()->wording.handoff_unavailable);
  EXPECT_EQ(desk_->StatusOf("web:p"), HandoffStatus::kNone);
}

TEST_F(BotHandoffTest, OneClientCannotFillTheQueue) {
  desk_->Seen("Ann");
  int queued = 0;
  for (int i = 0; i < 10; ++i) {
    auto r = bot_.Handle("web:" + std::to_string(i),
                         {.text = "talk to a human", .client = "203.0.113.5"});
    ASSERT_TRUE(r);
    if (r->intent == "handoff.request") ++queued;
    if (i >= 3) {
      EXPECT_EQ(r->text, bot_.pack()->wording.handoff_limited);
    }
  }
  EXPECT_EQ(queued, 3) << "handoff_per_client";
  EXPECT_EQ(desk_->Waiting(), 3u);
  auto other = bot_.Handle(
      "web:x", {.text = "talk to a human", .client = "198.51.100.9"});
  ASSERT_TRUE(other);
  EXPECT_EQ(other->intent, "handoff.request") << "someone else still can";
}

TEST(HandoffDesk, LinesOfAConversationAreBoundedInBytes) {
  MemoryHandoffDesk desk;
  ASSERT_TRUE(desk.Request({.id = "web:a"}));
  for (int i = 0; i < 99; ++i) {
    desk.AddLine("web:a", {.from = "person", .text = std::string(1900, 'x')});
  }
  const auto lines = desk.Lines("web:a");
  std::size_t bytes = 0;
  for (const auto& l : lines) bytes += l.text.size();
  EXPECT_LE(bytes, HandoffDesk::kMaxLineBytes);
  EXPECT_GE(lines.size(), 10u) << "the newest are kept";
}

// The shift's ended conversations: newest first, at most kMaxEnded; a
// stored record that carries a terminal escape is refused, not shown.
TEST(HandoffDesk, EndedConversationsAreKeptNewestFirstAndBounded) {
  MemoryHandoffDesk desk;
  const int64_t now = UnixMs();
  for (std::size_t i = 0; i < HandoffDesk::kMaxEnded + 5; ++i) {
    desk.AddEnded({{.id = "web:" + std::to_string(i), .channel = "web"},
                   "handed back",
                   now});
  }
  desk.AddEnded({{.id = "web:old", .channel = "web"}, "gave up", 1000});
  const auto ended = desk.Ended();
  ASSERT_EQ(ended.size(), HandoffDesk::kMaxEnded - 1) << "one too old";
  EXPECT_EQ(ended.front().handoff.id,
            "web:" + std::to_string(HandoffDesk::kMaxEnded + 4));
  const EndedHandoff shown{
      {.id = "web:a", .channel = "web", .asked = "Can I talk to a nurse?"},
      "no one online",
      now};
  const auto again = DecodeEnded(EncodeEnded(shown));
  ASSERT_TRUE(again);
  EXPECT_EQ(again->handoff.asked, "Can I talk to a nurse?");
  EXPECT_EQ(again->outcome, "no one online");
  EXPECT_FALSE(DecodeEnded(R"({"i":"web:a","c":"web","a":"[2J","o":"",)"
                           R"("w":"gave up","r":1,"e":2})"));
  EXPECT_FALSE(DecodeEnded(R"({"i":"web:a","c":"web"})"));
}

TEST(HandoffDesk, WaitingTooLongIsGivenUpOnce) {
  MemoryHandoffDesk desk;
  ASSERT_TRUE(desk.Request({.id = "a", .requested_ms = 1000}));
  ASSERT_TRUE(desk.Request({.id = "b", .requested_ms = 5000}));
  const auto given_up = desk.GiveUpWaiting(2000);
  ASSERT_EQ(given_up.size(), 1u);
  EXPECT_EQ(given_up[0].id, "a");
  EXPECT_TRUE(desk.GiveUpWaiting(2000).empty());
  EXPECT_EQ(desk.StatusOf("b"), HandoffStatus::kWaiting);
}

class RedisHandoffTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(redis_.Start()); }
  RedisOptions Options() {
    RedisOptions o;
    o.port = redis_.port();
    return o;
  }
  // Until `ok` holds or 5 s pass.
  static bool Eventually(const std::function<bool()>& ok) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (!ok()) {
      if (std::chrono::steady_clock::now() > end) return false;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return true;
  }
  faqbot::testing::RedisServer redis_;
};

TEST_F(RedisHandoffTest, InstancesShareTheQueueAndOneOperatorWins) {
  RedisHandoffDesk a(Options()), b(Options());
  ASSERT_TRUE(a.Request({.id = "web:x",
                         .channel = "web",
                         .address = "phone-1",
                         .requested_ms = UnixMs()}));
  ASSERT_TRUE(Eventually([&] {
    return b.StatusOf("web:x") == HandoffStatus::kWaiting;
  })) << "instance B learns of it through pub/sub";
  EXPECT_EQ(b.Find("web:x")->address, "phone-1");
  EXPECT_FALSE(b.Request({.id = "web:x"})) << "queued once";

  // Two operators on two instances take it at the same moment.
  std::atomic<int> won{0};
  std::thread t1([&] { won += a.Take("web:x", "Ann"); });
  std::thread t2([&] { won += b.Take("web:x", "Bob"); });
  t1.join();
  t2.join();
  EXPECT_EQ(won.load(), 1);
  ASSERT_TRUE(Eventually(
      [&] { return a.StatusOf("web:x") == HandoffStatus::kActive; }));

  // The person's tab closes on A: B's console shows it, and hears of
  // each change (a line included) to push to its open consoles.
  std::atomic<int> changes{0};
  b.OnChange([&] { ++changes; });
  a.SetLeft("web:x", 1234);
  EXPECT_TRUE(Eventually([&] { return b.Find("web:x")->left_ms == 1234; }));
  const int seen = changes.load();
  EXPECT_GT(seen, 0);
  a.AddLine("web:x", {.time_ms = 1, .from = "person", .text = "hello"});
  EXPECT_TRUE(Eventually([&] { return changes.load() > seen; }))
      << "a line written on A is news on B";
  a.SetLeft("web:x", 0);
  EXPECT_TRUE(Eventually([&] { return b.Find("web:x")->left_ms == 0; }));
  a.SetLeft("web:nobody", 5);
  EXPECT_FALSE(b.Find("web:nobody")) << "presence opens no conversation";
  ASSERT_EQ(b.Lines("web:x").size(), 1u);
  EXPECT_EQ(b.Lines("web:x")[0].text, "hello");

  // A message for the person reaches the other instance.
  std::mutex mu;
  std::string got;
  b.OnDeliver([&](const std::string& id, const std::string& payload) {
    std::lock_guard lock(mu);
    got = id + "|" + payload;
  });
  a.Deliver("web:x", "{\"text\":\"hi\"}");
  EXPECT_TRUE(Eventually([&] {
    std::lock_guard lock(mu);
    return got == "web:x|{\"text\":\"hi\"}";
  }));

  // Restarted instances find the queue where it was.
  RedisHandoffDesk c(Options());
  EXPECT_EQ(c.StatusOf("web:x"), HandoffStatus::kActive);
  a.PostMail("rest:y", "one");
  EXPECT_EQ(c.TakeMail("rest:y"), std::vector<std::string>{"one"});
  EXPECT_TRUE(b.TakeMail("rest:y").empty()) << "delivered once";
  EXPECT_EQ(a.MailKey("rest:y", ""), "") << "looking does not make one";
  EXPECT_EQ(a.MailKey("rest:y", "k1"), "k1");
  EXPECT_EQ(b.MailKey("rest:y", "k2"), "k1") << "the first key holds";

  ASSERT_TRUE(c.Release("web:x"));
  EXPECT_TRUE(
      Eventually([&] { return a.StatusOf("web:x") == HandoffStatus::kNone; }));
  EXPECT_TRUE(b.Lines("web:x").empty());
}

TEST_F(RedisHandoffTest, OperatorsOnlineAndLoginsAreShared) {
  RedisHandoffDesk a(Options()), b(Options());
  EXPECT_FALSE(b.AnyOnline());
  a.Seen("Ann");
  EXPECT_TRUE(b.AnyOnline());
  a.SaveLogin("token", "Ann", std::chrono::seconds(60));
  EXPECT_EQ(b.LoginOf("token"), "Ann");
  b.DropLogin("token");
  EXPECT_EQ(a.LoginOf("token"), "");
}

}  // namespace
}  // namespace faqbot::bot
