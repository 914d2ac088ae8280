#include "intents/denials.h"

#include <gtest/gtest.h>

#include <sstream>

#include "tests/support/test_lexicon.h"

namespace faqbot::intents {
namespace {

// The denied words of `text` (already normalized: words split by spaces).
std::string Denied(const std::string& text, bool statement = true) {
  std::vector<std::string> words;
  std::istringstream in(text);
  for (std::string w; in >> w;) words.push_back(w);
  std::string out;
  for (const auto& [first, last] :
       DeniedSpans(words, *testing::TestLexicon(), statement)) {
    for (std::size_t i = first; i < last; ++i) {
      out += (out.empty() ? "" : " ") + words[i];
    }
  }
  return out;
}

TEST(Denials, WhatAPersonSaysIsNotSoUpToTheClauseBreak) {
  EXPECT_EQ(Denied("but i rarely drink"), "drink");
  EXPECT_EQ(Denied("i do not drink alcohol and i exercise daily"),
            "drink alcohol");
  EXPECT_EQ(Denied("i do not and never have used alcohol"),
            "have used alcohol");
  EXPECT_EQ(Denied("my husband has had no pain since"), "pain since");
}

TEST(Denials, OnlyInStatementsAndNearThePerson) {
  EXPECT_EQ(Denied("i do not have symptoms", /*statement=*/false), "");
  EXPECT_EQ(Denied("my liver tests came back not normal"), "");
  EXPECT_EQ(Denied("the doctor said there is no cancer"), "");
}

TEST(Denials, ANegatingPrefixDeniesTheNextWordEverywhere) {
  EXPECT_EQ(Denied("what is non alcoholic fatty liver", /*statement=*/false),
            "alcoholic");
}

TEST(Denials, AQuestionMarkMakesAQuestion) {
  EXPECT_TRUE(IsStatement("But I rarely drink."));
  EXPECT_TRUE(IsStatement("I don't drink"));
  EXPECT_FALSE(IsStatement("So how is this possible? "));
}

}  // namespace
}  // namespace faqbot::intents
