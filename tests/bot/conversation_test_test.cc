#include "bot/tools/conversation_test.h"

#include <gtest/gtest.h>

#include "bot/pack_loader.h"

namespace faqbot::bot {
namespace {

TEST(ConversationTest, ParsesTurnsAndExpectations) {
  auto convs = ParseConversations(
      "# c\n== first\n> what causes it\n< answer overview\n~ a, B\n! c\n"
      "press x.y\n< answer x*\n",
      "c.txt");
  ASSERT_TRUE(convs) << convs.error().message;
  ASSERT_EQ(convs->size(), 1u);
  const auto& turns = (*convs)[0].turns;
  ASSERT_EQ(turns.size(), 2u);
  EXPECT_EQ(turns[0].text, "what causes it");
  EXPECT_EQ(turns[0].expect.kind, "answer");
  EXPECT_EQ(turns[0].expect.node, "overview");
  EXPECT_EQ(turns[0].expect.says, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(turns[0].expect.not_says, (std::vector<std::string>{"c"}));
  EXPECT_EQ(turns[1].choice, "x.y");
}

// A library's conversations: "page NAME" holds for the later turns of its
// conversation only.
TEST(ConversationTest, APageLineSendsTheLaterTurnsFromThatPage) {
  auto convs = ParseConversations(
      "== a\n> one\npage fatty-liver\n> two\n< answer fatty-liver/x\n"
      "== b\n> three\n",
      "c.txt");
  ASSERT_TRUE(convs) << convs.error().message;
  ASSERT_EQ(convs->size(), 2u);
  EXPECT_EQ((*convs)[0].turns[0].page, "");
  EXPECT_EQ((*convs)[0].turns[1].page, "fatty-liver");
  EXPECT_EQ((*convs)[0].turns[1].expect.node, "fatty-liver/x");
  EXPECT_EQ((*convs)[1].turns[0].page, "");
}

TEST(ConversationTest, ReportsFormatErrorsWithLine) {
  EXPECT_FALSE(ParseConversations("> hi", "c.txt"));
  auto bad = ParseConversations("== x\n> hi\n< answr", "c.txt");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("c.txt line 3: unknown reply kind"),
            std::string::npos);
}

TEST(ConversationTest, RunReportsFailuresAndCoverage) {
  auto pack =
      LoadPack(std::string(FAQBOT_SOURCE_DIR) + "/tests/fixtures/liver");
  ASSERT_TRUE(pack);
  auto convs = ParseConversations(
      "== ok\n> what causes it\n< answer overview\n"
      "== wrong on purpose\n> what causes it\n< fallback\n~ zebra\n",
      "c.txt");
  ASSERT_TRUE(convs);
  const TestReport report = RunConversations(*pack, *convs, "c.txt");
  EXPECT_EQ(report.turns, 2);
  EXPECT_EQ(report.failed, 1);
  ASSERT_EQ(report.failures.size(), 1u);
  EXPECT_NE(report.failures[0].find("expected: kind fallback; says \"zebra\""),
            std::string::npos)
      << report.failures[0];
  EXPECT_NE(report.failures[0].find("got: answer overview"), std::string::npos);
  EXPECT_EQ(report.node_count, (*pack)->nodes.size());
  EXPECT_EQ(report.unreached.size(), report.node_count - 1);
}

}  // namespace
}  // namespace faqbot::bot
