#include "dialogs/dialog_runner.h"

#include <gtest/gtest.h>

#include "bot/pack_loader.h"
#include "dialogs/document.h"
#include "dialogs/intents_file.h"
#include "dialogs/navigation.h"
#include "intents/normalizer.h"
#include "tests/support/test_lexicon.h"

namespace faqbot::dialogs {
namespace {

class DialogRunnerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto pack =
        bot::LoadPack(std::string(FAQBOT_SOURCE_DIR) + "/tests/fixtures/liver");
    ASSERT_TRUE(pack) << pack.error().message;
    pack_ = *pack;
  }
  // "kind node" of the reply to `text` in the running session.
  std::string Say(std::string_view text) {
    auto r = DialogRunner(pack_.get()).Step(&state_, {std::string(text), ""});
    EXPECT_TRUE(r);
    last_ = r ? *r : Reply{};
    return std::string(ReplyKindName(last_.kind)) + " " + last_.node;
  }
  std::shared_ptr<const Pack> pack_;
  DialogState state_;
  Reply last_;
};

TEST_F(DialogRunnerTest, WelcomeOffersTheSections) {
  const Reply r = DialogRunner(pack_.get()).Welcome(&state_);
  EXPECT_EQ(r.choices.size(), 5u);
  EXPECT_EQ(state_.choices.size(), 5u);
}

TEST_F(DialogRunnerTest, NumberPicksAnOfferedChoice) {
  EXPECT_EQ(Say("what causes liver calcification?"), "answer overview");
  EXPECT_EQ(Say("2"), "answer parasitic-infection");
  EXPECT_EQ(Say("how is that treated?"),
            "answer parasitic-infection.treatment");
}

// "What is Gilbert's syndrome, and is it a precursor to cancer?": after a
// thing the article lacks, a question that points back at it with only
// the title's words ("precursor") asks about that thing too.
TEST_F(DialogRunnerTest, ItAfterAnUncoveredThingIsThatThing) {
  EXPECT_EQ(Say("What is Gilbert's syndrome and is it a precursor to cancer?"),
            "fallback ");
  for (const auto& part : last_.parts) {
    EXPECT_EQ(part.kind, ReplyKind::kFallback) << part.text;
  }
}

TEST_F(DialogRunnerTest, NumberWordsAndOrdinalsPickToo) {
  Say("what causes it");
  EXPECT_EQ(Say("the fourth one"), "answer chronic-hepatitis");
  Say("menu");
  EXPECT_EQ(Say("option two"), "answer parasitic-infection");
}

TEST_F(DialogRunnerTest, OutOfRangeNumberAsksAgain) {
  Say("what causes it");
  EXPECT_EQ(Say("9"), "clarify ");
  EXPECT_NE(last_.text.find("no option 9"), std::string::npos);
  EXPECT_EQ(last_.choices.size(), 5u);
}

TEST_F(DialogRunnerTest, FollowUpKeepsTheTopic) {
  EXPECT_EQ(Say("can hepatitis cause calcification"),
            "answer chronic-hepatitis.cause");
  EXPECT_EQ(Say("what medicine is used for it?"),
            "answer chronic-hepatitis.treatment");
}

TEST_F(DialogRunnerTest, TopicSwitchThenFollowUp) {
  EXPECT_EQ(Say("tell me about bile duct stones"),
            "answer intrahepatic-bile-duct-stones");
  EXPECT_EQ(Say("and what about parasites?"), "answer parasitic-infection");
  EXPECT_EQ(Say("treatment?"), "answer parasitic-infection.treatment");
}

TEST_F(DialogRunnerTest, BackReturnsToThePreviousAnswer) {
  Say("what causes it");
  Say("2");
  Say("how is that treated?");
  EXPECT_EQ(Say("back"), "answer parasitic-infection");
  EXPECT_EQ(Say("back"), "answer overview");
}

TEST_F(DialogRunnerTest, StartOverClearsTheTopic) {
  Say("parasites in the liver");
  EXPECT_EQ(Say("start over"), "smalltalk ");
  EXPECT_EQ(state_.topic, "");
  EXPECT_EQ(last_.choices.size(), 5u);
}

