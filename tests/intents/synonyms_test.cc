#include "intents/synonyms.h"

#include <gtest/gtest.h>

#include "intents/matcher.h"
#include "tests/support/test_lexicon.h"

namespace faqbot::intents {
namespace {

const Lexicon& Lex() { return *faqbot::testing::TestLexicon(); }
std::string StemOf(std::string_view word) { return Lex().Stem(word); }

std::string Rewrite(const SynonymTable& table, std::string_view text) {
  auto terms = StemWords(text, Lex());
  table.Apply(&terms, nullptr);
  std::string out;
  for (const auto& t : terms) out += (out.empty() ? "" : " ") + t;
  return out;
}

TEST(Synonyms, RewritesLongestPhraseToCanonical) {
  SynonymTable table;
  ASSERT_TRUE(table.AddGroup("calcification: calcium spot, calcified", Lex()));
  ASSERT_TRUE(table.AddGroup("cancer: tumour, malignant", Lex()));
  EXPECT_EQ(Rewrite(table, "calcium spots in my liver"),
            Rewrite(table, "calcification in my liver"));
  EXPECT_EQ(Rewrite(table, "is it malignant"), "is it " + StemOf("cancer"));
  EXPECT_EQ(Rewrite(table, "a Tumour"), "a " + StemOf("cancer"));
  EXPECT_EQ(Rewrite(table, "calcium salts"), "calcium salt");  // no match
}

TEST(Synonyms, RejectsGroupsWithoutCanonicalOrAlternatives) {
  SynonymTable table;
  EXPECT_FALSE(table.AddGroup("no colon here", Lex()));
  EXPECT_FALSE(table.AddGroup(": orphan", Lex()));
  EXPECT_FALSE(table.AddGroup("lonely:   ", Lex()));
}

TEST(Synonyms, TheLexiconKnowsLayMedicalWords) {
  Matcher matcher(faqbot::testing::TestLexicon());  // the lexicon's groups
  const auto& a = matcher.analyzer();
  const auto same = [&](std::string_view x, std::string_view y) {
    return a.Terms(x) == a.Terms(y);
  };
  EXPECT_TRUE(same("worms", "parasites"));
  EXPECT_TRUE(same("hep b", "hepatitis"));
  EXPECT_TRUE(same("pills", "medication"));
  EXPECT_TRUE(same("tablets", "medicine"));
  EXPECT_TRUE(same("gall stones", "gallstones"));
  // Gallstones are their own condition, not any stone an article mentions.
  EXPECT_FALSE(same("gallstones", "stones"));
  EXPECT_TRUE(same("tumor", "cancerous"));
  EXPECT_TRUE(same("calcium deposit", "calcification"));
  EXPECT_FALSE(same("hepatitis", "liver"));
}

}  // namespace
}  // namespace faqbot::intents
