#include "intents/matcher.h"

#include <gtest/gtest.h>

#include "tests/support/test_lexicon.h"

namespace faqbot::intents {
namespace {

class MatcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    overview_ = m_.AddIntent("overview");
    worms_ = m_.AddIntent("worms");
    stones_ = m_.AddIntent("stones");
    m_.SetSubject(overview_, "Is liver calcification dangerous?");
    m_.AddKeywords(overview_, "Is liver calcification dangerous?", 3, "title");
    m_.AddKeywords(worms_, "Parasitic infection", 3, "heading");
    m_.AddKeywords(worms_, "Hydatid cysts in the liver; take albendazole.", 1,
                   "text");
    m_.AddKeywords(stones_, "Bile duct stones", 3, "heading");
    m_.AddKeywords(stones_, "Stones in the liver need treatment.", 1, "text");
    ASSERT_TRUE(m_.AddPattern(stones_, "(bile|biliary) ... stone", 2, "test"));
    ASSERT_TRUE(m_.Compile());
  }
  int Best(std::string_view text) {
    const Signals s = m_.Match(text);
    return s.candidates.empty() ? -1 : s.candidates[0].intent;
  }
  Matcher m_{faqbot::testing::TestLexicon()};
  int overview_ = 0, worms_ = 0, stones_ = 0;
};

TEST_F(MatcherTest, RanksByDistinctiveWords) {
  EXPECT_EQ(Best("can worms do this"), worms_);  // synonym
  EXPECT_EQ(Best("what about hydatid cysts"), worms_);
  EXPECT_EQ(Best("albendazol?"), worms_);      // typo
  EXPECT_EQ(Best("biliary stones"), stones_);  // pattern
  EXPECT_EQ(Best("is it dangerous"), overview_);
}

// A message's sentences read whole are kept for its parts: a question
// read again finds its sentence's reading there, and its signals are
// what reading it afresh gives (spelling corrected as before). A text of
// one sentence is not kept; a reading without correction keeps nothing.
TEST_F(MatcherTest, AMessagesSentencesAreReadOnceForItsParts) {
  const std::string story = "My doctor found stones in my bile duct.";
  const std::string question = "Do they need albendazol?";
  SentenceAnalyses sentences;
  m_.Match(story + " " + question, true, false, &sentences);
  ASSERT_NE(sentences.Find(story), nullptr);
  ASSERT_NE(sentences.Find(question), nullptr);
  for (const auto& part : {story, question}) {
    const Signals kept = m_.Match(part, true, false, &sentences);
    const Signals fresh = m_.Match(part);
    EXPECT_EQ(kept.analysis.terms, fresh.analysis.terms) << part;
    EXPECT_EQ(kept.analysis.corrections.size(),
              fresh.analysis.corrections.size());
    ASSERT_FALSE(kept.candidates.empty());
    EXPECT_EQ(kept.candidates[0].intent, fresh.candidates[0].intent);
    EXPECT_DOUBLE_EQ(kept.candidates[0].score, fresh.candidates[0].score);
  }
  EXPECT_EQ(m_.Match(question, true, false, &sentences).candidates[0].intent,
            worms_);
  SentenceAnalyses one, plain;
  m_.Match(question, true, false, &one);
  EXPECT_EQ(one.Find(question), nullptr);
  m_.Match(story + " " + question, false, false, &plain);
  EXPECT_EQ(plain.Find(story), nullptr);
}

// Read then Score is Match: a caller that scores only when asked (a
// message of several questions) sees the same candidates and facets; a
// text only read has its words and red flags, and no scores yet.
TEST_F(MatcherTest, ReadingThenScoringIsMatching) {
  for (const std::string text :
       {"My doctor found stones in my bile duct. Do they need albendazol?",
        "how are hydatid cysts treated", "is it dangerous"}) {
    Signals read = m_.Read(text);
    EXPECT_FALSE(read.analysis.terms.empty()) << text;
    EXPECT_TRUE(read.candidates.empty()) << text;
    m_.Score(text, &read);
    const Signals matched = m_.Match(text);
    ASSERT_EQ(read.candidates.size(), matched.candidates.size()) << text;
    ASSERT_FALSE(matched.candidates.empty()) << text;
    for (std::size_t i = 0; i < matched.candidates.size(); ++i) {
      EXPECT_EQ(read.candidates[i].intent, matched.candidates[i].intent);
      EXPECT_DOUBLE_EQ(read.candidates[i].score, matched.candidates[i].score);
    }
    EXPECT_EQ(read.facet(), matched.facet()) << text;
    EXPECT_EQ(read.analysis.terms, matched.analysis.terms) << text;
  }
}

