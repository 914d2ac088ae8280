#include "intents/stemmer.h"

#include <gtest/gtest.h>

namespace faqbot::intents {
namespace {

std::string Stem(std::string_view word) {
  static const Stemmer stemmer("english", {"itis"});
  return stemmer.Stem(word);
}

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

TEST(Stemmer, AnUnknownLanguageStemsNothing) {
  const Stemmer none("klingon");
  EXPECT_FALSE(none.ok());
  EXPECT_EQ(none.Stem("treatments"), "treatments");
}

TEST(Stemmer, LeavesNumbersAndOtherScriptsAlone) {
  EXPECT_EQ(Stem("15"), "15");
  EXPECT_EQ(Stem("\xE8\x82\x9D"), "\xE8\x82\x9D");
}

}  // namespace
}  // namespace faqbot::intents
