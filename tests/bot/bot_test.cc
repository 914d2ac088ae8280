#include "bot/bot.h"

#include <gtest/gtest.h>

#include <thread>

#include "bot/pack_loader.h"
#include "tests/support/fixture_pack.h"

namespace faqbot::bot {
namespace {

using faqbot::testing::LiverFixture;

TEST(Bot, ShowsTheDisclaimerOncePerSession) {
  Bot bot(LiverFixture());
  auto first = bot.Handle("a", {.text = "hello"});
  ASSERT_TRUE(first);
  EXPECT_NE(first->disclaimer.find("not a diagnosis"), std::string::npos);
  auto second = bot.Handle("a", {.text = "what causes it"});
  ASSERT_TRUE(second);
  EXPECT_TRUE(second->disclaimer.empty());
  auto other = bot.Handle("b", {.text = "what causes it"});
  EXPECT_FALSE(other->disclaimer.empty());
}

TEST(Bot, RejectsBadMessagesAndKeepsTheSession) {
  Bot bot(LiverFixture());
  ASSERT_TRUE(bot.Handle("s", {.text = "what causes it"}));
  const struct {
    std::string text;
    const char* error;
  } cases[] = {
      {"", "empty"},
      {"   \t ", "empty"},
      {"bad \xC3\x28 utf8", "not valid UTF-8"},
      {"title \x1b]0;owned\x07 it", "control character (byte 6)"},
      {std::string(5000, 'a'), "too long"},
  };
  for (const auto& c : cases) {
    auto r = bot.Handle("s", {.text = c.text});
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().message.find(c.error), std::string::npos)
        << r.error().message;
  }
  auto unknown = bot.Handle("s", {.choice = "nope"});
  ASSERT_FALSE(unknown);
  // The session still remembers its choices.
  auto r = bot.Handle("s", {.text = "2"});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->node, "parasitic-infection");
}

TEST(Bot, SessionsAreIndependent) {
  Bot bot(LiverFixture());
  ASSERT_TRUE(bot.Handle("a", {.text = "tell me about bile duct stones"}));
  ASSERT_TRUE(bot.Handle("b", {.text = "parasites in the liver"}));
  auto a = bot.Handle("a", {.text = "how is that treated?"});
  auto b = bot.Handle("b", {.text = "how is that treated?"});
  EXPECT_EQ(a->node, "intrahepatic-bile-duct-stones.treatment");
  EXPECT_EQ(b->node, "parasitic-infection.treatment");
}

TEST(Bot, HandlesManySessionsFromManyThreads) {
  Bot bot(LiverFixture());
  std::vector<std::thread> threads;
  std::atomic<int> wrong{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        const std::string id =
            "t" + std::to_string(t) + "-" + std::to_string(i);
        auto r1 = bot.Handle(id, {.text = "what causes it"});
        auto r2 = bot.Handle(id, {.text = "2"});
        if (!r1 || !r2 || r2->node != "parasitic-infection") ++wrong;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(wrong.load(), 0);
}

TEST(Bot, GallbladderPackWorksWithNoCodeForIt) {
  auto pack =
      LoadPack(std::string(FAQBOT_SOURCE_DIR) + "/content/gallbladder-polyps");
  ASSERT_TRUE(pack) << pack.error().message;
  Bot bot(*pack);
  auto cancer = bot.Handle("g1", {.text = "are gallbladder polyps cancer?"});
  ASSERT_TRUE(cancer);
  EXPECT_EQ(cancer->kind, ReplyKind::kAnswer);
  EXPECT_NE(cancer->text.find("cancer"), std::string::npos);
  EXPECT_NE(cancer->text.find("polyp"), std::string::npos);
  auto adenoma = bot.Handle("g2", {.text = "how are adenomas treated?"});
  ASSERT_TRUE(adenoma);
  EXPECT_EQ(adenoma->node, "adenomas.treatment");
  EXPECT_NE(adenoma->text.find("cholecystectomy"), std::string::npos);
  auto causes = bot.Handle("g3", {.text = "what causes polyps?"});
  ASSERT_TRUE(causes);
  EXPECT_EQ(causes->kind, ReplyKind::kAnswer);
  EXPECT_NE(causes->text.find("cholesterol"), std::string::npos);
  EXPECT_EQ(causes->choices.size(), 4u);  // the four kinds of polyp
}

}  // namespace
}  // namespace faqbot::bot
