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

}  // namespace
}  // namespace faqbot::dialogs
