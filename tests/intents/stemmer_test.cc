#include "intents/stemmer.h"

#include <gtest/gtest.h>

namespace faqbot::intents {
namespace {

std::string EnglishStem(std::string_view word) {
  static const Stemmer stemmer("english", {"itis"});
  return stemmer.Stem(word);
}

TEST(Stemmer, MergesInflections) {
  EXPECT_EQ(EnglishStem("treatment"), EnglishStem("treatments"));
  EXPECT_EQ(EnglishStem("treated"), EnglishStem("treat"));
  EXPECT_EQ(EnglishStem("calcifications"), EnglishStem("calcification"));
  EXPECT_EQ(EnglishStem("parasites"), EnglishStem("parasitic"));
}

TEST(Stemmer, KeepsInflammationNamesApartFromTheirAdjectives) {
  EXPECT_EQ(EnglishStem("hepatitis"), "hepatitis");
  EXPECT_NE(EnglishStem("hepatitis"), EnglishStem("hepatic"));
}

// A plural ending pair stems the word as its plural: Snowball alone stems
// "diagnosis" to "diagnosi", apart from "diagnoses" and "diagnosed".
TEST(Stemmer, StemsAWordAsItsPluralEndingSays) {
  const Stemmer plain("english");
  EXPECT_NE(plain.Stem("diagnosis"), plain.Stem("diagnosed"));
  const Stemmer greek("english", {}, {{"sis", "ses"}});
  EXPECT_EQ(greek.Stem("diagnosis"), greek.Stem("diagnosed"));
  EXPECT_EQ(greek.Stem("metastasis"), greek.Stem("metastases"));
  EXPECT_EQ(greek.Stem("sis"), "sis") << "too short to have the ending";
}

TEST(Stemmer, AnUnknownLanguageStemsNothing) {
  const Stemmer none("klingon");
  EXPECT_FALSE(none.ok());
  EXPECT_EQ(none.Stem("treatments"), "treatments");
}

TEST(Stemmer, LeavesNumbersAndOtherScriptsAlone) {
  EXPECT_EQ(EnglishStem("15"), "15");
  EXPECT_EQ(EnglishStem("\xE8\x82\x9D"), "\xE8\x82\x9D");
}

}  // namespace
}  // namespace faqbot::intents
