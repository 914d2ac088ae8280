#include "bot/store/session_store.h"

#include <gtest/gtest.h>

namespace faqbot::bot {
namespace {

TEST(MemorySessionStore, CreatesThenFindsSessions) {
  MemorySessionStore store(std::chrono::seconds(60));
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

TEST(MemorySessionStore, ExpiresIdleSessions) {
  MemorySessionStore store(std::chrono::seconds(10));
  store.WithSession("a", [](Session&, bool) {});
  EXPECT_EQ(store.Expire(MemorySessionStore::Clock::now()), 0u);
  EXPECT_EQ(
      store.Expire(MemorySessionStore::Clock::now() + std::chrono::seconds(11)),
      1u);
  EXPECT_FALSE(store.Contains("a"));
}

// However many ids a client invents, memory stays bounded: past the cap
// the least recently used sessions go.
TEST(MemorySessionStore, HoldsAtMostItsCap) {
  MemorySessionStore store(std::chrono::hours(1), /*max_sessions=*/160);
  for (int i = 0; i < 5000; ++i) {
    store.WithSession("s" + std::to_string(i), [](Session&, bool) {});
  }
  EXPECT_LE(store.size(), 160u);
  EXPECT_GE(store.size(), 100u);
  EXPECT_TRUE(store.Find("s4999")) << "the newest is kept";
  EXPECT_FALSE(store.Find("s0")) << "the oldest went";
}

TEST(MemorySessionStore, FindCopiesALiveSession) {
  MemorySessionStore store(std::chrono::seconds(60));
  store.WithSession("a", [](Session& s, bool) { s.state.turns = 3; });
  const auto found = store.Find("a");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->state.turns, 3);
  EXPECT_FALSE(store.Find("b"));
}

TEST(SessionCodec, RoundTripsEveryField) {
  Session s;
  s.state = {.node = "parasitic-infection",
             .topic = "parasitic-infection",
             .choices = {"parasitic-infection.treatment", "overview"},
             .history = {"overview", "parasitic-infection"},
             .turns = 7,
             .pack = 42};
  s.disclaimed = true;
  const std::string text = EncodeSession(s, 9);
  uint64_t revision = 0;
  const auto back = DecodeSession(text, &revision);
  ASSERT_TRUE(back) << text;
  EXPECT_EQ(revision, 9u);
  EXPECT_EQ(back->state.node, s.state.node);
  EXPECT_EQ(back->state.topic, s.state.topic);
  EXPECT_EQ(back->state.choices, s.state.choices);
  EXPECT_EQ(back->state.history, s.state.history);
  EXPECT_EQ(back->state.turns, 7);
  EXPECT_EQ(back->state.pack, 42u);
  EXPECT_TRUE(back->disclaimed);
  EXPECT_LT(text.size(), 200u) << "compact: " << text;
  EXPECT_EQ(text.find("\"a\""), std::string::npos) << "one article: no key";
  // In a library the state says which article its ids belong to.
  s.state.article = "fatty-liver";
  const auto in_library = DecodeSession(EncodeSession(s, 10));
  ASSERT_TRUE(in_library);
  EXPECT_EQ(in_library->state.article, "fatty-liver");
}

TEST(SessionCodec, RejectsOtherVersionsAndGarbage) {
  EXPECT_FALSE(DecodeSession(
      R"({"v":2,"n":"","t":"","c":[],"h":[],"k":0,"g":0,"d":0,"r":1})"));
  EXPECT_FALSE(DecodeSession("not json"));
  EXPECT_FALSE(DecodeSession(R"({"v":1,"n":5})"));
  EXPECT_FALSE(DecodeSession(""));
}

// What a shared store hands back is input: a record of the wrong shape is
// a fresh session, never an exception that takes the process down.
TEST(SessionCodec, WrongTypesAreRejectedWithoutThrowing) {
  for (const char* record : {
           R"({"v":"1"})",
           R"({"v":1.5,"n":"","t":"","c":[],"h":[],"k":0,"g":0,"d":0,"r":1})",
           R"({"v":1,"n":"","t":"","c":"x","h":[],"k":0,"g":0,"d":0,"r":1})",
           R"({"v":1,"n":"","t":"","c":[1],"h":[],"k":0,"g":0,"d":0,"r":1})",
           R"({"v":1,"n":"","t":"","c":[],"h":[],"k":-3,"g":0,"d":0,"r":1})",
           R"({"v":1,"n":"","t":"","c":[],"h":[],"k":0,"g":"7","d":0,"r":1})",
           R"({"v":1,"n":"","t":"","c":[],"h":[],"k":0,"g":0,"d":{},"r":1})",
           R"({"v":1,"n":"","t":"","c":[],"h":[],"k":0,"g":0,"d":0,"r":1e999})",
           R"([1,2,3])",
       }) {
    std::optional<Session> decoded;
    EXPECT_NO_THROW(decoded = DecodeSession(record)) << record;
    EXPECT_FALSE(decoded) << record;
  }
}

TEST(SessionCodec, ListsAreClampedAndHugeRecordsRefused) {
  Session s;
  for (int i = 0; i < 1000; ++i) {
    s.state.choices.push_back("c" + std::to_string(i));
    s.state.history.push_back("h" + std::to_string(i));
  }
  const auto back = DecodeSession(EncodeSession(s, 1));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->state.choices.size(), kMaxChoices);
  EXPECT_EQ(back->state.history.size(), dialogs::DialogState::kMaxHistory);
  EXPECT_EQ(back->state.history.back(), "h999");  // the newest are kept

