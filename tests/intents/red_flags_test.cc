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
      {"my neck swelled up and I can hardly breathe", "breathing"},
      {"I can't swallow even water and my throat is closing", "airway"},
      {"I'm passing a lot of blood from my bottom", "heavy-bleeding"},
      {"my husband collapsed in the kitchen", "fainting"},
      {"I have a terrible headache right now", "severe-pain"},
      {"I suddenly can't move my left arm and my speech is slurred", "stroke"},
      {"my mother's face is drooping on one side", "stroke"},
      {"since this morning I'm seeing double", "vision-loss"},
      {"I suddenly can't see out of my left eye", "vision-loss"},
      {"since the ball hit me I can't see properly out of it", "vision-loss"},
      {"my heart has been racing at 180 for an hour and won't slow down",
       "racing-heart"},
      {"my whole leg has gone cold and pale", "cold-limb"},
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
    ASSERT_NE(s.told(), nullptr) << text;
    EXPECT_EQ(s.told()->telling, Telling::kPast) << text;
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
        "what causes it", "is it dangerous",
        "I've had a lot of blood tests and all were normal",
        "the MRI report mentions a vertebral collapse at L4"}) {
    EXPECT_EQ(Urgent(matcher_, text), "") << text;
  }
}

TEST(RedFlagNegation, LooksAtTheWordsJustBefore) {
  const Lexicon& lex = *faqbot::testing::TestLexicon();
  using W = std::vector<std::string>;
  EXPECT_TRUE(IsNegated(W{"no", "fever"}, 1, lex));
  EXPECT_TRUE(IsNegated(W{"do", "not", "have", "fever"}, 3, lex));
  EXPECT_FALSE(
      IsNegated(W{"not", "at", "all", "well", "now", "high", "fever"}, 5, lex));
  EXPECT_FALSE(IsNegated(W{"fever"}, 0, lex));
  EXPECT_FALSE(IsNegated(W{"no", "fever", "but", "jaundice"}, 3, lex));
}

}  // namespace
}  // namespace faqbot::intents

