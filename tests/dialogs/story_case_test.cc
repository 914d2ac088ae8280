// A story that tells the asker's case ("a 3 cm cyst was found") and a
// question that names no section of its own ("do I need treatment?"): the
// section for that case answers, in an article with a section named for
// the treatment and in one without.
#include <gtest/gtest.h>

#include <string>

#include "bot/pack_loader.h"
#include "dialogs/dialog_runner.h"
#include "tests/support/pack_files.h"
#include "tests/support/sample_article.h"

namespace faqbot::dialogs {
namespace {

constexpr char kTreatmentSection[] =
    "3. Treatment options\n"
    "Treatment is considered when a cyst causes pain, keeps growing or "
    "bursts. Surgery that keeps part of the spleen is preferred.\n";

std::shared_ptr<const Pack> PackOf(const std::string& name,
                                   const std::string& article) {
  auto pack = bot::LoadPack(testing::WritePack(name, article).string());
  EXPECT_TRUE(pack) << pack.error().message;
  return pack ? *pack : nullptr;
}

Reply Ask(const Pack& pack, const std::string& text) {
  DialogState state;
  auto r = DialogRunner(&pack).Step(&state, {text, ""});
  EXPECT_TRUE(r);
  return r ? *r : Reply{};
}

// Asked `question`, `pack` answers with a reply that holds `words`.
void SaysIn(const Pack& pack, const std::string& question,
            std::string_view words) {
  const Reply r = Ask(pack, question);
  EXPECT_NE(r.text.find(words), std::string::npos)
      << question << " -> " << r.node << ": " << r.text;
}

constexpr char kSmallCase[] =
    "A 3 cm cyst was found on my spleen during a checkup. Do I need "
    "treatment?";

TEST(StoryCase, ANeedQuestionIsAnsweredFromTheStorysSection) {
  const auto pack =
      PackOf("story-case-with-treatment",
             testing::SpleenCystArticle("need no treatment; a repeat "
                                        "ultrasound after a year is enough.",
                                        kTreatmentSection));
  ASSERT_TRUE(pack);
  // Not "Treatment options", whose heading alone the question meets.
  const Reply r = Ask(*pack, kSmallCase);
  EXPECT_EQ(r.node.substr(0, 11), "small-cysts") << r.node << ": " << r.text;
  // A question that meets the section's sentences still gets it.
  SaysIn(*pack,
         "A 3 cm cyst was found. Which surgery keeps part of the "
         "spleen?",
         "keeps part of the spleen");
}

TEST(StoryCase, WithoutATreatmentSentenceTheSectionItselfAnswers) {
  const auto pack =
      PackOf("story-case-without-treatment",
             testing::SpleenCystArticle(
                 "are simply watched with a repeat ultrasound after a year.",
                 "3. Bleeding cysts\n"
                 "A cyst that bleeds is treated by surgery or drained with "
                 "a needle.\n"));
  ASSERT_TRUE(pack);
  const Reply r = Ask(*pack, kSmallCase);
  EXPECT_EQ(r.kind, ReplyKind::kAnswer);
  EXPECT_EQ(r.node, "small-cysts") << r.text;
  EXPECT_TRUE(r.parts.empty()) << "answered across sections: " << r.text;
}

// A story that names a kind of the finding the article does not ("a
// chocolate cyst"), or a baby as the patient, is what a question naming
// nothing asks about: not covered, though the story names the finding.
TEST(StoryCase, AKindOrAPatientTheArticleLacksDecidesTheQuestion) {
  const auto pack =
      PackOf("story-case-kind",
             testing::SpleenCystArticle("need no treatment; a repeat "
                                        "ultrasound after a year is enough.",
                                        kTreatmentSection));
  ASSERT_TRUE(pack);
  const Reply kind =
      Ask(*pack,
          "A 4 cm chocolate cyst was found on my spleen. Do I need "
          "treatment?");
  EXPECT_EQ(kind.kind, ReplyKind::kFallback) << kind.node << ": " << kind.text;
  EXPECT_NE(kind.text.find("chocolate cyst"), std::string::npos) << kind.text;
  const Reply baby =
      Ask(*pack, "My baby has a cyst on her spleen. Is it dangerous?");
  EXPECT_EQ(baby.kind, ReplyKind::kFallback) << baby.node << ": " << baby.text;
  EXPECT_EQ(Ask(*pack, kSmallCase).kind, ReplyKind::kAnswer);
}

constexpr char kPolyps[] =
    "Are colon polyps dangerous?\n"
    "A colon polyp is a small growth in the bowel. Details are as "
    "follows:\n"
    "1. Adenomas\n"
    "Adenomas are precancerous, so they are removed. Tubular adenomas are "
    "the most common adenomas. After removal, new polyps may form "
    "elsewhere.\n"
    "2. Follow-up colonoscopy\n"
    "After three or more adenomas the next colonoscopy is due in about "
    "three years. After more than ten, a test for an inherited syndrome "
    "may be advised.\n"
    "Keep your check-ups and see a doctor for blood in the stool.\n";

// "Four adenomas were removed. How often...?": check-ups asked of a section
// that says nothing of them are the section named for them ("Follow-up
// colonoscopy"), not the article's general advice.
TEST(StoryCase, CheckUpsComeFromTheSectionNamedForThem) {
  const auto pack = PackOf("story-case-follow-up", kPolyps);
  ASSERT_TRUE(pack);
  SaysIn(*pack,
         "Four adenomas were removed last week. How often will "
         "I need a check?",
         "three years");
  // Asked of that section itself, the section answers as a whole.
  SaysIn(*pack,
         "Four adenomas were removed at my colonoscopy. How "
         "often will I need another one?",
         "three years");
}

// "They found ten polyps. Could it be genetic?": after a story of the
// subject alone, an aspect ("genetic": heredity) only one section speaks
// to is asked of that section.
TEST(StoryCase, AnAspectAfterAStoryOfTheSubjectIsTheSectionOnIt) {
  const auto pack = PackOf("story-case-heredity", kPolyps);
  ASSERT_TRUE(pack);
  SaysIn(*pack,
         "They found more than ten polyps in my bowel. Could it "
         "be genetic?",
         "inherited");
}

// "If a polyp is removed, can it come back?": whether it comes back
// (recurrence: "new polyps may form") is asked of the one section that
// speaks to it, with a story of a supposition or none.
TEST(StoryCase, WhetherItComesBackIsTheSectionThatSaysSo) {
  const auto pack = PackOf("story-case-recurrence", kPolyps);
  ASSERT_TRUE(pack);
  SaysIn(*pack, "If a polyp is removed, can it come back?",
         "new polyps may form");
  SaysIn(*pack, "Can polyps come back?", "new polyps may form");
}

// "My cyst grew from 1.5 cm to 2.5 cm in a year. Is that worrying?": the
// growth the story tells ("grew from") is asked of the one section that
// speaks to it, not of the section the sizes' unit names.
TEST(StoryCase, GrowthToldInTheStoryIsAskedOfTheSectionOnIt) {
  const auto pack = PackOf(
      "story-case-growth",
      "Are pancreatic cysts dangerous?\n"
      "A pancreatic cyst is a pocket of fluid in the pancreas. Details are "
      "as follows:\n"
      "1. Small cysts\n"
      "Cysts smaller than 3 centimetres carry a very low risk and are "
      "watched with a scan.\n"
      "2. Cysts that need a closer look\n"
      "A cyst that grows quickly needs an endoscopic ultrasound.\n"
      "Keep your scans.\n");
  ASSERT_TRUE(pack);
  SaysIn(*pack,
         "My pancreatic cyst grew from 1.5 cm to 2.5 cm in a "
         "year. Is that worrying?",
         "grows quickly");
}

// "My father had bowel cancer. Should I be screened earlier?": the
// question's words ("screened") meet the summary and a section alike; the
// sentence the whole message meets in ("bowel cancer ... screening")
// decides.
TEST(StoryCase, WhenTheQuestionTiesTheWholeMessageDecides) {
  const auto pack = PackOf(
      "story-case-tie",
      "Are colon polyps dangerous?\n"
      "A colon polyp is a small growth on the lining of the large bowel. "
      "Polyps are common after the age of 50, usually cause no symptoms and "
      "are mostly found during a screening colonoscopy. Details are as "
      "follows:\n"
      "1. Adenomas\n"
      "Adenomas are precancerous, so they are removed. Once an adenoma has "
      "been removed it cannot turn into cancer.\n"
      "2. Hyperplastic polyps\n"
      "Small hyperplastic polyps almost never become cancer.\n"
      "3. Removing polyps\n"
      "Most polyps are taken off during the colonoscopy with a wire loop.\n"
      "4. Follow-up colonoscopy\n"
      "After more than ten adenomas a test for an inherited syndrome may be "
      "advised, and close relatives of someone with advanced adenomas or "
      "bowel cancer may need screening at a younger age.\n"
      "Keep your check-ups.\n");
  ASSERT_TRUE(pack);
  SaysIn(*pack, "My father had bowel cancer. Should I be screened earlier?",
         "younger age");
}

// "Is a 5 cm adrenal nodule cancer?": two sections score close (the size
// falls in both ranges), and only one speaks to the risk asked: that one
// answers instead of a choice.
TEST(StoryCase, OfTheCloseSectionsTheOneOnTheFacetAnswers) {
  const auto pack = PackOf(
      "story-case-facet",
      "Are adrenal nodules dangerous?\n"
      "An adrenal nodule is a lump in an adrenal gland. Details are as "
      "follows:\n"
      "1. Hormone tests\n"
      "Every nodule of 1 centimetre or more is checked with blood tests.\n"
      "2. Large nodules\n"
      "A nodule larger than 4 centimetres may be cancer.\n"
      "3. Removal\n"
      "The gland is removed by keyhole surgery.\n"
      "Keep your tests.\n");
  ASSERT_TRUE(pack);
  const Reply r = Ask(*pack, "Is a 5 cm adrenal nodule cancer?");
  EXPECT_EQ(r.kind, ReplyKind::kAnswer) << r.text;
  EXPECT_NE(r.text.find("may be cancer"), std::string::npos)
      << r.node << ": " << r.text;
}

// A heading's words count only when the message does not negate them:
// "I have no symptoms" is not "Large cysts that cause symptoms".
TEST(StoryCase, ANegatedWordIsNotTheHeadingThatSaysIt) {
  const auto pack =
      PackOf("story-case-negated",
             "Are liver cysts dangerous?\n"
             "A liver cyst is a thin-walled pocket of fluid inside the liver. "
             "Simple liver cysts are common, more so with age, and are nearly "
             "always harmless: they are not cancer, do not turn into cancer "
             "and do not harm the liver. Most cause no symptoms and are found "
             "by chance on an ultrasound or CT scan. What kind of cyst it is, "
             "and whether it causes symptoms, decides what is done. Specific "
             "situations are as follows:\n"
             "1. Simple cysts without symptoms\n"
             "A simple cyst has a thin smooth wall and clear fluid on "
             "ultrasound. It needs no treatment, no repeat scans and no blood "
             "tests, whatever its size. Many stay the same size for years; "
             "some grow slowly, which does not change anything while they "
             "cause no symptoms.\n"
             "2. Large cysts that cause symptoms\n"
             "A cyst larger than about 5 to 10 centimetres can press on the "
             "stomach or bile ducts and cause a feeling of fullness, pain in "
             "the upper right belly, nausea or bloating. It is treated when "
             "the symptoms clearly come from it: keyhole surgery removes the "
             "roof of the cyst (fenestration) so that it cannot fill again. "
             "Draining it with a needle helps only for a while, because the "
             "fluid comes back, unless a hardening liquid is injected "
             "(sclerotherapy).\n"
             "3. Many cysts (polycystic liver disease)\n"
             "Dozens of cysts throughout the liver are usually inherited, "
             "often together with cysts in the kidneys. The liver keeps "
             "working normally in most people, but it can grow large enough to "
             "cause discomfort; surgery or medicines that slow the growth are "
             "then considered.\n"
             "4. Cysts that are not simple\n"
             "A cyst with thick or uneven walls, inner walls (septations) or "
             "solid parts is checked with an MRI or CT scan. A few of these "
             "are cystic tumours that need removal, and cysts caused by a "
             "tapeworm (hydatid cysts) are treated with medicine and surgery.\n"
             "5. Bleeding or infected cysts\n"
             "Rarely, a cyst bleeds into itself or becomes infected, causing "
             "sudden pain or fever. These need a doctor's care, sometimes "
             "drainage and antibiotics.\n"
             "A simple liver cyst needs no special diet and no change to "
             "exercise or alcohol beyond the usual advice for a healthy liver. "
             "See a doctor promptly for a new pain or swelling in the upper "
             "right belly, and seek urgent help for severe sudden pain, fever "
             "with shivering, or yellow skin or eyes.\n");
  ASSERT_TRUE(pack);
  const Reply r = Ask(*pack,
                      "My ultrasound found a 2.4 cm liver cyst and I have no "
                      "symptoms. Do I need treatment?");
  EXPECT_TRUE(r.node.starts_with("simple-cysts")) << r.node << ": " << r.text;
}

// "Low platelets and a 12 cm hemangioma. Could the two be connected?": a
// cause question about the two things the story tells is asked of the
// section that names the one beside the subject, not of the section the
// size falls in.
TEST(StoryCase, TwoThingsToldAreRelatedByTheSectionNamingTheOther) {
  const auto pack = PackOf(
      "story-case-two-things",
      "Is a liver hemangioma dangerous?\n"
      "A liver hemangioma is a benign lump of blood vessels. Details are as "
      "follows:\n"
      "1. Small hemangiomas\n"
      "Most hemangiomas are smaller than 4 centimetres and need nothing.\n"
      "2. Large hemangiomas\n"
      "Hemangiomas larger than 5 centimetres can press on nearby organs.\n"
      "3. Rare complications\n"
      "A hemangioma can trap platelets, causing a clotting disorder.\n"
      "Attend your follow-up scans.\n");
  ASSERT_TRUE(pack);
  SaysIn(*pack,
         "My blood test shows low platelets and I have a 12 cm liver "
         "hemangioma. Could the two be connected?",
         "trap platelets");
}

// "...draining it with a needle or keyhole surgery. Which one is better?":
// a question that chooses between the options of the statement before it
// asks about them, not about the symptoms the story also tells.
TEST(StoryCase, WhichOneIsBetterAsksOfTheOptionsJustTold) {
  const auto pack =
      PackOf("story-case-options",
             "Is a kidney cyst dangerous?\n"
             "A kidney cyst is a pouch of fluid on a kidney. Details are as "
             "follows:\n"
             "1. Symptoms\n"
             "A large cyst can cause a dull ache in the side or back.\n"
             "2. Treatment\n"
             "Sclerotherapy drains the fluid through a needle; keyhole surgery "
             "removes the cyst's wall.\n"
             "Keep your follow-up scans.\n");
  ASSERT_TRUE(pack);
  constexpr char kStory[] =
      "My father has a 6 cm kidney cyst and a dull ache in his side and "
      "back for months. The doctor talked about draining it with a needle "
      "or keyhole surgery. ";
  SaysIn(*pack, std::string(kStory) + "Which one is better?", "Sclerotherapy");
  // Options the article does not name leave the story's section.
  SaysIn(*pack,
         "My father has a 6 cm kidney cyst and a dull ache in his side and "
         "back for months. The doctor talked about draining it or surgery. "
         "Which one is better?",
         "dull ache");
}

}  // namespace
}  // namespace faqbot::dialogs