TEST_F(MatcherTest, SubjectWordsCountLittleOutsideTheOverview) {
  const Signals s = m_.Match("liver");
  ASSERT_FALSE(s.candidates.empty());
  EXPECT_EQ(s.candidates[0].intent, overview_);
}

TEST_F(MatcherTest, ReportsFacetCues) {
  EXPECT_EQ(m_.Match("how is it treated").facet(), Facet::kTreatment);
  // Whether surgery takes an organ; not "lose weight".
  EXPECT_EQ(m_.Match("will i lose my liver").facet(), Facet::kTreatment);
  EXPECT_NE(m_.Match("should i lose weight").facet(), Facet::kTreatment);
  EXPECT_EQ(m_.Match("what causes it").facet(), Facet::kCause);
  // Whether two things told are related asks whether one comes of the
  // other.
  EXPECT_EQ(m_.Match("are the two related").facet(), Facet::kCause);
  EXPECT_EQ(m_.Match("could they be connected").facet(), Facet::kCause);
  EXPECT_EQ(m_.Match("what symptoms does it cause").facet(), Facet::kSymptoms);
  // What the subject causes is asked as its symptoms; what causes the
  // subject, as a cause.
  EXPECT_EQ(m_.Match("can liver calcification cause itching").facet(),
            Facet::kSymptoms);
  EXPECT_EQ(m_.Match("could it give me weight loss").facet(), Facet::kSymptoms);
  EXPECT_EQ(m_.Match("can worms cause liver calcification").facet(),
            Facet::kCause);
  EXPECT_EQ(m_.Match("can liver calcification cause cancer").facet(),
            Facet::kRisk);
  // How one knows one has it: found by examinations and scans.
  EXPECT_EQ(m_.Match("how do i know if i have it").facet(), Facet::kFollowUp);
  // "The food pipe" is the oesophagus, no word of diet.
  EXPECT_EQ(m_.Match("food is bad for it").facet(), Facet::kLifestyle);
  EXPECT_NE(m_.Match("it is near the food pipe").facet(), Facet::kLifestyle);
  // What makes it more likely is a cause (a risk factor).
  EXPECT_EQ(m_.Match("it is more likely with overweight and smoking").facet(),
            Facet::kCause);
  // So is what it comes with: age, changing hormones.
  EXPECT_EQ(m_.Match("it comes with age and changing hormones").facet(),
            Facet::kCause);
  // "A bad sign" asks whether it is dangerous; "signs" alone, symptoms.
  EXPECT_EQ(m_.Match("it grew, is that a bad sign").facet(), Facet::kRisk);
  EXPECT_EQ(m_.Match("what are the signs").facet(), Facet::kSymptoms);
  EXPECT_EQ(m_.Match("how often should I get checked").facet(),
            Facet::kFollowUp);
  EXPECT_EQ(m_.Match("what should I eat").facet(), Facet::kLifestyle);
  EXPECT_EQ(m_.Match("define it").facet(), Facet::kDefinition);
  EXPECT_EQ(m_.Match("hello").facet(), Facet::kNone);
}

TEST_F(MatcherTest, ReportsSmalltalk) {
  EXPECT_EQ(m_.Match("hi there").smalltalk, Smalltalk::kGreeting);
  EXPECT_EQ(m_.Match("thanks, that helps").smalltalk, Smalltalk::kThanks);
  EXPECT_EQ(m_.Match("bye").smalltalk, Smalltalk::kGoodbye);
  EXPECT_EQ(m_.Match("what can you do?").smalltalk, Smalltalk::kHelp);
  EXPECT_EQ(m_.Match("are you a doctor?").smalltalk, Smalltalk::kIdentity);
  EXPECT_EQ(m_.Match("see ya").smalltalk, Smalltalk::kGoodbye);
  EXPECT_EQ(m_.Match("ok thanks bye").smalltalk, Smalltalk::kGoodbye);
  EXPECT_EQ(m_.Match("what questions can I ask").smalltalk, Smalltalk::kHelp);
  EXPECT_EQ(m_.Match("is this a real doctor").smalltalk, Smalltalk::kIdentity);
  EXPECT_EQ(m_.Match("am I talking to a bot").smalltalk, Smalltalk::kIdentity);
  EXPECT_FALSE(m_.Match("stones").smalltalk);
}

