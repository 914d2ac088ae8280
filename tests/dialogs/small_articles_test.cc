// Short articles of the seed's shape, each built for one reading rule of
// the dialog: how a question of an aspect, a comparison, a facet, an
// initialism or an organ finds (or does not find) its section.
#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "dialogs/article_knowledge.h"
#include "dialogs/dialog_runner.h"
#include "intents/normalizer.h"
#include "tests/support/first_reply.h"
#include "tests/support/test_lexicon.h"

namespace faqbot::dialogs {
namespace {

using Section = std::pair<std::string_view, std::string_view>;

// An article: its title, summary, numbered sections and closing advice.
std::string Article(std::string_view title, std::string_view summary,
                    std::initializer_list<Section> sections,
                    std::string_view advice) {
  std::string text = std::string(title) + "\n" + std::string(summary) +
                     " Details are as follows:\n";
  int n = 0;
  for (const auto& [heading, body] : sections) {
    text += std::to_string(++n) + ". " + std::string(heading) + "\n" +
            std::string(body) + "\n";
  }
  return text + std::string(advice) + "\n";
}

using testing::FirstReply;

// "How long does it take for a calcification to form?" asks how fast it
// grows: the section that says it "progresses slowly" answers, plainly
// (the "take" of "does it take" hints at no treatment), not the
// treatments across sections.
TEST(Aspects, HowLongToFormAsksHowFastItGrows) {
  const std::string article = Article(
      "Is a liver calcification dangerous?",
      "A liver calcification is a spot of calcium in the liver.",
      {{"Old scars",
        "Most calcifications are old scars. A calcification typically "
        "progresses slowly and causes no symptoms."},
       {"Parasites",
        "Parasites can leave calcified cysts. Patients may take albendazole "
        "tablets."},
       {"Bile duct stones",
        "Stones in the bile ducts can calcify. Patients may take "
        "bile-promoting tablets."}},
      "Keep your follow-up scans.");
  const Reply r = FirstReply(
      article,
      "How long does it take for a calcification to form in the liver?");
  EXPECT_EQ(r.kind, ReplyKind::kAnswer) << r.node << ": " << r.text;
  EXPECT_NE(r.text.find("progresses slowly"), std::string::npos) << r.text;
  EXPECT_EQ(r.text.find("nothing specific"), std::string::npos) << r.text;
}

const std::string& Adenomas() {
  static const std::string article = Article(
      "Is a pituitary adenoma dangerous?",
      "A pituitary adenoma is a growth in the pituitary gland.",
      {{"Small adenomas",
        "A microadenoma is smaller than 10 millimetres and is watched."},
       {"Large adenomas",
        "A macroadenoma is 10 millimetres or larger and can press on the "
        "nerves to the eyes."}},
      "Keep your scans.");
  return article;
}

// "What is the difference between a microadenoma and a macroadenoma?":
// two close sections set side by side are both the answer, not a choice.
TEST(Comparisons, TwoSectionsSetSideBySideAreBothAnswered) {
  const Reply r = FirstReply(Adenomas(),
                             "What is the difference between a microadenoma "
                             "and a macroadenoma?");
  EXPECT_EQ(r.kind, ReplyKind::kAnswer) << r.node << ": " << r.text;
  ASSERT_EQ(r.parts.size(), 2u) << r.text;
  EXPECT_EQ(r.parts[0].node, "small-adenomas");
  EXPECT_EQ(r.parts[1].node, "large-adenomas");
}

// "How do eye doctors check floaters?": the section headed for check-ups
// ("Eye examination") answers, though none of its sentences names them
// (what the article gathers on check-ups would leave it out).
TEST(Facets, TheSectionHeadedForTheFacetAnswersTheSubjectsQuestion) {
  const std::string article = Article(
      "Are eye floaters dangerous?",
      "Eye floaters are specks that drift across your vision.",
      {{"Vitreous detachment",
        "A sudden new floater should be examined within a day."},
       {"Eye examination",
        "An optician puts drops in the eye to widen the pupil and looks at "
        "the retina."}},
      "Wear sunglasses.");
  const Reply r = FirstReply(article, "How do eye doctors check floaters?");
  EXPECT_EQ(r.node, "eye-examination") << r.text;
}

// Diverticulosis: symptoms, its complication, bleeding.
std::string Diverticulosis(std::string_view summary,
                           std::string_view symptoms) {
  return Article(
      "Is diverticulosis dangerous?", summary,
      {{"Symptoms", symptoms},
       {"Diverticulitis",
        "When a pouch becomes inflamed it is called diverticulitis. It "
        "causes steady pain in the lower left belly, often with fever."},
       {"Bleeding", "A vessel next to a pouch can bleed."}},
      "Eat plenty of fibre.");
}

// "What are the symptoms of diverticulitis?": of the section headed for
// the facet ("Symptoms") and the one the question's other word names
// ("Diverticulitis"), both speaking of symptoms, the named one answers.
TEST(Facets, TheSectionNamedBesideTheFacetsOwnAnswers) {
  const Reply r = FirstReply(
      Diverticulosis("Diverticulosis means small pouches in the colon.",
                     "Most people feel nothing; some have bloating and "
                     "cramps."),
      "What are the symptoms of diverticulitis?");
  EXPECT_EQ(r.kind, ReplyKind::kAnswer) << r.text;
  EXPECT_NE(r.text.find("steady pain"), std::string::npos) << r.text;
}

// "Is it the same as IBS?": a phrase of three or four of the article's
// words is named by its initials; initials that spell a word are not.
TEST(Initialisms, APhraseIsNamedByItsInitials) {
  const auto& lex = *faqbot::testing::TestLexicon();
  const auto names = Initialisms(
      intents::Normalize(
          "Symptoms are hard to tell apart from irritable bowel syndrome.",
          lex),
      lex);
  ASSERT_FALSE(names.empty());
  EXPECT_EQ(names[0].group, "irritable bowel syndrome: ibs");
  // "Hot air tent" spells "hat", a word: no name.
  EXPECT_TRUE(
      Initialisms(intents::Normalize("a hot air tent", lex), lex).empty());
  const Reply r = FirstReply(
      Diverticulosis("Diverticulosis means small pouches in the colon.",
                     "Some have bloating; it is hard to tell apart from "
                     "irritable bowel syndrome."),
      "Is diverticulosis the same as IBS?");
  EXPECT_EQ(r.node.substr(0, 8), "symptoms") << r.node << ": " << r.text;
}

// The organ of the summary ("the wall of the colon") is the article's
// own: "is diverticulosis a sign of colon cancer?" asks of the subject;
// colon cancer asked of alone is another condition.
TEST(SubjectCheck, TheSummarysOrganIsTheArticlesOwn) {
  const std::string article = Diverticulosis(
      "Diverticulosis means small pouches in the wall of the colon. It is "
      "not cancer.",
      "Most people feel nothing; some have bloating and cramps.");
  EXPECT_EQ(
      FirstReply(article, "Is diverticulosis a sign of colon cancer?").kind,
      ReplyKind::kAnswer);
  EXPECT_EQ(
      FirstReply(article, "What are the early signs of colon cancer?").kind,
      ReplyKind::kFallback);
}

// "Can coffee cause extra beats?": the article names the caffeine in it
// (WordNet: caffeine is a substance of coffee), and says what makes them
// "more frequent" rather than what causes them: its sentence answers,
// where coffee was refused as a cause the article never names.
TEST(Facets, ADrinkAsksAboutTheSubstanceInItAndWhatMakesItMoreFrequent) {
  const std::string article = Article(
      "Are ectopic heartbeats dangerous?",
      "Ectopic beats are extra heartbeats followed by a short pause.",
      {{"Why they happen",
        "They start outside the heart's pacemaker. Caffeine, alcohol and "
        "stress make them more frequent. Heart disease can also cause them."},
       {"Tests", "An ECG records the heartbeat."}},
      "See a doctor promptly for beats with fainting.");
  const Reply r = FirstReply(article, "Can coffee cause extra heartbeats?");
  EXPECT_EQ(r.kind, ReplyKind::kAnswer) << r.node << ": " << r.text;
  EXPECT_NE(r.text.find("Caffeine"), std::string::npos) << r.text;
}

// An advice that asks for a doctor soon for some signs and for urgent
// help for others: a lump told as hard now is answered, with a line to
// see a doctor soon; one told as red, hot and swollen with a fever is
// escalated.
TEST(WarningSigns, ASignForADoctorSoonIsAnsweredWithThatLine) {
  const std::string article = Article(
      "Is a lipoma something to worry about?",
      "A lipoma is a soft lump of fat cells under the skin. Lipomas are "
      "benign.",
      {{"Lipoma or liposarcoma",
        "A liposarcoma is a rare cancer of fat tissue. It can look like a "
        "lipoma, and a scan tells them apart."},
       {"Removal", "A lipoma is cut out under local anaesthetic."}},
      "See a doctor promptly for a lump that grows quickly, becomes hard or "
      "fixed, is larger than 5 centimetres or starts to hurt, and seek "
      "urgent help for a lump that becomes red, hot and swollen with a "
      "fever.");
  const Reply hard = FirstReply(
      article, "My lipoma feels hard rather than soft. Is that bad?");
  EXPECT_EQ(hard.kind, ReplyKind::kAnswer) << hard.node << ": " << hard.text;
  EXPECT_NE(hard.caveat.find("seeing a doctor promptly"), std::string::npos)
      << hard.caveat;
  EXPECT_EQ(FirstReply(article,
                       "The lump on my back became red, hot and swollen and "
                       "I have a fever.")
                .kind,
            ReplyKind::kEscalation);
}

// "What should I watch out for?", "what should make me go back to the
// doctor?": when to get help, which the closing advice says.
TEST(Facets, WhatToWatchForIsTheAdvice) {
  const std::string article = Article(
      "Is a lipoma something to worry about?",
      "A lipoma is a soft lump of fat cells under the skin. Lipomas are "
      "benign.",
      {{"Removal", "A lipoma is cut out under local anaesthetic."},
       {"Causes", "Lipomas run in families."}},
      "Note its size every few months. See a doctor promptly for a lump "
      "that grows quickly.");
  for (const char* q :
       {"What signs should I watch out for?",
        "What changes in a lipoma should make me go back to the doctor?"}) {
    const Reply r = FirstReply(article, q);
    EXPECT_EQ(r.kind, ReplyKind::kAnswer) << q;
    EXPECT_NE(r.text.find("grows quickly"), std::string::npos)
        << q << ": " << r.node << ": " << r.text;
  }
}

// "What is a heart murmur?": a thing asked what it is, named by a word
// the article never uses, is refused by its name; the article's own
// subject, and the bot's "opinion", are not such things.
TEST(SubjectCheck, AThingAskedWhatItIsThatTheArticleNeverNames) {
  const std::string article = Article(
      "Are ectopic heartbeats dangerous?",
      "Ectopic beats are extra heartbeats followed by a short pause. They "
      "are harmless in a healthy heart.",
      {{"Tests", "An ECG records the heartbeat."},
       {"Treatment", "Most people need no treatment."}},
      "Seek urgent help for chest pain or fainting.");
  const Reply murmur = FirstReply(article, "What is a heart murmur?");
  EXPECT_EQ(murmur.kind, ReplyKind::kFallback) << murmur.text;
  EXPECT_EQ(murmur.not_covered, "heart murmur");
  EXPECT_EQ(FirstReply(article, "What are ectopic beats?").kind,
            ReplyKind::kAnswer);
  const Reply opinion =
      FirstReply(article, "What is your opinion? Are they harmless?");
  EXPECT_EQ(opinion.not_covered.find("opinion"), std::string::npos)
      << opinion.not_covered;
}

// "Is a Baker's cyst the same as a blood clot?": the article likens a
// burst cyst to a clot, so telling them apart is its to answer; a finding
// it only names in passing ("a fluid-filled sac") compared with it is not.
TEST(SubjectCheck, AFindingTheArticleLikensItsSubjectToIsComparedByIt) {
  const std::string article = Article(
      "Is a Baker's cyst serious?",
      "A Baker's cyst is a fluid-filled swelling at the back of the knee.",
      {{"Burst cysts",
        "A cyst can burst and leak fluid into the calf. This looks very "
        "like a blood clot in the leg, so it is checked with an ultrasound."},
       {"Treatment",
        "Most need no treatment. Rarely a polyp of the joint "
        "lining is removed."}},
      "Seek urgent help for a swollen, red calf.");
  const Reply clot =
      FirstReply(article, "Is a Baker's cyst the same as a blood clot?");
  EXPECT_EQ(clot.kind, ReplyKind::kAnswer) << clot.not_covered;
  EXPECT_NE(clot.text.find("blood clot"), std::string::npos) << clot.text;
  const Reply polyp =
      FirstReply(article, "Is a Baker's cyst the same as a polyp?");
  EXPECT_EQ(polyp.kind, ReplyKind::kFallback) << polyp.text;
}

// "How is rheumatoid arthritis treated?" of a Baker's cyst article that
// names it only among the cyst's causes: another condition, asked for a
// facet its section never speaks to, is not covered; the article's own
// subject asked the same way is answered.
TEST(SubjectCheck, AConditionNamedAsACauseIsNotAskedAboutAsItself) {
  const std::string article = Article(
      "Is a Baker's cyst serious?",
      "A Baker's cyst is a fluid-filled swelling at the back of the knee.",
      {{"Causes",
        "Most Baker's cysts come from a problem inside the knee: "
        "osteoarthritis, rheumatoid arthritis, gout or a torn cartilage."},
       {"Treatment",
        "A cyst that causes no trouble needs no treatment. A "
        "steroid injection reduces the swelling."}},
      "Seek urgent help for a swollen, red calf.");
  const Reply ra = FirstReply(article, "How is rheumatoid arthritis treated?");
  EXPECT_EQ(ra.kind, ReplyKind::kFallback) << ra.node << ": " << ra.text;
  EXPECT_EQ(ra.not_covered, "rheumatoid arthritis");
  const Reply gout = FirstReply(article, "What is the best diet for gout?");
  EXPECT_EQ(gout.kind, ReplyKind::kFallback) << gout.node;
  const Reply own = FirstReply(article, "How is a Baker's cyst treated?");
  EXPECT_EQ(own.kind, ReplyKind::kAnswer) << own.text;
}

const std::string& Synovial() {
  static const std::string article = Article(
      "Is a synovial cyst serious?",
      "A synovial cyst is a small sac of joint fluid beside the spine. It "
      "is not cancer.",
      {{"Cysts that press on a nerve",
        "A cyst that presses on a nerve causes back pain and leg pain."},
       {"Tests",
        "A doctor asks about the pain and examines the legs. An MRI scan "
        "shows the cyst and the nerve it presses on."},
       {"Treatment",
        "Pain relief and exercise come first; surgery removes a cyst that "
        "keeps pressing on a nerve."}},
      "See a doctor for leg weakness.");
  return article;
}

// "How is it diagnosed?", "do I need an MRI?", "how would a doctor know if
// it is one?": how the condition is found is asked of the section headed
// for it ("Tests"), although its sentences never say "diagnosis" and the
// title's words lead the scores.
TEST(Aspects, HowItIsFoundIsAskedOfTheSectionHeadedTests) {
  for (const char* question :
       {"How is a synovial cyst diagnosed?",
        "Do I need an MRI for my synovial cyst?",
        "How would a doctor know if it is a synovial cyst?"}) {
    const Reply r = FirstReply(Synovial(), question);
    EXPECT_EQ(r.node, "tests") << question << " -> " << r.text;
    EXPECT_EQ(r.caveat, "") << question;
  }
  // Told, not asked: "I was diagnosed with..." asks what the question does.
  const Reply told = FirstReply(
      Synovial(), "I was diagnosed with a synovial cyst. How is it treated?");
  EXPECT_NE(told.node, "tests") << told.text;
  EXPECT_NE(told.text.find("surgery removes"), std::string::npos) << told.text;
}

// An article that never says how its subject is found says so before the
// nearest sentences it has, instead of passing them off as the answer.
TEST(Aspects, AnArticleSilentOnTestsSaysSo) {
  const std::string article = Article(
      "Is a synovial cyst serious?",
      "A synovial cyst is a small sac of joint fluid beside the spine.",
      {{"Cysts that press on a nerve",
        "A cyst that presses on a nerve causes back pain and leg pain."},
       {"Treatment", "Surgery removes a cyst that keeps pressing on a nerve."}},
      "See a doctor for leg weakness.");
  const Reply r = FirstReply(article, "How is a synovial cyst diagnosed?");
  EXPECT_NE(r.caveat.find("does not say how it is found"), std::string::npos)
      << r.node << ": " << r.caveat << " | " << r.text;
}

// "I have a pea-sized bulge behind my knee. Do I need to see a doctor for
// this?": a measure told in the story describes what it is about; the
// question points back at the bulge, not at "size" (which, asked, is
// still refused by an article that gives none).
TEST(SubjectCheck, AMeasureToldInTheStoryIsNotItsSubject) {
  const std::string article = Article(
      "Is a Baker's cyst serious?",
      "A Baker's cyst is a fluid-filled bulge at the back of the knee.",
      {{"Symptoms", "Many cysts cause no symptoms and need no treatment."},
       {"Diagnosis",
        "An ultrasound scan confirms that the bulge holds fluid."}},
      "See a doctor about a bulge behind the knee that hurts or grows.");
  const Reply told = FirstReply(
      article,
      "I have a golf-ball-sized bulge behind my knee. It does not hurt. Do I "
      "need to see a doctor for this?");
  EXPECT_EQ(told.kind, ReplyKind::kAnswer) << told.not_covered << told.text;
  const Reply asked =
      FirstReply(article, "What size of Baker's cyst is worrying?");
  EXPECT_EQ(asked.kind, ReplyKind::kFallback) << asked.text;
  EXPECT_EQ(asked.not_covered, "size");
}

// A word the question and its story both name is said once in the
// fallback ("does not cover breast, breast cancer", not "breast, breast
// cancer, breast").
TEST(SubjectCheck, EachWordNotCoveredIsSaidOnce) {
  const std::string article = Article(
      "Is a lipoma something to worry about?",
      "A lipoma is a soft lump of fat cells under the skin. Lipomas are "
      "benign and almost never become cancer.",
      {{"Removal", "Removal is only needed when a lipoma hurts or grows."},
       {"Diagnosis", "A doctor can usually recognise a lipoma by feeling it."}},
      "See a doctor about a lump that is hard or grows quickly.");
  const Reply r = FirstReply(
      article, "I found a hard lump in my breast. Is it breast cancer?");
  ASSERT_EQ(r.kind, ReplyKind::kFallback) << r.node << ": " << r.text;
  EXPECT_EQ(r.not_covered, "breast, breast cancer");
}

// "Can men get fibroids?" asks of men as a group, which an article on a
// condition of women never names: not covered. One man telling his own
// story is no group, and an article that names men answers.
TEST(SubjectCheck, MenAskedOfAsAGroupNeedAnArticleThatNamesThem) {
  const std::string fibroids = Article(
      "Are uterine fibroids dangerous?",
      "Uterine fibroids are benign growths of the muscle of the womb. They "
      "are very common in women in their thirties and forties.",
      {{"Heavy periods", "Fibroids can cause heavy periods and anaemia."},
       {"Treatment",
        "Medicines or surgery treat fibroids that cause trouble."}},
      "See a doctor for very heavy bleeding.");
  const Reply men = FirstReply(fibroids, "Can men get fibroids?");
  EXPECT_EQ(men.kind, ReplyKind::kFallback) << men.text;
  EXPECT_EQ(men.not_covered, "men");
  const std::string lipomas = Article(
      "Is a lipoma something to worry about?",
      "A lipoma is a soft lump of fat cells under the skin.",
      {{"Who gets them",
        "Lipomas appear most often between 40 and 60 and are slightly more "
        "common in men."},
       {"Removal", "Removal is only needed when a lipoma hurts or grows."}},
      "See a doctor about a lump that grows quickly.");
  const Reply named = FirstReply(lipomas, "Do men get lipomas more often?");
  EXPECT_EQ(named.kind, ReplyKind::kAnswer) << named.text;
  const Reply one = FirstReply(
      lipomas,
      "I'm a 50-year-old man with a lipoma on my back. Should I have "
      "it removed?");
  EXPECT_EQ(one.kind, ReplyKind::kAnswer) << one.not_covered << one.text;
}

// "Can hepatitis B cause gallstones?" sets a condition the article never
// names beside its subject as a cause: not covered, with what the article
// says of gallstones. A cause it names is answered from its causes.
TEST(SubjectCheck, AConditionTheArticleNeverNamesAskedAsACause) {
  const std::string article = Article(
      "Are gallstones dangerous?",
      "Gallstones are hard lumps that form in the gallbladder. They are "
      "common in people who are overweight or lose weight quickly.",
      {{"Attacks", "A stone that blocks the gallbladder causes pain."},
       {"Surgery", "Keyhole surgery takes the gallbladder out."}},
      "See a doctor for yellow skin.");
  const Reply hepatitis =
      FirstReply(article, "Can hepatitis B cause gallstones?");
  EXPECT_EQ(hepatitis.kind, ReplyKind::kFallback) << hepatitis.text;
  EXPECT_EQ(hepatitis.not_covered, "hepatitis");
  for (const char* named : {"Can losing weight quickly cause gallstones?",
                            "Can being overweight cause gallstones?"}) {
    const Reply r = FirstReply(article, named);
    EXPECT_EQ(r.kind, ReplyKind::kAnswer) << named << " -> " << r.text;
  }
}

// "Is an elevated AFP level a sign of liver cancer?" asks about a lab test
// the article never names: not covered, by its code. A test the article
// names is answered, and one's own values told in a story ("my AST is
// 58") are not what a question after them asks about.
TEST(SubjectCheck, ALabTestTheArticleNeverNamesIsAskedAbout) {
  const std::string article = Article(
      "Is fatty liver disease serious?",
      "Fatty liver disease means that too much fat has built up in the "
      "liver cells. Most cases are mild and can be reversed.",
      {{"Fatty liver with inflammation",
        "A raised ALT in the blood can mean that the fat inflames the liver; "
        "the liver can heal when the fat goes."},
       {"Scarring", "Years of inflammation can scar the liver (cirrhosis)."}},
      "Lose weight gradually and avoid alcohol.");
  const Reply afp =
      FirstReply(article, "Is an elevated AFP level a sign of liver cancer?");
  EXPECT_EQ(afp.kind, ReplyKind::kFallback) << afp.text;
  EXPECT_EQ(afp.not_covered, "afp");
  const Reply alt =
      FirstReply(article, "Does a high ALT mean my liver is inflamed?");
  EXPECT_EQ(alt.kind, ReplyKind::kAnswer) << alt.not_covered << alt.text;
  const Reply told =
      FirstReply(article,
                 "My liver tests were abnormal (AST 58, ALT 71). Has my liver "
                 "been damaged beyond healing, or will it heal?");
  EXPECT_EQ(told.not_covered.find("ast"), std::string::npos) << told.text;
  EXPECT_EQ(told.kind, ReplyKind::kAnswer) << told.text;
}

// "I eat more vegetables, exercise more and drink less alcohol. Do you
// think these measures might help?": habits told, asked whether they help,
// are asked of the article's advice, not of the section the alcohol names.
TEST(Facets, HabitsToldAndAskedIfTheyHelpAreAskedOfTheAdvice) {
  const std::string article = Article(
      "Is fatty liver disease serious?",
      "Fatty liver disease means that too much fat has built up in the "
      "liver cells.",
      {{"Alcohol-related fatty liver",
        "Regular drinking above the limits can cause fat to build up in the "
        "liver; it improves within weeks of stopping drinking."},
       {"Scarring", "Years of inflammation can scar the liver."}},
      "Helpful steps are gradual weight loss, at least 150 minutes of brisk "
      "activity a week and no alcohol.");
  const Reply habits = FirstReply(
      article,
      "My doctor says I have fatty liver. I am eating more vegetables and "
      "plan to exercise more and drink less alcohol. Do you think these "
      "measures might help?");
  EXPECT_NE(habits.text.find("150 minutes"), std::string::npos)
      << habits.node << ": " << habits.text;
  // Alcohol alone, asked of its own section, stays there.
  const Reply alcohol = FirstReply(
      article, "I drink every day. Does stopping drinking help the liver?");
  EXPECT_NE(alcohol.text.find("within weeks"), std::string::npos)
      << alcohol.node << ": " << alcohol.text;
}

// "My stent hurts. When can I have it out?": how long asked of what the
// story tells (a stent the article names in passing), from a section that
// never says how long, is not answered by that section: the article does
// not say. A story that names the subject is asked of it as before.
TEST(Aspects, HowLongAskedOfAThingTheStoryTellsThatTheArticleNeverTimes) {
  const std::string article = Article(
      "Are kidney stones dangerous?",
      "Kidney stones are hard lumps of minerals that form in the kidney.",
      {{"Stones passing down the ureter",
        "Stones up to about 10 millimetres can still pass within a few "
        "weeks."},
       {"Large or blocking stones",
        "Large stones are broken up with shock waves. A temporary stent may "
        "keep urine flowing."}},
      "Drink plenty of water.");
  const Reply stent =
      FirstReply(article, "My stent hurts. When can I have it out?");
  EXPECT_EQ(stent.kind, ReplyKind::kFallback)
      << stent.node << ": " << stent.text;
  EXPECT_NE(stent.text.find("does not say how long"), std::string::npos)
      << stent.text;
  const Reply stone =
      FirstReply(article,
                 "I have a 6 millimetre kidney stone in the ureter. How long "
                 "will it take to pass?");
  EXPECT_EQ(stone.kind, ReplyKind::kAnswer) << stone.text;
  EXPECT_NE(stone.text.find("within a few weeks"), std::string::npos)
      << stone.text;
}

// "How big can a ganglion get?" is asked of the section that gives its
// sizes ("from the size of a pea to about 3 centimetres"), not of the
// summary the title's words lead to.
TEST(Aspects, HowBigIsAskedOfTheSectionThatGivesSizes) {
  const std::string article = Article(
      "Is a ganglion cyst something to worry about?",
      "A ganglion cyst is a lump filled with jelly-like fluid that grows out "
      "of a joint. It is not cancer.",
      {{"Where they appear", "Most ganglions sit on the back of the wrist."},
       {"Symptoms",
        "A ganglion is a smooth lump, from the size of a pea to about 3 "
        "centimetres. Many cause no pain."},
       {"Surgery", "An operation removes the ganglion with its stalk."}},
      "Leave a ganglion that does not bother you alone.");
  const Reply r = FirstReply(article, "How big can a ganglion cyst get?");
  EXPECT_EQ(r.node, "symptoms") << r.text;
}

}  // namespace
}  // namespace faqbot::dialogs