namespace faqbot::intents {
namespace {

// How the first red flag of `text` was told, or "none".
std::string Told(const Matcher& m, std::string_view text) {
  const Signals s = m.Match(text);
  if (s.red_flags.empty()) return "none";
  if (s.urgent()) return "urgent";
  return std::string(TellingName(s.red_flags.front().telling));
}

TEST_F(RedFlags, OnlyASignHappeningNowIsUrgent) {
  const struct {
    const char* text;
    const char* told;
  } cases[] = {
      // Asked about in general, naming no one.
      {"Can an infected kidney stone be associated with high fever?",
       "asked in general"},
      {"What should I do if I get severe pain?", "asked in general"},
      // Over, or long ago.
      {"I recently had a very painful kidney stone. What can I do to prevent "
       "another?",
       "past"},
      {"My brother was rushed to hospital with severe pains. Fortunately he "
       "recovered.",
       "past"},
      // Going on for a year: not of today.
      {"I feel something swollen in my belly for the last year",
       "as lasting months or years"},
      // Coming back with a cycle, unless the message tells it now.
      {"My daughter has very painful periods", "as lasting months or years"},
      {"Feels like really bad menstrual cramps. And now the pain moved.",
       "urgent"},
      {"I am bleeding so heavily with my periods that I soak a pad every hour",
       "urgent"},
      // Now: told of oneself, recent, or with no time at all.
      {"About an hour ago I got really sharp pains and I couldn't breathe",
       "urgent"},
      {"What does it mean when my stools are black and tarry?", "urgent"},
      {"I have fatty liver and this morning I vomited blood.", "urgent"},
      {"I've been throwing up all night and can't keep even water down.",
       "urgent"},
      {"I haven't passed any urine since this morning", "urgent"},
      // Words, not stems: "several" is not "severe".
      {"I've been having this pain for several months already", "none"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Told(matcher_, c.text), c.told) << c.text;
  }
}

// A pack over `advice`'s warning signs and an article sentence that
// tells of blood in the urine as ordinary.
Matcher WithArticle(const std::vector<std::string>& signs) {
  Matcher m(faqbot::testing::TestLexicon());
  m.AddIntent("stones");
  m.AddKeywords(0, "kidney stones", 3.0, "title");
  for (const auto& sign : signs) m.AddWarningSign(sign, sign, "advice");
  EXPECT_TRUE(m.Compile());
  m.MarkUsualCourse(
      {"A stone moving down causes cramping pain, often with nausea and "
       "blood in the urine."},
      signs);
  return m;
}

TEST(RedFlagsOfAnArticle, ASignTheArticleDescribesIsNotUrgentAlone) {
  const Matcher m = WithArticle({"fever or chills"});
  const Signals s =
      m.Match("there is blood in my urine while the stone passes");
  EXPECT_EQ(s.urgent(), nullptr);
  ASSERT_NE(s.told(), nullptr);
  EXPECT_TRUE(s.told()->usual);
  // Fainting is no part of a stone's course.
  EXPECT_NE(m.Match("my urine is red and I nearly fainted").urgent(), nullptr);
}

TEST(RedFlagsOfAnArticle, TheAdvicesWarningSignsAreRedFlags) {
  const Matcher m =
      WithArticle({"fever or chills", "yellowing of the skin or eyes",
                   "blood in the urine"});
  for (const char* text : {"I'm shaking with chills", "my skin is yellowing",
                           "there is blood in my urine"}) {
    const Signals s = m.Match(text);
    EXPECT_TRUE(std::any_of(
        s.red_flags.begin(), s.red_flags.end(),
        [](const RedFlagHit& h) { return h.urgent() && h.origin == "advice"; }))
        << text;
  }
  // One word of a two-part sign is not the sign.
  EXPECT_EQ(m.Match("my eyes are tired").urgent(), nullptr);
  EXPECT_EQ(m.Match("I have no fever or chills").urgent(), nullptr);
}

// "New high blood pressure": all but one of a long sign's words make it,
// but never without its qualifier ([sign-qualifiers]).
TEST(RedFlagsOfAnArticle, ASignsQualifierMustBeTold) {
  const Matcher m = WithArticle({"new high blood pressure with a headache"});
  EXPECT_NE(m.Match("I have new high blood pressure").urgent(), nullptr);
  EXPECT_EQ(m.Match("I have high blood pressure with a headache").urgent(),
            nullptr);
}

// "Since this morning I see flashes of light": a word of onset
// ([onset-words]) tells the sign as new.
TEST(RedFlagsOfAnArticle, AnOnsetWordTellsTheSignAsNew) {
  const Matcher m = WithArticle({"new flashes of light"});
  EXPECT_NE(m.Match("since this morning I see flashes of light").urgent(),
            nullptr);
  EXPECT_EQ(m.Match("I see flashes of light when I rub my eyes").urgent(),
            nullptr);
}

// "A sudden shower of new floaters" where the article tells "a sudden new
// floater" as its usual course: a message without the very word the
// description lacks ("shower") is that description, not the sign.
TEST(RedFlagsOfAnArticle, ASignTheDescriptionTellsButForOneWordNeedsThatWord) {
  Matcher m(faqbot::testing::TestLexicon());
  m.AddIntent("floaters");
  m.AddKeywords(0, "eye floaters", 3.0, "title");
  const std::vector<std::string> signs = {"a sudden shower of new floaters"};
  m.AddWarningSign(signs[0], signs[0], "advice");
  ASSERT_TRUE(m.Compile());
  m.MarkUsualCourse({"As the gel pulls away, it causes a sudden new floater."},
                    signs);
  EXPECT_EQ(m.Match("yesterday I suddenly saw a new floater").urgent(),
            nullptr);
  EXPECT_NE(m.Match("I suddenly see a shower of new floaters").urgent(),
            nullptr);
}

}  // namespace
}  // namespace faqbot::intents
