#include "bot/session_store.h"

#include <gtest/gtest.h>

namespace faqbot::bot {
namespace {

TEST(SessionStore, CreatesThenFindsSessions) {
  SessionStore store(std::chrono::seconds(60));
  bool created = false;
  store.WithSession("a", [&](Session& s, bool c) {
    created = c;
    s.state.topic = "x";
  });
  EXPECT_TRUE(created);
  store.WithSession("a", [&](Session& s, bool c) {
    created = c;
    EXPECT_EQ(s.state.topic, "x");
  });
  EXPECT_FALSE(created);
  EXPECT_TRUE(store.Contains("a"));
  EXPECT_FALSE(store.Contains("b"));
  EXPECT_EQ(store.size(), 1u);
}

TEST(SessionStore, ExpiresIdleSessions) {
  SessionStore store(std::chrono::seconds(10));
  store.WithSession("a", [](Session&, bool) {});
  EXPECT_EQ(store.Expire(SessionStore::Clock::now()), 0u);
  EXPECT_EQ(store.Expire(SessionStore::Clock::now() + std::chrono::seconds(11)),
            1u);
  EXPECT_FALSE(store.Contains("a"));
}

}  // namespace
}  // namespace faqbot::bot
