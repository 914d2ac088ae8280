#include "intents/sizes.h"

#include <gtest/gtest.h>

#include "intents/matcher.h"
#include "tests/support/test_lexicon.h"

namespace faqbot::intents {
namespace {

TEST(Sizes, AQuestionsSizesInMillimetres) {
  const Lexicon& lex = *faqbot::testing::TestLexicon();
  EXPECT_EQ(SizesIn("I have a 7 cm cyst", lex), std::vector<double>{70});
  EXPECT_EQ(SizesIn("a 0.8 cm stone", lex), std::vector<double>{8});
  EXPECT_EQ(SizesIn("approximately 4-5 cm in size", lex),
            std::vector<double>{50});
  EXPECT_EQ(SizesIn("a 6mm x 5mm stone", lex), std::vector<double>{6})
      << "one thing's sides: its largest";
  EXPECT_EQ(SizesIn("4 mm three years ago, 12 mm now", lex),
            (std::vector<double>{4, 12}));
  EXPECT_TRUE(SizesIn("I am 45 years old, ALT 52", lex).empty());
}

TEST(Sizes, AnArticlesRangesHoldTheSizesTheySay) {
  const Lexicon& lex = *faqbot::testing::TestLexicon();
  const auto larger =
      SizeRangesIn("Stones larger than 10 millimetres rarely pass.", lex);
  ASSERT_EQ(larger.size(), 1u);
  EXPECT_TRUE(larger[0].Holds(12));
  EXPECT_FALSE(larger[0].Holds(8));
  const auto upto =
      SizeRangesIn("Stones up to about 10 millimetres can pass.", lex);
  ASSERT_EQ(upto.size(), 1u);
  EXPECT_TRUE(upto[0].Holds(6));
  EXPECT_FALSE(upto[0].Holds(12));
  const auto over =
      SizeRangesIn("A cyst over about 5 centimetres can twist.", lex);
  ASSERT_EQ(over.size(), 1u);
  EXPECT_TRUE(over[0].Holds(70));
  EXPECT_TRUE(SizeRangesIn("A 5 cm cyst was seen; age over 50.", lex).empty())
      << "a size without a word of range, a range without a unit";
  // A span is a range of its own, both ends in.
  const auto span = SizeRangesIn("Nodules of 6 to 8 millimetres", lex);
  ASSERT_EQ(span.size(), 1u);
  EXPECT_TRUE(span[0].Holds(6));
  EXPECT_TRUE(span[0].Holds(8));
  EXPECT_FALSE(span[0].Holds(9));
  EXPECT_FALSE(span[0].Holds(5));
  // The word of range after the size, the size itself in.
  const auto more =
      SizeRangesIn("A cyst of 3 centimetres or more is checked.", lex);
  ASSERT_EQ(more.size(), 1u);
  EXPECT_TRUE(more[0].Holds(30));
  EXPECT_TRUE(more[0].Holds(35));
  EXPECT_FALSE(more[0].Holds(25));
  const auto less = SizeRangesIn("Polyps of 5 mm or less are left.", lex);
  ASSERT_EQ(less.size(), 1u);
  EXPECT_TRUE(less[0].Holds(5));
  EXPECT_FALSE(less[0].Holds(6));
}

// A heading's span counts for its section; the subject's own bound in the
// summary ("up to 3 centimetres across") is no case of it.
TEST(Sizes, AHeadingsSpanCountsAndTheSubjectsBoundDoesNot) {
  Matcher m(faqbot::testing::TestLexicon());
  const int overview = m.AddIntent("overview");
  m.SetSubject(overview, "Lung nodules");
  m.AddKeywords(overview, "Lung nodules", 3, "title");
  m.AddPassage(overview, "A lung nodule is a spot up to 3 centimetres across.");
  const int small = m.AddIntent("small");
  m.AddKeywords(small, "Small nodules", 3, "heading");
  m.AddPassage(small, "Nodules smaller than 6 millimetres are rarely cancer.");
  const int middle = m.AddIntent("middle");
  m.AddKeywords(middle, "Nodules of 6 to 8 millimetres", 3, "heading");
  m.AddSizeRanges(middle, "Nodules of 6 to 8 millimetres");
  m.AddPassage(middle, "These are checked with a repeat scan.");
  ASSERT_TRUE(m.Compile());
  const Signals s = m.Match("how often should a 7 mm nodule be checked?");
  ASSERT_FALSE(s.candidates.empty());
  EXPECT_EQ(s.candidates[0].intent, middle);
}

}  // namespace
}  // namespace faqbot::intents
