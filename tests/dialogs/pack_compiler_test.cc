#include <gtest/gtest.h>

#include "bot/pack_loader.h"
#include "dialogs/article_knowledge.h"
#include "dialogs/dialog_runner.h"
#include "dialogs/dialog_tree.h"
#include "dialogs/intents_file.h"
#include "tests/support/first_reply.h"
#include "tests/support/sample_article.h"
#include "tests/support/test_lexicon.h"

namespace faqbot::dialogs {
namespace {

std::shared_ptr<const Pack> Load(const char* name) {
  auto pack =
      bot::LoadPack(std::string(FAQBOT_SOURCE_DIR) + "/content/" + name);
  EXPECT_TRUE(pack) << pack.error().message;
  return pack ? *pack : nullptr;
}

Result<std::shared_ptr<const Pack>> Compile(std::string_view article,
                                            std::string_view intents = "") {
  return testing::CompileArticle(article, intents);
}

constexpr const char* kArticle = testing::kMigraineArticle;

using testing::FirstReply;

// A short article on bunions: the title and summary, then `rest` (its
// sections and closing advice).
std::string Bunion(std::string_view rest) {
  return "Is a bunion something to worry about?\n"
         "A bunion is a bony lump at the base of the big toe. Details are as "
         "follows:\n" +
         std::string(rest);
}

// An author who rewords a heading with an explicit id changes nothing for
// the conversations, intents files and tests that name it.
TEST(PackCompiler, AnExplicitIdSurvivesRewordingTheHeading) {
  std::string article = kArticle;
  article.replace(article.find("2. Hormones\n"), 12,
                  "2. Hormones {#hormonal}\n");
  auto before = Compile(article);
  ASSERT_TRUE(before) << before.error().message;
  ASSERT_NE((*before)->Find("hormonal"), nullptr);
  EXPECT_EQ((*before)->Find("hormonal")->title, "Hormones");
  ASSERT_NE((*before)->Find("hormonal.treatment"), nullptr);

  DialogState state;
  auto r =
      DialogRunner(before->get()).Step(&state, {"what about hormones", ""});
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(state.topic, "hormonal");

  article.replace(article.find("2. Hormones {"), 13, "2. Hormone changes {");
  auto after = Compile(article);
  ASSERT_TRUE(after) << after.error().message;
  EXPECT_EQ((*after)->Find("hormonal")->title, "Hormone changes");
  EXPECT_NE((*before)->generation, (*after)->generation);
  r = DialogRunner(after->get()).Step(&state, {"how is it treated?", ""});
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->node, "hormonal.treatment");
  EXPECT_TRUE(r->notice.empty()) << "the conversation goes on: " << r->notice;
}

// A derived id never takes the id an author gave another section.
TEST(PackCompiler, ADerivedIdMakesWayForAnExplicitOne) {
  std::string article = kArticle;
  article.replace(article.find("2. Hormones\n"), 12, "2. Hormones {#stress}\n");
  auto pack = Compile(article);
  ASSERT_TRUE(pack) << pack.error().message;
  EXPECT_EQ((*pack)->Find("stress")->title, "Hormones");
  ASSERT_NE((*pack)->Find("stress-2"), nullptr);
  EXPECT_EQ((*pack)->Find("stress-2")->title, "Stress");
}

TEST(PackCompiler, BuildsTopicsFacetsAndSources) {
  auto pack = Compile(kArticle);
  ASSERT_TRUE(pack) << pack.error().message;
  const Pack& p = **pack;
  ASSERT_EQ(p.topics.size(), 4u);  // overview, 2 sections, advice
  EXPECT_EQ(p.section_ids, (std::vector<std::string>{"stress", "hormones"}));
  const Node* treat = p.Find("hormones.treatment");
  ASSERT_NE(treat, nullptr);
  EXPECT_EQ(treat->text,
            "Hormones (treatment): Treatment with prescribed medication can "
            "help.");
  EXPECT_EQ(treat->source.section, 2);
  EXPECT_EQ(treat->source.title, "Hormones");
  ASSERT_NE(p.Find("stress.symptoms"), nullptr);
  EXPECT_NE(p.Find("stress.symptoms")->text.find("throbbing headache"),
            std::string::npos);
  ASSERT_NE(p.Find("advice"), nullptr);
  EXPECT_EQ(p.Find("advice")->source.section, 3);
  // The lead-in "Details are as follows:" is not part of the answer.
  EXPECT_EQ(p.Find("overview")->text.find("follows"), std::string::npos);
  EXPECT_EQ(p.Find("overview")->choices, p.section_ids);
}

TEST(PackCompiler, EveryAnswerIsTheArticlesOwnSentences) {
  auto pack = Load("liver-calcification");
  ASSERT_TRUE(pack);
  const std::string& article =
      pack->document.summary + " " + pack->document.advice;
  for (const auto& node : pack->nodes) {
    if (node.kind != NodeKind::kFacet) continue;
    const std::string body = node.text.substr(node.text.find(": ") + 2);
    std::string section_text = article;
    for (const auto& s : pack->document.sections) section_text += " " + s.body;
    // Each sentence of the answer appears verbatim in the article.
    for (const auto& sentence :
         SplitSentences(body, *faqbot::testing::TestLexicon())) {
      EXPECT_NE(section_text.find(sentence), std::string::npos)
          << node.id << ": " << sentence;
    }
  }
}

TEST(PackCompiler, LiverPackHasTheExpectedTree) {
  auto pack = Load("liver-calcification");
  ASSERT_TRUE(pack);
  EXPECT_EQ(pack->section_ids.size(), 5u);
  for (const char* id :
       {"overview", "overview.definition", "parasitic-infection",
        "parasitic-infection.treatment", "chronic-hepatitis.treatment",
        "congenital-developmental-abnormalities.treatment", "advice.lifestyle",
        "all.treatment", "all.symptoms", "all.follow-up"}) {
    EXPECT_NE(pack->Find(id), nullptr) << id;
  }
  EXPECT_TRUE(pack->Find("all.treatment")->asks);
  EXPECT_NE(pack->Find("overview.definition")->text.find("echogenic"),
            std::string::npos);
}

TEST(PackCompiler, ReportsIntentsFileErrorsWithLine) {
  const struct {
    const char* intents;
    const char* error;
  } cases[] = {
      {"[node nowhere]\nkeywords: x",
       "intents.txt line 1: no node \"nowhere\""},
      {"[node stress]\npattern: (fever",
       "intents.txt line 2: pattern "
       "\"(fever\": '(' at column 1 is "
       "never closed"},
      {"[node stress.symptoms]\nkeywords: x",
       "intents.txt line 1: "
       "\"stress.symptoms\" is a facet"},
      {"[synonyms]\nliver:",
       "intents.txt line 2: synonym group for \"liver\" "
       "lists no alternatives"},
      {"[settings]\nanswer threshold = high",
       "intents.txt line 2: setting "
       "\"answer threshold\" needs a "
       "number"},
      {"[settings]\nspeed = 3", "intents.txt line 2: unknown setting"},
      {"[red flags]\nx: (a", "intents.txt line 2: pattern \"(a\""},
  };
  for (const auto& c : cases) {
    auto pack = Compile(kArticle, c.intents);
    ASSERT_FALSE(pack) << c.intents;
    EXPECT_TRUE(pack.error().message.starts_with(c.error))
        << "got: " << pack.error().message;
  }
}

TEST(PackCompiler, AppliesSettings) {
  auto pack = Compile(kArticle, "[settings]\nanswer threshold = 2.5\n");
  ASSERT_TRUE(pack) << pack.error().message;
  EXPECT_DOUBLE_EQ((*pack)->settings.answer_threshold, 2.5);
}

}  // namespace
}  // namespace faqbot::dialogs

