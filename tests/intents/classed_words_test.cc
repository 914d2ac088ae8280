#include "intents/classed_words.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "intents/medical_terms.h"
#include "tests/support/test_lexicon.h"

namespace faqbot::intents {
namespace {

std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream in(text);
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

// Every class of every word, every phrase starting at every word, and
// the kind of term each word is: as the lexicon says when asked directly.
TEST(ClassedWords, SaysWhatTheLexiconSaysOfEachWord) {
  const Lexicon& lex = *testing::TestLexicon();
  for (const char* text :
       {"do i have polycystic ovary syndrome",
        "my 13 year old daughter is in her eighth week of pregnancy",
        "is it safe for my baby and for children or the elderly",
        "is it safe to fly with a kidney stone or can i still dive",
        "the doctor said there is no cancer in my left breast",
        "what is the difference between a cyst and a tumour", ""}) {
    const std::vector<std::string> words = Words(text);
    const ClassedWords classed(words, lex);
    ASSERT_EQ(classed.size(), words.size());
    for (std::size_t c = 0; c < kWordClassCount; ++c) {
      const auto cls = static_cast<WordClass>(c);
      for (std::size_t i = 0; i < words.size(); ++i) {
        EXPECT_EQ(classed.Is(i, cls), lex.Is(words[i], cls))
            << words[i] << " class " << c;
        EXPECT_EQ(classed.EntryAt(i, cls), lex.EntryAt(words, i, cls))
            << words[i] << " class " << c;
      }
      EXPECT_EQ(classed.HasEntry(cls), lex.HasEntry(words, cls))
          << text << " class " << c;
    }
    for (std::size_t i = 0; i < words.size(); ++i) {
      EXPECT_EQ(ClassifyTerm(classed, i), ClassifyTerm(words[i], lex))
          << words[i];
      EXPECT_EQ(NamesAGroup(words[i], lex),
                ClassifyTerm(words[i], lex) == TermKind::kGroup)
          << words[i];
    }
  }
}

// The test above would pass on a lexicon that knows nothing: these
// words are known to be in their classes.
TEST(ClassedWords, KnowsPhrasesAndListedWords) {
  const Lexicon& lex = *testing::TestLexicon();
  const std::vector<std::string> words = Words("do i have kidney stones");
  const ClassedWords classed(words, lex);
  EXPECT_TRUE(classed.Is(3, WordClass::kOrgans));
  EXPECT_TRUE(classed.Is(0, WordClass::kAuxiliaries));
  EXPECT_GT(classed.EntryAt(0, WordClass::kAskingCondition), 1u);
  EXPECT_EQ(ClassifyTerm(classed, 3), TermKind::kOrgan);
  EXPECT_TRUE(NamesAGroup("baby", lex));
  EXPECT_FALSE(NamesAGroup("kidney", lex));
}

}  // namespace
}  // namespace faqbot::intents