TEST_F(DialogRunnerTest, NavigationWordsAmidFiller) {
  Say("parasites in the liver");
  EXPECT_EQ(Say("back to the menu"), "smalltalk ");
  EXPECT_EQ(last_.intent, "nav.menu");
  EXPECT_EQ(Say("go to the main menu please"), "smalltalk ");
  EXPECT_EQ(last_.intent, "nav.menu");
}

TEST_F(DialogRunnerTest, GeneralFacetQuestionsUseTheWholeArticle) {
  EXPECT_EQ(Say("how do you treat liver calcification"),
            "clarify all.treatment");
  EXPECT_GE(last_.choices.size(), 3u);
  EXPECT_EQ(Say("what symptoms does it cause"), "answer all.symptoms");
  EXPECT_EQ(Say("what is hepatic calcification"), "answer overview.definition");
  EXPECT_EQ(Say("My scan showed liver calcification. I can't seem to find "
                "out what this is. Can you help me understand?"),
            "answer overview.definition");
}

// A yes/no question across sections has its answer in their parts; "how
// is it treated?" (or a request to explain it) still offers the cases.
TEST_F(DialogRunnerTest, AYesNoQuestionAcrossSectionsIsAnswered) {
  // The part that says no ("specific treatment may not be necessary")
  // opens the answer; the sections whose words the question meets
  // ("removed": surgical removal of the cysts) follow.
  EXPECT_EQ(Say("does liver calcification need to be treated?"),
            "answer congenital-developmental-abnormalities.treatment");
  EXPECT_GE(last_.parts.size(), 2u);
  EXPECT_EQ(Say("does a liver calcification need to be removed?"),
            "answer congenital-developmental-abnormalities.treatment");
  ASSERT_GE(last_.parts.size(), 2u);
  EXPECT_EQ(last_.parts[1].node, "parasitic-infection.treatment") << last_.text;
  EXPECT_EQ(Say("could you explain how liver calcification is treated?"),
            "clarify all.treatment");
  // After the asker's story, which is what the choice would ask about.
  EXPECT_EQ(Say("My scan last week showed liver calcification and I am "
                "worried. How is it treated?"),
            "answer parasitic-infection.treatment");
  EXPECT_GE(last_.parts.size(), 2u);
}

TEST_F(DialogRunnerTest, RedFlagsComeFirstInAnyState) {
  Say("what causes liver calcification");
  EXPECT_EQ(Say("I'm throwing up blood right now"), "escalation ");
  EXPECT_EQ(last_.intent, "redflag.vomiting-blood");
  EXPECT_TRUE(last_.choices.empty());
}

// The urgent reply offers no list of its own: the one on screen before it
// is still what a number picks from (not "there are no options").
TEST_F(DialogRunnerTest, AfterAnUrgentReplyANumberPicksFromTheListOnScreen) {
  EXPECT_EQ(Say("what causes liver calcification?"), "answer overview");
  EXPECT_EQ(Say("I'm throwing up blood right now"), "escalation ");
  EXPECT_EQ(Say("2"), "answer parasitic-infection");
}

// "back" after an urgent reply leads to the answer on screen before it,
// not to the one before that; and the step after works as usual.
TEST_F(DialogRunnerTest, BackAfterAnUrgentReplyShowsTheAnswerBeforeIt) {
  Say("what causes liver calcification?");
  Say("2");
  EXPECT_EQ(Say("how is it treated?"), "answer parasitic-infection.treatment");
  EXPECT_EQ(Say("I'm throwing up blood right now"), "escalation ");
  EXPECT_EQ(Say("back"), "answer parasitic-infection.treatment");
  EXPECT_EQ(Say("back"), "answer parasitic-infection");
  // Two urgent replies in a row leave one mark; an answer after it ends it.
  Say("I'm throwing up blood right now");
  Say("I'm throwing up blood right now");
  EXPECT_EQ(Say("1"), "answer parasitic-infection.cause");
  EXPECT_EQ(Say("back"), "answer parasitic-infection");
}

