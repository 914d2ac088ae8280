// Scoring real questions asked of a library: a neighbour question is
// right when the article its label names answers it, and an answer from
// any other article is wrong (counted apart as "elsewhere").
#include "bot/tools/real_questions.h"

#include <gtest/gtest.h>

#include "bot/pack_loader.h"
#include "dialogs/library.h"
#include "tests/support/library_files.h"

namespace faqbot::bot {
namespace {

TEST(RealQuestionsInLibrary, ANeighbourIsRightFromTheArticleItsLabelNames) {
  const auto root = testing::KidneyAndPolypLibrary(
      "real-questions-library",
      "Anyone with a gallbladder polyp should keep scheduled check-ups.");
  auto packs = LoadLibrary(root);
  ASSERT_TRUE(packs) << packs.error().message;
  auto library = std::make_shared<const dialogs::Library>(*std::move(packs));
  int kidney = -1;
  for (std::size_t i = 0; i < library->packs().size(); ++i) {
    if (library->packs()[i]->name == "kidney-stones") kidney = i;
  }
  ASSERT_GE(kidney, 0);
  auto questions = ParseRealQuestions(
      R"({"q": "Are gallbladder polyps dangerous?", "kind": ["fallback"], "library": "polyps"}
{"q": "How are gallbladder polyps treated?", "kind": ["fallback"]}
{"q": "Are gallbladder polyps dangerous?", "kind": ["fallback"], "library": "kidney-stones"}
)",
      "test");
  ASSERT_TRUE(questions) << questions.error().message;
  const LibraryScore s =
      ScoreRealQuestionsInLibrary(library, kidney, *questions, true);
  // The first: right (its article answers); the second: answered from
  // the polyp article with no label, wrong; the third: its label names
  // an article that does not answer, wrong.
  EXPECT_EQ(s.neighbours.of, 2);
  EXPECT_EQ(s.neighbours.right, 1);
  EXPECT_EQ(s.score.out_of_scope.of, 3);
  EXPECT_EQ(s.score.out_of_scope.right, 1);
  EXPECT_EQ(s.elsewhere, 2);
  // Every reply is listed, the first as answered by its labelled article,
  // the others as misses with the node they came from.
  ASSERT_EQ(s.score.replies.size(), 3u);
  EXPECT_NE(s.score.replies[0].find("ok: answered by polyps"),
            std::string::npos)
      << s.score.replies[0];
  EXPECT_NE(s.score.replies[1].find("[out] MISS: answer"), std::string::npos)
      << s.score.replies[1];
}

TEST(RealQuestionsInLibrary, ALibraryLabelMustBeText) {
  EXPECT_FALSE(ParseRealQuestions(
      R"({"q": "x", "kind": ["fallback"], "library": 3})", "bad"));
}

}  // namespace
}  // namespace faqbot::bot
