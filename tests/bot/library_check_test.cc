// faqbot check --packs: a library's articles, and a question made of one
// article's words that the library sends to another.
#include "bot/tools/library_check.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "bot/pack_loader.h"

namespace faqbot::bot {
namespace {

namespace fs = std::filesystem;

// A library of the kidney-stone article and the gallbladder one, which
// gets a section headed "Kidney stones" (line 11): asked without a page,
// "what about kidney stones?" is the kidney-stone article's. Each test
// has a folder of its own: CTest runs them as processes in parallel.
fs::path MakeLibrary(const std::string& polyp_intents) {
  const fs::path root =
      fs::path(::testing::TempDir()) /
      ("library-check-" +
       std::string(
           ::testing::UnitTest::GetInstance()->current_test_info()->name()));
  fs::remove_all(root);
  const fs::path content = fs::path(FAQBOT_SOURCE_DIR) / "content";
  fs::create_directories(root / "kidney-stones");
  fs::copy_file(content / "kidney-stones" / kArticleFile,
                root / "kidney-stones" / kArticleFile);
  fs::create_directories(root / "polyps");
  std::ifstream in(content / "gallbladder-polyps" / kArticleFile);
  std::ostringstream article;
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("Anyone with a gallbladder polyp")) {
      article << "5. Kidney stones\nStones in the kidney are not polyps and "
                 "need their own tests.\n";
    }
    article << line << "\n";
  }
  std::ofstream(root / "polyps" / kArticleFile) << article.str();
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