TEST_F(MatcherTest, FlagsSubjectsThePackNeverMentions) {
  const SubjectCheck kidney = m_.CheckSubject("what causes kidney stones");
  EXPECT_EQ(kidney.uncovered, std::vector<std::string>{"kidney"});
  EXPECT_TRUE(kidney.decides);
  EXPECT_FALSE(m_.Match("is it safe in pregnancy").out_of_scope.empty());
  EXPECT_TRUE(m_.CheckSubject("what causes liver stones").uncovered.empty());
  // An everyday word naming a condition of an organ; an activity.
  EXPECT_EQ(m_.CheckSubject("how is fatty liver treated").uncovered,
            std::vector<std::string>{"fatty"});
  EXPECT_EQ(m_.CheckSubject("is it safe to fly with liver stones").uncovered,
            std::vector<std::string>{"fly"});
  EXPECT_TRUE(m_.CheckSubject("can I prevent liver stones").uncovered.empty());
  EXPECT_TRUE(
      m_.CheckSubject("is it safe to leave liver stones").uncovered.empty());
  EXPECT_TRUE(m_.Match("liver stones").out_of_scope.empty());
  EXPECT_TRUE(m_.Match("can you read my ct report").personal_advice);
  EXPECT_TRUE(m_.Match("how to read fibroscan results").personal_advice);
  // Telling what one did is not asking the bot to do it.
  EXPECT_FALSE(m_.Match("out of curiosity i checked the report and found a "
                        "lesion. should i worry?")
                   .personal_advice);
  // The subject's word set before another organ is not about the pack.
  const SubjectCheck pancreas =
      m_.CheckSubject("i have calcification pancreas");
  EXPECT_EQ(pancreas.uncovered, std::vector<std::string>{"pancreas"});
  EXPECT_FALSE(pancreas.about_pack);
  // ...and after it ("a pancreas calcification", "splenic hemangioma").
  const SubjectCheck before =
      m_.CheckSubject("is a pancreas calcification bad");
  EXPECT_EQ(before.uncovered, std::vector<std::string>{"pancreas"});
  EXPECT_FALSE(before.about_pack);
  // "In the left breast": a word that only says which one stands between.
  const SubjectCheck left =
      m_.CheckSubject("are calcifications in the left breast dangerous");
  EXPECT_FALSE(left.about_pack);
  EXPECT_TRUE(left.elsewhere);
  // What an examination of another organ found is in that organ...
  const SubjectCheck scan =
      m_.CheckSubject("my prostate ultrasound shows calcifications");
  EXPECT_EQ(scan.uncovered, std::vector<std::string>{"prostate"});
  EXPECT_FALSE(scan.about_pack);
  EXPECT_TRUE(m_.CheckSubject("a scan of my left breast found a calcification")
                  .elsewhere);
  // ...unless the words name the pack's own organ too.
  const SubjectCheck both = m_.CheckSubject(
      "my prostate ultrasound also showed a calcification in the liver");
  EXPECT_TRUE(both.about_pack);
  EXPECT_TRUE(both.own_organ);
  // What a yes/no question opens on is what it asks about: a finding the
  // pack never names decides there, beside the subject or not.
  const SubjectCheck opens =
      m_.CheckSubject("could the nodule just be from liver calcification");
  EXPECT_EQ(opens.uncovered, std::vector<std::string>{"nodule"});
  EXPECT_TRUE(opens.decides);
  EXPECT_FALSE(
      m_.CheckSubject("can liver calcification cause a nodule").decides);
  // ...unless it causes something: then the subject's cause is asked.
  EXPECT_FALSE(
      m_.CheckSubject("can a nodule cause liver calcification").decides);
  // "I have <a condition the pack never names>"; not "should I have".
  const SubjectCheck had = m_.CheckSubject("i have sarcoidosis and stones");
  EXPECT_TRUE(had.asks_condition);
  EXPECT_TRUE(had.decides);
  EXPECT_FALSE(m_.CheckSubject("should i have sarcoidosis treatment for "
                               "stones")
                   .asks_condition);
  // "Could <what I feel> be <a condition>?"; not "can it be removed?".
  EXPECT_TRUE(m_.CheckSubject("could my wrist pain be carpal tunnel syndrome")
                  .asks_condition);
  EXPECT_FALSE(
      m_.CheckSubject("can the calcification be removed").asks_condition);
}

TEST_F(MatcherTest, KeepsUnknownWordsForFallbackDecisions) {
  const Signals s = m_.Match("what's the capital of France");
  EXPECT_EQ(s.analysis.unknown,
            (std::vector<std::string>{"capital", "france"}));
}

TEST(Matcher, ReportsBadPatternWithItsOrigin) {
  Matcher m(faqbot::testing::TestLexicon());
  const int i = m.AddIntent("x");
  auto s = m.AddPattern(i, "(fever", 1, "intents.txt line 7");
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().message.find("intents.txt line 7"), std::string::npos);
  EXPECT_NE(s.error().message.find("never closed"), std::string::npos);
}