  Session big;
  big.state.node = std::string(kMaxNodeIdBytes + 1, 'x');
  EXPECT_FALSE(DecodeSession(EncodeSession(big, 1)));
  const std::string padding(kMaxSessionRecordBytes, ' ');
  EXPECT_FALSE(DecodeSession(EncodeSession(Session{}, 1) + padding));
}

// The exchanges an operator reads on taking over travel with the record;
// control characters (escaped six times their size) cannot make a record
// too big to read back: the oldest exchanges are left out instead.
TEST(SessionCodec, RecentExchangesTravelAndNeverOverflowTheRecord) {
  Session s;
  s.recent = {{1, "what causes it?", "Causes: parasites"}, {2, "thanks", ""}};
  auto back = DecodeSession(EncodeSession(s, 1));
  ASSERT_TRUE(back);
  ASSERT_EQ(back->recent.size(), 2u);
  EXPECT_EQ(back->recent[0].person, "what causes it?");
  EXPECT_EQ(back->recent[0].bot, "Causes: parasites");
  EXPECT_EQ(back->recent[1].time_ms, 2);

  Session worst;
  for (std::size_t i = 0; i < Session::kMaxRecent; ++i) {
    worst.recent.push_back({static_cast<int64_t>(i),
                            std::string(Session::kRecentBytes, '\x01'),
                            std::string(Session::kRecentBytes, '\x02')});
  }
  worst.state.history.assign(dialogs::DialogState::kMaxHistory,
                             std::string(kMaxNodeIdBytes, 'h'));
  const std::string text = EncodeSession(worst, 1);
  EXPECT_LE(text.size(), kMaxSessionRecordBytes);
  back = DecodeSession(text);
  ASSERT_TRUE(back) << "still a session";
  ASSERT_FALSE(back->recent.empty());
  EXPECT_EQ(back->recent.back().time_ms,
            static_cast<int64_t>(Session::kMaxRecent - 1))
      << "the newest exchange is kept";

  EXPECT_FALSE(DecodeSession(
      R"({"v":1,"n":"","t":"","c":[],"h":[],"k":0,"g":0,"d":0,"r":1,"p":[[1,2,3]]})"))
      << "an exchange of the wrong shape";
  const auto clipped = DecodeSession(
      R"({"v":1,"n":"","t":"","c":[],"h":[],"k":0,"g":0,"d":0,"r":1,"p":[[1,")" +
      std::string(5000, 'a') + R"(",""]]})");
  ASSERT_TRUE(clipped);
  EXPECT_LE(clipped->recent[0].person.size(), Session::kRecentBytes);
}

// The reply to the last message with an id travels with the record, every
// field a channel renders; one too big for the record leaves its id (the
// message is then answered again, not from the record).
TEST(SessionCodec, TheLastRepliedMessageTravelsWithItsReply) {
  Session s;
  dialogs::Reply r;
  r.kind = dialogs::ReplyKind::kAnswer;
  r.text = "Parasites \"such as\" worms";
  r.node = "parasitic-infection";
  r.intent = "parasitic-infection";
  r.confidence = 0.75;
  r.source = dialogs::Source{3, "Parasitic infection"};
  r.source_line = "Source: section 3";
  r.disclaimer = "Not medical advice.";
  r.caveat = "It does not say how long.";
  r.choices = {{"overview", "Overview"},
               {"parasitic-infection.treatment", "Treatment"}};
  r.parts = {{dialogs::ReplyKind::kFallback, "no", "", std::nullopt, "", "",
              "hemangioma", "and my hemangioma?"}};
  s.last_id = "m-17";
  s.last_reply = r;
  const auto back = DecodeSession(EncodeSession(s, 2));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->last_id, "m-17");
  ASSERT_TRUE(back->last_reply);
  const dialogs::Reply& b = *back->last_reply;
  EXPECT_EQ(b.kind, r.kind);
  EXPECT_EQ(b.text, r.text);
  EXPECT_EQ(b.node, r.node);
  EXPECT_EQ(b.intent, r.intent);
  EXPECT_DOUBLE_EQ(b.confidence, r.confidence);
  ASSERT_TRUE(b.source);
  EXPECT_EQ(b.source->section, 3);
  EXPECT_EQ(b.source->title, "Parasitic infection");
  EXPECT_EQ(b.source_line, r.source_line);
  EXPECT_EQ(b.disclaimer, r.disclaimer);
  EXPECT_EQ(b.caveat, r.caveat);
  ASSERT_EQ(b.choices.size(), 2u);
  EXPECT_EQ(b.choices[1].title, "Treatment");
  ASSERT_EQ(b.parts.size(), 1u);
  EXPECT_EQ(b.parts[0].not_covered, "hemangioma");
  EXPECT_EQ(b.parts[0].question, "and my hemangioma?");

  s.last_reply->text = std::string(kMaxSessionRecordBytes, 'x');
  const std::string text = EncodeSession(s, 3);
  EXPECT_LE(text.size(), kMaxSessionRecordBytes);
  const auto big = DecodeSession(text);
  ASSERT_TRUE(big);
  EXPECT_EQ(big->last_id, "m-17");
  EXPECT_FALSE(big->last_reply);

  EXPECT_FALSE(DecodeSession(
      R"({"v":1,"n":"","t":"","c":[],"h":[],"k":0,"g":0,"d":0,"r":1,"m":[7]})"))
      << "an id of the wrong type";
  const auto odd = DecodeSession(
      R"({"v":1,"n":"","t":"","c":[],"h":[],"k":0,"g":0,"d":0,"r":1,"m":["a",{"k":99}]})");
  ASSERT_TRUE(odd) << "a reply of the wrong shape is only forgotten";
  EXPECT_FALSE(odd->last_reply);
}

}  // namespace
}  // namespace faqbot::bot
