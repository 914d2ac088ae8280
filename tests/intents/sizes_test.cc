#include "intents/sizes.h"

#include <gtest/gtest.h>

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
}

}  // namespace
}  // namespace faqbot::intents