// A compiled matcher of two intents, 0 and 1, each with one text.
Matcher TwoTexts(std::string_view first, std::string_view second) {
  Matcher m(faqbot::testing::TestLexicon());
  m.AddKeywords(m.AddIntent("first"), first, 1, "text");
  m.AddKeywords(m.AddIntent("second"), second, 1, "text");
  EXPECT_TRUE(m.Compile());
  return m;
}

TEST(MatcherWordFamilies, AnotherFormOfThePacksWordMatchesIt) {
  const Matcher m = TwoTexts("Inflammatory polyps need care.",
                             "Cholesterol deposits are common.");
  const int inflamed = 0;
  const Signals s = m.Match("what helps against inflammation");
  ASSERT_FALSE(s.candidates.empty());
  EXPECT_EQ(s.candidates[0].intent, inflamed);
  ASSERT_EQ(s.analysis.related.size(), 1u);
  EXPECT_EQ(s.analysis.related[0].from, "inflammation");
  // Short stems relate too loosely: "polyposis" is another condition.
  EXPECT_TRUE(m.Match("what is polyposis").analysis.related.empty());
  // A compound is not a form of its first word: "breastfeeding" (a word
  // the lexicon knows) does not make "breast" mean it.
  EXPECT_TRUE(m.Match("i am a breast cancer patient").analysis.related.empty());
}

// An article of a title and one section, as the pack compiler gives it
// to the matcher: the title names the overview and is the subject; the
// heading names the section, whose text it says.
Matcher SmallArticle(std::string_view title, std::string_view heading,
                     std::string_view text) {
  Matcher m(faqbot::testing::TestLexicon());
  const int overview = m.AddIntent("overview");
  m.SetSubject(overview, title);
  m.AddKeywords(overview, title, 3, "title");
  const int section = m.AddIntent("section");
  m.AddHeading(heading);
  m.AddKeywords(section, heading, 3, "heading");
  if (!text.empty()) m.AddKeywords(section, text, 1, "text");
  EXPECT_TRUE(m.Compile());
  return m;
}

// `question` asks about `uncovered` alone, which the article does not
// cover and which decides; `covered` (when given) names nothing uncovered.
void DecidesUncovered(const Matcher& m, std::string_view question,
                      const std::string& uncovered,
                      std::string_view covered = {}) {
  const SubjectCheck check = m.CheckSubject(question);
  EXPECT_EQ(check.uncovered, std::vector<std::string>{uncovered}) << question;
  EXPECT_TRUE(check.decides) << question;
  if (!covered.empty()) {
    EXPECT_TRUE(m.CheckSubject(covered).uncovered.empty()) << covered;
  }
}

// "Bartholin's cyst" to an article on ovarian cysts: a medical noun the
// article never uses, just before its own finding, names another kind of
// that finding, whatever else the question names.
TEST(MatcherSubjects, AKindOfTheFindingTheArticleDoesNotNameIsAnother) {
  const Matcher m = SmallArticle("Ovarian cysts", "Dermoid cysts", "");
  DecidesUncovered(m, "what is a Bartholin's cyst?", "bartholin cyst",
                   "what is a dermoid cyst?");
  EXPECT_TRUE(m.CheckSubject("is my ovarian cyst serious?").uncovered.empty());
  // An everyday word that WordNet knows only as a noun names a kind too;
  // one that is also a verb ("water") may only describe, and one that is a
  // part of the body ("urinary tract") says where the finding is.
  DecidesUncovered(m, "is a chocolate cyst dangerous?", "chocolate cyst",
                   "is a water cyst dangerous?");
  EXPECT_TRUE(m.CheckSubject("is a 2 centimeter cyst big?").uncovered.empty());
  // "Thought" is a noun, and a verb's past (WordNet's verb.exc).
  EXPECT_TRUE(
      m.CheckSubject("I thought cysts were harmless?").uncovered.empty());
  const Matcher stones =
      SmallArticle("Kidney stones", "Stones in the ureter", "");
  EXPECT_TRUE(stones.CheckSubject("what if I have a urinary tract stone?")
                  .uncovered.empty());
  // So does a medical subject word ("hemangioma").
  const Matcher liver = SmallArticle("Liver hemangioma", "Large hemangiomas",
                                     "Most are found by chance.");
  DecidesUncovered(liver, "is a strawberry hemangioma dangerous?",
                   "strawberry hemangioma", "is a giant hemangioma dangerous?");
}