TEST_F(DialogRunnerTest, OutOfScopeFallsBackWithoutInheritingTheTopic) {
  Say("parasites in the liver");
  EXPECT_EQ(Say("what's the capital of France"), "fallback ");
  EXPECT_EQ(Say("what causes kidney stones"), "fallback ");
  EXPECT_EQ(Say("is liver calcification safe during pregnancy"), "fallback ");
  EXPECT_EQ(Say("how many mg of albendazole should I take"), "fallback ");
  EXPECT_EQ(Say("can you read my ct report"), "fallback ");
  EXPECT_FALSE(last_.choices.empty());  // the menu is offered
}

// What no article of this subject answers, told the way people tell it.
// A question joined to one about another condition ("..., and which
// tablets should I take?") asks about that condition too; joined to one
// about the article's subject, or to a scope word such as "size", it is
// answered.
TEST_F(DialogRunnerTest, AQuestionJoinedToAnUncoveredConditionIsAboutItToo) {
  // The second question is refused as the first is, and the same refusal
  // is said once (not "does not cover kidney" twice).
  Say("Could it be a kidney stone, and which tablets should I take?");
  EXPECT_EQ(last_.kind, ReplyKind::kFallback) << last_.text;
  ASSERT_EQ(last_.parts.size(), 1u) << last_.text;
  EXPECT_EQ(last_.parts[0].not_covered, "kidney");

  Say("Is it cancer, and which tablets treat calcification?");
  ASSERT_EQ(last_.parts.size(), 2u);
  EXPECT_NE(last_.parts[1].kind, ReplyKind::kFallback) << last_.parts[1].text;

  Say("How big can it get, and which tablets should I take?");
  ASSERT_EQ(last_.parts.size(), 2u);
  EXPECT_EQ(last_.parts[0].not_covered, "size");
  EXPECT_NE(last_.parts[1].kind, ReplyKind::kFallback) << last_.parts[1].text;
}

TEST_F(DialogRunnerTest, ConditionsPatientsAndRequestsTheArticleLacks) {
  // A condition asked after, though the question names the subject too.
  EXPECT_EQ(Say("I have liver calcification, does this mean I have "
                "Wilson disease?"),
            "fallback ");
  EXPECT_NE(last_.not_covered.find("wilson"), std::string::npos);
  // Who the patient is, told in the story, holds for its questions...
  EXPECT_EQ(Say("I am seven weeks pregnant and an ultrasound showed a liver "
                "calcification. What should I do? Is it serious?"),
            "fallback ");
  EXPECT_EQ(last_.not_covered.substr(0, 8), "pregnant");
  EXPECT_EQ(Say("I am in my eighth week of pregnancy and an ultrasound found "
                "a liver calcification. What should I do?"),
            "fallback ");
  // ...unless one of them asks about it apart.
  const std::string apart =
      Say("I'm pregnant and a scan showed a calcification in my liver. What "
          "causes liver calcification? Is it safe during pregnancy?");
  EXPECT_EQ(apart.substr(0, 6), "answer") << last_.text;
  // An animal that has the finding is the patient; one only told of is
  // not.
  EXPECT_EQ(Say("My dog has a calcification in his liver. Is it serious?"),
            "fallback ");
  EXPECT_EQ(last_.not_covered, "dog");
  EXPECT_EQ(Say("I walk my dog every day. What causes liver calcification?")
                .substr(0, 6),
            "answer");
  // One told of as doing something, then asked about, is the patient too.
  EXPECT_EQ(Say("My dog keeps licking his side. Could he have a liver "
                "calcification?"),
            "fallback ");
  // A past state is not who the patient is now.
  EXPECT_NE(Say("Since my second pregnancy I have a calcification in my "
                "liver. What causes liver calcification?"),
            "fallback ");
  // The finding placed in another organ by the story, and asked after.
  EXPECT_EQ(Say("A scan found a calcification on my spleen. I would like to "
                "ask if there is a relationship between splenic "
                "calcifications and cancer. Is there a possibility that it "
                "could progress to cancer?"),
            "fallback ");
  EXPECT_NE(last_.not_covered.find("spleen"), std::string::npos)
      << last_.not_covered;
  // The subject named bare after a story that put it in another organ
  // is that one; after a story about the article's own, the article's.
  EXPECT_EQ(Say("My check-up report says splenic calcification. How serious "
                "is this, and what does calcification mean?"),
            "fallback ");
  EXPECT_EQ(Say("My check-up report says liver calcification. What does "
                "calcification mean?")
                .substr(0, 6),
            "answer");
  EXPECT_EQ(Say("My prostate ultrasound shows calcifications. What causes "
                "them?"),
            "fallback ");
  // A story naming a heading's word (chronic hepatitis, a cause) beside a
  // finding the article does not name is about the finding; beside the
  // title's subject, about the article.
  EXPECT_EQ(Say("I am a hepatitis B carrier and a CT found a mass of about "
                "3 cm. What does that mean?"),
            "fallback ");
  EXPECT_EQ(Say("I am a hepatitis B carrier and a CT found a calcification "
                "in my liver. What does that mean?")
                .substr(0, 6),
            "answer");
  EXPECT_EQ(Say("which hospital is best for liver calcification in Delhi?"),
            "fallback ");
  // Any specialist by the word's ending, asked which is best; a
  // specialist beside "in" asks no recommendation.
  EXPECT_EQ(Say("which cardiologist is best for liver calcification?"),
            "fallback ");
  EXPECT_EQ(last_.not_covered, "a recommendation of a doctor or hospital");
  EXPECT_EQ(Say("what did the radiologist mean in my report about the liver "
                "calcification?")
                .substr(0, 6),
            "answer");
  // A drink the article never speaks of, though "alcohol" cues lifestyle.
  EXPECT_EQ(Say("Will drinking beer help my liver calcification go away?"),
            "fallback ");
  EXPECT_EQ(last_.not_covered, "beer");
}

