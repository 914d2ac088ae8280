#include "intents/speller.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace faqbot::intents {
namespace {

SpellIndex Vocabulary() {
  SpellIndex index;
  for (const char* w : {"calcification", "parasites", "treatment", "liver",
                        "hepatitis", "rest", "congenital", "symptoms"}) {
    index.Add(w);
  }
  return index;
}

TEST(Speller, CorrectsTyposToVocabulary) {
  const SpellIndex index = Vocabulary();
  const struct {
    const char* typo;
    const char* want;
  } cases[] = {
      {"calcificaton", "calcification"},  // one deletion
      {"calcifcation", "calcification"},
      {"calsificasion", "calcification"},  // two edits, long word
      {"parasits", "parasites"},
      {"treatmnet", "treatment"},  // transposition
      {"hepatitus", "hepatitis"},
      {"symtoms", "symptoms"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(index.Correct(c.typo).value_or("(none)"), c.want) << c.typo;
  }
}

// The lexicon's built-in words are indexed once and shared (SetBase): a
// pack corrects to them as if it held their deletions, prefers its own
// words as before, and never to a shared word it does not use.
TEST(Speller, ASharedBaseCorrectsOnlyToThisIndexsWords) {
  SpellIndex base;
  for (const char* w : {"treatment", "symptoms", "vomiting"}) base.Add(w);
  SpellIndex index;
  index.SetBase(&base);
  for (const char* w : {"treatment", "calcification", "treatments"}) {
    index.Add(w);
  }
  index.Add("treatment", 5);  // the article uses it most
  EXPECT_EQ(index.Correct("treatmnet").value_or("(none)"), "treatment")
      << "found through the base's deletions, weighed here";
  EXPECT_EQ(index.Correct("calcificaton").value_or("(none)"), "calcification");
  EXPECT_FALSE(index.Correct("vomitting"))
      << "a word only the base knows is not this pack's vocabulary";
  EXPECT_TRUE(index.Contains("treatment"));
  EXPECT_FALSE(index.Contains("vomiting"));
}

TEST(Speller, LeavesShortKnownAndNumericWordsAlone) {
  const SpellIndex index = Vocabulary();
  EXPECT_FALSE(index.Correct("liver"));  // known
  EXPECT_FALSE(index.Correct("livr"));   // too short to guess
  EXPECT_FALSE(index.Correct("12345"));  // a number
  EXPECT_FALSE(index.Correct("reset"));  // "rest" is 4 letters: never a target
  EXPECT_FALSE(index.Correct("weather"));       // nothing close
  EXPECT_FALSE(index.Correct("hepatitisxyz"));  // three edits away
}

TEST(Speller, ShortWordsGetOneEditOnly) {
  SpellIndex index;
  index.Add("fever");
  EXPECT_EQ(index.Correct("fevre").value_or(""), "fever");
  EXPECT_FALSE(index.Correct("feeeer"));  // two edits on a short word
}

TEST(Speller, EditDistanceCountsTranspositionAsOne) {
  EXPECT_EQ(EditDistance("abcd", "abdc"), 1);
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3);
  EXPECT_EQ(EditDistance("", "abc"), 3);
  EXPECT_EQ(EditDistance("abc", ""), 3);
  EXPECT_EQ(EditDistance("ca", "abc"), 3);  // no edit after a transposition
}

// A hostile message's endless "word" is no typo: it is left alone at
// once (its deletion variants would fill the memory), as a long random
// one is.
TEST(Speller, AnEndlessWordIsLeftAlone) {
  SpellIndex index;
  index.Add("calcification");
  EXPECT_FALSE(index.Correct(std::string(1800, 'x')));
  std::string noise;
  for (int i = 0; i < 2000; ++i) noise += static_cast<char>('a' + i * 7 % 26);
  EXPECT_FALSE(index.Correct(noise));
  EXPECT_EQ(index.Correct("calcificaton").value_or(""), "calcification");
}

// Words longer than the table kept on the stack are measured the same.
TEST(Speller, EditDistanceOfLongWords) {
  const std::string word(60, 'a');
  std::string swapped = word + "bc", typo = word + "cb";
  EXPECT_EQ(EditDistance(swapped, typo), 1);
  EXPECT_EQ(EditDistance(word, word + "xyz"), 3);
  EXPECT_EQ(EditDistance("x" + word, word + "x"), 2);
}

// With a limit, a distance within it is exact and one beyond it is
// reported as just over it: every pair of short strings over three
// letters, against the unlimited distance.
TEST(Speller, EditDistanceWithinALimitAgreesWithTheWholeTable) {
  std::vector<std::string> words = {""};
  for (std::size_t at = 0; at < words.size() && words.size() < 121; ++at) {
    if (words[at].size() == 4) continue;
    for (const char c : std::string("abc")) words.push_back(words[at] + c);
  }
  for (const auto& a : words) {
    for (const auto& b : words) {
      const int whole = EditDistance(a, b);
      for (int limit = 0; limit <= 3; ++limit) {
        EXPECT_EQ(EditDistance(a, b, limit), std::min(whole, limit + 1))
            << a << " " << b << " " << limit;
      }
    }
  }
}

}  // namespace
}  // namespace faqbot::intents