// "My parathyroid hormone is high" to an article on thyroid nodules: the
// gland next door is another organ ([organs]), which decides.
TEST(MatcherSubjects, TheGlandNextDoorIsAnotherOrgan) {
  const Matcher m = SmallArticle("Thyroid nodules", "Small nodules", "");
  DecidesUncovered(m, "is my parathyroid hormone too high?", "parathyroid",
                   "is my thyroid nodule too big?");
}

// "Calcification" to an article that says "microcalcifications": a size
// prefix ([size-prefixes]) only tells the finding's size, so the word
// with or without it is the article's, in the subject check as in
// matching; a word the article does not use stays uncovered.
TEST(MatcherSubjects, AWordMeetsTheArticlesWordWithASizePrefix) {
  const Matcher m = SmallArticle(
      "Thyroid nodules", "Nodules that need a biopsy",
      "A nodule with tiny bright specks (microcalcifications) is checked.");
  const SubjectCheck calcified =
      m.CheckSubject("is calcification in a thyroid nodule dangerous?");
  EXPECT_TRUE(calcified.uncovered.empty());
  EXPECT_EQ(m.Match("is calcification dangerous?").candidates.at(0).intent, 1);
  // A synonym's word ("calcified" is "calcification") meets it too.
  EXPECT_EQ(m.Match("my nodule is calcified").candidates.at(0).intent, 1);
  EXPECT_EQ(
      m.CheckSubject("is fibrosis in a thyroid nodule dangerous?").uncovered,
      std::vector<std::string>{"fibrosis"});
}

// "Gallstones" in the title: the finding its word ends in ("stones") is
// the subject too; in an article whose title only mentions it in passing
// it is not.
TEST(MatcherSubjects, ACompoundTitleWordNamesTheFindingItEndsIn) {
  const Matcher gallstones =
      SmallArticle("Are gallstones dangerous?", "Silent gallstones",
                   "A stone that causes no pain needs no treatment.");
  EXPECT_TRUE(
      gallstones.CheckSubject("will my stones come back?").uncovered.empty());
  const Matcher polyps =
      SmallArticle("Are gallbladder polyps dangerous?", "Small polyps",
                   "A polyp beside a stone needs no treatment.");
  EXPECT_EQ(polyps.CheckSubject("will my stones come back?").uncovered,
            std::vector<std::string>{"stones"});
}

// "Treatment without surgery": the heading's words after a negator name
// the section only for a message that negates them too.
// Two sections (intents 0 and 1), each a heading and a sentence.
Matcher TwoSections(std::string_view first, std::string_view first_text,
                    std::string_view second, std::string_view second_text) {
  Matcher m(faqbot::testing::TestLexicon());
  for (const auto& [heading, text] :
       {std::pair{first, first_text}, std::pair{second, second_text}}) {
    const int intent = m.AddIntent(std::string(heading));
    m.AddKeywords(intent, heading, 3, "heading");
    m.AddKeywords(intent, text, 1, "text");
  }
  EXPECT_TRUE(m.Compile());
  return m;
}

// "Vision problems": a word for any trouble names no section (scope.txt
// [generic]); the section on the vision does, not the one whose text says
// "erection problems".
TEST(MatcherSubjects, AProblemIsNamedByTheWordBeforeIt) {
  const Matcher m = TwoSections(
      "Hormones", "Too much prolactin causes erection problems.",
      "Large adenomas", "A large one presses on the nerves of vision.");
  EXPECT_EQ(m.Match("can it cause vision problems?").candidates.at(0).intent,
            1);
}

TEST(MatcherSubjects, AHeadingsNegatedWordNamesItOnlyWhenNegated) {
  const Matcher m = TwoSections(
      "Treatment without surgery", "A medicine dissolves small stones.",
      "Keyhole removal", "An operation takes the gallbladder out.");
  EXPECT_EQ(m.Match("is surgery necessary?").candidates.at(0).intent, 1);
  EXPECT_EQ(m.Match("can it go without surgery?").candidates.at(0).intent, 0);
}

// "I feel fine" is "without symptoms" (lexicon synonyms): it names the
// section headed so, as "asymptomatic" does.
TEST(MatcherSubjects, FeelingFineIsWithoutSymptoms) {
  const Matcher m = TwoSections(
      "Gallstones without symptoms", "Silent stones need no treatment.",
      "Gallstone attacks", "A blocked outlet causes pain.");
  EXPECT_EQ(m.Match("I feel fine, what should I do?").candidates.at(0).intent,
            0);
}