TEST_F(DialogRunnerTest, SmallTalk) {
  EXPECT_EQ(Say("hello"), "smalltalk ");
  EXPECT_NE(last_.text.find("Hello"), std::string::npos);
  Say("are you a doctor?");
  EXPECT_NE(last_.text.find("not a doctor"), std::string::npos);
  Say("thanks!");
  EXPECT_NE(last_.text.find("welcome"), std::string::npos);
}

TEST_F(DialogRunnerTest, CloseTopicsAskWhichOne) {
  EXPECT_EQ(Say("calcium salt deposits"), "clarify ");
  EXPECT_GE(last_.choices.size(), 2u);
  EXPECT_LE(last_.choices.size(), 4u);
}

TEST_F(DialogRunnerTest, UnknownChoiceIdIsAnError) {
  auto r = DialogRunner(pack_.get()).Step(&state_, {"", "no-such-node"});
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("unknown choice id"), std::string::npos);
}

// "How long does it take?" goes to the section that says how long
// ("can still pass within a few weeks"), though another section's words
// (urinary infections) score higher.
TEST(AspectTopic, TheSectionThatSpeaksToTheAspectAsked) {
  auto pack =
      bot::LoadPack(std::string(FAQBOT_SOURCE_DIR) + "/content/kidney-stones");
  ASSERT_TRUE(pack) << pack.error().message;
  const auto node = [&](std::string_view text) {
    DialogState state;
    auto r = DialogRunner(pack->get()).Step(&state, {std::string(text), ""});
    return r ? r->node : "error";
  };
  EXPECT_EQ(node("What is the usual time for a urinary stone to pass?"),
            "stones-passing-down-the-ureter");
  // Asking no aspect, the words decide as before.
  EXPECT_EQ(node("What about a stone with a urinary infection?"),
            "stones-with-infection");
}

// The overview leads on the title's words alone; the one section whose
// sentences speak to the aspect asked ("typically progresses slowly")
// answers "can it get bigger?".
TEST_F(DialogRunnerTest, TheOneSectionOnAnAspectOutranksTheOverview) {
  EXPECT_EQ(Say("Can calcifications in the liver get bigger?").substr(0, 6),
            "answer");
  EXPECT_EQ(last_.node, "precursor-to-liver-cancer");
  EXPECT_TRUE(last_.caveat.empty()) << last_.caveat;
}

