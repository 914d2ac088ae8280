#include "intents/pattern.h"

#include <gtest/gtest.h>

#include "intents/synonyms.h"
#include "tests/support/test_lexicon.h"

namespace faqbot::intents {
namespace {

std::vector<std::string> StemWords(std::string_view text) {
  return intents::StemWords(text, *faqbot::testing::TestLexicon());
}

const PhraseAnalyzer kStem = [](std::string_view phrase) {
  return StemWords(phrase);
};

// Compiles `pattern` alone and reports whether it matches `text`.
bool Matches(std::string_view pattern, std::string_view text) {
  PatternSet set;
  auto regex = CompilePattern(pattern, kStem);
  EXPECT_TRUE(regex) << pattern << ": " << regex.error().message;
  if (!regex) return false;
  EXPECT_TRUE(set.Add(*regex));
  EXPECT_TRUE(set.Compile());
  return !set.Match(AnalyzedText(StemWords(text))).empty();
}

TEST(Pattern, MatchesStemmedPhrasesAndAlternatives) {
  EXPECT_TRUE(Matches("how (treat|cure) worms", "how treated worms"));
  EXPECT_TRUE(Matches("how (treat|cure) worms", "how cure worm"));
  EXPECT_FALSE(Matches("how (treat|cure) worms", "how fix worms"));
  EXPECT_TRUE(Matches("what [is|are] symptoms", "what symptoms"));
  EXPECT_TRUE(Matches("what [is|are] symptoms", "what are symptoms"));
  EXPECT_TRUE(Matches("treat*", "treatments"));
  EXPECT_TRUE(Matches("what ... mean", "what does this finding mean"));
  EXPECT_FALSE(Matches("what ... mean", "what one two three four five mean"));
  EXPECT_TRUE(Matches("chest pain | breathless*", "suddenly breathless"));
  // A raw regex sees the analyzed (stemmed) text.
  EXPECT_TRUE(Matches("/\\S*ectomi/", "a cholecystectomy"));
}

TEST(Pattern, MatchesWholeWordsOnly) {
  EXPECT_FALSE(Matches("rest", "arrest"));
  EXPECT_FALSE(Matches("liver", "delivery"));
}

TEST(Pattern, ReportsMalformedPatterns) {
  const struct {
    const char* pattern;
    const char* says;
  } cases[] = {
      {"(fever", "never closed"},  {"fever)", "closes nothing"},
      {"a||b", "empty"},           {"", "empty"},
      {"*", "must follow a word"}, {"/(unclosed/", "missing )"},
      {"/abc", "no closing '/'"},  {"!!!", "no letters"},
  };
  for (const auto& c : cases) {
    auto r = CompilePattern(c.pattern, kStem);
    ASSERT_FALSE(r) << c.pattern;
    EXPECT_NE(r.error().message.find(c.says), std::string::npos)
        << c.pattern << " -> " << r.error().message;
  }
}

TEST(PatternSet, MatchesAllPatternsInOnePass) {
  PatternSet set;
  for (const char* p : {"fever", "chest pain", "liver"}) {
    ASSERT_TRUE(set.Add(*CompilePattern(p, kStem)));
  }
  ASSERT_TRUE(set.Compile());
  auto hits = set.Match(AnalyzedText(StemWords("chest pain and fever")));
  std::sort(hits.begin(), hits.end());
  EXPECT_EQ(hits, (std::vector<int>{0, 1}));
  std::size_t begin = 0, end = 0;
  const std::string text = AnalyzedText(StemWords("high fever"));
  ASSERT_TRUE(set.Find(0, text, &begin, &end));
  EXPECT_EQ(text.substr(begin, end - begin), " fever ");
}

TEST(PatternSet, RejectsPatternsOverTheSizeLimit) {
  PatternSet set;
  // Nested counted repetition blows up the compiled program.
  auto added = set.Add("((((a{100}){100}){100}){100})");
  EXPECT_FALSE(added);
}

}  // namespace
}  // namespace faqbot::intents