// "My liver has a small cyst" to an article on pancreatic cysts: another
// organ that has the finding ([having-verbs]) puts it there.
TEST(MatcherSubjects, AnotherOrganThatHasTheFindingHoldsIt) {
  const Matcher m = SmallArticle("Are pancreatic cysts dangerous?",
                                 "Small cysts", "Small cysts are watched.");
  EXPECT_TRUE(m.CheckSubject("my liver has a small cyst").elsewhere);
  EXPECT_FALSE(m.CheckSubject("my pancreas has a small cyst").elsewhere);
  // Places of the body beyond the organs: "a cyst on my scalp", "an
  // inguinal cyst".
  EXPECT_TRUE(m.CheckSubject("a small cyst on my scalp").elsewhere);
  EXPECT_TRUE(m.CheckSubject("an inguinal cyst").elsewhere);
  // "With" says the same: "an enlarged liver with a cyst".
  EXPECT_TRUE(m.CheckSubject("I have an enlarged liver with a cyst").elsewhere);
  EXPECT_FALSE(m.CheckSubject("a pancreas with a small cyst").elsewhere);
  // An organ that is the finding: "my liver wall is cystic"; the
  // article's own organ so told is its subject.
  EXPECT_TRUE(m.CheckSubject("my liver wall is cystic").elsewhere);
  EXPECT_FALSE(m.CheckSubject("my pancreas is cystic").elsewhere);
}

// "Should I drink less water?" asks of the drinking an article speaks of
// ("drinking less before bed"): water names no drink of its own; beer
// does, and the article never speaks of it.
TEST(MatcherSubjects, WaterIsAnyDrink) {
  const Matcher m =
      SmallArticle("Is an enlarged prostate dangerous?", "Self-help",
                   "Drinking less in the two hours before bed helps.");
  EXPECT_TRUE(m.CheckSubject("should i drink less water").uncovered.empty());
  EXPECT_EQ(m.CheckSubject("should i drink less beer").uncovered,
            std::vector<std::string>{"beer"});
}

// Two sections scored alike by the same words: the one whose sentence the
// words meet in better leads ("how much fibre should I eat?": "eat plenty
// of fibre", not "a diet low in fibre").
TEST(MatcherSubjects, EqualScoresGoToTheBetterSentence) {
  Matcher m(faqbot::testing::TestLexicon());
  for (const auto& [name, text] :
       {std::pair{"causes",
                  "A diet low in fibre and smoking make them more "
                  "likely, as do constipation and straining."},
        std::pair{"advice", "Eat plenty of fibre."}}) {
    const int intent = m.AddIntent(name);
    m.AddKeywords(intent, text, 1, "text");
    m.AddPassage(intent, text);
  }
  ASSERT_TRUE(m.Compile());
  const Signals s = m.Match("how much fibre should i eat?");
  ASSERT_GE(s.candidates.size(), 2u);
  EXPECT_EQ(s.candidates[0].score, s.candidates[1].score);
  EXPECT_EQ(s.candidates[0].intent, 1);
}

// "A microadenoma" to an article on adenomas names its subject, title and
// all ([size-prefixes]), as "a microcalcification" names a calcification.
TEST(MatcherSubjects, ASizePrefixOnTheSubjectsWordNamesTheSubject) {
  const Matcher m =
      SmallArticle("Is a pituitary adenoma dangerous?", "Small adenomas",
                   "A microadenoma is smaller than 10 millimetres.");
  const SubjectCheck check = m.CheckSubject("they found a microadenoma");
  EXPECT_TRUE(check.about_pack);
  EXPECT_TRUE(check.names_title);
}

// An organ the article names only in passing ("bear gallbladder
// capsules" in an article on the liver) is another organ all the same.
TEST(MatcherSubjects, AnOrganNamedOnlyInPassingIsAnother) {
  const Matcher m =
      SmallArticle("Is liver calcification dangerous?", "Bile duct stones",
                   "Patients may take bear gallbladder capsules.");
  EXPECT_TRUE(m.CheckSubject("my gallbladder is calcified").elsewhere);
  EXPECT_FALSE(m.CheckSubject("my liver is calcified").elsewhere);
}

// "Diagnosed" meets a "Diagnosis" heading ([plural-endings]: the noun is
// stemmed as its plural, "diagnoses"), but not when a story tells it ("I
// was diagnosed with ...", [told-phrases]): that is how the person knows.
TEST(MatcherSubjects, DiagnosedMeetsDiagnosisUnlessAStoryTellsIt) {
  const Matcher m = TwoSections(
      "Diagnosis", "A doctor can tell a bunion by looking at the foot.",
      "Complications", "A large bunion can be dangerous to the joint.");
  const auto lexicon = faqbot::testing::TestLexicon();
  EXPECT_EQ(lexicon->Stem("diagnosis"), lexicon->Stem("diagnosed"));
  EXPECT_EQ(m.Match("How is a bunion diagnosed?").candidates.at(0).intent, 0);
  EXPECT_EQ(m.Match("I was diagnosed with a bunion last year. Is it "
                    "dangerous?")
                .candidates.at(0)
                .intent,
            1);
}

