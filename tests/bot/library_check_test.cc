// faqbot check --packs: a library's articles, and a question made of one
// article's words that the library sends to another.
#include "bot/tools/library_check.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "bot/pack_loader.h"
#include "tests/support/library_files.h"

namespace faqbot::bot {
namespace {

namespace fs = std::filesystem;

// A library of the kidney-stone article and the gallbladder one, which
// gets a section headed "Kidney stones" (line 11): asked without a page,
// "what about kidney stones?" is the kidney-stone article's. Each test
// has a folder of its own: CTest runs them as processes in parallel.
fs::path MakeLibrary(const std::string& polyp_intents) {
  const fs::path root = testing::KidneyAndPolypLibrary(
      "library-check-" +
          std::string(
              ::testing::UnitTest::GetInstance()->current_test_info()->name()),
      "5. Kidney stones\nStones in the kidney are not polyps and need their "
      "own tests.\nAnyone with a gallbladder polyp should keep scheduled "
      "check-ups and see a doctor quickly if pain, fever, or yellowing of "
      "the skin appears. Eating regular meals with less fat and avoiding "
      "heavy drinking are also helpful.");
  if (!polyp_intents.empty()) {
    std::ofstream(root / "polyps" / kIntentsFile) << polyp_intents;
  }
  return root;
}

const Finding* Confusable(const std::vector<Finding>& findings) {
  for (const auto& f : findings) {
    if (f.id == "confusable-article kidney-stones") return &f;
  }
  return nullptr;
}

TEST(LibraryCheck, AHeadingThatNamesAnotherArticleIsAConfusableArticle) {
  const auto findings = CheckLibrary(MakeLibrary(""));
  const Finding* f = Confusable(findings);
  ASSERT_NE(f, nullptr) << FormatFinding(findings.front());
  EXPECT_TRUE(f->file.ends_with("polyps/article.txt")) << f->file;
  EXPECT_EQ(f->line, 11);
  EXPECT_NE(f->message.find("\"what about Kidney stones?\""), std::string::npos)
      << f->message;
  EXPECT_NE(f->message.find("Are kidney stones dangerous?"), std::string::npos)
      << "the witness names the article it goes to: " << f->message;
  EXPECT_EQ(CheckStatus(findings), 1);
}

TEST(LibraryCheck, TheArticlesIntentsFileCanAcceptIt) {
  const auto findings = CheckLibrary(MakeLibrary(
      "accept: confusable-article kidney-stones because the section only "
      "tells kidney stones apart\n"));
  const Finding* f = Confusable(findings);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->accepted, "the section only tells kidney stones apart");
}

// A broken article is an error at its file and line, and the rest of the
// library is still checked (the kidney-stone article's warnings and what
// its intents file accepts).
TEST(LibraryCheck, ABrokenArticleIsAnErrorAtItsFileAndLine) {
  const fs::path root = MakeLibrary("[synonyms]\nno colon on this line\n");
  const auto findings = CheckLibrary(root);
  ASSERT_FALSE(findings.empty());
  EXPECT_TRUE(findings.front().error);
  EXPECT_EQ(CheckStatus(findings), 2);
  EXPECT_TRUE(findings.front().file.ends_with("polyps/intents.txt"))
      << FormatFinding(findings.front());
  EXPECT_EQ(findings.front().line, 2) << FormatFinding(findings.front());
  EXPECT_TRUE(std::any_of(findings.begin(), findings.end(),
                          [](const Finding& f) {
                            return f.file.find("kidney-stones") !=
                                   std::string::npos;
                          }))
      << "the article that compiles is checked too";
}

}  // namespace
}  // namespace faqbot::bot