namespace faqbot::dialogs {
namespace {

// "What causes it?" about a summary that does not name the causes: the
// sections' sentences on causes, not a sentence telling what it causes
// ("they often cause no symptoms").
TEST(PackCompiler, CausesAreGatheredFromTheSectionsThatTellThem) {
  constexpr const char* kBunions =
      "What is a bunion?\n"
      "A bunion is a bony lump at the base of the big toe. Most are "
      "mild. Details are as follows:\n"
      "1. Shoes\n"
      "Tight, pointed shoes can cause the big toe to lean over time.\n"
      "2. Family traits\n"
      "A foot shape that runs in families is linked to bunions.\n"
      "3. Small bunions\n"
      "Small bunions often cause no symptoms and need no treatment.\n"
      "4. Large bunions\n"
      "A large bunion can cause trouble finding shoes.\n"
      "5. Rubbing\n"
      "The rubbing can lead to a thick callus, which is treated by a "
      "podiatrist.\n"
      "Wear wide shoes.\n";
  const Reply r = FirstReply(kBunions, "what causes bunions?");
  EXPECT_EQ(r.node, "all.cause");
  EXPECT_NE(r.text.find("pointed shoes"), std::string::npos) << r.text;
  EXPECT_NE(r.text.find("runs in families"), std::string::npos) << r.text;
  EXPECT_EQ(r.text.find("no symptoms"), std::string::npos) << r.text;
  // What the subject causes is no cause of it, nor what something else
  // leads to in a sentence of care.
  EXPECT_EQ(r.text.find("finding shoes"), std::string::npos) << r.text;
  EXPECT_EQ(r.text.find("thick callus"), std::string::npos) << r.text;

  // "No cause is found" tells of the causes ("cause", a noun after "no"):
  // the summary's sentence is among them, where "most cause no trouble"
  // would not be.
  std::string unknown = kBunions;
  unknown.replace(unknown.find("Most are mild."), 14,
                  "Bunions are common in dancers, but often no cause is "
                  "found.");
  const Reply none = FirstReply(unknown, "what causes bunions?");
  EXPECT_NE(none.text.find("no cause is found"), std::string::npos)
      << none.text;

  // A summary that names the causes answers the question itself.
  std::string named = kBunions;
  named.replace(named.find("Most are mild."), 14,
                "It may result from tight shoes or family traits.");
  EXPECT_EQ(FirstReply(named, "what causes bunions?").node, "overview");
}

// The question's words meet two sections' sentences about as well (the
// symptoms' "tingling", the surgery's "the foot is rested"): the section
// the question scores clearly higher answers, not the one whose sentence
// is a little shorter.
TEST(PackCompiler, NearlyEqualSentencesGoToTheSectionTheQuestionNames) {
  constexpr const char* kBunions =
      "Is a bunion deformity something to worry about?\n"
      "A bunion deformity is a bony lump at the base of the big toe that "
      "changes the shape of the foot. Most bunions are mild. Details are as "
      "follows:\n"
      "1. Symptoms\n"
      "A bunion is a firm lump beside the big toe. Many cause no pain at "
      "all. One that presses on a nerve can cause aching, tingling or "
      "numbness in the toes.\n"
      "2. Wide shoes\n"
      "Wide, soft shoes ease the rubbing. Hitting the lump or cutting it "
      "yourself can injure the toe.\n"
      "3. Surgery\n"
      "An operation straightens the toe. Afterwards the foot is rested in a "
      "bandage for a few days.\n"
      "Wear wide shoes.\n";
  const Reply r =
      FirstReply(kBunions, "Can a bunion deformity cause tingling in my foot?");
  EXPECT_TRUE(r.node.starts_with("symptoms")) << r.node;
}

// `question` is answered from `article` (from a node whose id starts with
// `node`), and falls back once `from` is reworded as `to`.
void AnswersUntilReworded(std::string article, const std::string& question,
                          std::string_view from, std::string_view to,
                          std::string_view node = "") {
  Reply r = FirstReply(article, question);
  EXPECT_EQ(r.kind, ReplyKind::kAnswer) << r.text;
  EXPECT_TRUE(r.node.starts_with(node)) << r.node;
  article.replace(article.find(from), from.size(), to);
  r = FirstReply(article, question);
  EXPECT_EQ(r.kind, ReplyKind::kFallback) << r.text;
}

// What the article's definition calls its subject names it too: "a
// lump" to an article whose bunion "is a bony lump".
TEST(PackCompiler, TheDefinitionsWordForTheSubjectNamesIt) {
  std::string bunions =
      "What is a bunion?\n"
      "A bunion is a bony lump at the base of the big toe. Details are as "
      "follows:\n"
      "1. Shoes\n"
      "Tight, pointed shoes can cause the big toe to lean over time.\n"
      "Wear wide shoes.\n";
  AnswersUntilReworded(bunions, "I have a lump by my big toe, is it serious?",
                       "is a bony lump", "is a bony knob");
  // A word that says nothing of a finding's kind ("lump") brings the
  // others of [vague-findings] with it: "a mass", "a growth", "a bump".
  AnswersUntilReworded(bunions, "I have a mass by my big toe, is it serious?",
                       "is a bony lump", "is a bony knob");
  AnswersUntilReworded(bunions, "I have a bump by my big toe, is it serious?",
                       "is a bony lump", "is a bony knob");
}

// How the article says its subject is felt or seen ("can be felt as a
// smooth lump") names it as a definition does; "such as" lists do not.
TEST(PackCompiler, WhatTheSubjectIsFeltAsNamesIt) {
  std::string ganglia =
      "Are ganglion cysts dangerous?\n"
      "A ganglion cyst is a sac of jelly beside a joint. A ganglion cyst "
      "can be felt as a smooth lump under the skin. Details are as "
      "follows:\n"
      "1. Small cysts\n"
      "Small cysts often go away by themselves.\n"
      "Rest the joint.\n";
  AnswersUntilReworded(ganglia, "I have a lump on my wrist, is it serious?",
                       "felt as a smooth", "felt, with a smooth");
}

// The title's words name the subject every message is about: rare in
// the sections ("ganglion" where they all say "cyst"), they do not pull a
// question to the summary from the section its own words point to.
TEST(PackCompiler, TheTitlesWordsDoNotOutweighASectionsOwnWord) {
  constexpr const char* kGanglia =
      "Are ganglion cysts dangerous?\n"
      "A ganglion cyst is a sac of jelly beside a joint. Details are as "
      "follows:\n"
      "1. Wrist cysts\n"
      "A cyst on the wrist may shrink when the wrist rests in a splint.\n"
      "2. Finger cysts\n"
      "A cyst on a finger can press on the nail.\n"
      "3. Foot cysts\n"
      "A cyst on the foot can rub against a shoe.\n"
      "4. Painful cysts\n"
      "A painful cyst can be drained with a needle.\n"
      "Rest the joint when a cyst hurts.\n";
  EXPECT_EQ(FirstReply(kGanglia, "Will a splint help my ganglion cyst?")
                .node.substr(0, 11),
            "wrist-cysts");
  EXPECT_EQ(FirstReply(kGanglia, "what are ganglion cysts?").node.substr(0, 8),
            "overview");
}

// An everyday disease word the article never uses ("pneumonia" to an
// article on lung nodules) is another condition: not covered.
TEST(PackCompiler, AnEverydayDiseaseTheArticleNeverNamesIsNotCovered) {
  std::string nodules =
      "Are lung nodules dangerous?\n"
      "A lung nodule is a small round spot in the lung. Details are as "
      "follows:\n"
      "1. Small nodules\n"
      "Small nodules are checked with a repeat scan after a year.\n"
      "Stop smoking.\n";
  const Reply r = FirstReply(nodules,
                             "My chest X-ray shows pneumonia. How long will it "
                             "take to clear?");
  EXPECT_EQ(r.kind, ReplyKind::kFallback) << r.text;
  EXPECT_NE(r.text.find("pneumonia"), std::string::npos) << r.text;
  // One the person has beside the subject is no question about it.
  const Reply beside = FirstReply(
      nodules, "He has asthma and a small lung nodule. Does it need a scan?");
  EXPECT_EQ(beside.kind, ReplyKind::kAnswer) << beside.text;
}

// An article that gives sizes speaks of size ("does the size matter?" is
// no scope word then), and a question about size after a story's size
// asks about the section whose range holds it.
TEST(PackCompiler, ASizeQuestionIsAnsweredFromTheStorysSizeRange) {
  constexpr const char* kStones =
      "Are gallstones dangerous?\n"
      "Gallstones are hard lumps in the gallbladder. Details are as "
      "follows:\n"
      "1. Small stones\n"
      "Stones under 1 centimetre rarely cause trouble.\n"
      "2. Large stones\n"
      "Stones over 3 centimetres may need an operation.\n"
      "Keep a healthy weight.\n";
  EXPECT_EQ(FirstReply(kStones, "Does the size of a gallstone matter?").kind,
            ReplyKind::kAnswer);
  const Reply r = FirstReply(
      kStones, "My gallstone is 3.5 cm. Does the size of a gallstone matter?");
  EXPECT_TRUE(r.node.starts_with("large-stones")) << r.node;
}

// A liver-cyst article of two sections, headings and bodies as given.
std::string LiverCysts(std::string_view first, std::string_view first_body,
                       std::string_view second, std::string_view second_body) {
  return "Are liver cysts dangerous?\nA liver cyst is a pocket of fluid in "
         "the liver. Details are as follows:\n1. " +
         std::string(first) + "\n" + std::string(first_body) + "\n2. " +
         std::string(second) + "\n" + std::string(second_body) +
         "\nEat well.\n";
}

// The answer to `question` (a cause question) holds `kept` and not
// `left_out`.
void GathersAsCause(std::string_view article, const std::string& question,
                    std::string_view kept, std::string_view left_out) {
  const Reply r = FirstReply(article, question);
  EXPECT_NE(r.text.find(kept), std::string::npos) << r.text;
  EXPECT_EQ(r.text.find(left_out), std::string::npos) << r.text;
}

// "It is treated when the symptoms come from it": what comes from the
// subject is what it causes, and a cause question does not gather it.
TEST(PackCompiler, WhatComesFromTheSubjectIsNoCauseOfIt) {
  GathersAsCause(
      LiverCysts("Large cysts",
                 "A large cyst is treated when the pain clearly "
                 "comes from it.",
                 "Tapeworm cysts", "Some cysts are caused by a tapeworm."),
      "what causes liver cysts?", "tapeworm", "comes from it");
}

// "My Pap smear came back abnormal. What does that mean?": pointing back
// at a story of words the article never uses asks about those.
TEST(PackCompiler, PointingBackAtWordsTheArticleLacksIsNoMatch) {
  constexpr const char* kFibroids =
      "Are fibroids dangerous?\n"
      "Fibroids are benign growths of the womb. Details are as follows:\n"
      "1. Heavy periods\n"
      "Fibroids can cause heavy periods.\n"
      "See a doctor for heavy bleeding.\n";
  EXPECT_EQ(FirstReply(kFibroids,
                       "My Pap smear came back abnormal. What does that "
                       "mean?")
                .kind,
            ReplyKind::kFallback);
  EXPECT_EQ(
      FirstReply(kFibroids, "My fibroid came back. What does that mean?").kind,
      ReplyKind::kAnswer);
}

// "Can pancreatic enzyme tablets help my digestion?" to an article on
// pancreatic cysts: a question that names the organ but not the subject
// asks about a thing the article never names; in everyday words ("at
// home") it still asks the article.
TEST(PackCompiler, TheOrganAloneWithAThingTheArticleLacksIsNotCovered) {
  constexpr const char* kPancreas =
      "Are pancreatic cysts dangerous?\n"
      "A pancreatic cyst is a pocket of fluid in the pancreas. Details are "
      "as follows:\n"
      "1. Small cysts\n"
      "Small cysts are watched with a scan every year.\n"
      "Eat well, drink little alcohol and keep your scans for the "
      "pancreas.\n";
  const Reply enzyme =
      FirstReply(kPancreas, "Can pancreatic enzyme tablets help my digestion?");
  EXPECT_EQ(enzyme.kind, ReplyKind::kFallback) << enzyme.text;
  EXPECT_NE(enzyme.text.find("enzyme"), std::string::npos) << enzyme.text;
  EXPECT_EQ(
      FirstReply(kPancreas, "What can I do at home to protect my pancreas?")
          .kind,
      ReplyKind::kAnswer);
}

// "Does it hurt when they remove a polyp?": "painless" is "without pain"
// (lexicon synonyms), so the section that says so answers.
TEST(PackCompiler, PainlessIsAboutPain) {
  const Reply r = FirstReply(
      "Are colon polyps dangerous?\n"
      "A colon polyp is a small growth in the bowel. Polyps usually cause no "
      "symptoms and are found during a colonoscopy. Details are as "
      "follows:\n"
      "1. Adenomas\n"
      "Adenomas are precancerous and are removed.\n"
      "2. Large polyps\n"
      "A large polyp may be removed in pieces.\n"
      "3. Removing polyps\n"
      "Most polyps are taken off during the colonoscopy with a wire loop, "
      "which is painless.\n"
      "4. Follow-up\n"
      "The next colonoscopy is due in a few years.\n"
      "Keep your check-ups.\n",
      "Does it hurt when they remove a polyp?");
  // The section's sentence on pain, as its answer on symptoms.
  EXPECT_EQ(r.node, "removing-polyps.symptoms") << r.text;
  EXPECT_NE(r.text.find("painless"), std::string::npos) << r.text;
}

// "Dozens of cysts are usually inherited": a sentence that says whether
// it runs in families tells a cause, though no cause cue is in it.
TEST(PackCompiler, WhatRunsInFamiliesIsACause) {
  GathersAsCause(LiverCysts("Many cysts",
                            "Dozens of cysts throughout the liver are "
                            "usually inherited.",
                            "Large cysts",
                            "A large cyst can press on the "
                            "stomach."),
                 "what causes liver cysts?", "inherited",
                 "press on the stomach");
}

// "Because" after a test or a treatment gives the reason for the care:
// a cause question does not gather it.
TEST(PackCompiler, AReasonForCareIsNoCause) {
  constexpr const char* kGanglia =
      "Are ganglion cysts dangerous?\n"
      "A ganglion cyst is a sac of jelly beside a joint. Details are as "
      "follows:\n"
      "1. Wrist cysts\n"
      "Strain of the wrist can cause a cyst to form.\n"
      "2. Unusual cysts\n"
      "An unusual cyst is checked with an ultrasound scan, because a few "
      "are other growths.\n"
      "Rest the joint.\n";
  GathersAsCause(kGanglia, "what causes ganglion cysts?", "Strain of the wrist",
                 "other growths");
  // "..., which is why it is drained": the reason for what follows.
  GathersAsCause(
      LiverCysts("Big cysts",
                 "A big cyst can press on the stomach, which is "
                 "why it is drained.",
                 "Tapeworm cysts", "Some cysts are caused by a tapeworm."),
      "what causes liver cysts?", "tapeworm", "which is why");
}

// In a gallstone article: "a stone ... can cause jaundice" tells what the
// subject (a compound title word's finding) leads to, "because" after
// words that name neither the subject nor point back gives the reason for
// something else, and what the stones are made of is a cause.
TEST(PackCompiler, WhatTheSubjectLeadsToOrAReasonForSomethingElseIsNoCause) {
  constexpr const char* kGallstones =
      "Are gallstones dangerous?\n"
      "Gallstones are hard lumps in the gallbladder. Details are as "
      "follows:\n"
      "1. Blocked duct\n"
      "A stone that moves into the bile duct can cause jaundice.\n"
      "2. Surgery\n"
      "You can live well without a gallbladder, because bile then flows "
      "into the gut.\n"
      "3. Kinds of stones\n"
      "Most stones are made of cholesterol from the bile.\n"
      "Keep a healthy weight.\n";
  const Reply r = FirstReply(kGallstones, "what causes gallstones?");
  EXPECT_NE(r.text.find("cholesterol"), std::string::npos) << r.text;
  EXPECT_EQ(r.text.find("jaundice"), std::string::npos) << r.text;
  EXPECT_EQ(r.text.find("bile then flows"), std::string::npos) << r.text;
}

// A kind of the subject the article names in parentheses ("a fluid-filled
// nodule (a cyst)") names the subject in that section; without the
// parentheses the cyst is only mentioned in passing, not covered.
TEST(PackCompiler, ANameInParenthesesForTheSubjectNamesIt) {
  std::string nodules =
      "Are thyroid nodules dangerous?\n"
      "A thyroid nodule is a lump in the thyroid. Details are as follows:\n"
      "1. Small nodules\n"
      "A fluid-filled nodule (a cyst) can be drained with a needle.\n"
      "2. Large nodules\n"
      "Large nodules can be removed with an operation.\n"
      "Keep your check-ups.\n";
  AnswersUntilReworded(nodules, "My thyroid has a cyst, can it be drained?",
                       "(a cyst)", "or cyst", "small-nodules");
  EXPECT_EQ(ParenthesisedNames("a nodule (hypoechoic) or (lobectomy)",
                               *faqbot::testing::TestLexicon())
                .size(),
            0u);
  // A name of a few words ending in a finding's word: the words that
  // describe it come with it.
  const auto named = ParenthesisedNames(
      "Flat polyps (sessile serrated lesions) and a nodule (of 5 mm lesions)",
      *faqbot::testing::TestLexicon());
  ASSERT_EQ(named.size(), 1u);
  EXPECT_EQ(named[0].named, "polyps");
  EXPECT_EQ(named[0].name, "sessile serrated lesions");
  // ...so the article answers that name, though "lesion" is otherwise only
  // mentioned in it.
  const Reply r = FirstReply(
      "Are colon polyps dangerous?\n"
      "A colon polyp is a small growth in the bowel. Details are as "
      "follows:\n"
      "1. Flat polyps\n"
      "Flat polyps (sessile serrated lesions) are harder to see.\n"
      "2. Small polyps\n"
      "Small polyps are removed during the colonoscopy.\n"
      "Keep your check-ups.\n",
      "What does sessile serrated lesion mean?");
  EXPECT_EQ(r.node.substr(0, 11), "flat-polyps") << r.node << ": " << r.text;
}

// The advice's signs as a person tells them: "cold and weak" toes now
// are urgent (the sign's "become" is no word a person must repeat), and
// "can a bunion make my toes numb?" asks what it causes, in general; an
// operation's circumstance alone is no sign ("can it come back after
// surgery?" gets no warning).
TEST(WarningSigns, AreReadAsAPersonTellsThem) {
  const std::string kBunions = Bunion(
      "1. Surgery\n"
      "An operation straightens the toe. A bunion can come back after "
      "surgery.\n"
      "See a doctor promptly if the toe becomes red, hot and swollen, if "
      "your toes become numb, cold or weak, or, after an operation, if the "
      "wound leaks pus or you have a fever.\n");
  EXPECT_EQ(
      FirstReply(kBunions, "Since this morning my toes are cold and weak.")
          .kind,
      ReplyKind::kEscalation);
  EXPECT_EQ(FirstReply(kBunions, "My big toe is hot and swollen today.").kind,
            ReplyKind::kEscalation);
  EXPECT_NE(FirstReply(kBunions, "Can a bunion make my toes numb?").kind,
            ReplyKind::kEscalation);
  // The list of signs tells when to get help; naming an operation in it
  // makes it no treatment.
  const Reply treated = FirstReply(kBunions, "How are bunions treated?");
  EXPECT_EQ(treated.text.find("See a doctor promptly"), std::string::npos)
      << treated.node << ": " << treated.text;
  const Reply again =
      FirstReply(kBunions, "Can a bunion come back after surgery?");
  EXPECT_EQ(again.kind, ReplyKind::kAnswer) << again.text;
  EXPECT_EQ(again.caveat, "") << "no warning sign is told";
}

// "Can it come back after surgery?" asks a treatment of the surgery
// section and whether it recurs: the section's sentence on that (beside
// its treatment sentences) is in the answer.
TEST(PackCompiler, AnAspectToldBesideTheFacetsSentencesIsAnswered) {
  const std::string kBunions = Bunion(
      "1. Wide shoes\n"
      "Wide, soft shoes ease the rubbing.\n"
      "2. Medicines\n"
      "Painkillers ease the ache.\n"
      "3. Surgery\n"
      "An operation straightens the toe and removes the bony lump. The "
      "bunion still comes back in about 1 in 10 people.\n"
      "Wear wide shoes.\n");
  const Reply r = FirstReply(kBunions, "Can a bunion come back after surgery?");
  EXPECT_NE(r.text.find("1 in 10"), std::string::npos)
      << r.node << ": " << r.text;
  EXPECT_EQ(r.node, "surgery") << "not the section headed for treatment";
}

// "Within one or two days" tells how long (the duration aspect): "how long
// is the recovery after surgery?" gets that sentence with no caveat that
// the article does not say.
TEST(PackCompiler, AFewDaysOrTwoTellHowLong) {
  const std::string kBunions = Bunion(
      "1. Wide shoes\n"
      "Wide, soft shoes ease the rubbing.\n"
      "2. Surgery\n"
      "An operation straightens the toe and removes the bony lump. Most "
      "people walk within one or two days.\n"
      "Wear wide shoes.\n");
  const Reply r =
      FirstReply(kBunions, "How long is the recovery after bunion surgery?");
  EXPECT_NE(r.text.find("one or two days"), std::string::npos) << r.text;
  EXPECT_EQ(r.caveat, "") << r.caveat;
}

// A yes/no question of a treatment answered across sections opens with
// the summary when it says none is needed ("most need no treatment").
TEST(PackCompiler, AYesOrNoTreatmentQuestionOpensWithTheSummarysNo) {
  constexpr const char* kBunions =
      "Is a bunion something to worry about?\n"
      "A bunion is a bony lump at the base of the big toe. Most are small "
      "and need no treatment. Details are as follows:\n"
      "1. Wide shoes\n"
      "Wide, soft shoes with a deep toe box ease the rubbing and are the "
      "first treatment; padding, toe spacers and insoles that support the "
      "arch treat the pressure on the joint, and painkillers or an ice pack "
      "treat the ache after a long day on the feet.\n"
      "2. Surgery\n"
      "An operation treats a bunion when pain goes on despite shoes: the "
      "surgeon cuts and moves the bone, fixes it with small screws or "
      "plates, and the foot is treated in a stiff shoe for six weeks while "
      "the bone heals; swelling can last for months after the treatment. "
      "Keyhole treatment through small cuts is offered in some clinics, and "
      "physiotherapy treats the stiffness that follows.\n"
      "Wear wide shoes.\n";
  const Reply r = FirstReply(kBunions,
                             "A scan showed a small bunion. It does not hurt. "
                             "Do I need any treatment?");
  ASSERT_FALSE(r.parts.empty()) << r.node << ": " << r.text;
  EXPECT_EQ(r.parts[0].node, "overview") << r.text;
}

// How a treatment the question names feels ("does draining it hurt?") is
// asked of that treatment's section, not of the condition's symptoms.
TEST(PackCompiler, HowATreatmentFeelsIsAskedOfItsSection) {
  const Reply r = FirstReply(
      Bunion(
          "1. Symptoms\n"
          "A bunion can ache, swell and rub in tight shoes.\n"
          "2. Draining a bursa\n"
          "A doctor can drain a swollen bursa beside the bunion with a needle "
          "after numbing the skin.\n"
          "Wear wide shoes.\n"),
      "Does draining the bursa of a bunion hurt?");
  EXPECT_EQ(r.node, "draining-a-bursa") << r.text;
}

// The names in parentheses after the subject of the summary's definition
// ("a bunion (hallux valgus, HAV) is ...") are the subject's: "HAV" in a
// question is the subject, as "bunion" is, and the section its other words
// name answers.
TEST(PackCompiler, TheDefinitionsNamesInParenthesesAreTheSubjects) {
  const Reply r = FirstReply(
      "Is a bunion something to worry about?\n"
      "A bunion (hallux valgus, HAV) is a bony lump at the base of the big "
      "toe that bends the toe towards the others. Details are as follows:\n"
      "1. Self-help\n"
      "Cutting down on caffeine eases the ache.\n"
      "2. Surgery\n"
      "An operation straightens the toe.\n"
      "Wear wide shoes.\n",
      "Does caffeine make HAV worse?");
  EXPECT_EQ(r.node.substr(0, 9), "self-help") << r.node << ": " << r.text;
}

// "How long" asks a duration: its "long" names no section ("a
// long-standing bunion"), the medicine the question names does.
TEST(PackCompiler, HowLongNamesNoSection) {
  const Reply r =
      FirstReply(Bunion("1. Medicines\n"
                        "Anti-inflammatory gels such as diclofenac ease the "
                        "swelling over some "
                        "weeks.\n"
                        "2. Complications\n"
                        "A long-standing bunion can stiffen the joint.\n"
                        "Wear wide shoes.\n"),
                 "How long does diclofenac take to work?");
  EXPECT_EQ(r.node.substr(0, 9), "medicines") << r.node << ": " << r.text;
}

// "Do most bunions need an operation?" asks of them all: the summary,
// which says what most and a few are, answers, not the section on the few.
TEST(PackCompiler, AQuestionOfMostOfThemIsTheSummarys) {
  const Reply r = FirstReply(
      "Is a bunion something to worry about?\n"
      "A bunion is a bony lump at the base of the big toe. Most bunions stay "
      "mild and a few need an operation. Details are as follows:\n"
      "1. Wide shoes\n"
      "Wide, soft shoes ease the rubbing.\n"
      "2. Bunions that need an operation\n"
      "A bunion that hurts despite wide shoes is straightened with an "
      "operation.\n"
      "Wear wide shoes.\n",
      "Do most bunions need an operation?");
  EXPECT_NE(r.text.find("Most bunions stay mild"), std::string::npos)
      << r.node << ": " << r.text;
}

// A lifestyle question about the article as a whole, which two sections
// touch, is answered by the closing advice first (advice for everyone),
// not a choice between the sections; "the food pipe" is the oesophagus,
// no word of diet.
TEST(PackCompiler, ALifestyleQuestionOfTheWholeArticleOpensWithTheAdvice) {
  constexpr const char* kHernias =
      "Is a hiatal hernia serious?\n"
      "A hiatal hernia is when the stomach pushes up beside the food pipe "
      "into the chest. Details are as follows:\n"
      "1. Symptoms\n"
      "Reflux of acid into the oesophagus is worse after large or fatty "
      "meals, late dinners, alcohol and coffee, when bending over to tie "
      "shoes or lift, and when lying flat in bed at night, and it can wake "
      "people from sleep with a sour taste and a cough.\n"
      "2. Surgery\n"
      "An operation pulls the stomach back into the belly and narrows the "
      "opening with stitches; afterwards people eat soft food and small "
      "meals for a few weeks, avoid fizzy drinks and bread, and sleep "
      "propped up on pillows until the swelling around the repair has "
      "settled.\n"
      "Eat smaller meals, avoid eating within three hours of bedtime, raise "
      "the head of the bed, lose weight if you are overweight, stop smoking, "
      "and limit fatty food, alcohol, coffee and chocolate.\n";
  const Reply r =
      FirstReply(kHernias, "How should I sleep with a hiatal hernia?");
  EXPECT_EQ(r.kind, ReplyKind::kAnswer) << r.text;
  EXPECT_EQ(r.node, "advice.lifestyle") << r.text;
  EXPECT_EQ(r.text.find("pushes up beside"), std::string::npos) << r.text;
}

TEST(WarningSigns, AreTheListAfterTheAdvicesUrgentPhrase) {
  const auto& lex = *faqbot::testing::TestLexicon();
  EXPECT_EQ(
      WarningSigns("Drink plenty of water. See a doctor promptly for "
                   "severe pain, fever or chills, vomiting that stops "
                   "you keeping fluids down, or little or no urine.",
                   lex),
      (std::vector<std::string>{"severe pain", "fever or chills",
                                "vomiting that stops you keeping fluids down",
                                "little or no urine"}));
  EXPECT_EQ(WarningSigns("See a doctor promptly for yellowing of the skin or "
                         "eyes, a swollen abdomen, black stools or confusion.",
                         lex),
            (std::vector<std::string>{"yellowing of the skin or eyes",
                                      "a swollen abdomen", "black stools",
                                      "confusion"}));
  // A second phrase in the sentence starts a list of its own.
  EXPECT_EQ(WarningSigns("See a doctor promptly for pain that lasts for "
                         "hours, and seek urgent help for yellow skin or "
                         "eyes, or a high fever.",
                         lex),
            (std::vector<std::string>{"pain that lasts for hours",
                                      "yellow skin or eyes", "a high fever"}));
  // Describing words before a comma start the next sign: "a sudden" is
  // no sign of its own (every "sudden" was urgent).
  EXPECT_EQ(WarningSigns("Seek urgent help for a sudden, very severe "
                         "headache with vomiting, or for confusion.",
                         lex),
            (std::vector<std::string>{
                "a sudden very severe headache with vomiting", "confusion"}));
  // An aside between the phrase and its list ("seek urgent help, the
  // same day, for ...").
  EXPECT_EQ(WarningSigns("Seek urgent help, the same day, for new flashes "
                         "of light, or for a curtain across your vision.",
                         lex),
            (std::vector<std::string>{"new flashes of light",
                                      "a curtain across your vision"}));
  // Whichever phrase comes first, the list starts after it.
  EXPECT_EQ(
      WarningSigns("Seek urgent help for sudden severe pain in the "
                   "side, or for fever with chills, and see a doctor "
                   "promptly for blood in the urine.",
                   lex),
      (std::vector<std::string>{"sudden severe pain in the side",
                                "fever with chills", "blood in the urine"}));
  // Later items of a sign told as "becomes <word>" say more of the same;
  // "after an operation" tells when the next sign holds; a lone "or" is
  // none.
  EXPECT_EQ(
      WarningSigns("See a doctor promptly if the lump becomes red, hot and "
                   "swollen, if your fingers become numb, cold or weak, or, "
                   "after an operation, if the wound leaks pus or you have a "
                   "fever.",
                   lex),
      (std::vector<std::string>{
          "the lump becomes red", "the lump becomes hot and swollen",
          "your fingers become numb", "your fingers become cold or weak",
          "the wound leaks pus after an operation", "you have a fever"}));
  // "When the cause is unclear" is no list of signs.
  EXPECT_TRUE(WarningSigns("Patients should seek prompt medical attention "
                           "when the underlying cause remains unclear.",
                           lex)
                  .empty());
}

// Beside a list for urgent help, a list after "see a doctor promptly"
// asks for a doctor soon; an advice with one list lists emergencies.
TEST(WarningSigns, ADoctorSoonBesideUrgentHelp) {
  const auto& lex = *faqbot::testing::TestLexicon();
  const auto soon = [&](std::string_view advice) {
    std::vector<std::pair<std::string, bool>> out;
    for (const auto& s : AdviceSigns(advice, lex)) {
      out.emplace_back(s.text, s.soon);
    }
    return out;
  };
  using Signs = std::vector<std::pair<std::string, bool>>;
  EXPECT_EQ(soon("See a doctor promptly for a lump that grows quickly, and "
                 "seek urgent help for a lump that becomes red and hot."),
            (Signs{{"a lump that grows quickly", true},
                   {"a lump that becomes red and hot", false}}));
  EXPECT_EQ(soon("Seek urgent help for chest pain or fainting. See your "
                 "doctor promptly for beats with dizziness."),
            (Signs{{"chest pain", false},
                   {"fainting", false},
                   {"beats with dizziness", true}}));
  EXPECT_EQ(soon("See a doctor promptly for fever with pain or vomiting."),
            (Signs{{"fever with pain", false}, {"vomiting", false}}));
}

}  // namespace
}  // namespace faqbot::dialogs