// A real English word is no typo of the article's: "shone" stays "shone"
// beside an article on stones; "stoen" is corrected.
TEST(MatcherSubjects, AnEverydayWordIsNotCorrectedIntoTheArticles) {
  const Matcher m = SmallArticle("Are kidney stones dangerous?", "Small stones",
                                 "Small stones pass on their own.");
  const auto shone = m.Match("the doctor shone a light on my side").analysis;
  EXPECT_TRUE(shone.corrections.empty())
      << shone.corrections[0].from << " -> " << shone.corrections[0].to;
  EXPECT_FALSE(
      m.Match("are small stoens dangerous").analysis.corrections.empty());
}

// "Prostatitis" is no form of the article's "prostate": a word the
// stemmer keeps whole ([whole-endings] "itis") names a condition of its
// own, not one of the word family.
TEST(MatcherSubjects, AnInflammationIsNoFormOfItsOrgansWord) {
  const Matcher m = SmallArticle("Is an enlarged prostate dangerous?",
                                 "Medicines", "Tablets relax the prostate.");
  EXPECT_TRUE(m.Match("what is prostatitis").analysis.related.empty());
  EXPECT_EQ(m.CheckSubject("what is prostatitis").uncovered,
            std::vector<std::string>{"prostatitis"});
}

// "GERD" is the article's reflux (lexicon synonyms: a name's
// abbreviation is the name).
TEST(MatcherSubjects, AnAbbreviationIsTheArticlesName) {
  const Matcher m = SmallArticle("Is a hiatal hernia serious?", "Reflux",
                                 "A hernia makes acid reflux more likely.");
  EXPECT_TRUE(
      m.CheckSubject("i have gerd and a hiatal hernia").uncovered.empty());
}

// "Greenish" is the article's "green", "reddish" its "red" ([near-endings]):
// the word without its "somewhat" ending meets the section that uses it.
TEST(MatcherSubjects, AWordEndingInIshMeetsTheArticlesWord) {
  const Matcher m =
      TwoTexts("Clear fluid is thrown away.", "Green or red fluid is tested.");
  const int green = 1;
  EXPECT_EQ(m.Match("the fluid was greenish").candidates.at(0).intent, green);
  EXPECT_EQ(m.Match("a reddish fluid").candidates.at(0).intent, green);
}

// "A racing heart" is the article's "fast heartbeat" (synonyms.txt): the
// words of a phrase read as a term the article uses name that term, not
// an organ each ("heart"). An article without it leaves the heart
// uncovered.
TEST(MatcherSubjects, APhraseForTheArticlesTermNamesNoOrganOfItsOwn) {
  const Matcher hot = SmallArticle(
      "Thyroid nodules", "Overactive nodules",
      "Too much hormone can cause weight loss and a fast heartbeat.");
  EXPECT_TRUE(hot.CheckSubject("can a thyroid nodule cause a racing heart?")
                  .uncovered.empty());
  const Matcher cold = SmallArticle("Thyroid nodules", "Small nodules",
                                    "Small nodules are watched.");
  EXPECT_EQ(
      cold.CheckSubject("can a thyroid nodule cause a racing heart?").uncovered,
      std::vector<std::string>{"heart"});
}

// "I have no symptoms" is the heading's "without symptoms" (synonyms.txt):
// a property told, not a denial that sets the words aside.
TEST(MatcherHeadings, NoSymptomsToldMeetsAHeadingWithoutSymptoms) {
  const Matcher m =
      SmallArticle("Uterine fibroids", "Fibroids without symptoms",
                   "Most fibroids cause no trouble.");
  const Signals s = m.Match("I have three small fibroids but no symptoms");
  EXPECT_TRUE(s.analysis.denied.empty());
  ASSERT_FALSE(s.candidates.empty());
  EXPECT_EQ(s.candidates[0].intent, 1);
  EXPECT_GT(s.candidates[0].naming, 0);
  // A denial of something else still sets it aside.
  EXPECT_FALSE(m.Match("I never drink alcohol").analysis.denied.empty());
}

// A patient under 18 told by age is a child or a teenager, whom an article
// that never speaks of children does not cover; a "C-section" is the
// article's caesarean birth.
TEST(MatcherSubjects, AMinorByAgeIsAChild) {
  const Matcher m = SmallArticle(
      "Uterine fibroids", "Fibroids and pregnancy",
      "A large fibroid low in the womb can lead to a caesarean birth.");
  EXPECT_EQ(m.CheckSubject("can a 16 year old girl have fibroids?").uncovered,
            std::vector<std::string>{"child"});
  EXPECT_TRUE(m.CheckSubject("can a 45 year old woman have fibroids?")
                  .uncovered.empty());
  EXPECT_EQ(m.Match("will a fibroid mean I need a c-section?")
                .candidates.at(0)
                .intent,
            1);
}

