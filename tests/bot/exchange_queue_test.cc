#include "bot/store/exchange_queue.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace faqbot::bot {
namespace {

std::vector<std::string> Texts(const ExchangeQueue& q) {
  std::vector<ExchangeRef> rows;
  q.View(&rows);
  std::vector<std::string> texts;
  for (const ExchangeRef& e : rows) texts.emplace_back(e.text);
  return texts;
}

TEST(ExchangeQueue, GivesBackWhatWasPushedWithTheNodeAsStored) {
  ExchangeQueue q;
  std::string text = "what causes calcification in the liver?";
  q.Push({.time_ms = 1'700'000'000'123,
          .session = "web:visitor-1",
          .channel = "web",
          .text = text,
          .kind = "answer",
          .node = "causes",
          .confidence = 0.875,
          .article = "liver-calcification"});
  q.Push({.time_ms = 7,
          .session = "telegram:42",
          .channel = "telegram",
          .choice = "treatment",
          .kind = "answer",
          .node = "treatment",
          .uid = "0123456789abcdef0123456789abcdef"});
  q.Push({.session = "s", .kind = "fallback", .article = "fatty-liver"});
  text.assign(text.size(), 'x');  // the queue holds its own copy

  std::vector<ExchangeRef> rows;
  q.View(&rows);
  ASSERT_EQ(q.size(), 3u);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].time_ms, 1'700'000'000'123);
  EXPECT_EQ(rows[0].session, "web:visitor-1");
  EXPECT_EQ(rows[0].channel, "web");
  EXPECT_EQ(rows[0].text, "what causes calcification in the liver?");
  EXPECT_EQ(rows[0].choice, "");
  EXPECT_EQ(rows[0].kind, "answer");
  EXPECT_EQ(rows[0].node, "liver-calcification/causes");
  EXPECT_EQ(rows[0].article, "");
  EXPECT_EQ(rows[0].confidence, 0.875);
  EXPECT_EQ(rows[0].uid, "");
  EXPECT_EQ(rows[1].choice, "treatment");
  EXPECT_EQ(rows[1].node, "treatment");
  EXPECT_EQ(rows[1].uid, "0123456789abcdef0123456789abcdef");
  EXPECT_EQ(rows[2].node, "fatty-liver/");

  q.clear();
  EXPECT_TRUE(q.empty());
  EXPECT_TRUE(Texts(q).empty());
}

TEST(ExchangeQueue, PrependsTheFirstOfAnotherQueueInOrder) {
  ExchangeQueue unwritten, newer;
  for (const char* t : {"a", "b", "c"}) unwritten.Push({.text = t});
  for (const char* t : {"d", "e"}) newer.Push({.text = t});
  newer.PrependFirst(unwritten, 2);
  EXPECT_EQ(newer.size(), 4u);
  EXPECT_EQ(Texts(newer), (std::vector<std::string>{"a", "b", "d", "e"}));
  ExchangeQueue all;
  all.PrependFirst(unwritten, 10);  // more than there are: all of them
  EXPECT_EQ(all.size(), 3u);
  EXPECT_EQ(Texts(all), (std::vector<std::string>{"a", "b", "c"}));
}

}  // namespace
}  // namespace faqbot::bot
