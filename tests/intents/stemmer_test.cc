#include "intents/stemmer.h"

#include <gtest/gtest.h>

namespace faqbot::intents {
namespace {

TEST(Stemmer, MergesInflections) {
  EXPECT_EQ(Stem("treatment"), Stem("treatments"));
  EXPECT_EQ(Stem("treated"), Stem("treat"));
  EXPECT_EQ(Stem("calcifications"), Stem("calcification"));
  EXPECT_EQ(Stem("parasites"), Stem("parasitic"));
}

TEST(Stemmer, KeepsInflammationNamesApartFromTheirAdjectives) {
  EXPECT_EQ(Stem("hepatitis"), "hepatitis");
  EXPECT_NE(Stem("hepatitis"), Stem("hepatic"));
}

TEST(Stemmer, LeavesNumbersAndOtherScriptsAlone) {
  EXPECT_EQ(Stem("15"), "15");
  EXPECT_EQ(Stem("\xE8\x82\x9D"), "\xE8\x82\x9D");
}

}  // namespace
}  // namespace faqbot::intents