// "Does vaping cause lung nodules?": a cause asked of the subject that the
// article never names is not covered; one it names ("smoking") is.
TEST(MatcherSubjects, ACauseAskedThatTheArticleNeverNamesIsNotCovered) {
  const Matcher m = SmallArticle("Lung nodules", "Small nodules",
                                 "Stopping smoking is the best help.");
  EXPECT_EQ(m.CheckSubject("does vaping cause lung nodules?").uncovered,
            std::vector<std::string>{"vaping"});
  EXPECT_TRUE(
      m.CheckSubject("can smoking cause lung nodules?").uncovered.empty());
  EXPECT_TRUE(m.CheckSubject("can it cause a cough?").uncovered.empty());
  // A remedy asked of the subject ([remedy-words]), named whole.
  EXPECT_EQ(m.CheckSubject("is milk thistle good for lung nodules?").uncovered,
            std::vector<std::string>{"milk thistle"});
  EXPECT_TRUE(m.CheckSubject("is stopping smoking good for lung nodules?")
                  .uncovered.empty());
  // A phrase the article's word is written as ("heavy drinking" is
  // alcohol, synonyms.txt).
  const Matcher fatty =
      SmallArticle("Fatty liver", "Alcohol-related fatty liver",
                   "Alcohol can make fat build up in the liver.");
  EXPECT_TRUE(fatty.CheckSubject("can heavy drinking cause fatty liver?")
                  .uncovered.empty());
}

// "Follow-up after an oophorectomy" for a dermoid cyst: life after a
// procedure the article never names decides, whatever else is named.
TEST(MatcherSubjects, LifeAfterAProcedureTheArticleNeverNamesIsAnother) {
  const Matcher m =
      SmallArticle("Ovarian cysts", "Dermoid cysts",
                   "Dermoid cysts are removed by keyhole cystectomy.");
  DecidesUncovered(
      m, "is follow-up required after an oophorectomy for a dermoid cyst?",
      "oophorectomy", "is follow-up required after a cystectomy?");
  // A word that cues a treatment too ("recovery after a transplant"); not
  // an operation the article speaks of.
  DecidesUncovered(m, "what is the recovery time after a transplant?",
                   "transplant",
                   "what is the recovery time after keyhole cystectomy?");
}

// "Bladder infection" to an article on kidney stones that names the
// bladder only in passing: a condition of another organ. The article's
// own organ ("kidney infection") is its subject.
TEST(MatcherSubjects, AConditionOfAnOrganNamedInPassingIsAnother) {
  const Matcher m =
      SmallArticle("Kidney stones", "Stones with infection",
                   "A stone moves from the kidney to the bladder.");
  DecidesUncovered(m, "is it a bladder infection?", "bladder infection",
                   "is a kidney infection serious?");
}

// A cue word that is part of a heading the message names whole ("what
// causes alcohol-related fatty liver?") names the section, not what is
// asked; part of a heading ("a sign of liver cancer", of "Precursor to
// liver cancer") may be just what is asked, and counts.
TEST(MatcherHeadings, ACueInsideANamedHeadingIsNotWhatIsAsked) {
  Matcher m(faqbot::testing::TestLexicon());
  const int alcohol = m.AddIntent("alcohol");
  m.AddHeading("Alcohol-related fatty liver");
  m.AddKeywords(alcohol, "Alcohol-related fatty liver", 3, "heading");
  const int precursor = m.AddIntent("precursor");
  m.AddHeading("Precursor to liver cancer");
  m.AddKeywords(precursor, "Precursor to liver cancer", 3, "heading");
  ASSERT_TRUE(m.Compile());
  EXPECT_EQ(m.Match("what causes alcohol-related fatty liver?").facet(),
            Facet::kCause);
  EXPECT_EQ(m.Match("what causes alcohol-related fatty liver?")
                .facets[static_cast<int>(Facet::kLifestyle)],
            0)
      << "\"alcohol\" named the section";
  EXPECT_EQ(m.Match("should I stop alcohol?").facet(), Facet::kLifestyle)
      << "outside the heading it is the question";
  EXPECT_GT(m.Match("is this a sign of liver cancer?")
                .facets[static_cast<int>(Facet::kRisk)],
            0);
}

}  // namespace
}  // namespace faqbot::intents