// "What size...?" is a reader's own number to an article that gives no
// sizes (the liver fixture: "how big can it get" is not covered, above);
// an article that gives them ("larger than 10 millimetres") answers it.
TEST(SizeAsked, AnsweredByAnArticleThatGivesSizes) {
  auto pack = bot::LoadPack(std::string(FAQBOT_SOURCE_DIR) +
                            "/content/gallbladder-polyps");
  ASSERT_TRUE(pack) << pack.error().message;
  DialogState state;
  auto r = DialogRunner(pack->get())
               .Step(&state, {"At what size does a gallbladder polyp have to "
                              "be removed?",
                              ""});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->kind, ReplyKind::kAnswer) << r->text;
  EXPECT_NE(r->text.find("10 millimetres"), std::string::npos) << r->text;
}

// A story of nothing but one's own values, asked about by pointing back,
// asks to read them: no article answers that. Told beside the article's
// subject, the subject is asked about.
TEST_F(DialogRunnerTest, OnlyValuesToldAskToReadThem) {
  EXPECT_EQ(Say("My ALT is 120 and AST 80. What does that mean?"), "fallback ");
  EXPECT_EQ(last_.intent, "fallback.personal");
  EXPECT_EQ(Say("My AFP was 17. Is that normal?"), "fallback ");
  EXPECT_EQ(last_.intent, "fallback.personal");
  EXPECT_EQ(Say("My AFP was 17 and the scan showed a calcification in my "
                "liver. Is that normal?")
                .substr(0, 6),
            "answer");
}

// "Gall bladder" written apart is the gallbladder, not the bladder (an
// organ the article never names).
TEST(SplitWords, GallBladderIsTheGallbladder) {
  auto pack = bot::LoadPack(std::string(FAQBOT_SOURCE_DIR) +
                            "/content/gallbladder-polyps");
  ASSERT_TRUE(pack) << pack.error().message;
  for (const char* text :
       {"do gall bladder polyps need surgery?",
        "I have a polyp in my gall bladder, is it cancer?"}) {
    DialogState state;
    auto r = DialogRunner(pack->get()).Step(&state, {text, ""});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->kind, ReplyKind::kAnswer) << text << ": " << r->text;
  }
}

// After a story that names a section's case, a question that names
// nothing asks about that case: "do I need to do anything?" (a follow-up
// cue) and "what do you think?" (no cue at all).
TEST(StoryQuestionNamingNothing, IsAskedOfTheStorysSection) {
  auto pack = bot::LoadPack(std::string(FAQBOT_SOURCE_DIR) +
                            "/content/gallbladder-polyps");
  ASSERT_TRUE(pack) << pack.error().message;
  for (const char* question :
       {"Do I need to do anything?", "What do you think?"}) {
    DialogState state;
    auto r = DialogRunner(pack->get())
                 .Step(&state, {std::string("I have several small polyps in "
                                            "my gallbladder, the largest is "
                                            "4 mm. ") +
                                    question,
                                ""});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->kind, ReplyKind::kAnswer) << question << ": " << r->text;
    EXPECT_EQ(r->node.rfind("cholesterol-polyps", 0), 0u)
        << question << ": " << r->node;
  }
}

// Two processes (or one restarted) compiling the same files must agree on
// the generation, so a session shared through Redis is checked against
// the pack whenever its content changed, and only then.
TEST_F(DialogRunnerTest, GenerationIdentifiesTheContent) {
  auto again =
      bot::LoadPack(std::string(FAQBOT_SOURCE_DIR) + "/tests/fixtures/liver");
  ASSERT_TRUE(again);
  EXPECT_EQ((*again)->generation, pack_->generation);
  auto other = bot::LoadPack(std::string(FAQBOT_SOURCE_DIR) +
                             "/content/gallbladder-polyps");
  ASSERT_TRUE(other);
  EXPECT_NE((*other)->generation, pack_->generation);
}

// A state that names nodes the pack does not have, although it claims to
// have been checked against it (a record edited by hand, or written by an
// instance with a colliding generation), restarts with a notice: never an
// exception.
TEST_F(DialogRunnerTest, VanishedIdsRestartWithANotice) {
  for (const char* text : {"2", "back"}) {
    state_ = {};
    state_.node = "gone";
    state_.choices = {"gone", "gone.treatment"};
    state_.history = {"gone-before", "gone"};
    state_.pack = pack_->generation;
    Result<Reply> r = std::unexpected(Error::InvalidArgument(""));
    EXPECT_NO_THROW(r = DialogRunner(pack_.get()).Step(&state_, {text, ""}))
        << text;
    ASSERT_TRUE(r) << text;
    EXPECT_FALSE(r->notice.empty()) << text;
    EXPECT_EQ(state_.node.find("gone"), std::string::npos) << text;
  }
}

