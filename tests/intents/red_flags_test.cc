#include "intents/red_flags.h"

#include <gtest/gtest.h>

#include "intents/matcher.h"
#include "tests/support/test_lexicon.h"

namespace faqbot::intents {
namespace {

// The urgent red flag in `text`, or "" for none.
std::string Urgent(const Matcher& m, std::string_view text) {
  const Signals s = m.Match(text);
  const RedFlagHit* hit = s.urgent();
  return hit ? hit->name : "";
}

class RedFlags : public ::testing::Test {
 protected:
  void SetUp() override {
    matcher_.AddIntent("topic");
    matcher_.AddKeywords(0, "liver calcification", 1.0, "test");
    ASSERT_TRUE(matcher_.Compile());
  }
  Matcher matcher_{faqbot::testing::TestLexicon()};
};

TEST_F(RedFlags, EscalatesEveryBuiltinEmergency) {
  const struct {
    const char* text;
    const char* flag;
  } cases[] = {
      {"I am vomiting blood", "vomiting-blood"},
      {"I'm throwing up blood right now", "vomiting-blood"},
      {"my stools are black and tarry", "black-stools"},
      {"my poop is black", "black-stools"},
      {"severe pain in my right side and a high fever", "severe-pain"},
      {"I have a fever of 40 and my belly really hurts", "fever-with-pain"},
      {"my eyes and skin turned yellow suddenly", "jaundice"},
      {"I think I have jaundice", "jaundice"},
      {"I fainted and my stomach is swollen", "fainting"},
      {"my dad is suddenly confused", "confusion"},
      {"crushing chest pain", "chest-pain"},
      {"there is blood in my urine since yesterday", "blood-in-urine"},
      {"my side is very painful", "severe-pain"},
      {"I can't breathe properly", "breathing"},
      {"I want to kill myself", "self-harm"},
      {"thinking about suicide", "self-harm"},
      {"v\xD0\xBEmiting bl\xD0\xBEod", "vomiting-blood"},  // Cyrillic o
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Urgent(matcher_, c.text), c.flag) << c.text;
  }
}

TEST_F(RedFlags, SimpleNegationDoesNotEscalate) {
  for (const char* text :
       {"no fever", "I don't have jaundice", "not vomiting blood",
        "I have never fainted", "without chest pain",
        "I have no symptoms, is that normal with calcification?"}) {
    EXPECT_EQ(Urgent(matcher_, text), "") << text;
  }
}

TEST_F(RedFlags, NegationDoesNotReachPastAClauseOrAVerb) {
  EXPECT_EQ(Urgent(matcher_, "no fever but I am vomiting blood"),
            "vomiting-blood");
  EXPECT_EQ(Urgent(matcher_, "I can't stop vomiting blood"), "vomiting-blood");
}

TEST_F(RedFlags, ASymptomLongPastIsNotUrgentButIsKept) {
  for (const char* text :
       {"I had jaundice once, years ago, but it went away by itself",
        "I had jaundice as a baby, is calcification congenital?",
        "I was vomiting blood in 2015 after an operation"}) {
    const Signals s = matcher_.Match(text);
    EXPECT_EQ(s.urgent(), nullptr) << text;
    ASSERT_NE(s.past(), nullptr) << text;
  }
  // Back now, recent, or only the scan was long ago: urgent.
  for (const char* text :
       {"I had jaundice years ago and now my eyes are yellow again",
        "My scan was years ago. My skin is yellow.",
        "my eyes turned yellow yesterday, I had a scan 3 years ago",
        "I had jaundice last week"}) {
    EXPECT_EQ(Urgent(matcher_, text), "jaundice") << text;
  }
}

TEST_F(RedFlags, OrdinaryQuestionsDoNotEscalate) {
  for (const char* text :
       {"does liver calcification cause pain?", "I'm confused about my report",
        "what causes it", "is it dangerous"}) {
    EXPECT_EQ(Urgent(matcher_, text), "") << text;
  }
}

TEST(RedFlagNegation, LooksAtTheWordsJustBefore) {
  const Lexicon& lex = *faqbot::testing::TestLexicon();
  EXPECT_TRUE(IsNegated(" no fever ", 4, lex));
  EXPECT_TRUE(IsNegated(" do not have fever ", 13, lex));
  EXPECT_FALSE(IsNegated(" not at all well now high fever ", 26, lex));
  EXPECT_FALSE(IsNegated(" fever ", 1, lex));
}

}  // namespace
}  // namespace faqbot::intents