TEST_F(DialogRunnerTest, PressedChoiceAnswersThatNode) {
  auto r = DialogRunner(pack_.get())
               .Step(&state_, {"", "chronic-hepatitis.treatment"});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->node, "chronic-hepatitis.treatment");
  EXPECT_EQ(r->source->section, 4);
}

}  // namespace
}  // namespace faqbot::dialogs

namespace faqbot::dialogs {
namespace {

// `article` (the seed's shape) compiled with the test lexicon.
std::shared_ptr<const Pack> ArticlePack(const std::string& name,
                                        const std::string& article) {
  auto doc = ParseDocument(article, "article.txt");
  EXPECT_TRUE(doc) << doc.error().message;
  if (!doc) return nullptr;
  auto pack =
      CompilePack(name, *std::move(doc), {}, faqbot::testing::TestLexicon());
  EXPECT_TRUE(pack) << pack.error().message;
  return pack ? *pack : nullptr;
}

// The reply of a new conversation to `text` from the uterine fibroid
// article of eval/articles (outside the library: an article the engine
// was not tuned on).
Reply FibroidReply(const std::string& text) {
  static const auto pack = bot::LoadPack(std::string(FAQBOT_SOURCE_DIR) +
                                         "/eval/articles/uterine-fibroids");
  EXPECT_TRUE(pack) << pack.error().message;
  if (!pack) return {};
  auto r = DialogRunner(pack->get()).AskNew(text);
  EXPECT_TRUE(r) << r.error().message;
  return r ? *r : Reply{};
}

// A short article of the seed's shape, about kidney stones.
std::shared_ptr<const Pack> StonesPack() {
  return ArticlePack(
      "stones",
      "Are kidney stones dangerous?\n"
      "Kidney stones are hard lumps of minerals. Size decides the "
      "treatment. Specific situations are as follows:\n"
      "1. Small stones\n"
      "Stones smaller than 5 millimetres often cause no symptoms. Most "
      "pass on their own.\n"
      "2. Recurrent stones\n"
      "Half of people with one stone form another. Low fluid intake and "
      "salty food raise the risk. Birth control pills may be suggested to "
      "prevent new ones.\n"
      "Drink plenty of water and keep normal calcium from food such as "
      "milk. See a doctor promptly for severe pain or fever.\n");
}

// The facet's sentences when they hold what is asked; the whole section
// (or advice) when the sentence the question's words meet in is elsewhere.
TEST(DialogRunnerPassages, TheAnswerHoldsTheSentenceTheQuestionMeets) {
  const auto pack = StonesPack();
  const auto ask = [&](const std::string& text) {
    auto r = DialogRunner(pack.get()).AskNew(text);
    EXPECT_TRUE(r);
    return r ? *r : Reply{};
  };
  const Reply milk = ask("Is milk harmful for people with kidney stones?");
  EXPECT_NE(milk.text.find("such as milk"), std::string::npos) << milk.text;
  const Reply pills = ask("Why was I given birth control pills for stones?");
  EXPECT_NE(pills.text.find("Birth control pills"), std::string::npos)
      << pills.text;
  EXPECT_EQ(pills.source->section, 2);
}

// Two sections score close ("pregnancy" names one, "myomectomy" is in the
// other): the one whose sentence holds both answers, no clarify.
TEST(DialogRunnerPassages, OfCloseSectionsTheSentenceBothWordsMeetAnswers) {
  const auto pack = ArticlePack(
      "fibroids",
      "What are fibroids?\n"
      "Fibroids are growths of the womb. Details are as follows:\n"
      "1. Fibroids and pregnancy\n"
      "A fibroid can make it harder to become pregnant.\n"
      "2. Treatment options\n"
      "A myomectomy removes only the fibroids, so a pregnancy remains "
      "possible. A hysterectomy removes the womb.\n"
      "Keep your check-ups.\n");
  ASSERT_TRUE(pack);
  auto r = DialogRunner(pack.get())
               .AskNew("Can I still have children after a myomectomy?");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->kind, ReplyKind::kAnswer) << r->text;
  ASSERT_TRUE(r->source);
  EXPECT_EQ(r->source->section, 2);
}

// "What should I do?" after a story that chose a section with no check-up
// advice of its own: the section says what is done; asked alone, the
// general advice answers.
TEST(DialogRunnerFacets, WhatToDoAfterAStoryIsTheStorysSection) {
  EXPECT_NE(FibroidReply("I'm hoping to get pregnant and just found out I "
                         "have a small fibroid in my uterus. What should I "
                         "do?")
                .text.find("removed before trying"),
            std::string::npos);
  EXPECT_EQ(FibroidReply("What should I do?").text.find("removed before"),
            std::string::npos);
}

// A story that names a section, and a question that names the subject and
// asks its risk, which that section does not tell: the article as a whole.
TEST(DialogRunnerFacets, TheSubjectsRiskAskedAfterAStoryIsTheArticles) {
  EXPECT_NE(FibroidReply("I'm 42 and anaemic from heavy periods, and iron "
                         "pills haven't fixed it. Aren't fibroids cancer?")
                .text.find("almost never become cancer"),
            std::string::npos);
}

// A story whose words meet one section's sentence ("sudden pain ... for
// some days"), and a question of nothing but pointing back: that section
// answers.
TEST(DialogRunnerPassages, PointingBackToAStoryMeetingOneSentence) {
  EXPECT_NE(FibroidReply("I suddenly have pain over my fibroid that has "
                         "lasted three days. What could it be?")
                .text.find("blood supply fails"),
            std::string::npos);
}

// A yes/no question answered across sections opens with the part that
// says the facet is not needed: "no" is the answer's first word.
TEST(DialogRunnerFacets, AYesOrNoAnswerOpensWithThePartThatSaysNo) {
  const Reply r = FibroidReply("Do all fibroids need to be removed?");
  ASSERT_FALSE(r.parts.empty()) << r.text;
  EXPECT_NE(r.parts[0].text.find("need no treatment"), std::string::npos)
      << r.text;
}

// A section with nothing on treatment gives way to the section whose
// heading names treatment; a heading that names it denied does not.
TEST(DialogRunnerFacets, TheSectionNamedForAFacetAnswersItForTheOthers) {
  const auto pack = ArticlePack(
      "hemangioma",
      "Is a liver hemangioma dangerous?\n"
      "A liver hemangioma is a benign lump of blood vessels.\n"
      "1. Large hemangiomas without symptoms\n"
      "Hemangiomas larger than 5 centimetres can press on nearby organs and "
      "cause fullness.\n"
      "2. Treatment options\n"
      "Treatment is considered when a hemangioma keeps growing. The usual "
      "treatment is surgery; embolisation is another option.\n");
  ASSERT_TRUE(pack);
  auto r =
      DialogRunner(pack.get()).AskNew("How are large hemangiomas treated?");
  ASSERT_TRUE(r);
  EXPECT_NE(r->text.find("embolisation"), std::string::npos) << r->text;
  EXPECT_NE(r->text.find("Its section on treatment"), std::string::npos)
      << r->text;
  ASSERT_TRUE(r->source);
  EXPECT_EQ(r->source->section, 2);
}

// "Is there a remedy that can dissolve gallstones?": the "that" of a
// clause about a word points back at nothing; "is that normal?" does.
TEST(Pronouns, AThatOpeningAClausePointsBackAtNothing) {
  const auto& lex = *faqbot::testing::TestLexicon();
  const auto words = [&](std::string_view text) {
    return intents::Normalize(text, lex);
  };
  EXPECT_FALSE(
      HasPronoun(words("is there a remedy that can dissolve gallstones"), lex));
  EXPECT_FALSE(PointsBack(words("a stone which is stuck"), lex));
  EXPECT_TRUE(HasPronoun(words("is that normal"), lex));
  EXPECT_TRUE(PointsBack(words("what does that mean"), lex));
}

}  // namespace
}  // namespace faqbot::dialogs
